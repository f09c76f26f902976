package dev.lethe.amqp;

import static java.util.Objects.requireNonNull;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import dev.lethe.spi.MessageReceiver;
import dev.lethe.spi.OutboxMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The RabbitMQ side of one service that receives outbox messages, such as a participant applying the
 * rights events sent to it or a coordinator taking participants' receipts (Art. 17(2), 19). It
 * declares a durable queue ({@code <exchange>.<service>} by default, so {@code lethe.<service>} on the
 * default exchange) bound to the exchange under the service's name, which is the destination {@link
 * AmqpOutboxTransport} routes by, and hands every message to the {@link MessageReceiver}. The queue is
 * named after the exchange too because a queue takes what every exchange it is bound to routes to it:
 * two deployments on one virtual host with exchanges of their own would otherwise share a service's
 * queue, and consume each other's notices.
 *
 * <p>A message is acknowledged only once the receiver returned, so that a crash in between delivers
 * it again; the receiver applies each idempotency key once. When the receiver throws, the message is
 * given back to the queue after a back-off that doubles with each failure of its key, and offered
 * again: it is never dropped, and an {@link Error} the receiver throws is treated alike (logged at
 * ERROR) rather than closing the channel. A delivery no Lethe outbox wrote (no message id or no type)
 * is rejected without being requeued: RabbitMQ drops it, or moves it to the queue's dead-letter
 * exchange if one is configured. Once acknowledged it is gone from RabbitMQ, with the identity its
 * payload may carry (Art. 5(1)(e)). The connection recovers by itself after a broker outage,
 * redeclaring the queue and resuming consumption.
 */
public final class AmqpInbox implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AmqpInbox.class);

  private final String serviceName;
  private final String queue;
  private final MessageReceiver receiver;
  private final Duration initialBackOff;
  private final Duration maxBackOff;
  private final Connection connection;
  private final Channel channel;
  private final ScheduledExecutorService redeliveries;

  /** Failures so far per idempotency key, for the back-off; a key leaves once it is applied. */
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  /** Held while a message is in the receiver's hands and acknowledged, so that closing waits for it. */
  private final Object handling = new Object();

  private volatile boolean closing;

  private AmqpInbox(Builder builder) throws IOException, TimeoutException {
    this.serviceName = builder.serviceName;
    this.queue =
        builder.queue != null ? builder.queue : builder.exchange + "." + builder.serviceName;
    this.receiver = builder.receiver;
    this.initialBackOff = builder.initialBackOff;
    this.maxBackOff = builder.maxBackOff;
    ConnectionFactory factory = builder.factory.clone();
    factory.setAutomaticRecoveryEnabled(true);
    factory.setTopologyRecoveryEnabled(true);
    this.connection = factory.newConnection("lethe-inbox-" + serviceName);
    try {
      this.channel = connection.createChannel();
      channel.exchangeDeclare(builder.exchange, BuiltinExchangeType.DIRECT, true);
      channel.queueDeclare(queue, true, false, false, null);
      channel.queueBind(queue, builder.exchange, serviceName);
      channel.basicQos(builder.prefetch);
      this.redeliveries =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "lethe-inbox-" + serviceName + "-redelivery");
                thread.setDaemon(true);
                return thread;
              });
      channel.basicConsume(queue, false, new Consumer(channel));
    } catch (IOException | RuntimeException e) {
      connection.abort();
      throw e;
    }
  }

  /**
   * A builder for the inbox of the service named {@code serviceName}, handing its messages to {@code
   * receiver}, connected through a copy of {@code factory} with automatic recovery on.
   *
   * @param serviceName the destination the service's messages are sent to
   */
  public static Builder builder(
      ConnectionFactory factory, String serviceName, MessageReceiver receiver) {
    requireNonNull(serviceName, "serviceName");
    if (serviceName.isBlank()) {
      throw new IllegalArgumentException("The service's name must not be blank");
    }
    return new Builder(
        requireNonNull(factory, "factory"), serviceName, requireNonNull(receiver, "receiver"));
  }

  /** The queue this inbox consumes. */
  public String queue() {
    return queue;
  }

  /**
   * Stops taking messages, waits for the one in the receiver's hands to be applied and acknowledged,
   * and closes the connection; messages not acknowledged go back to the queue for the next start.
   */
  @Override
  public void close() {
    synchronized (handling) {
      if (closing) {
        return;
      }
      closing = true;
      redeliveries.shutdownNow();
      try {
        connection.close(5_000);
      } catch (IOException | RuntimeException e) {
        LOG.debug("Closing the inbox of {} failed: {}", serviceName, e.getClass().getName());
        connection.abort();
      }
    }
  }

  private Duration backOff(int failuresSoFar) {
    Duration backOff = initialBackOff.multipliedBy(1L << Math.min(failuresSoFar - 1, 30));
    return backOff.compareTo(maxBackOff) > 0 ? maxBackOff : backOff;
  }

  private final class Consumer extends DefaultConsumer {

    private Consumer(Channel channel) {
      super(channel);
    }

    @Override
    public void handleDelivery(
        String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
        throws IOException {
      synchronized (handling) {
        if (closing) {
          // Left unacknowledged: it goes back to the queue when the channel closes.
          return;
        }
        long deliveryTag = envelope.getDeliveryTag();
        @Nullable OutboxMessage message = toMessage(envelope, properties, body);
        if (message == null) {
          // Offered again, it would come back for ever and hold a prefetch slot each time: ten of
          // them would stop the queue.
          getChannel().basicReject(deliveryTag, false);
          return;
        }
        try {
          receiver.receive(message);
        } catch (RuntimeException | Error e) {
          // An Error too (an assertion, a class that failed to load, a stack overflow in the
          // receiver's code): the client would close the channel, and the service stop consuming.
          offerAgainLater(deliveryTag, message, e);
          return;
        }
        failures.remove(message.idempotencyKey());
        getChannel().basicAck(deliveryTag, false);
      }
    }

    /** The message, or null, logged, when no Lethe outbox could have written it. */
    private @Nullable OutboxMessage toMessage(
        Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
      try {
        return new OutboxMessage(
            Objects.requireNonNullElse(properties.getMessageId(), ""),
            serviceName,
            Objects.requireNonNullElse(properties.getType(), ""),
            new String(body, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        LOG.warn(
            "Inbox of {} rejects delivery {} from exchange {}: not a Lethe outbox message, whose"
                + " message id and type must be set, of at most 200 and 100 characters",
            serviceName,
            envelope.getDeliveryTag(),
            envelope.getExchange());
        return null;
      }
    }

    private void offerAgainLater(long deliveryTag, OutboxMessage message, Throwable failure) {
      int failuresSoFar = failures.merge(message.idempotencyKey(), 1, Integer::sum);
      Duration backOff = backOff(failuresSoFar);
      // The failure's type only: its message may quote the payload.
      LOG.atLevel(failure instanceof Error ? Level.ERROR : Level.INFO)
          .log(
              "Inbox of {} could not apply message {} of type {} (failure {}: {}); offered again in {}",
              serviceName,
              message.idempotencyKey(),
              message.type(),
              failuresSoFar,
              failure.getClass().getName(),
              backOff);
      try {
        redeliveries.schedule(
            () -> requeue(deliveryTag), backOff.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException closed) {
        // Closing: the unacknowledged message goes back to the queue with the channel.
      }
    }

    private void requeue(long deliveryTag) {
      try {
        // After a recovery the tag belongs to the old channel; the client then ignores it and the
        // broker has requeued the message already.
        getChannel().basicNack(deliveryTag, false, true);
      } catch (IOException | ShutdownSignalException e) {
        LOG.debug(
            "Giving a message back to the queue of {} failed: {}",
            serviceName,
            e.getClass().getName());
      }
    }
  }

  /**
   * Configures {@link AmqpInbox}. By default: the exchange {@value AmqpOutboxTransport#DEFAULT_EXCHANGE},
   * the queue {@code <exchange>.<service>}, a prefetch of 10, a back-off from 1 second doubling to 1 minute.
   */
  public static final class Builder {

    private final ConnectionFactory factory;
    private final String serviceName;
    private final MessageReceiver receiver;
    private String exchange = AmqpOutboxTransport.DEFAULT_EXCHANGE;
    private @Nullable String queue;
    private int prefetch = 10;
    private Duration initialBackOff = Duration.ofSeconds(1);
    private Duration maxBackOff = Duration.ofMinutes(1);

    private Builder(ConnectionFactory factory, String serviceName, MessageReceiver receiver) {
      this.factory = factory;
      this.serviceName = serviceName;
      this.receiver = receiver;
    }

    /** The exchange the senders' {@link AmqpOutboxTransport} publishes to. */
    public Builder exchange(String exchange) {
      this.exchange = requireNonBlank(exchange, "exchange");
      return this;
    }

    /** The durable queue to declare, bind and consume. */
    public Builder queue(String queue) {
      this.queue = requireNonBlank(queue, "queue");
      return this;
    }

    /**
     * How many unacknowledged messages the broker hands over at once.
     *
     * @throws IllegalArgumentException if not between 1 and 65535
     */
    public Builder prefetch(int prefetch) {
      if (prefetch < 1 || prefetch > 65_535) {
        throw new IllegalArgumentException(
            "prefetch must be between 1 and 65535, but is " + prefetch);
      }
      this.prefetch = prefetch;
      return this;
    }

    /**
     * How long a message the receiver failed on waits before it is offered again, doubling with each
     * further failure of its key up to {@code max}.
     *
     * @throws IllegalArgumentException if either is not positive or {@code initial} exceeds {@code max}
     */
    public Builder retryBackOff(Duration initial, Duration max) {
      requireNonNull(initial, "initial");
      requireNonNull(max, "max");
      if (initial.isNegative() || initial.isZero() || initial.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            "The back-off must be positive and initial at most max, but is "
                + initial
                + " to "
                + max);
      }
      this.initialBackOff = initial;
      this.maxBackOff = max;
      return this;
    }

    /**
     * Connects, declares the exchange, the queue and its binding, and starts handing messages to the receiver.
     *
     * @throws UncheckedIOException if RabbitMQ could not be reached or refused a declaration
     */
    public AmqpInbox start() {
      try {
        return new AmqpInbox(this);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "The inbox of " + serviceName + " could not start: " + e.getClass().getName(), e);
      } catch (TimeoutException e) {
        throw new UncheckedIOException(
            "The inbox of " + serviceName + " could not start: " + e.getClass().getName(),
            new IOException(e));
      }
    }

    private static String requireNonBlank(String value, String name) {
      requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }
  }
}
