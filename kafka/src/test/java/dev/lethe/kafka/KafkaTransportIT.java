package dev.lethe.kafka;

import static dev.lethe.kafka.KafkaTestSupport.header;
import static dev.lethe.kafka.KafkaTestSupport.pollUntil;
import static dev.lethe.kafka.KafkaTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.kafka.KafkaTestSupport.RecordingReceiver;
import dev.lethe.outbox.DispatchResult;
import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.OutboxStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The transport and the inbox against one real embedded KRaft broker; each test uses its own topics. */
// The inboxes of the tests run while their try blocks wait; the blocks close them.
@SuppressWarnings("try")
class KafkaTransportIT {

  private static EmbeddedKafkaKraftBroker broker;
  private static String bootstrapServers;
  private static KafkaOutboxTransport transport;

  @BeforeAll
  static void startBroker() {
    broker = KafkaTestSupport.startBroker();
    bootstrapServers = broker.getBrokersAsString();
    transport =
        KafkaOutboxTransport.builder(bootstrapServers)
            .deliveryTimeout(Duration.ofSeconds(10))
            .build();
  }

  @AfterAll
  static void stopBroker() {
    if (transport != null) {
      transport.close();
    }
    if (broker != null) {
      broker.destroy();
    }
  }

  private static void createTopics(String... services) {
    KafkaTopics.builder(bootstrapServers).build().ensure(List.of(services));
  }

  @Test
  @DisplayName(
      "Art. 19: the outbox's messages reach the destination's inbox with key, type and payload intact")
  void deliversThroughTheOutboxToTheInbox() {
    createTopics("billing");
    Outbox outbox = Outbox.inMemory();
    OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox, transport).build();
    List<OutboxMessage> sent =
        List.of(
            new OutboxMessage(
                "req-1:billing",
                "billing",
                "lethe.rights-event",
                "{\"subject\":\"ada@example.org\"}"),
            new OutboxMessage(
                "req-2:billing",
                "billing",
                "lethe.recipient-notification",
                "{\"subject\":\"bob\"}"));
    sent.forEach(message -> outbox.enqueue(message, Instant.now()));

    DispatchResult result = dispatcher.dispatch();

    assertThat(result.delivered()).isEqualTo(2);
    RecordingReceiver receiver = new RecordingReceiver();
    try (KafkaInbox inbox = KafkaInbox.builder(bootstrapServers, "billing", receiver).start()) {
      pollUntil(
          Duration.ofSeconds(30), "both messages are applied", () -> receiver.applied.size() == 2);
    }
    assertThat(receiver.applied).containsExactlyElementsOf(sent);
    List<ConsumerRecord<String, String>> records = readAll(bootstrapServers, "lethe.billing");
    assertThat(records)
        .extracting(record -> header(record, KafkaOutboxTransport.TYPE_HEADER))
        .containsExactly("lethe.rights-event", "lethe.recipient-notification");
    assertThat(records)
        .extracting(record -> header(record, KafkaOutboxTransport.IDEMPOTENCY_KEY_HEADER))
        .containsExactly("req-1:billing", "req-2:billing");
  }

  @Test
  @DisplayName(
      "Art. 19: batches kept in flight at once reach the broker in the order they were written, each marked delivered")
  void batchesInFlightKeepTheirOrder() {
    createTopics("warehouse");
    Outbox outbox = Outbox.inMemory();
    Instant writtenAt = Instant.now();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      String key = "req-" + i + ":warehouse";
      keys.add(key);
      outbox.enqueue(
          new OutboxMessage(key, "warehouse", "lethe.rights-event", "{}"), writtenAt.plusNanos(i));
    }

    DispatchResult result =
        OutboxDispatcher.builder(outbox, transport).batchSize(100).build().dispatch();

    assertThat(result.delivered()).isEqualTo(250);
    assertThat(outbox.list(OutboxStatus.DELIVERED, 300)).hasSize(250);
    assertThat(readAll(bootstrapServers, "lethe.warehouse"))
        .extracting(ConsumerRecord::key)
        .containsExactlyElementsOf(keys);
  }

  @Test
  void aMessageTheReceiverRefusesIsOfferedAgainAndNothingAfterItIsAppliedBeforeIt() {
    createTopics("shipping");
    for (String key : List.of("k1", "k2", "k3")) {
      transport.deliver(new OutboxMessage(key, "shipping", "lethe.rights-event", "{}"));
    }
    RecordingReceiver receiver = new RecordingReceiver("k1", 3);

    try (KafkaInbox inbox =
        KafkaInbox.builder(bootstrapServers, "shipping", receiver)
            .backOff(Duration.ofMillis(50), Duration.ofMillis(200))
            .start()) {
      pollUntil(
          Duration.ofSeconds(30), "all three are applied", () -> receiver.applied.size() == 3);
    }

    assertThat(receiver.appliedKeys()).containsExactly("k1", "k2", "k3");
    assertThat(receiver.offersOf("k1")).isEqualTo(4);
    // Nothing after k1 was offered while k1 still failed.
    assertThat(receiver.offered.subList(0, 4))
        .extracting(OutboxMessage::idempotencyKey)
        .containsOnly("k1");
  }

  @Test
  @DisplayName(
      "Art. 17(2): a receiver that throws an Error is offered the message again, and the inbox goes on reading")
  void aReceiverThatThrowsAnErrorIsOfferedTheMessageAgainAndTheInboxGoesOn() {
    createTopics("returns");
    for (String key : List.of("e1", "e2")) {
      transport.deliver(new OutboxMessage(key, "returns", "lethe.rights-event", "{}"));
    }
    RecordingReceiver receiver =
        new RecordingReceiver(
            "e1",
            2,
            () -> {
              throw new AssertionError("not yet");
            });

    try (KafkaInbox inbox =
        KafkaInbox.builder(bootstrapServers, "returns", receiver)
            .backOff(Duration.ofMillis(50), Duration.ofMillis(200))
            .start()) {
      pollUntil(Duration.ofSeconds(30), "both are applied", () -> receiver.applied.size() == 2);
    }

    assertThat(receiver.appliedKeys()).containsExactly("e1", "e2");
    assertThat(receiver.offersOf("e1")).isEqualTo(3);
  }

  @Test
  void aMessageDeliveredTwiceIsOfferedTwiceAndAppliedOnceByItsKey() {
    createTopics("crm");
    OutboxMessage message =
        new OutboxMessage("req-3:crm", "crm", "lethe.rights-event", "{\"subject\":\"carol\"}");
    // What a dispatcher does when its claim expired mid-delivery and another one delivers again.
    transport.deliver(message);
    transport.deliver(message);
    transport.deliver(new OutboxMessage("req-4:crm", "crm", "lethe.rights-event", "{}"));
    RecordingReceiver receiver = new RecordingReceiver();

    try (KafkaInbox inbox = KafkaInbox.builder(bootstrapServers, "crm", receiver).start()) {
      pollUntil(
          Duration.ofSeconds(30),
          "all three records are offered",
          () -> receiver.offered.size() == 3);
    }

    assertThat(receiver.offersOf("req-3:crm")).isEqualTo(2);
    assertThat(receiver.appliedKeys()).containsExactly("req-3:crm", "req-4:crm");
  }

  @Test
  void aConsumerThatStopsBeforeCommittingLeavesTheMessageToTheNextConsumerOfItsGroup() {
    createTopics("ledger");
    transport.deliver(new OutboxMessage("req-5:ledger", "ledger", "lethe.rights-event", "{}"));
    RecordingReceiver crashing = new RecordingReceiver("req-5:ledger", Integer.MAX_VALUE);
    try (KafkaInbox inbox = KafkaInbox.builder(bootstrapServers, "ledger", crashing).start()) {
      pollUntil(
          Duration.ofSeconds(30), "the message is offered", () -> !crashing.offered.isEmpty());
    }

    RecordingReceiver next = new RecordingReceiver();
    try (KafkaInbox inbox = KafkaInbox.builder(bootstrapServers, "ledger", next).start()) {
      pollUntil(
          Duration.ofSeconds(30), "the next consumer applies it", () -> next.applied.size() == 1);
    }
    assertThat(next.appliedKeys()).containsExactly("req-5:ledger");
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e), 17: once cleared, the event and the identity it carried are gone from the broker")
  void art5_1_e_aClearedEventIsCompactedAwayFromTheBroker() {
    KafkaTopics.builder(bootstrapServers)
        .segment(Duration.ofSeconds(1))
        .maxCompactionLag(Duration.ofSeconds(1))
        .minCompactionLag(Duration.ZERO)
        .deleteRetention(Duration.ofMillis(100))
        .minCleanableDirtyRatio(0.01)
        .build()
        .ensure(List.of("marketing"));
    String key = "req-6:marketing";
    transport.deliver(
        new OutboxMessage(
            key, "marketing", "lethe.rights-event", "{\"subject\":\"dora@example.org\"}"));
    assertThat(valuesFor("lethe.marketing", key))
        .containsExactly("{\"subject\":\"dora@example.org\"}");

    transport.deliver(OutboxMessage.clear("marketing", key));

    // Kafka rolls a segment, and so lets the cleaner at it, only when something is written: the
    // topic keeps receiving writes, as a coordinator's does, here tombstones of a key nobody used.
    int[] writes = {0};
    pollUntil(
        Duration.ofSeconds(60),
        "no value remains under the cleared key",
        () -> {
          transport.deliver(OutboxMessage.clear("marketing", "unused-" + writes[0]++));
          return valuesFor("lethe.marketing", key).isEmpty();
        });
    RecordingReceiver receiver = new RecordingReceiver();
    try (KafkaInbox inbox = KafkaInbox.builder(bootstrapServers, "marketing", receiver).start()) {
      transport.deliver(
          new OutboxMessage("req-7:marketing", "marketing", "lethe.rights-event", "{}"));
      pollUntil(
          Duration.ofSeconds(30), "the later event is applied", () -> receiver.applied.size() == 1);
    }
    // The inbox skips tombstones: it never offers the cleared event nor a tombstone.
    assertThat(receiver.offered)
        .extracting(OutboxMessage::idempotencyKey)
        .containsExactly("req-7:marketing");
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e), 17(2): on an idle topic, a cleared event is gone within the documented bound once the transport rolls its segment")
  void art5_1_e_aClearedEventLeavesAnIdleTopicThroughTheRoll() {
    // Aggressive settings: segments live 1 s, the broker's cleaner looks every 100 ms.
    KafkaTopics topics =
        KafkaTopics.builder(bootstrapServers)
            .segment(Duration.ofSeconds(1))
            .maxCompactionLag(Duration.ofSeconds(1))
            .minCompactionLag(Duration.ZERO)
            .deleteRetention(Duration.ofMillis(100))
            .minCleanableDirtyRatio(0.01)
            .build();
    topics.ensure(List.of("idle-rolled", "idle-unrolled"));
    String rolledKey = "req-9:idle-rolled";
    String unrolledKey = "req-10:idle-unrolled";
    try (KafkaOutboxTransport rolling =
            KafkaOutboxTransport.builder(bootstrapServers)
                .segmentLifetime(topics.segmentLifetime())
                .build();
        KafkaOutboxTransport neverRolling =
            KafkaOutboxTransport.builder(bootstrapServers)
                .segmentLifetime(Duration.ofHours(1))
                .build()) {
      rolling.deliver(
          new OutboxMessage(
              rolledKey, "idle-rolled", "lethe.rights-event", "{\"subject\":\"eve@example.org\"}"));
      neverRolling.deliver(
          new OutboxMessage(
              unrolledKey,
              "idle-unrolled",
              "lethe.rights-event",
              "{\"subject\":\"fay@example.org\"}"));
      rolling.deliver(OutboxMessage.clear("idle-rolled", rolledKey));
      neverRolling.deliver(OutboxMessage.clear("idle-unrolled", unrolledKey));
      long cleared = System.nanoTime();

      assertThat(neverRolling.rollSegments())
          .as("no roll is due before the segment lifetime")
          .isZero();
      assertThat(neverRolling.pendingRolls()).isOne();

      // Nothing else is written to either topic; the scheduler's periodic call is the only write.
      int[] rolls = {0};
      // Bound: max(L + 1 s + R, max.compaction.lag) + min.compaction.lag + cleaner back-off + one
      // cleaning
      // = max(2 s + 0.1 s, 1 s) + 0 + 0.1 s + one cleaning; the rest is slack for a shared machine.
      pollUntil(
          Duration.ofSeconds(30),
          "no value remains under the cleared key of the idle topic",
          () -> {
            rolls[0] += rolling.rollSegments();
            return valuesFor("lethe.idle-rolled", rolledKey).isEmpty();
          });
      Duration took = Duration.ofNanos(System.nanoTime() - cleared);

      assertThat(rolls[0]).as("roll tombstones written").isOne();
      assertThat(rolling.pendingRolls()).isZero();
      assertThat(took)
          .as("time from the tombstone until the event was gone")
          .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
      // The same idle topic without the roll keeps the cleared event and the identity it carries.
      assertThat(valuesFor("lethe.idle-unrolled", unrolledKey))
          .containsExactly("{\"subject\":\"fay@example.org\"}");
      assertThat(readAll(bootstrapServers, "lethe.idle-rolled"))
          .extracting(ConsumerRecord::key)
          .allSatisfy(key -> assertThat(key).isIn(rolledKey, KafkaOutboxTransport.ROLL_KEY));
    }
  }

  @Test
  void aRecordNotWrittenByALetheOutboxIsSkippedWithoutStoppingThePartition() throws Exception {
    createTopics("search");
    Map<String, Object> properties =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class.getName());
    try (var foreign = new KafkaProducer<String, String>(properties)) {
      foreign.send(new ProducerRecord<>("lethe.search", "no-type", "{}")).get();
      // A compacted topic refuses records without a key; one whose key is too long for an outbox
      // message:
      var tooLongKey = new ProducerRecord<>("lethe.search", "k".repeat(201), "{}");
      tooLongKey
          .headers()
          .add(
              KafkaOutboxTransport.TYPE_HEADER,
              "lethe.rights-event".getBytes(StandardCharsets.UTF_8));
      foreign.send(tooLongKey).get();
    }
    transport.deliver(new OutboxMessage("req-8:search", "search", "lethe.rights-event", "{}"));
    RecordingReceiver receiver = new RecordingReceiver();

    try (KafkaInbox inbox = KafkaInbox.builder(bootstrapServers, "search", receiver).start()) {
      pollUntil(
          Duration.ofSeconds(30),
          "the Lethe message is applied",
          () -> receiver.applied.size() == 1);
    }

    assertThat(receiver.offered)
        .extracting(OutboxMessage::idempotencyKey)
        .containsExactly("req-8:search");
  }

  private static List<String> valuesFor(String topic, String key) {
    return readAll(bootstrapServers, topic).stream()
        .filter(record -> key.equals(record.key()))
        .map(ConsumerRecord::value)
        .filter(Objects::nonNull)
        .toList();
  }

  @Test
  void theTopicsAreCompactedAndCreatedOnce() {
    KafkaTopics topics = KafkaTopics.builder(bootstrapServers).build();

    Set<String> first = topics.ensure(List.of("audit-sink"));
    Set<String> second = topics.ensure(List.of("audit-sink"));

    assertThat(first).containsExactly("lethe.audit-sink");
    assertThat(second).isEmpty();
    assertThat(topics.topicConfigs()).containsEntry("cleanup.policy", "compact");
  }
}
