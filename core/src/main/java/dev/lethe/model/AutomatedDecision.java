package dev.lethe.model;

import static dev.lethe.internal.util.Texts.requireNonBlank;

/**
 * A decision based solely on automated processing, including profiling, that a purpose takes about
 * the subject (Art. 22(1)), with the meaningful information a notice and an access report must give
 * about it (Art. 13(2)(f), 14(2)(g), 15(1)(h)).
 *
 * @param logic the logic involved, such as {@code Scores the payment history of the last 24 months}
 * @param significance what the decision means for the subject, such as {@code Decides whether credit is offered}
 * @param consequences the envisaged consequences, such as {@code An application may be declined}
 */
public record AutomatedDecision(String logic, String significance, String consequences) {

  public AutomatedDecision {
    requireNonBlank(logic, "logic");
    requireNonBlank(significance, "significance");
    requireNonBlank(consequences, "consequences");
  }
}
