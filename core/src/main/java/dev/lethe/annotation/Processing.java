package dev.lethe.annotation;

import dev.lethe.law.LawfulBasis;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a purpose for which an entity's personal data is processed and its lawful basis
 * (Art. 5(1)(b), Art. 6(1)), with the recipients the data is disclosed to (Art. 13(1)(e)) and
 * whether the processing takes solely automated decisions (Art. 22). Repeat it for each purpose.
 */
@Documented
@java.lang.annotation.Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Processing.List.class)
public @interface Processing {

  /** The purpose's name, such as {@code newsletter}; the same name means the same purpose everywhere. */
  String purpose();

  /** The lawful basis of Art. 6(1). */
  LawfulBasis.Kind basis();

  /** For a legal obligation or public task: the law it rests on (Art. 6(3)). */
  String law() default "";

  /** For legitimate interests: the interest pursued (Art. 13(1)(d)). */
  String interest() default "";

  /** For legitimate interests: where the balancing test is recorded. */
  String assessment() default "";

  /** The recipients the data is disclosed to for this purpose, by the names used in the controller description. */
  String[] recipients() default {};

  /**
   * What the purpose is called in words, such as "Newsletter by e-mail", for the records, the
   * notice and the console (Art. 12(1)); empty means one derived from the purpose's name
   * ({@code b2b-marketing} reads "B2b marketing"). Declarations of one purpose may not disagree.
   */
  String label() default "";

  /**
   * Whether this processing takes decisions based solely on automated processing (Art. 22); if so,
   * {@link #decisionLogic}, {@link #decisionSignificance} and {@link #decisionConsequences} are required,
   * and the basis must be contract, consent or law (Art. 22(2)).
   */
  boolean solelyAutomatedDecisions() default false;

  /** For a solely automated decision: the logic involved, in plain words (Art. 13(2)(f), 15(1)(h)). */
  String decisionLogic() default "";

  /** For a solely automated decision: its significance for the subject (Art. 13(2)(f), 15(1)(h)). */
  String decisionSignificance() default "";

  /** For a solely automated decision: its envisaged consequences for the subject (Art. 13(2)(f), 15(1)(h)). */
  String decisionConsequences() default "";

  /** Holds repeated {@link Processing} declarations. */
  @Documented
  @java.lang.annotation.Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    /** The declarations. */
    Processing[] value();
  }
}
