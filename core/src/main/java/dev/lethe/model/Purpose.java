package dev.lethe.model;

import static java.util.Objects.requireNonNull;

import dev.lethe.law.LawfulBasis;
import java.util.List;
import java.util.Optional;

/**
 * A purpose of processing (Art. 5(1)(b)) with its one lawful basis (Art. 6(1)), the recipients the
 * data is disclosed to (Art. 13(1)(e), 19) and the decision it takes solely by automated means, if
 * any (Art. 22).
 *
 * @param name the purpose's name, unique in the model
 * @param basis the lawful basis
 * @param recipients names of recipients, as used in the controller description
 * @param automatedDecision the solely automated decision the processing takes, with its logic,
 *     significance and consequences (Art. 22(1), 15(1)(h)); empty when a person decides
 * @param label what the purpose is called in words (Art. 12(1)), declared or derived from its name:
 *     {@code b2b-marketing} reads "B2b marketing"
 */
public record Purpose(
    String name,
    LawfulBasis basis,
    List<String> recipients,
    Optional<AutomatedDecision> automatedDecision,
    String label) {

  /** A purpose labelled from its name. */
  public Purpose(
      String name,
      LawfulBasis basis,
      List<String> recipients,
      Optional<AutomatedDecision> automatedDecision) {
    this(name, basis, recipients, automatedDecision, "");
  }

  public Purpose {
    requireNonNull(name, "name");
    requireNonNull(basis, "basis");
    recipients = List.copyOf(recipients);
    requireNonNull(automatedDecision, "automatedDecision");
    label = requireNonNull(label, "label").isBlank() ? Labels.fromName(name) : label.strip();
  }

  /** A purpose that takes no solely automated decision, labelled from its name. */
  public Purpose(String name, LawfulBasis basis, List<String> recipients) {
    this(name, basis, recipients, Optional.empty());
  }

  /** Whether the processing takes decisions based solely on automated processing (Art. 22(1)). */
  public boolean solelyAutomatedDecisions() {
    return automatedDecision.isPresent();
  }
}
