package dev.lethe.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that an entity's personal data is also processed for purposes declared with
 * {@link Processing} on another entity, named here without repeating their basis or recipients
 * (Art. 5(1)(b), 13(1)(c), 30(1)(b)): a {@code Contact}'s e-mail address is what the
 * {@code newsletter} of its {@code NewsletterSubscription} is sent to.
 *
 * <p>A purpose reaches an entity's data only by one of the two: {@code @Processing} on the entity,
 * or its name here. Nothing is inherited along associations or from a subject's root, so the
 * records, the notice and the access report never claim a purpose the code does not state; an
 * entity holding personal data with neither is listed as a gap and warned about at start-up, and
 * one holding special-category or criminal-offence data is refused (Art. 9(1), 10).
 *
 * <p>On an entity whose rows hold data of several subjects (a treatment: the patient's diagnosis,
 * the physician's remark), {@link #of()} names whose data the purposes are for, as
 * {@link PersonalData#of()} does for a field; repeat the annotation once per owner.
 */
@Documented
@java.lang.annotation.Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(ProcessedFor.List.class)
public @interface ProcessedFor {

  /** The purposes' names, each declared with {@link Processing} somewhere in the model. */
  String[] value();

  /**
   * The route to the subject whose data the purposes are for, named as in {@link PersonalData#of()};
   * empty means every subject the entity reaches.
   */
  String of() default "";

  /** Several {@link ProcessedFor} on one entity, one per owner. */
  @Documented
  @java.lang.annotation.Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    ProcessedFor[] value();
  }
}
