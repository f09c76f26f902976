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
 *
 * <p>A request's value is compared with the field the same way on every database: e-mail
 * identities (category {@code contact.email}, or named {@code email}) ignoring case and
 * surrounding spaces, others exactly, unless {@link #match()} says otherwise.
 */
@Documented
@java.lang.annotation.Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface SubjectIdentity {

  /** The identity's name, such as {@code email} or {@code phone}. */
  String value();

  /** How a requested value is compared with the field's (Art. 12(2), 12(6)); by the identity's kind by default. */
  Match match() default Match.DEFAULT;

  /** How a requested identity value is compared with the stored one. */
  enum Match {
    /** Ignoring case and surrounding spaces for an e-mail identity, exactly for any other. */
    DEFAULT,
    /** Equal as written, as for a customer number whose case matters. */
    EXACT,
    /** Equal once trimmed and lower-cased on both sides, as for e-mail addresses and user names. */
    IGNORE_CASE_AND_SPACE
  }
}
