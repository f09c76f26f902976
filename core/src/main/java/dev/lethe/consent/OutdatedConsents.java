package dev.lethe.consent;

import static java.util.Objects.requireNonNull;

import dev.lethe.internal.util.Texts;

/**
 * How many subjects' current consent to a purpose was given under a notice version that is no
 * longer the notice's, so that the application can ask them again after a material change (Art.
 * 7(1), 13(3)). A count only: which subjects is paged by {@link ConsentLedger#subjectsGivenUnderOtherNotice}.
 *
 * @param purpose the purpose consented to
 * @param noticeVersion the older notice version the consents were given under
 * @param consents how many current consents were given under it
 */
public record OutdatedConsents(String purpose, String noticeVersion, long consents) {

  public OutdatedConsents {
    Texts.requireNonBlank(purpose, "purpose");
    requireNonNull(noticeVersion, "noticeVersion");
    if (consents < 1) {
      throw new IllegalArgumentException("An outdated-consent count is 1 or more");
    }
  }
}
