package dev.lethe.model;

import static java.util.Objects.requireNonNull;

import dev.lethe.law.LawfulBasis;
import java.util.List;

/**
 * A purpose of processing (Art. 5(1)(b)) with its one lawful basis (Art. 6(1)), the recipients the
 * data is disclosed to (Art. 13(1)(e), 19) and whether it decides solely automatically (Art. 22).
 *
 * @param name the purpose's name, unique in the model
 * @param basis the lawful basis
 * @param recipients names of recipients, as used in the controller description
 * @param solelyAutomatedDecisions whether the processing takes solely automated decisions
 * @param label what the purpose is called in words (Art. 12(1)), declared or derived from its name:
 *     {@code b2b-marketing} reads "B2b marketing"
 */
public record Purpose(String name, LawfulBasis basis, List<String> recipients, boolean solelyAutomatedDecisions,
    String label) {

  /** A purpose labelled from its name. */
  public Purpose(String name, LawfulBasis basis, List<String> recipients, boolean solelyAutomatedDecisions) {
    this(name, basis, recipients, solelyAutomatedDecisions, "");
  }

  public Purpose {
    requireNonNull(name, "name");
    requireNonNull(basis, "basis");
    recipients = List.copyOf(recipients);
    label = requireNonNull(label, "label").isBlank() ? Labels.fromName(name) : label.strip();
  }
}
