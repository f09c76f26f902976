package dev.lethe.amqp;

/**
 * RabbitMQ did not take an outbox message (Art. 19): the broker could not be reached, refused the
 * message or did not confirm it in time. The message names the destination and the failure's kind,
 * never the payload; the {@link dev.lethe.outbox.OutboxDispatcher} tries again after its back-off.
 */
public final class AmqpDeliveryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  AmqpDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }

  AmqpDeliveryException(String message) {
    super(message);
  }
}
