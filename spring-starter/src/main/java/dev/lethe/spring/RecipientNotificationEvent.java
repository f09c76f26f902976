package dev.lethe.spring;

import dev.lethe.rights.RecipientNotifications;
import dev.lethe.spi.Notification;
import java.util.Objects;

/**
 * Published, by the outbox's dispatcher, when a recipient must be told of a rectification, erasure
 * or restriction (Art. 19) and the application has not defined its own {@code RecipientNotifier}.
 * Listen for this type specifically (a listener of every event does not count) and pass it on. A
 * notice may come again after a crash or a failure: apply each {@link #idempotencyKey()} once. A
 * listener that throws makes the attempt fail, so that Lethe retries it with back-off. While no
 * listener exists the notices stay pending in the outbox, and start-up warns.
 *
 * @param recipient the recipient's name, as the controller description has it
 * @param notification what changed, and for which subject
 */
public record RecipientNotificationEvent(String recipient, Notification notification) {

  public RecipientNotificationEvent {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(notification, "notification");
  }

  /** The same on every delivery of this notice: apply it once. */
  public String idempotencyKey() {
    return RecipientNotifications.idempotencyKey(notification, recipient);
  }
}
