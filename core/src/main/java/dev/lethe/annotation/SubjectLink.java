package dev.lethe.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Links an entity to a data subject through a field that holds one of the subject's identities
 * rather than an association, such as a column with the customer's e-mail address or id. Access
 * (Art. 15) and erasure (Art. 17) then cover the entity's rows for that subject.
 *
 * <p>The field holds an identity, so it is itself personal data of that subject: without its own
 * {@code @PersonalData} it takes the category of the identity it holds ({@code identity.identifier}
 * for the id), is exported, and is erased with the row where the class-level {@code @PersonalData}
 * says {@code DELETE_ROW}, kept where it says {@code KEEP}, and otherwise nulled ({@code REPLACE}d
 * with the type's default for a primitive).
 */
@Documented
@java.lang.annotation.Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface SubjectLink {

  /** The subject type, as named by its root's {@link DataSubject}. */
  String subject();

  /** Which identity of the subject the field holds; {@code id} by default. */
  String identity() default "id";
}
