package dev.lethe.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How long an entity's rows are kept (Art. 5(1)(e) storage limitation): the period runs from the
 * value of a temporal attribute, and at expiry the row is deleted or anonymised. A row whose clock
 * attribute is null has not started its clock. The period and its reason appear in the records
 * and notices (Art. 13(2)(a), Art. 30(1)(f)).
 *
 * <p>Shares its simple name with {@link java.lang.annotation.Retention} on purpose: it reads
 * naturally on an entity.
 */
@Documented
@java.lang.annotation.Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Retention {

  /** The period as ISO-8601, such as {@code P12M} or {@code P6Y}; it must be positive. */
  String period();

  /** The temporal attribute that starts the clock, such as {@code closedAt}. */
  String clock();

  /** What happens at expiry. */
  RetentionAction action() default RetentionAction.DELETE;

  /** Why this period: the criterion a notice states to the subject. */
  String reason();
}
