package dev.lethe.spi;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

/**
 * A message leaving Lethe: an Art. 19 notice to a recipient, and in time rights events to other
 * services and webhooks to processors. It is written to the {@link Outbox} in the transaction of the
 * change that caused it, and an {@link OutboxTransport} delivers it at least once.
 *
 * <p>The payload holds only what the receiver needs to act, which may be the subject's identity (the
 * recipient must learn whom to erase): the outbox keeps it until the message is delivered and then
 * clears it. {@link #toString()} never shows the payload.
 *
 * @param idempotencyKey the same on every delivery of this message, and unique in the outbox: a
 *     receiver applies a key once, so that redelivery is harmless; a second message with a key
 *     already in the outbox is not added
 * @param destination where it goes, such as the name of the recipient the processing declares
 * @param type what it is, so that a transport knows how to read the payload, such as {@link
 *     dev.lethe.rights.RecipientNotifications#MESSAGE_TYPE}
 * @param payload the body, text the transport delivers as is (Art. 19 notices are JSON)
 */
public record OutboxMessage(String idempotencyKey, String destination, String type, String payload) {

  public OutboxMessage {
    requireNonBlank(idempotencyKey, "idempotencyKey");
    requireNonBlank(destination, "destination");
    requireNonBlank(type, "type");
    requireNonNull(payload, "payload");
    if (idempotencyKey.length() > 200 || destination.length() > 200 || type.length() > 100) {
      throw new IllegalArgumentException("An outbox message's key and destination are at most 200 characters,"
          + " its type at most 100");
    }
  }

  @Override
  public String toString() {
    return "OutboxMessage[idempotencyKey=" + idempotencyKey + ", destination=" + destination + ", type=" + type
        + ", payload=<redacted>]";
  }
}
