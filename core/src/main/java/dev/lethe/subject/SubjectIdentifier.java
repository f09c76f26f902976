package dev.lethe.subject;

import static dev.lethe.internal.util.Texts.requireNonBlank;

/**
 * How a rights request names its data subject (Art. 4(1)): the subject type, the identity used and
 * its value, such as {@code customer}, {@code email}, {@code ada@example.com}.
 *
 * <p>The value is personal data: {@link #toString()} redacts it, and the audit holds only a keyed
 * pseudonym of it (Art. 4(5), Art. 32).
 *
 * @param subjectType the subject type's name, such as {@code customer}
 * @param identity the identity's name, such as {@code email} or {@code id}
 * @param value the identity's value
 */
public record SubjectIdentifier(String subjectType, String identity, String value) {

  public SubjectIdentifier {
    requireNonBlank(subjectType, "subjectType");
    requireNonBlank(identity, "identity");
    requireNonBlank(value, "value");
  }

  /** Names the subject type and identity, never the value, such as {@code customer/email=<redacted>}. */
  @Override
  public String toString() {
    return subjectType + "/" + identity + "=<redacted>";
  }
}
