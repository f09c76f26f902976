package dev.lethe.amqp;

/**
 * RabbitMQ returned an outbox message because no queue is bound for its destination yet, such as a
 * participant service whose {@link AmqpInbox} never started (Art. 17(2), 19): the message was not
 * delivered, and the {@link dev.lethe.outbox.OutboxDispatcher} tries again after its back-off. Its own
 * type, so that an administrator reading the outbox's last failure sees a missing receiver rather
 * than a broker outage.
 */
public final class AmqpUnroutableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  AmqpUnroutableException(String destination, String exchange) {
    super(
        "No queue is bound for destination "
            + destination
            + " on exchange "
            + exchange
            + ": RabbitMQ returned the message unroutable");
  }
}
