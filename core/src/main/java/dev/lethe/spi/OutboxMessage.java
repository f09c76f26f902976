package dev.lethe.spi;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

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
public record OutboxMessage(
    String idempotencyKey, String destination, String type, String payload) {

  /**
   * The type of a message asking the transport to remove from the broker what it delivered under the
   * idempotency key the payload names, such as a rights event once its request is closed (Art.
   * 5(1)(e)): a Kafka transport writes a tombstone for that key to the destination's compacted topic;
   * a transport whose broker keeps nothing once a message is acknowledged has nothing to do.
   */
  public static final String CLEAR_TYPE = "lethe.clear";

  /** The message asking the transport to remove what it delivered to {@code destination} under {@code idempotencyKey}. */
  public static OutboxMessage clear(String destination, String idempotencyKey) {
    // A name-based UUID keeps the clearing key within the length limit whatever the cleared key's
    // length.
    return new OutboxMessage(
        "clear:" + UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8)),
        destination,
        CLEAR_TYPE,
        idempotencyKey);
  }

  public OutboxMessage {
    requireNonBlank(idempotencyKey, "idempotencyKey");
    requireNonBlank(destination, "destination");
    requireNonBlank(type, "type");
    requireNonNull(payload, "payload");
    if (idempotencyKey.length() > 200 || destination.length() > 200 || type.length() > 100) {
      throw new IllegalArgumentException(
          "An outbox message's key and destination are at most 200 characters,"
              + " its type at most 100");
    }
  }

  @Override
  public String toString() {
    return "OutboxMessage[idempotencyKey="
        + idempotencyKey
        + ", destination="
        + destination
        + ", type="
        + type
        + ", payload=<redacted>]";
  }
}
