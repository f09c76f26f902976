package dev.lethe.spi;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import dev.lethe.request.RequestId;
import java.util.Optional;

/**
 * What a participant service answers when it has carried out, on its own data, a rectification,
 * erasure or restriction that the coordinator passed on (Art. 17(2), 19): that it acted, that it
 * holds no data of the subject, or that it failed and why. It holds no personal data: the request,
 * the notice it answers, counts and the type of a failure, never a value or an identity.
 *
 * @param noticeKey the idempotency key of the notice it answers, unique per request, change and
 *     participant: the coordinator matches the receipt to its notice by it
 * @param requestId the coordinator's request
 * @param participant the participant's name, as the coordinator's processing declares the recipient
 * @param outcome what the participant did
 * @param rowsTouched how many of its rows it erased, rewrote or restricted
 * @param failure the type of the failure, with {@link Outcome#FAILED} only
 */
public record ParticipantReceipt(
    String noticeKey,
    RequestId requestId,
    String participant,
    Outcome outcome,
    long rowsTouched,
    Optional<String> failure) {

  /** What a participant did with a notice. */
  public enum Outcome {
    /** It carried the change out on the subject's data, in one transaction of its own. */
    DONE,
    /** It holds no data of the subject: a valid acknowledgement (Art. 17(2)). */
    NO_DATA_HELD,
    /** It could not carry the change out; {@link #failure()} says of what type the failure was. */
    FAILED
  }

  public ParticipantReceipt {
    requireNonBlank(noticeKey, "noticeKey");
    requireNonNull(requestId, "requestId");
    requireNonBlank(participant, "participant");
    requireNonNull(outcome, "outcome");
    requireNonNull(failure, "failure");
    if (rowsTouched < 0) {
      throw new IllegalArgumentException("rowsTouched must not be negative, but is " + rowsTouched);
    }
    if (failure.isPresent() != (outcome == Outcome.FAILED)) {
      throw new IllegalArgumentException(
          "A receipt names a failure exactly when its outcome is FAILED");
    }
  }

  /** The receipt of a participant that carried the change out, touching {@code rowsTouched} rows, or held no data. */
  public static ParticipantReceipt acted(
      String noticeKey, RequestId requestId, String participant, long rowsTouched) {
    return new ParticipantReceipt(
        noticeKey,
        requestId,
        participant,
        rowsTouched == 0 ? Outcome.NO_DATA_HELD : Outcome.DONE,
        rowsTouched,
        Optional.empty());
  }

  /** The receipt of a participant that failed with an exception of type {@code failure}. */
  public static ParticipantReceipt failed(
      String noticeKey, RequestId requestId, String participant, String failure) {
    return new ParticipantReceipt(
        noticeKey, requestId, participant, Outcome.FAILED, 0, Optional.of(failure));
  }
}
