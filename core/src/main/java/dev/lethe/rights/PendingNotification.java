package dev.lethe.rights;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import dev.lethe.spi.Notification;
import dev.lethe.spi.OutboxStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A recipient not yet told of a rectification, erasure or restriction (Art. 19): a notice waiting in
 * the outbox for its next attempt, or dead until an administrator retries it.
 *
 * @param id the notice's outbox entry
 * @param idempotencyKey the same on every delivery of this notice: the recipient applies it once
 * @param recipient the recipient's name
 * @param notification what the recipient is to be told
 * @param status {@link OutboxStatus#PENDING} or {@link OutboxStatus#DEAD}
 * @param attempts how many attempts were made so far
 * @param nextAttemptAt when it is tried next, while pending
 * @param lastFailure the type of the last failure, if any failed
 */
public record PendingNotification(
    UUID id,
    String idempotencyKey,
    String recipient,
    Notification notification,
    OutboxStatus status,
    int attempts,
    Instant nextAttemptAt,
    Optional<String> lastFailure) {

  public PendingNotification {
    requireNonNull(id, "id");
    requireNonBlank(idempotencyKey, "idempotencyKey");
    requireNonBlank(recipient, "recipient");
    requireNonNull(notification, "notification");
    requireNonNull(status, "status");
    if (status == OutboxStatus.DELIVERED) {
      throw new IllegalArgumentException("A delivered notice is no longer pending");
    }
    if (attempts < 0) {
      throw new IllegalArgumentException("Attempts are not negative, not " + attempts);
    }
    requireNonNull(nextAttemptAt, "nextAttemptAt");
    requireNonNull(lastFailure, "lastFailure");
  }
}
