package dev.lethe.kafka;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics Lethe uses, if missing: one per service, {@code "lethe." + name}, keyed by the
 * messages' idempotency keys and compacted, so that a tombstone the coordinator writes once a request
 * closes removes that request's events, and the identities they carry, from the broker (Art. 5(1)(e),
 * 17(2)).
 *
 * <h2>How long an event stays after its tombstone</h2>
 *
 * The log cleaner removes an event once both it and its tombstone lie in closed segments and the
 * cleaner has passed over them; the tombstone alone is not enough while it sits in the open (active)
 * segment. A partition's segment is closed (rolled) by the first write into that partition after it
 * has been open for {@code L = min(segment.ms, max.compaction.lag.ms)}, {@link #segmentLifetime()};
 * Kafka rolls a segment only when something is appended, so on an idle partition the event would wait
 * for the next write. {@link KafkaOutboxTransport#rollSegments()} provides that write: called every
 * {@code R}, it appends a roll tombstone to each partition that received a tombstone {@code L} and a
 * second ago. The closed segment is then cleaned once its records are {@code min.compaction.lag.ms}
 * old, and at the latest {@code max.compaction.lag.ms} old, whatever its dirty ratio. So an event is
 * gone within about
 *
 * <pre>  max(L + 1 s + R, max.compaction.lag.ms) + min.compaction.lag.ms + log.cleaner.backoff.ms (broker, 15 s by default) + one cleaning</pre>
 *
 * after its tombstone, on a busy and on an idle topic alike, provided the transport that wrote the
 * tombstone keeps running until its roll (a replica stopped before leaves the event to the partition's
 * next write, which then closes the segment if it is at least {@code L} old). The tombstone itself,
 * which holds the key and no value, is removed {@code delete.retention.ms} after it was compacted. The
 * defaults ({@code segment.ms} and {@code max.compaction.lag.ms} 1 hour, {@code min.compaction.lag.ms}
 * 0) and a roll every minute give about 1 hour and 2 minutes. Idempotency keys are record keys and stay
 * until their tombstone is removed: they must not hold personal data.
 */
public final class KafkaTopics {

  /** The prefix of every topic Lethe uses: a service named {@code billing} reads {@code lethe.billing}. */
  public static final String PREFIX = "lethe.";

  private final Map<String, Object> adminProperties;
  private final int partitions;
  private final Optional<Short> replicationFactor;
  private final Map<String, String> topicConfigs;
  private final Duration timeout;
  private final Duration segmentLifetime;

  private KafkaTopics(Builder builder) {
    this.adminProperties = Map.copyOf(builder.adminProperties);
    this.partitions = builder.partitions;
    this.replicationFactor = builder.replicationFactor;
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    configs.put(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(builder.segment.toMillis()));
    configs.put(
        TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG,
        Long.toString(builder.maxCompactionLag.toMillis()));
    configs.put(
        TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG,
        Long.toString(builder.minCompactionLag.toMillis()));
    configs.put(
        TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(builder.deleteRetention.toMillis()));
    configs.put(
        TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG,
        Double.toString(builder.minCleanableDirtyRatio));
    this.topicConfigs = Map.copyOf(configs);
    this.timeout = builder.timeout;
    this.segmentLifetime =
        builder.segment.compareTo(builder.maxCompactionLag) <= 0
            ? builder.segment
            : builder.maxCompactionLag;
  }

  /** The topic the messages to {@code serviceName} go to and its inbox reads: {@code "lethe." + serviceName}. */
  public static String topicFor(String serviceName) {
    requireNonNull(serviceName, "serviceName");
    return PREFIX + serviceName;
  }

  /** A builder for the topics of the cluster at {@code bootstrapServers}. */
  public static Builder builder(String bootstrapServers) {
    return new Builder(bootstrapServers);
  }

  /** The configuration every topic is created with: compacted, with the bounds the class comment explains. */
  public Map<String, String> topicConfigs() {
    return topicConfigs;
  }

  /**
   * How long a segment of the topics stays open before the next write rolls it, {@code min(segment.ms,
   * max.compaction.lag.ms)}: what {@link KafkaOutboxTransport.Builder#segmentLifetime} must be told so
   * that its {@link KafkaOutboxTransport#rollSegments() rolls} close the segments holding cleared events.
   */
  public Duration segmentLifetime() {
    return segmentLifetime;
  }

  /**
   * Creates the topic of each service in {@code serviceNames} that does not exist yet; an existing topic
   * is left as it is, whatever its configuration.
   *
   * @return the topics it created
   * @throws org.apache.kafka.common.KafkaException when the cluster could not be reached or refused
   */
  public Set<String> ensure(Collection<String> serviceNames) {
    List<NewTopic> wanted = new ArrayList<>();
    for (String serviceName : serviceNames) {
      wanted.add(
          new NewTopic(topicFor(serviceName), Optional.of(partitions), replicationFactor)
              .configs(topicConfigs));
    }
    Properties properties = new Properties();
    properties.putAll(adminProperties);
    try (Admin admin = Admin.create(properties)) {
      Set<String> created = new TreeSet<>();
      var results = admin.createTopics(wanted).values();
      for (var result : results.entrySet()) {
        try {
          result.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
          created.add(result.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw KafkaFailures.unwrap(e);
          }
        }
      }
      return created;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException(e);
    } catch (TimeoutException e) {
      throw new org.apache.kafka.common.errors.TimeoutException(
          "Creating Lethe's topics took longer than " + timeout);
    }
  }

  /**
   * Configures {@link KafkaTopics}. By default: 1 partition, the broker's replication factor, {@code
   * segment.ms} and {@code max.compaction.lag.ms} 1 hour, {@code min.compaction.lag.ms} 0, {@code
   * delete.retention.ms} 1 hour, {@code min.cleanable.dirty.ratio} 0.5, a 30 second timeout.
   */
  public static final class Builder {

    private final Map<String, Object> adminProperties = new HashMap<>();
    private int partitions = 1;
    private Optional<Short> replicationFactor = Optional.empty();
    private Duration segment = Duration.ofHours(1);
    private Duration maxCompactionLag = Duration.ofHours(1);
    private Duration minCompactionLag = Duration.ZERO;
    private Duration deleteRetention = Duration.ofHours(1);
    private double minCleanableDirtyRatio = 0.5;
    private Duration timeout = Duration.ofSeconds(30);

    private Builder(String bootstrapServers) {
      adminProperties.put(
          AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
          requireNonNull(bootstrapServers, "bootstrapServers"));
    }

    /** An admin client property, such as a security setting. */
    public Builder property(String name, Object value) {
      adminProperties.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
      return this;
    }

    /**
     * How many partitions each topic has: messages with one key stay in order within their partition.
     *
     * @throws IllegalArgumentException if less than 1
     */
    public Builder partitions(int partitions) {
      if (partitions < 1) {
        throw new IllegalArgumentException("partitions must be at least 1, but is " + partitions);
      }
      this.partitions = partitions;
      return this;
    }

    /** How many replicas each topic has; by default the broker's {@code default.replication.factor}. */
    public Builder replicationFactor(short replicationFactor) {
      if (replicationFactor < 1) {
        throw new IllegalArgumentException(
            "replicationFactor must be at least 1, but is " + replicationFactor);
      }
      this.replicationFactor = Optional.of(replicationFactor);
      return this;
    }

    /** {@code segment.ms}: after how long a segment is rolled on the next write, so that it can be compacted. */
    public Builder segment(Duration segment) {
      this.segment = requirePositive(segment, "segment");
      return this;
    }

    /** {@code max.compaction.lag.ms}: how long a record may stay uncompacted, whatever the dirty ratio. */
    public Builder maxCompactionLag(Duration maxCompactionLag) {
      this.maxCompactionLag = requirePositive(maxCompactionLag, "maxCompactionLag");
      return this;
    }

    /** {@code min.compaction.lag.ms}: how long a record stays before it may be compacted; adds to the bound. */
    public Builder minCompactionLag(Duration minCompactionLag) {
      requireNonNull(minCompactionLag, "minCompactionLag");
      if (minCompactionLag.isNegative()) {
        throw new IllegalArgumentException(
            "minCompactionLag must not be negative, but is " + minCompactionLag);
      }
      this.minCompactionLag = minCompactionLag;
      return this;
    }

    /** {@code delete.retention.ms}: how long a tombstone stays once compacted, for consumers that lag behind. */
    public Builder deleteRetention(Duration deleteRetention) {
      this.deleteRetention = requirePositive(deleteRetention, "deleteRetention");
      return this;
    }

    /** {@code min.cleanable.dirty.ratio}: how much of a log must be uncompacted before the cleaner runs early. */
    public Builder minCleanableDirtyRatio(double minCleanableDirtyRatio) {
      if (!(minCleanableDirtyRatio >= 0 && minCleanableDirtyRatio <= 1)) {
        throw new IllegalArgumentException(
            "minCleanableDirtyRatio must be within [0, 1], but is " + minCleanableDirtyRatio);
      }
      this.minCleanableDirtyRatio = minCleanableDirtyRatio;
      return this;
    }

    /** How long {@link KafkaTopics#ensure} waits for the cluster. */
    public Builder timeout(Duration timeout) {
      this.timeout = requirePositive(timeout, "timeout");
      return this;
    }

    /** The topics' creator, configured. */
    public KafkaTopics build() {
      return new KafkaTopics(this);
    }
  }

  static Duration requirePositive(Duration duration, String name) {
    requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, but is " + duration);
    }
    return duration;
  }
}
