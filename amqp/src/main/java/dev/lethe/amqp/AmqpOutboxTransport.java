package dev.lethe.amqp;

import static java.util.Objects.requireNonNull;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.ReturnListener;
import com.rabbitmq.client.ShutdownListener;
import com.rabbitmq.client.ShutdownSignalException;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.OutboxTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox messages through RabbitMQ (Art. 17(2), 19): each one is published to a durable
 * direct exchange ({@value #DEFAULT_EXCHANGE} by default) with its destination as the routing key,
 * persistent, with the idempotency key as the AMQP message id and the message type as its type. A
 * delivery counts only once the broker confirmed it (publisher confirms) and routed it to a queue: a
 * message no queue is bound for yet is returned ({@code mandatory}) and fails with {@link
 * AmqpUnroutableException}, so that a participant that never started is not taken for one that
 * received. An {@link AmqpInbox} binds the queue of each receiving service.
 *
 * <p>RabbitMQ keeps nothing once the receiver acknowledged (Art. 5(1)(e)), so a {@linkplain
 * OutboxMessage#CLEAR_TYPE clearing} message has nothing to do and returns at once.
 *
 * <p>The connection is opened at the first delivery and recovers by itself after it was lost; while
 * it recovers, deliveries fail at once and the dispatcher tries them again later. No delivery
 * waits longer than the timeout for any one step (connecting, the handshake, opening a channel, the
 * confirm). Safe to use from several threads: each publication takes a channel of its own from a pool,
 * and gives it back once published, so that the messages of a dispatcher's batch are in flight on one
 * channel at once ({@link #startDelivery}).
 */
public final class AmqpOutboxTransport implements OutboxTransport, AutoCloseable {

  /** The exchange's name unless {@link Builder#exchange} sets another. */
  public static final String DEFAULT_EXCHANGE = "lethe";

  private static final Logger LOG = LoggerFactory.getLogger(AmqpOutboxTransport.class);

  private final ConnectionFactory factory;
  private final String exchange;
  private final Duration timeout;
  private final Object connecting = new Object();
  private final ConcurrentLinkedQueue<PublishingChannel> idleChannels =
      new ConcurrentLinkedQueue<>();
  private volatile @Nullable Connection connection;
  private volatile boolean closed;

  private AmqpOutboxTransport(Builder builder) {
    // A copy, so that the timeouts bound every step without changing the caller's factory.
    this.factory = builder.factory.clone();
    int millis = (int) Math.min(Integer.MAX_VALUE, builder.timeout.toMillis());
    factory.setConnectionTimeout(millis);
    factory.setHandshakeTimeout(millis);
    factory.setChannelRpcTimeout(millis);
    // Each new channel declares the exchange itself (below): recovery has no declaration to replay.
    factory.setTopologyRecoveryEnabled(false);
    this.exchange = builder.exchange;
    this.timeout = builder.timeout;
  }

  /** A builder publishing through connections from {@code factory}, which is copied. */
  public static Builder builder(ConnectionFactory factory) {
    return new Builder(requireNonNull(factory, "factory"));
  }

  /** A builder publishing to the broker at {@code host}:{@code port} as {@code username}. */
  public static Builder builder(String host, int port, String username, String password) {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(requireNonNull(host, "host"));
    factory.setPort(port);
    factory.setUsername(requireNonNull(username, "username"));
    factory.setPassword(requireNonNull(password, "password"));
    return new Builder(factory);
  }

  /** The exchange messages are published to. */
  public String exchange() {
    return exchange;
  }

  /**
   * Publishes {@code message} and returns once RabbitMQ confirmed it and routed it to its
   * destination's queue.
   *
   * @throws AmqpUnroutableException if no queue is bound for its destination
   * @throws AmqpDeliveryException if the broker could not be reached, refused it or did not confirm it in time
   */
  @Override
  public void deliver(OutboxMessage message) {
    CompletableFuture<Void> confirmed = startDelivery(message).toCompletableFuture();
    try {
      // Ends within the timeout, see startDelivery().
      confirmed.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new AmqpDeliveryException(
          "RabbitMQ did not take the message to " + message.destination(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AmqpDeliveryException(
          "Interrupted while waiting for RabbitMQ to confirm the message to "
              + message.destination(),
          e);
    }
  }

  /**
   * Publishes {@code message} as {@link #deliver} does and returns without waiting for the broker's
   * confirm: a dispatcher's batch is published on one channel and confirmed about once (decision
   * record 0048). The stage completes once RabbitMQ confirmed the message and routed it, or
   * exceptionally with {@link AmqpUnroutableException}, or {@link AmqpDeliveryException} when the
   * broker refused it, lost it with its channel, or did not confirm it within the timeout. May block
   * while it connects or opens a channel, within the timeout.
   */
  @Override
  public CompletionStage<Void> startDelivery(OutboxMessage message) {
    requireNonNull(message, "message");
    if (OutboxMessage.CLEAR_TYPE.equals(message.type())) {
      return CompletableFuture.completedFuture(null);
    }
    if (closed) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("The AMQP transport is closed"));
    }
    AMQP.BasicProperties properties =
        new AMQP.BasicProperties.Builder()
            .contentType("application/json")
            .contentEncoding("UTF-8")
            .deliveryMode(2)
            .messageId(message.idempotencyKey())
            .type(message.type())
            .build();
    PublishingChannel publishing;
    try {
      publishing = borrowChannel(message.destination());
    } catch (AmqpDeliveryException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Void> confirmed;
    try {
      confirmed = publishing.publish(exchange, message, properties);
    } catch (IOException | ShutdownSignalException e) {
      giveBack(publishing, false);
      return CompletableFuture.failedFuture(
          new AmqpDeliveryException(
              "RabbitMQ refused or lost the message to "
                  + message.destination()
                  + ": "
                  + e.getClass().getName(),
              e));
    }
    // Published: the channel may carry the next message while this one awaits its confirm.
    giveBack(publishing, true);
    return confirmed
        .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
        .exceptionallyCompose(
            failure -> {
              if (!(failure instanceof TimeoutException)) {
                return CompletableFuture.failedFuture(failure);
              }
              // As waiting for confirms did: a channel whose broker went silent is closed, and
              // whatever else awaits a confirm on it fails as this message does.
              publishing.fellSilent(timeout);
              return CompletableFuture.failedFuture(
                  Publication.unconfirmed(message.destination(), timeout, failure));
            });
  }

  /** Closes the channels and the connection; later deliveries throw. */
  @Override
  public void close() {
    closed = true;
    synchronized (connecting) {
      PublishingChannel idle;
      while ((idle = idleChannels.poll()) != null) {
        closeQuietly(idle);
      }
      Connection open = connection;
      connection = null;
      if (open != null) {
        closeQuietly(open);
      }
    }
  }

  private PublishingChannel borrowChannel(String destination) {
    PublishingChannel idle;
    while ((idle = idleChannels.poll()) != null) {
      if (idle.channel.isOpen()) {
        return idle;
      }
      closeQuietly(idle);
    }
    try {
      Channel channel = connection(destination).createChannel();
      if (channel == null) {
        throw new AmqpDeliveryException(
            "RabbitMQ has no channel left on the connection for " + destination);
      }
      PublishingChannel publishing = new PublishingChannel(channel);
      try {
        channel.confirmSelect();
        // Idempotent, and it brings the exchange back should the broker have lost it.
        channel.exchangeDeclare(exchange, BuiltinExchangeType.DIRECT, true);
        channel.addReturnListener(publishing);
        channel.addConfirmListener(publishing);
        channel.addShutdownListener(publishing);
      } catch (IOException | RuntimeException e) {
        closeQuietly(publishing);
        throw e;
      }
      return publishing;
    } catch (IOException | ShutdownSignalException e) {
      throw new AmqpDeliveryException(
          "RabbitMQ could not open a channel for " + destination + ": " + e.getClass().getName(),
          e);
    }
  }

  private void giveBack(PublishingChannel publishing, boolean reusable) {
    if (reusable && !closed && publishing.channel.isOpen()) {
      idleChannels.add(publishing);
    } else {
      closeQuietly(publishing);
    }
  }

  private Connection connection(String destination) {
    Connection current = connection;
    if (usable(current)) {
      return current;
    }
    synchronized (connecting) {
      if (closed) {
        throw new IllegalStateException("The AMQP transport is closed");
      }
      current = connection;
      if (usable(current)) {
        return current;
      }
      if (current != null) {
        closeQuietly(current);
      }
      try {
        Connection opened = factory.newConnection("lethe-outbox");
        connection = opened;
        return opened;
      } catch (IOException | TimeoutException | ShutdownSignalException e) {
        throw new AmqpDeliveryException(
            "RabbitMQ could not be reached for " + destination + ": " + e.getClass().getName(), e);
      }
    }
  }

  /** Open, or lost but recovering by itself: a recovering connection is waited for, not replaced. */
  private static boolean usable(@Nullable Connection connection) {
    return connection != null && (connection.isOpen() || connection instanceof Recoverable);
  }

  private static void closeQuietly(PublishingChannel publishing) {
    try {
      // Even a closed channel is aborted: a recovering connection would otherwise keep recovering
      // it.
      publishing.channel.abort();
    } catch (IOException | RuntimeException e) {
      LOG.debug("Closing an AMQP channel failed: {}", e.getClass().getName());
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.abort(5_000);
    } catch (RuntimeException e) {
      LOG.debug("Closing an AMQP connection failed: {}", e.getClass().getName());
    }
  }

  /**
   * A channel in confirm mode with its publications awaiting the broker's confirm. One borrower at a
   * time publishes on it; the broker's returns and confirms arrive on the connection's thread, a
   * message's return before its confirm.
   */
  private static final class PublishingChannel
      implements ConfirmListener, ReturnListener, ShutdownListener {

    private final Channel channel;
    private final ConcurrentNavigableMap<Long, Publication> unconfirmed =
        new ConcurrentSkipListMap<>();

    private PublishingChannel(Channel channel) {
      this.channel = channel;
    }

    /** Publishes {@code message}, mandatory; the future completes with the broker's answer. */
    CompletableFuture<Void> publish(
        String exchange, OutboxMessage message, AMQP.BasicProperties properties)
        throws IOException {
      Publication publication =
          new Publication(message.destination(), exchange, message.idempotencyKey());
      long sequence = channel.getNextPublishSeqNo();
      unconfirmed.put(sequence, publication);
      try {
        channel.basicPublish(
            exchange,
            message.destination(),
            true,
            properties,
            message.payload().getBytes(StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException e) {
        unconfirmed.remove(sequence);
        throw e;
      }
      return publication.confirmed;
    }

    @Override
    public void handleReturn(
        int replyCode,
        String replyText,
        String exchange,
        String routingKey,
        AMQP.BasicProperties properties,
        byte[] body) {
      // The earliest publication of that key not yet returned: a key published twice at once is
      // returned twice.
      for (Publication publication : unconfirmed.values()) {
        if (!publication.returned && publication.key.equals(properties.getMessageId())) {
          publication.returned = true;
          return;
        }
      }
    }

    @Override
    public void handleAck(long deliveryTag, boolean multiple) {
      settle(deliveryTag, multiple, Publication::confirmed);
    }

    @Override
    public void handleNack(long deliveryTag, boolean multiple) {
      settle(deliveryTag, multiple, Publication::refused);
    }

    @Override
    public void shutdownCompleted(ShutdownSignalException cause) {
      settle(unconfirmed, publication -> publication.lost(cause));
    }

    /**
     * Fails every publication awaiting a confirm, then closes the channel on a thread of its own: the
     * close waits up to the timeout for the silent broker's answer, and the caller is the timer thread
     * that every {@code orTimeout} of this JVM shares.
     */
    void fellSilent(Duration timeout) {
      settle(
          unconfirmed,
          publication ->
              publication.confirmed.completeExceptionally(
                  Publication.unconfirmed(publication.destination, timeout, null)));
      Thread closing = new Thread(() -> closeQuietly(this), "lethe-amqp-channel-close");
      closing.setDaemon(true);
      closing.start();
    }

    private void settle(long deliveryTag, boolean multiple, Consumer<Publication> outcome) {
      settle(
          multiple
              ? unconfirmed.headMap(deliveryTag, true)
              : unconfirmed.subMap(deliveryTag, true, deliveryTag, true),
          outcome);
    }

    /** Takes each of {@code publications} (a view of those awaiting a confirm) out, and settles it once. */
    private void settle(Map<Long, Publication> publications, Consumer<Publication> outcome) {
      for (Long sequence : List.copyOf(publications.keySet())) {
        Publication publication = unconfirmed.remove(sequence);
        if (publication != null) {
          outcome.accept(publication);
        }
      }
    }
  }

  /** One message published on a channel, until the broker answers. */
  private static final class Publication {

    private final String destination;
    private final String exchange;
    private final String key;
    private final CompletableFuture<Void> confirmed = new CompletableFuture<>();
    private volatile boolean returned;

    private Publication(String destination, String exchange, String key) {
      this.destination = destination;
      this.exchange = exchange;
      this.key = key;
    }

    private void confirmed() {
      if (returned) {
        confirmed.completeExceptionally(new AmqpUnroutableException(destination, exchange));
      } else {
        confirmed.complete(null);
      }
    }

    private static AmqpDeliveryException unconfirmed(
        String destination, Duration timeout, @Nullable Throwable cause) {
      String message =
          "RabbitMQ did not confirm the message to " + destination + " within " + timeout;
      return cause == null
          ? new AmqpDeliveryException(message)
          : new AmqpDeliveryException(message, cause);
    }

    private void refused() {
      confirmed.completeExceptionally(
          new AmqpDeliveryException("RabbitMQ refused the message to " + destination));
    }

    private void lost(ShutdownSignalException cause) {
      confirmed.completeExceptionally(
          new AmqpDeliveryException(
              "RabbitMQ lost the message to " + destination + ": " + cause.getClass().getName(),
              cause));
    }
  }

  /**
   * Configures {@link AmqpOutboxTransport}. By default: the exchange {@value
   * AmqpOutboxTransport#DEFAULT_EXCHANGE}, a 10-second timeout.
   */
  public static final class Builder {

    private final ConnectionFactory factory;
    private String exchange = DEFAULT_EXCHANGE;
    private Duration timeout = Duration.ofSeconds(10);

    private Builder(ConnectionFactory factory) {
      this.factory = factory;
    }

    /** The durable direct exchange to publish to, declared if missing; every inbox binds to the same one. */
    public Builder exchange(String exchange) {
      requireNonNull(exchange, "exchange");
      if (exchange.isBlank()) {
        throw new IllegalArgumentException("The exchange's name must not be blank");
      }
      this.exchange = exchange;
      return this;
    }

    /**
     * The longest any step of a delivery may wait: connecting, the handshake, opening a channel,
     * the broker's confirm.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder timeout(Duration timeout) {
      requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, but is " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The transport; it connects at its first delivery. */
    public AmqpOutboxTransport build() {
      return new AmqpOutboxTransport(this);
    }
  }
}
