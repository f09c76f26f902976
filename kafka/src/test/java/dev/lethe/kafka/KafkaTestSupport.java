package dev.lethe.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.lethe.spi.MessageReceiver;
import dev.lethe.spi.OutboxMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real embedded KRaft broker, a raw reader of topics, and a receiver that applies each key once. */
final class KafkaTestSupport {

  private KafkaTestSupport() {}

  /** A one-node KRaft broker on a free port whose log cleaner looks for work every 100 ms, started. */
  static EmbeddedKafkaKraftBroker startBroker() {
    return startBroker(new EmbeddedKafkaKraftBroker(1, 1));
  }

  /**
   * The same, advertising {@code proxy}'s address, so that every client connection, not only the
   * first, goes through the proxy and stopping it takes the broker away from the clients.
   */
  static EmbeddedKafkaKraftBroker startBrokerBehind(BootstrapProxy proxy) {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
    // EXTERNAL is the test kit's name for the clients' listener.
    broker.brokerProperty("advertised.listeners", "EXTERNAL://" + proxy.address());
    return startBroker(broker);
  }

  /** The port the broker listens on, behind any proxy. */
  static int listeningPort(EmbeddedKafkaKraftBroker broker) {
    return broker
        .getCluster()
        .brokers()
        .values()
        .iterator()
        .next()
        .boundPort(new ListenerName("EXTERNAL"));
  }

  private static EmbeddedKafkaKraftBroker startBroker(EmbeddedKafkaKraftBroker broker) {
    broker.brokerProperty("log.cleaner.backoff.ms", "100");
    broker.afterPropertiesSet();
    return broker;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until {@code condition} holds, checking every 100 ms, or fails after {@code timeout}. */
  static void pollUntil(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("Timed out after " + timeout + " waiting until " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted waiting until " + what, e);
      }
    }
  }

  /** Every record of {@code topic}, read from the beginning by a fresh consumer outside any group. */
  static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic) {
    Map<String, Object> properties = new HashMap<>();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    properties.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (partitions.stream()
          .anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
        if (System.nanoTime() - deadline > 0) {
          throw new AssertionError("Could not read " + topic + " to its end");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), UTF_8);
  }

  /**
   * A receiver that applies each idempotency key once, as the contract asks of every receiver, and
   * records every offer; the first {@code failures} offers of {@code failingKey} throw.
   */
  static final class RecordingReceiver implements MessageReceiver {

    final List<OutboxMessage> offered = new CopyOnWriteArrayList<>();
    final List<OutboxMessage> applied = new CopyOnWriteArrayList<>();
    private final Set<String> appliedKeys = ConcurrentHashMap.newKeySet();
    private final String failingKey;
    private int failuresLeft;
    private final Runnable fail;

    RecordingReceiver() {
      this("", 0);
    }

    RecordingReceiver(String failingKey, int failures) {
      this(
          failingKey,
          failures,
          () -> {
            throw new IllegalStateException("not yet");
          });
    }

    /** Fails {@code failures} times on {@code failingKey} with what {@code fail} throws. */
    RecordingReceiver(String failingKey, int failures, Runnable fail) {
      this.failingKey = failingKey;
      this.failuresLeft = failures;
      this.fail = fail;
    }

    @Override
    public void receive(OutboxMessage message) {
      offered.add(message);
      if (message.idempotencyKey().equals(failingKey) && failuresLeft > 0) {
        failuresLeft--;
        fail.run();
      }
      if (appliedKeys.add(message.idempotencyKey())) {
        applied.add(message);
      }
    }

    List<String> appliedKeys() {
      return applied.stream().map(OutboxMessage::idempotencyKey).toList();
    }

    long offersOf(String key) {
      return offered.stream().filter(message -> message.idempotencyKey().equals(key)).count();
    }
  }
}
