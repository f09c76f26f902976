package dev.lethe.spring.web;

import dev.lethe.law.LawfulBasis;
import dev.lethe.model.Purpose;
import java.util.List;

/** The purposes that rest on consent (Art. 6(1)(a)): the only ones the consent endpoints take. */
final class ConsentPurposes {

  private ConsentPurposes() {}

  /** The names of those among {@code purposes}, in their order. */
  static List<String> of(List<Purpose> purposes) {
    return purposes.stream()
        .filter(purpose -> purpose.basis() instanceof LawfulBasis.Consent)
        .map(Purpose::name)
        .toList();
  }

  /** Refuses any purpose but those of {@code purposes} resting on consent, without repeating the name sent. */
  static void require(List<Purpose> purposes, String purpose) {
    List<String> declared = of(purposes);
    if (!declared.contains(purpose)) {
      throw new IllegalArgumentException("Consent is taken for the purposes " + declared + " only");
    }
  }
}
