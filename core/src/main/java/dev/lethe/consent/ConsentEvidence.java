package dev.lethe.consent;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

/**
 * What the controller keeps to demonstrate a subject's answer to a request for consent (Art. 7(1)):
 * the notice they were shown, how they answered, and whether consent was asked as a condition of a
 * contract (Art. 7(4)), which weighs against it being freely given.
 *
 * @param noticeVersion the version of the privacy notice or consent wording shown, such as {@code 2025-03}
 * @param method how the subject answered
 * @param bundledWithContract whether a contract or service was made conditional on the consent (Art. 7(4))
 */
public record ConsentEvidence(String noticeVersion, ConsentMethod method, boolean bundledWithContract) {

  public ConsentEvidence {
    requireNonBlank(noticeVersion, "noticeVersion");
    requireNonNull(method, "method");
  }

  /** Evidence of an answer given freely, not bundled with a contract (Art. 7(1), 7(4)). */
  public static ConsentEvidence of(String noticeVersion, ConsentMethod method) {
    return new ConsentEvidence(noticeVersion, method, false);
  }
}
