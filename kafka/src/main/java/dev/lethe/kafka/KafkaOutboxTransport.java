package dev.lethe.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.OutboxTransport;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Delivers the outbox's messages to Kafka (Art. 17(2), 19): rights events to the services that take
 * part in a request, receipts back to the coordinator, notices to recipients. A message to {@code
 * destination} goes to the topic {@link KafkaTopics#topicFor topicFor(destination)}, keyed by its
 * idempotency key, with its payload as the value and the headers {@value #TYPE_HEADER} and {@value
 * #IDEMPOTENCY_KEY_HEADER}; a delivery counts only once every in-sync replica has it, and the
 * dispatcher keeps a whole batch's records in flight at once ({@link #startDelivery}).
 *
 * <p>A message of type {@link OutboxMessage#CLEAR_TYPE} becomes a tombstone (no value) for the key
 * its payload names, in the destination's topic: compaction then removes the event delivered under
 * that key, and the identity it carried, from the broker (Art. 5(1)(e)); {@link KafkaTopics} says when.
 *
 * <p>The log cleaner compacts only closed segments, and Kafka closes (rolls) a segment only when
 * something is appended to its partition after the segment's lifetime: on an idle topic a cleared
 * event, with the identity it carries, would wait for the next write. So the transport remembers each
 * partition it wrote a tombstone to, and {@link #rollSegments()}, which the application calls
 * periodically, writes one {@linkplain #ROLL_KEY roll tombstone} to each partition whose last tombstone
 * is at least {@linkplain Builder#segmentLifetime the segments' lifetime} (and a second) old: that write closes the
 * segment holding the event and its tombstone, and the cleaner can remove the event. The roll
 * tombstones carry no value and one fixed key, so they remove each other; inboxes skip them. What is
 * remembered is one entry per partition, in memory: a replica that stops before its roll leaves the
 * event to the next write, which the documented bound does not cover. Several replicas rolling the same
 * partition only write a few more tombstones.
 *
 * <p>Thread-safe; close it to release the producer.
 */
public final class KafkaOutboxTransport implements OutboxTransport, AutoCloseable {

  /** The header holding the message's {@linkplain OutboxMessage#type() type}. */
  public static final String TYPE_HEADER = "lethe-type";

  /** The header holding the message's {@linkplain OutboxMessage#idempotencyKey() idempotency key}. */
  public static final String IDEMPOTENCY_KEY_HEADER = "lethe-idempotency-key";

  /**
   * The key of the tombstones {@link #rollSegments()} writes to close a segment: no idempotency key Lethe
   * writes, and no personal data; compaction keeps at most the last of them per partition.
   */
  public static final String ROLL_KEY = "lethe:roll";

  private static final Duration ROLL_MARGIN = Duration.ofSeconds(1);

  private final Producer<String, String> producer;
  private final Function<String, String> topicForDestination;
  private final Duration deliveryTimeout;

  /**
   * How long after a tombstone its partition is rolled: the segment lifetime, plus a second, as Kafka
   * rolls only when the new record's timestamp exceeds the segment's first by more than the lifetime,
   * in whole milliseconds of the producers' clocks.
   */
  private final long rollAfterNanos;

  /** Per partition written a tombstone to: when to roll it, and when its last tombstone was written. */
  private final Map<TopicPartition, PendingRoll> pendingRolls = new ConcurrentHashMap<>();

  /** A roll due at {@code dueAt} for tombstones the last of which was written at {@code lastClearedAt} (nanoTime). */
  private record PendingRoll(long dueAt, long lastClearedAt) {}

  private KafkaOutboxTransport(Builder builder) {
    this.topicForDestination = builder.topicForDestination;
    this.deliveryTimeout = builder.deliveryTimeout;
    this.rollAfterNanos = builder.segmentLifetime.plus(ROLL_MARGIN).toNanos();
    Map<String, Object> properties = new HashMap<>(builder.properties);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    // A delivery counts only once every in-sync replica has it, and a retry inside the producer
    // never writes a second copy.
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // A broker that is down must fail deliver() within the delivery timeout, so that the dispatcher
    // marks the message failed and moves on, rather than hang on the metadata or the
    // acknowledgement.
    long timeoutMillis = deliveryTimeout.toMillis();
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMillis);
    properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1, timeoutMillis / 2));
    properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMillis);
    this.producer = new KafkaProducer<>(properties);
  }

  /**
   * A builder for a transport to the cluster at {@code bootstrapServers}.
   *
   * @param bootstrapServers {@code host:port} pairs, comma-separated
   */
  public static Builder builder(String bootstrapServers) {
    return new Builder(bootstrapServers);
  }

  /**
   * Sends {@code message} to its destination's topic and waits until the broker acknowledged it
   * (Art. 19); a {@linkplain OutboxMessage#CLEAR_TYPE clearing} message becomes a tombstone for the
   * key it names (Art. 5(1)(e)).
   *
   * @throws org.apache.kafka.common.KafkaException when the broker did not acknowledge it within the
   *     delivery timeout, or refused it; the dispatcher tries again later
   */
  @Override
  public void deliver(OutboxMessage message) {
    await(startDelivery(message).toCompletableFuture());
  }

  /**
   * Hands {@code message} to the producer, as {@link #deliver} does, and returns at once: the stage
   * completes once the broker acknowledged it, or exceptionally with the producer's failure or a
   * {@link org.apache.kafka.common.errors.TimeoutException} after the delivery timeout. The records of
   * one destination keep their order, as the producer is idempotent. May block while the producer
   * waits for the topic's metadata, within the delivery timeout.
   */
  @Override
  public CompletionStage<Void> startDelivery(OutboxMessage message) {
    requireNonNull(message, "message");
    String topic = topicForDestination.apply(message.destination());
    boolean clearing = OutboxMessage.CLEAR_TYPE.equals(message.type());
    ProducerRecord<String, String> record =
        clearing
            ? new ProducerRecord<>(topic, message.payload(), null)
            : new ProducerRecord<>(topic, message.idempotencyKey(), message.payload());
    record.headers().add(TYPE_HEADER, message.type().getBytes(UTF_8));
    record.headers().add(IDEMPOTENCY_KEY_HEADER, message.idempotencyKey().getBytes(UTF_8));
    return send(record)
        .thenAccept(
            written -> {
              if (clearing) {
                rollLater(new TopicPartition(written.topic(), written.partition()));
              }
            });
  }

  /**
   * Remembers that a tombstone was just written to {@code partition}: its roll is due one segment
   * lifetime after the first tombstone not yet rolled; a later tombstone may lie in a younger
   * segment, so its time is kept too and asks for another roll if needed.
   */
  private void rollLater(TopicPartition partition) {
    long now = System.nanoTime();
    pendingRolls.merge(
        partition,
        new PendingRoll(now + rollAfterNanos, now),
        (pending, latest) -> new PendingRoll(pending.dueAt(), latest.lastClearedAt()));
  }

  /**
   * Writes a {@linkplain #ROLL_KEY roll tombstone} to every partition whose tombstones written by this
   * transport are at least the {@linkplain Builder#segmentLifetime segment lifetime} and one second old:
   * that write closes the segment holding them and the events they
   * clear, so the log cleaner removes the events even from a topic nobody writes to any more (Art.
   * 5(1)(e), 17(2)). Call it periodically, every few seconds to minutes (a small fraction of the
   * {@linkplain Builder#segmentLifetime segment lifetime}); it does nothing when no roll is due and
   * writes at most one record per partition. A partition whose roll fails stays due and is tried again
   * at the next call.
   *
   * @return how many roll tombstones it wrote
   * @throws org.apache.kafka.common.KafkaException the first failure, after every due partition was tried
   */
  public int rollSegments() {
    int rolled = 0;
    RuntimeException failure = null;
    for (Map.Entry<TopicPartition, PendingRoll> entry : pendingRolls.entrySet()) {
      TopicPartition partition = entry.getKey();
      PendingRoll pending = entry.getValue();
      long now = System.nanoTime();
      if (now - pending.dueAt() < 0) {
        continue;
      }
      try {
        await(send(new ProducerRecord<>(partition.topic(), partition.partition(), ROLL_KEY, null)));
        rolled++;
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        }
        continue;
      }
      // Tombstones written at least one lifetime before this roll lay in a segment it closed; a
      // later one may lie in a segment opened since, which the next roll closes.
      pendingRolls.computeIfPresent(
          partition,
          (key, current) ->
              now - current.lastClearedAt() >= rollAfterNanos
                  ? null
                  : new PendingRoll(
                      current.lastClearedAt() + rollAfterNanos, current.lastClearedAt()));
    }
    if (failure != null) {
      throw failure;
    }
    return rolled;
  }

  /** How many partitions wait for a roll, due or not. */
  public int pendingRolls() {
    return pendingRolls.size();
  }

  /**
   * Hands {@code record} to the producer: the future completes with the broker's acknowledgement, or
   * exceptionally with the producer's failure, or once the delivery timeout has passed since this
   * call, whichever comes first (send() may have spent part of the timeout waiting for the topic's
   * metadata).
   */
  private CompletableFuture<RecordMetadata> send(ProducerRecord<String, String> record) {
    CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
    acknowledged.orTimeout(deliveryTimeout.toNanos(), TimeUnit.NANOSECONDS);
    try {
      producer.send(
          record,
          (written, failure) -> {
            if (failure == null) {
              acknowledged.complete(written);
            } else {
              acknowledged.completeExceptionally(failure);
            }
          });
    } catch (RuntimeException e) {
      acknowledged.completeExceptionally(e);
    }
    String topic = record.topic();
    return acknowledged.exceptionallyCompose(
        failure ->
            CompletableFuture.failedFuture(
                failure instanceof java.util.concurrent.TimeoutException
                    // The record may still reach the broker later: the dispatcher's next attempt
                    // then delivers it a second time under the same key, which a receiver applies
                    // once.
                    ? new org.apache.kafka.common.errors.TimeoutException(
                        "No acknowledgement from topic " + topic + " within " + deliveryTimeout)
                    : failure));
  }

  private static <T> T await(CompletableFuture<T> acknowledgement) {
    try {
      // Ends within the delivery timeout, see send().
      return acknowledgement.get();
    } catch (ExecutionException e) {
      throw KafkaFailures.unwrap(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException(e);
    }
  }

  /** Closes the producer, waiting up to the delivery timeout for what it still sends. */
  @Override
  public void close() {
    producer.close(deliveryTimeout);
  }

  /**
   * Configures {@link KafkaOutboxTransport}. By default: a 10 second delivery timeout and the topics
   * {@link KafkaTopics#topicFor}. The producer always uses {@code acks=all}, idempotence and String
   * serializers; any other producer property may be set.
   */
  public static final class Builder {

    private final Map<String, Object> properties = new HashMap<>();
    private Function<String, String> topicForDestination = KafkaTopics::topicFor;
    private Duration deliveryTimeout = Duration.ofSeconds(10);
    private Duration segmentLifetime = Duration.ofHours(1);

    private Builder(String bootstrapServers) {
      properties.put(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
          requireNonNull(bootstrapServers, "bootstrapServers"));
    }

    /** A producer property, such as a security setting or {@code client.id}. */
    public Builder property(String name, Object value) {
      properties.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
      return this;
    }

    /**
     * How long {@link #deliver} waits for the broker, from the topic's metadata to the acknowledgement,
     * before it throws: a broker that is down fails a delivery within it.
     *
     * @throws IllegalArgumentException if not positive or longer than {@code Integer.MAX_VALUE} ms
     */
    public Builder deliveryTimeout(Duration deliveryTimeout) {
      KafkaTopics.requirePositive(deliveryTimeout, "deliveryTimeout");
      if (deliveryTimeout.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "deliveryTimeout is at most " + Integer.MAX_VALUE + " ms");
      }
      this.deliveryTimeout = deliveryTimeout;
      return this;
    }

    /**
     * The topic of each destination, instead of {@code "lethe." + destination}; the inbox of each
     * receiving service must read the same topic.
     */
    public Builder topicForDestination(Function<String, String> topicForDestination) {
      this.topicForDestination = requireNonNull(topicForDestination, "topicForDestination");
      return this;
    }

    /**
     * How long the topics' segments stay open, {@link KafkaTopics#segmentLifetime()}: {@link
     * #rollSegments()} rolls a partition this long, and one second, after a tombstone was written to it.
     * By default 1 hour, the default of {@link KafkaTopics}. Record timestamps are the producers' clocks: where
     * replicas' clocks differ, add the skew.
     */
    public Builder segmentLifetime(Duration segmentLifetime) {
      this.segmentLifetime = KafkaTopics.requirePositive(segmentLifetime, "segmentLifetime");
      return this;
    }

    /** The transport, with its producer created. */
    public KafkaOutboxTransport build() {
      return new KafkaOutboxTransport(this);
    }
  }
}
