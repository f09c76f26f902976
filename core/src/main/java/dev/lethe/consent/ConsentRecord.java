package dev.lethe.consent;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import dev.lethe.subject.SubjectPseudonym;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a subject's consent history for one purpose: consent given, refused, withdrawn or
 * ended, with what demonstrates it (Art. 7(1)). Records are only ever appended; the last one, read
 * at a point in time, is the current {@link ConsentState}. The subject appears as its keyed
 * pseudonym only (Art. 4(5)), so a record holds no personal data.
 *
 * @param subject the subject's pseudonym
 * @param purpose the purpose's name, as declared in the model
 * @param state the state the record sets: {@link ConsentState#GIVEN}, {@link ConsentState#REFUSED},
 *     {@link ConsentState#WITHDRAWN} or {@link ConsentState#EXPIRED}
 * @param recordedAt when it happened
 * @param noticeVersion the notice the subject was shown; for a withdrawal or an ending, that of the consent it ends
 * @param method how the subject gave, refused or withdrew consent; empty when the controller ended it
 * @param bundledWithContract whether the consent was asked as a condition of a contract (Art. 7(4));
 *     only for given or refused consent
 * @param expiresAt when given consent lapses, if it was given for a period only
 * @param explicit whether given consent was given by an express statement (Art. 9(2)(a))
 * @param givenBy who gave, refused or withdrew it: the subject, or for a child the holder of
 *     parental responsibility (Art. 8(1)); for an ending by the controller, who gave the consent ended
 */
public record ConsentRecord(
    SubjectPseudonym subject,
    String purpose,
    ConsentState state,
    Instant recordedAt,
    String noticeVersion,
    Optional<ConsentMethod> method,
    boolean bundledWithContract,
    Optional<Instant> expiresAt,
    boolean explicit,
    ConsentGiver givenBy) {

  /** A record of a consent given by the subject, not stated to be explicit. */
  public ConsentRecord(
      SubjectPseudonym subject,
      String purpose,
      ConsentState state,
      Instant recordedAt,
      String noticeVersion,
      Optional<ConsentMethod> method,
      boolean bundledWithContract,
      Optional<Instant> expiresAt) {
    this(
        subject,
        purpose,
        state,
        recordedAt,
        noticeVersion,
        method,
        bundledWithContract,
        expiresAt,
        false,
        ConsentGiver.SUBJECT);
  }

  public ConsentRecord {
    requireNonNull(subject, "subject");
    requireNonBlank(purpose, "purpose");
    requireNonNull(state, "state");
    requireNonNull(recordedAt, "recordedAt");
    requireNonBlank(noticeVersion, "noticeVersion");
    requireNonNull(method, "method");
    requireNonNull(expiresAt, "expiresAt");
    requireNonNull(givenBy, "givenBy");
    require(state != ConsentState.NONE, "a state other than NONE: NONE is the absence of records");
    require(
        method.isEmpty() == (state == ConsentState.EXPIRED),
        "a method exactly when the subject acted, that is unless the consent EXPIRED");
    require(
        !bundledWithContract || state == ConsentState.GIVEN || state == ConsentState.REFUSED,
        "bundledWithContract only when consent was given or refused (Art. 7(4))");
    require(
        expiresAt.isEmpty() || state == ConsentState.GIVEN,
        "an expiry only when consent was GIVEN");
    require(
        expiresAt.map(recordedAt::isBefore).orElse(true),
        "an expiry after the time it was recorded");
    require(
        !explicit || state == ConsentState.GIVEN,
        "explicit only when consent was GIVEN (Art. 9(2)(a))");
  }

  /**
   * The state this record sets as of {@code now}: {@link ConsentState#EXPIRED} once given consent
   * reaches its expiry, without any further record (Art. 7(1)); otherwise {@link #state()}.
   */
  public ConsentState stateAt(Instant now) {
    requireNonNull(now, "now");
    boolean lapsed = expiresAt.map(expiry -> !now.isBefore(expiry)).orElse(false);
    return lapsed ? ConsentState.EXPIRED : state;
  }

  private static void require(boolean invariant, String what) {
    if (!invariant) {
      throw new IllegalArgumentException("A consent record needs " + what);
    }
  }
}
