package dev.lethe.annotation;

import dev.lethe.law.Article9Condition;
import dev.lethe.law.SensitiveCategory;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field as a special category of personal data (Art. 9(1)) or as criminal-offence data
 * (Art. 10). A special category needs the Art. 9(2) condition that lifts the prohibition;
 * criminal-offence data needs the law that authorises it. The field is personal data even without
 * {@link PersonalData}, with the category's built-in data category.
 */
@Documented
@java.lang.annotation.Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface SpecialCategory {

  /** Which special category the field holds. */
  SensitiveCategory value();

  /** The Art. 9(2) condition; exactly one is required for an Art. 9(1) category. */
  Article9Condition[] condition() default {};

  /** For Art. 10 data: the Union or Member State law that authorises the processing. */
  String authorisedBy() default "";

  /**
   * Whose data the field is, where its entity reaches several subjects: as
   * {@link PersonalData#of()}, for a field that carries no {@code @PersonalData} (Art. 9, 15, 17).
   */
  String of() default "";
}
