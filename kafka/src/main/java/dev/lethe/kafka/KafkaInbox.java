package dev.lethe.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.lethe.spi.MessageReceiver;
import dev.lethe.spi.OutboxMessage;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The inbound side of the Kafka transport: reads the topic of one service, {@link KafkaTopics#topicFor
 * topicFor(serviceName)}, and hands each message to a {@link MessageReceiver}, such as the rights
 * events a participant must apply (Art. 17(2), 19) or the receipts the coordinator collects.
 *
 * <p>A message's offset is committed only once {@code receive} returned, together with those of the
 * messages the same poll brought (one round trip to the broker for them all), so a crash in between
 * offers them again: delivery is at least once, and the receiver applies each idempotency key once. When {@code
 * receive} throws, its partition is paused and the same message is offered again after a back-off
 * (by default 1 second, doubling to 30 seconds), for as long as it takes: no message is skipped, and
 * none after it in its partition is applied before it. An {@link Error} the receiver throws is
 * treated alike (logged at ERROR): the polling thread outlives it. Failures are logged by type, never message, as
 * the message may quote the payload. Tombstones, which remove delivered events from the broker (Art.
 * 5(1)(e)), carry nothing to apply and are skipped. A broker that goes away and comes back is
 * reconnected to by the consumer itself.
 *
 * <p>One background thread polls; {@link #close()} stops it.
 */
public final class KafkaInbox implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaInbox.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

  private final String serviceName;
  private final String topic;
  private final MessageReceiver receiver;
  private final Duration initialBackOff;
  private final Duration maxBackOff;
  private final KafkaConsumer<String, String> consumer;
  private final Thread thread;
  private final Map<TopicPartition, Retry> retries = new HashMap<>();
  private volatile boolean running = true;

  private KafkaInbox(Builder builder) {
    this.serviceName = builder.serviceName;
    this.topic = builder.topic;
    this.receiver = builder.receiver;
    this.initialBackOff = builder.initialBackOff;
    this.maxBackOff = builder.maxBackOff;
    Map<String, Object> properties = new HashMap<>(builder.properties);
    properties.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, "lethe-" + serviceName);
    // A service that starts after messages were sent to it must still read them.
    properties.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    properties.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    this.consumer = new KafkaConsumer<>(properties);
    this.thread = new Thread(this::run, "lethe-kafka-inbox-" + serviceName);
    // An inbox someone forgot to close must not keep the JVM alive: an unacknowledged message comes
    // again.
    thread.setDaemon(true);
  }

  /**
   * A builder for the inbox of {@code serviceName} on the cluster at {@code bootstrapServers}.
   *
   * @param serviceName the name other services' outboxes address this one by
   * @param receiver applies what arrives
   */
  public static Builder builder(
      String bootstrapServers, String serviceName, MessageReceiver receiver) {
    return new Builder(bootstrapServers, serviceName, receiver);
  }

  /** The topic it reads. */
  public String topic() {
    return topic;
  }

  private void run() {
    try {
      consumer.subscribe(List.of(topic), new ForgetRetriesOfRevokedPartitions());
      while (running) {
        try {
          resumeDuePartitions();
          pollOnce();
        } catch (WakeupException e) {
          // close() woke the poll; the loop's condition ends it.
        } catch (RuntimeException | Error e) {
          // The thread must not die, or the service would stop reading its topic for good: a
          // broker error or a failed commit is retried at the next poll, and an uncommitted
          // message comes again.
          LOG.atLevel(levelOf(e))
              .log(
                  "The Kafka inbox of {} failed ({}); polling again",
                  serviceName,
                  e.getClass().getName());
          sleep(initialBackOff);
        }
      }
    } finally {
      try {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
      } catch (RuntimeException e) {
        LOG.warn("Closing the Kafka inbox of {} failed: {}", serviceName, e.getClass().getName());
      }
    }
  }

  private void pollOnce() {
    ConsumerRecords<String, String> records = consumer.poll(POLL_TIMEOUT);
    // Where each partition of the batch must resume if this pass breaks off: the consumer's
    // position is already past the whole batch, and a record left behind would be skipped, then
    // committed past.
    Map<TopicPartition, Long> firstUnapplied = new HashMap<>();
    records
        .partitions()
        .forEach(
            partition -> firstUnapplied.put(partition, records.records(partition).get(0).offset()));
    // Committed once for the whole batch, past what was applied: a commit is a round trip to the
    // broker, and messages that arrive together (receipts from several participants) would wait for
    // one commit each.
    Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
    try {
      for (TopicPartition partition : records.partitions()) {
        for (ConsumerRecord<String, String> record : records.records(partition)) {
          if (!running) {
            // Not committed: the next consumer of the partition starts at this record.
            return;
          }
          if (!apply(partition, record)) {
            break;
          }
          firstUnapplied.put(partition, record.offset() + 1);
          applied.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        firstUnapplied.remove(partition);
      }
    } catch (RuntimeException e) {
      Set<TopicPartition> assigned = consumer.assignment();
      firstUnapplied.forEach(
          (partition, offset) -> {
            if (assigned.contains(partition)) {
              consumer.seek(partition, offset);
            }
          });
      throw e;
    } finally {
      if (!applied.isEmpty()) {
        consumer.commitSync(applied);
      }
    }
  }

  /** Applies {@code record}; on failure rewinds to it and pauses its partition. */
  private boolean apply(TopicPartition partition, ConsumerRecord<String, String> record) {
    @Nullable OutboxMessage message = toMessage(record);
    if (message != null) {
      try {
        receiver.receive(message);
      } catch (RuntimeException | Error e) {
        // An Error too (an assertion, a class that failed to load, a stack overflow in the
        // receiver's code): offered again like any failure, the thread outliving it.
        int attempts = retries.containsKey(partition) ? retries.get(partition).attempts() + 1 : 1;
        Duration backOff = backOff(attempts);
        LOG.atLevel(levelOf(e))
            .log(
                "Receiving message at offset {} of {} failed (attempt {}: {}); offering it again in {}",
                record.offset(),
                partition,
                attempts,
                e.getClass().getName(),
                backOff);
        consumer.seek(partition, record.offset());
        consumer.pause(Set.of(partition));
        retries.put(partition, new Retry(attempts, System.nanoTime() + backOff.toNanos()));
        return false;
      }
    }
    retries.remove(partition);
    return true;
  }

  private static Level levelOf(Throwable failure) {
    return failure instanceof Error ? Level.ERROR : Level.WARN;
  }

  private @Nullable OutboxMessage toMessage(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      return null;
    }
    @Nullable String type = header(record, KafkaOutboxTransport.TYPE_HEADER);
    if (record.key() == null || type == null || type.isBlank()) {
      // Not written by a Lethe outbox: nothing a receiver could apply; offering it forever would
      // stop the partition.
      LOG.warn(
          "Skipping the record at offset {} of {}-{}: it has no key or no {} header",
          record.offset(),
          record.topic(),
          record.partition(),
          KafkaOutboxTransport.TYPE_HEADER);
      return null;
    }
    try {
      return new OutboxMessage(record.key(), serviceName, type, record.value());
    } catch (IllegalArgumentException e) {
      LOG.warn(
          "Skipping the record at offset {} of {}-{}: it is not a valid outbox message ({})",
          record.offset(),
          record.topic(),
          record.partition(),
          e.getClass().getName());
      return null;
    }
  }

  private static @Nullable String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
  }

  private void resumeDuePartitions() {
    long now = System.nanoTime();
    List<TopicPartition> due =
        retries.entrySet().stream()
            .filter(entry -> entry.getValue().paused() && now - entry.getValue().resumeAt() >= 0)
            .map(Map.Entry::getKey)
            .toList();
    for (TopicPartition partition : due) {
      retries.put(partition, retries.get(partition).resumed());
    }
    consumer.resume(due);
  }

  private Duration backOff(int attempts) {
    Duration backOff = initialBackOff.multipliedBy(1L << Math.min(attempts - 1, 30));
    return backOff.compareTo(maxBackOff) > 0 ? maxBackOff : backOff;
  }

  private void sleep(Duration duration) {
    try {
      TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /**
   * Stops the polling thread, waiting for the message being received to be applied, and closes the
   * consumer; messages not yet committed are offered again to the next consumer of the group.
   */
  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How many times the partition's first unapplied message failed, and when it is offered again. */
  private record Retry(int attempts, long resumeAt, boolean paused) {
    Retry(int attempts, long resumeAt) {
      this(attempts, resumeAt, true);
    }

    Retry resumed() {
      return new Retry(attempts, resumeAt, false);
    }
  }

  /** A partition another member took over is no longer paused here, and its failures are that member's. */
  private final class ForgetRetriesOfRevokedPartitions implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      partitions.forEach(retries::remove);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      partitions.forEach(retries::remove);
    }
  }

  /**
   * Configures {@link KafkaInbox}. By default: group id {@code "lethe-" + serviceName}, reading from the
   * earliest offset when the group has none, back-off from 1 second doubling to 30 seconds. The
   * consumer always uses manual commits and String deserializers; any other property may be set.
   */
  public static final class Builder {

    private final Map<String, Object> properties = new HashMap<>();
    private final String serviceName;
    private final MessageReceiver receiver;
    private String topic;
    private Duration initialBackOff = Duration.ofSeconds(1);
    private Duration maxBackOff = Duration.ofSeconds(30);

    private Builder(String bootstrapServers, String serviceName, MessageReceiver receiver) {
      properties.put(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
          requireNonNull(bootstrapServers, "bootstrapServers"));
      this.serviceName = requireNonNull(serviceName, "serviceName");
      this.receiver = requireNonNull(receiver, "receiver");
      this.topic = KafkaTopics.topicFor(serviceName);
    }

    /** A consumer property, such as a security setting. */
    public Builder property(String name, Object value) {
      properties.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
      return this;
    }

    /** The consumer group; several replicas of one service share it, so that each message goes to one of them. */
    public Builder groupId(String groupId) {
      properties.put(ConsumerConfig.GROUP_ID_CONFIG, requireNonNull(groupId, "groupId"));
      return this;
    }

    /** The topic to read, instead of {@code "lethe." + serviceName}: the senders' transports must write to it. */
    public Builder topic(String topic) {
      this.topic = requireNonNull(topic, "topic");
      return this;
    }

    /**
     * The wait before a message whose receipt failed is offered again, doubling after each further
     * failure up to {@code max}.
     *
     * @throws IllegalArgumentException if either is not positive or {@code initial} exceeds {@code max}
     */
    public Builder backOff(Duration initial, Duration max) {
      KafkaTopics.requirePositive(initial, "initial back-off");
      KafkaTopics.requirePositive(max, "maximum back-off");
      if (initial.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            "The initial back-off " + initial + " exceeds the maximum " + max);
      }
      this.initialBackOff = initial;
      this.maxBackOff = max;
      return this;
    }

    /** Creates the inbox and starts its polling thread. */
    public KafkaInbox start() {
      KafkaInbox inbox = new KafkaInbox(this);
      inbox.thread.start();
      return inbox;
    }
  }
}
