package dev.lethe.spring.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The services' changes over a real Kafka broker: an embedded KRaft node started for this class. */
class ServicesOverKafkaIT extends ServicesTravel {

  private static EmbeddedKafkaKraftBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.destroy();
    }
  }

  @Override
  Map<String, Object> brokerProperties() {
    return Map.of("lethe.services.kafka.bootstrap-servers", broker.getBrokersAsString());
  }

  @Override
  void assertNothingPersonalLeftInBroker(List<String> noticeKeys) {
    // Every notice has a tombstone after it on its participant's compacted topic, so compaction
    // removes it (lethe-kafka's KafkaTransportIT shows the compaction itself).
    Map<String, ConsumerRecord<String, String>> latest = new HashMap<>();
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("lethe.billing", "lethe.events"));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline
          && !noticeKeys.stream()
              .allMatch(key -> latest.containsKey(key) && latest.get(key).value() == null)) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> latest.put(record.key(), record));
      }
    }
    assertThat(noticeKeys)
        .allSatisfy(
            key ->
                assertThat(latest.get(key))
                    .as(key)
                    .isNotNull()
                    .satisfies(
                        record ->
                            assertThat(record.value())
                                .as("the latest record of a notice is its tombstone")
                                .isNull()));
  }
}
