package dev.lethe.annotation;

import dev.lethe.law.DataOrigin;
import dev.lethe.law.ErasureExemption;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks personal data (Art. 4(1)): information relating to an identified or identifiable natural
 * person. On a field it describes that field; on a class it describes every basic field of the
 * class that has no annotation of its own (not the identifier, version or links), including those
 * inherited from superclasses without a class-level {@code @PersonalData} of their own. To declare
 * one inherited attribute for one subclass only, use {@link PersonalDataOverride}.
 *
 * <p>Where a row reaches more than one data subject (a treatment of a patient by a physician, a
 * referral with a referrer and a referred person), {@link #of()} names whose data the field is, so
 * that access (Art. 15) shows it only to that subject and erasure (Art. 17) of one subject touches
 * only that subject's fields.
 *
 * <p>The category feeds the records and notices (Art. 30(1)(c), Art. 13–15), the origin decides
 * portability (Art. 20) and source disclosure (Art. 14), and the erasure strategy says what the
 * right to erasure (Art. 17) does to the field.
 */
@Documented
@java.lang.annotation.Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
public @interface PersonalData {

  /** The data category as a dotted code, such as {@code contact.email}; see {@code DataCategory}. */
  String category();

  /** Where the data came from. */
  DataOrigin origin() default DataOrigin.PROVIDED;

  /**
   * Where data the subject did not provide came from, such as "LinkedIn and company websites": a
   * notice and an access report name it (Art. 14(2)(f), 15(1)(g)). Required with
   * {@link DataOrigin#PUBLICLY_AVAILABLE}.
   */
  String source() default "";

  /** What erasure does to the field. */
  ErasureStrategy erasure() default ErasureStrategy.NULLIFY;

  /**
   * For {@link ErasureStrategy#REPLACE}: the value written instead, converted to the field's type.
   * Empty means a type-aware default.
   */
  String placeholder() default "";

  /** For {@link ErasureStrategy#MASK}: how many leading characters stay readable. */
  int maskKeepFirst() default 1;

  /** For {@link ErasureStrategy#MASK}: how many trailing characters stay readable. */
  int maskKeepLast() default 0;

  /**
   * For {@link ErasureStrategy#KEEP}: the Art. 17(3) exemption that allows keeping the field.
   * Exactly one is required with {@code KEEP}, and none is allowed otherwise.
   */
  ErasureExemption[] exemption() default {};

  /**
   * Whose personal data the field is, where the entity reaches more than one subject: the route's
   * association path from the entity (such as {@code patient}, or {@code treatment.patient} several
   * hops deep), or the subject type's name where the entity reaches that type by one route only.
   * On a class, it applies to every field the class annotation covers and to annotated fields that
   * name no owner themselves. Empty means the entity's only route. An entity reaching several
   * subjects with a personal field naming none is refused at start-up (Art. 15, 17).
   */
  String of() default "";

  /**
   * What the attribute is called in words, for the people who read the records, the notice and the
   * console (Art. 12(1): clear and plain language), such as "Full name". Empty means a label derived
   * from the attribute's name: {@code fullName} reads "Full name". Only on a field: on a class it
   * would give every attribute the same label, and start-up refuses it.
   */
  String label() default "";
}
