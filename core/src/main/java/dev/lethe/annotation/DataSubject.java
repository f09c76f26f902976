package dev.lethe.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the root entity of a type of data subject, such as {@code @DataSubject("customer")}: the
 * natural person that rights requests are about (Art. 4(1)). Each subject type has exactly one
 * root; every other entity holding personal data must reach a root, through owning associations
 * or a {@link SubjectLink}.
 *
 * <p>The root's identifier is the subject's {@code id} identity; further identities are marked with
 * {@link SubjectIdentity}.
 */
@Documented
@java.lang.annotation.Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DataSubject {

  /** The subject type's name, such as {@code customer}, {@code employee} or {@code applicant}. */
  String value();
}
