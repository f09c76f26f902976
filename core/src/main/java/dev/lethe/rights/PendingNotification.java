package dev.lethe.rights;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import dev.lethe.spi.Notification;
import java.time.Instant;

/**
 * A recipient not yet told of a rectification, erasure or restriction because every attempt failed
 * (Art. 19). It waits for {@link RecipientNotifications#retryPending()}.
 *
 * @param recipient the recipient's name
 * @param notification what the recipient is to be told
 * @param attempts how many attempts failed so far
 * @param lastAttemptAt when the last attempt failed
 */
public record PendingNotification(String recipient, Notification notification, int attempts, Instant lastAttemptAt) {

  public PendingNotification {
    requireNonBlank(recipient, "recipient");
    requireNonNull(notification, "notification");
    if (attempts < 1) {
      throw new IllegalArgumentException("A pending notification failed at least once, not " + attempts + " times");
    }
    requireNonNull(lastAttemptAt, "lastAttemptAt");
  }
}
