/**
 * RabbitMQ for Lethe's outbox: {@link dev.lethe.amqp.AmqpOutboxTransport} publishes each message to a
 * durable direct exchange under its destination's name, confirmed by the broker (a dispatcher's batch
 * in flight at once), and {@link
 * dev.lethe.amqp.AmqpInbox} hands a service's messages to its {@link dev.lethe.spi.MessageReceiver},
 * acknowledging each only once it was applied. Rights events and Art. 19 notices reach the services
 * and recipients that hold copies (Art. 17(2), 19) at least once, and are gone from the broker once
 * acknowledged (Art. 5(1)(e)).
 */
@NullMarked
package dev.lethe.amqp;

import org.jspecify.annotations.NullMarked;
