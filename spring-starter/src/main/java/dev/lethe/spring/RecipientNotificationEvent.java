package dev.lethe.spring;

import dev.lethe.spi.Notification;
import java.util.Objects;

/**
 * Published when a recipient must be told of a rectification, erasure or restriction (Art. 19) and
 * the application has not defined its own {@code RecipientNotifier}. Listen for it and pass it on;
 * a listener that throws makes the notification fail, so that Lethe retries it and keeps it pending.
 *
 * @param recipient the recipient's name, as the controller description has it
 * @param notification what changed, and for which subject
 */
public record RecipientNotificationEvent(String recipient, Notification notification) {

  public RecipientNotificationEvent {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(notification, "notification");
  }
}
