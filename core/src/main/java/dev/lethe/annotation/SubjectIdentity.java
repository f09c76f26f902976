package dev.lethe.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a {@link DataSubject} root that a rights request may identify the subject by,
 * such as {@code @SubjectIdentity("email")}. The root's identifier is always the identity
 * {@code id}; put {@code @SubjectIdentity("id")} on it when it is not marked by
 * {@code jakarta.persistence.Id}. Identification serves Art. 12(6) and Art. 15.
 */
@Documented
@java.lang.annotation.Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface SubjectIdentity {

  /** The identity's name, such as {@code email} or {@code phone}. */
  String value();
}
