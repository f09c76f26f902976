package dev.lethe.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A message as the {@link Outbox} holds it, with its delivery state (Art. 19, Art. 5(2)).
 *
 * @param id the row's identifier
 * @param idempotencyKey see {@link OutboxMessage#idempotencyKey()}
 * @param destination see {@link OutboxMessage#destination()}
 * @param type see {@link OutboxMessage#type()}
 * @param payload the body until the message is delivered, or until it has been dead longer than the
 *     outbox keeps identities; empty afterwards
 * @param status where it stands
 * @param attempts how many deliveries were started, counting one in progress
 * @param enqueuedAt when it was written
 * @param retrySince when its current run of attempts began, from which its maximum age counts: when it
 *     was written, or when an administrator retried it
 * @param nextAttemptAt when a dispatcher may take it next (while pending)
 * @param lastFailure the type of the last failure, never its message (which may quote personal data)
 * @param finishedAt when it was delivered or declared dead
 */
public record OutboxEntry(
    UUID id,
    String idempotencyKey,
    String destination,
    String type,
    Optional<String> payload,
    OutboxStatus status,
    int attempts,
    Instant enqueuedAt,
    Instant retrySince,
    Instant nextAttemptAt,
    Optional<String> lastFailure,
    Optional<Instant> finishedAt) {

  public OutboxEntry {
    requireNonNull(id, "id");
    requireNonNull(idempotencyKey, "idempotencyKey");
    requireNonNull(destination, "destination");
    requireNonNull(type, "type");
    requireNonNull(payload, "payload");
    requireNonNull(status, "status");
    requireNonNull(enqueuedAt, "enqueuedAt");
    requireNonNull(retrySince, "retrySince");
    requireNonNull(nextAttemptAt, "nextAttemptAt");
    requireNonNull(lastFailure, "lastFailure");
    requireNonNull(finishedAt, "finishedAt");
  }

  /**
   * The message to deliver.
   *
   * @throws IllegalStateException if it was delivered, or dead long enough to lose its payload
   */
  public OutboxMessage message() {
    return new OutboxMessage(
        idempotencyKey,
        destination,
        type,
        payload.orElseThrow(
            () ->
                new IllegalStateException(
                    "Outbox message " + id + " is " + status + ": its payload is cleared")));
  }

  /**
   * Whether an administrator can retry the message: it is dead and still has its payload. A dead
   * message whose payload was cleared stays dead.
   */
  public boolean retryable() {
    return status == OutboxStatus.DEAD && payload.isPresent();
  }

  @Override
  public String toString() {
    return "OutboxEntry[id="
        + id
        + ", idempotencyKey="
        + idempotencyKey
        + ", destination="
        + destination
        + ", type="
        + type
        + ", status="
        + status
        + ", attempts="
        + attempts
        + ", nextAttemptAt="
        + nextAttemptAt
        + ", lastFailure="
        + lastFailure.orElse("none")
        + "]";
  }
}
