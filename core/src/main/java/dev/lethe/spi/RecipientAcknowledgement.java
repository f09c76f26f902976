package dev.lethe.spi;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import java.time.Instant;
import java.util.Optional;

/**
 * Where one participant stands with one change the coordinator passed on to it (Art. 17(2), 19): the
 * coordinator's request completes only once every participant has acknowledged, or an administrator
 * closed it with a reason. Holds no personal data.
 *
 * @param noticeKey the idempotency key of the notice, unique per request, change and participant
 * @param requestId the coordinator's request
 * @param change the change passed on: rectification, erasure or restriction
 * @param recipient the participant's name, as the processing declares the recipient
 * @param status where it stands
 * @param outcome what the participant answered, once it answered
 * @param rowsTouched how many rows the participant said it touched
 * @param failure the type of the participant's failure, or of the last delivery failure when dead
 * @param since when it came to stand where it stands
 */
public record RecipientAcknowledgement(
    String noticeKey,
    RequestId requestId,
    RequestType change,
    String recipient,
    Status status,
    Optional<ParticipantReceipt.Outcome> outcome,
    long rowsTouched,
    Optional<String> failure,
    Instant since) {

  /** Where a participant stands with a change passed on to it. */
  public enum Status {
    /** The notice is written or delivered; no receipt has come yet. */
    PENDING,
    /** The participant answered that it carried the change out, or that it holds no data of the subject. */
    ACKNOWLEDGED,
    /** The participant answered that it failed; it tries again when the notice is delivered again. */
    FAILED,
    /** The notice could not be delivered before the outbox's maximum age; an administrator may retry it. */
    DEAD,
    /** An administrator closed the request without this participant's receipt, with a recorded reason. */
    CLOSED;

    /** Whether the participant's part is settled: acknowledged, or closed by an administrator. */
    public boolean settled() {
      return this == ACKNOWLEDGED || this == CLOSED;
    }
  }

  public RecipientAcknowledgement {
    requireNonBlank(noticeKey, "noticeKey");
    requireNonNull(requestId, "requestId");
    requireNonNull(change, "change");
    requireNonBlank(recipient, "recipient");
    requireNonNull(status, "status");
    requireNonNull(outcome, "outcome");
    requireNonNull(failure, "failure");
    requireNonNull(since, "since");
  }

  /** A participant's part of {@code change}, waiting for its receipt since {@code since}. */
  public static RecipientAcknowledgement pending(
      String noticeKey, RequestId requestId, RequestType change, String recipient, Instant since) {
    return new RecipientAcknowledgement(
        noticeKey,
        requestId,
        change,
        recipient,
        Status.PENDING,
        Optional.empty(),
        0,
        Optional.empty(),
        since);
  }
}
