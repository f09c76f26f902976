package dev.lethe.spi;

/**
 * Applies a message that another service's {@link Outbox} sent here through a broker or a webhook: a
 * rights event addressed to this service as a participant, or a participant's receipt addressed to it
 * as the coordinator (Art. 17(2), 19). A transport's inbound side (a Kafka consumer, a RabbitMQ queue,
 * an HTTP endpoint) calls it for every message it takes and acknowledges the message to the broker
 * only once this returns, so that a crash between the two redelivers the message.
 *
 * <p>Delivery is at least once: a receiver applies each {@linkplain OutboxMessage#idempotencyKey()
 * idempotency key} once, so that a message delivered twice changes nothing the second time.
 */
@FunctionalInterface
public interface MessageReceiver {

  /**
   * Applies {@code message} and returns once its effects are committed.
   *
   * @throws RuntimeException when it could not be applied now: the transport leaves the message
   *     unacknowledged and offers it again later
   */
  void receive(OutboxMessage message);
}
