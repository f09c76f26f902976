package dev.lethe.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.spi.OutboxMessage;
import java.time.Duration;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the builders accept and the topic settings they produce; no broker needed. */
class KafkaConfigurationTest {

  @Test
  void aServiceReadsTheTopicItsSendersWriteTo() {
    assertThat(KafkaTopics.topicFor("billing")).isEqualTo("lethe.billing");
    try (KafkaInbox inbox = KafkaInbox.builder("localhost:1", "billing", message -> {}).start()) {
      assertThat(inbox.topic()).isEqualTo(KafkaTopics.topicFor("billing"));
    }
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): Lethe's topics are compacted with the bounds the removal guarantee rests on")
  void art5_1_e_topicsAreCompactedWithBoundedLags() {
    KafkaTopics topics =
        KafkaTopics.builder("localhost:1")
            .segment(Duration.ofMinutes(10))
            .maxCompactionLag(Duration.ofMinutes(20))
            .minCompactionLag(Duration.ZERO)
            .deleteRetention(Duration.ofMinutes(5))
            .minCleanableDirtyRatio(0.1)
            .build();

    assertThat(topics.topicConfigs())
        .containsEntry("cleanup.policy", "compact")
        .containsEntry("segment.ms", "600000")
        .containsEntry("max.compaction.lag.ms", "1200000")
        .containsEntry("min.compaction.lag.ms", "0")
        .containsEntry("delete.retention.ms", "300000")
        .containsEntry("min.cleanable.dirty.ratio", "0.1");
  }

  @Test
  void nonsensicalSettingsAreRefused() {
    assertThatThrownBy(
            () -> KafkaOutboxTransport.builder("localhost:1").deliveryTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                KafkaInbox.builder("localhost:1", "billing", message -> {})
                    .backOff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KafkaTopics.builder("localhost:1").partitions(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KafkaTopics.builder("localhost:1").minCleanableDirtyRatio(1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDeliveryWithoutBrokerFailsWithinTheDeliveryTimeoutByTheClientsOwnType() {
    try (KafkaOutboxTransport transport =
        KafkaOutboxTransport.builder("localhost:1")
            .deliveryTimeout(Duration.ofMillis(500))
            .build()) {
      assertThatThrownBy(
              () ->
                  transport.deliver(
                      new OutboxMessage(
                          "k",
                          "billing",
                          "lethe.rights-event",
                          "{\"subject\":\"ada@example.org\"}")))
          .isInstanceOf(TimeoutException.class)
          .hasMessageNotContaining("ada@example.org");
    }
  }
}
