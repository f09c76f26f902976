package dev.lethe.kafka;

import static dev.lethe.kafka.KafkaTestSupport.pollUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.kafka.KafkaTestSupport.RecordingReceiver;
import dev.lethe.outbox.DispatchResult;
import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxEntry;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.OutboxStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The broker away, before the clients first reach it or after: deliveries fail and stay pending, and
 * go, and reach the inbox, once it is back. The broker sits behind a {@link BootstrapProxy}, which
 * stands for it being down.
 */
// The inboxes of the tests run while their try blocks wait; the blocks close them.
@SuppressWarnings("try")
class KafkaBrokerDownIT {

  private final BootstrapProxy address = new BootstrapProxy();
  private EmbeddedKafkaKraftBroker broker;

  @AfterEach
  void stopBroker() throws Exception {
    address.close();
    if (broker != null) {
      broker.destroy();
    }
  }

  @Test
  @DisplayName(
      "Art. 19: while the broker is down nothing is lost; once it is up the next dispatch delivers")
  void messagesWaitInTheOutboxUntilTheBrokerIsUp() {
    String bootstrapServers = address.address();
    Outbox outbox = Outbox.inMemory();
    OutboxMessage message =
        new OutboxMessage(
            "req-1:payments", "payments", "lethe.rights-event", "{\"subject\":\"eve\"}");
    outbox.enqueue(message, Instant.now());
    RecordingReceiver receiver = new RecordingReceiver();

    try (KafkaOutboxTransport transport =
            KafkaOutboxTransport.builder(bootstrapServers)
                .deliveryTimeout(Duration.ofSeconds(2))
                .build();
        KafkaInbox inbox = KafkaInbox.builder(bootstrapServers, "payments", receiver).start()) {
      OutboxDispatcher dispatcher =
          OutboxDispatcher.builder(outbox, transport)
              .backOff(Duration.ofMillis(1), Duration.ofMillis(1))
              .build();

      DispatchResult whileDown = dispatcher.dispatch();

      assertThat(whileDown.failed()).isEqualTo(1);
      List<OutboxEntry> pending = outbox.list(OutboxStatus.PENDING, 10);
      assertThat(pending)
          .singleElement()
          .satisfies(
              entry -> {
                assertThat(entry.attempts()).isEqualTo(1);
                assertThat(entry.payload()).contains(message.payload());
                assertThat(entry.lastFailure())
                    .hasValue("org.apache.kafka.common.errors.TimeoutException");
              });

      broker = KafkaTestSupport.startBroker();
      address.forwardTo(KafkaTestSupport.listeningPort(broker));
      KafkaTopics.builder(bootstrapServers).build().ensure(List.of("payments"));
      pollUntil(
          Duration.ofSeconds(30),
          "the next dispatch delivers",
          () -> dispatcher.dispatch().delivered() == 1);

      assertThat(outbox.list(OutboxStatus.PENDING, 10)).isEmpty();
      // The inbox, started before the broker, connected once it came up.
      pollUntil(
          Duration.ofSeconds(30),
          "the inbox applies the message",
          () -> receiver.applied.size() == 1);
      assertThat(receiver.applied).containsExactly(message);
    }
  }

  @Test
  @DisplayName("Art. 17(2), 19: the transport and the inbox carry on after the broker was away")
  void theTransportAndTheInboxCarryOnAfterTheBrokerWasAway() {
    broker = KafkaTestSupport.startBrokerBehind(address);
    address.forwardTo(KafkaTestSupport.listeningPort(broker));
    String bootstrapServers = address.address();
    KafkaTopics.builder(bootstrapServers).build().ensure(List.of("orders"));
    Outbox outbox = Outbox.inMemory();
    RecordingReceiver receiver = new RecordingReceiver();

    try (KafkaOutboxTransport transport =
            KafkaOutboxTransport.builder(bootstrapServers)
                .deliveryTimeout(Duration.ofSeconds(2))
                .build();
        KafkaInbox inbox = KafkaInbox.builder(bootstrapServers, "orders", receiver).start()) {
      OutboxDispatcher dispatcher =
          OutboxDispatcher.builder(outbox, transport)
              .backOff(Duration.ofMillis(1), Duration.ofMillis(1))
              .build();
      outbox.enqueue(
          new OutboxMessage("req-1:orders", "orders", "lethe.rights-event", "{}"), Instant.now());
      assertThat(dispatcher.dispatch().delivered()).isEqualTo(1);
      pollUntil(
          Duration.ofSeconds(30),
          "the first message is applied",
          () -> receiver.applied.size() == 1);

      address.stop();
      outbox.enqueue(
          new OutboxMessage("req-2:orders", "orders", "lethe.rights-event", "{}"), Instant.now());
      DispatchResult whileAway = dispatcher.dispatch();

      assertThat(whileAway.failed()).isEqualTo(1);
      assertThat(outbox.list(OutboxStatus.PENDING, 10))
          .singleElement()
          .satisfies(entry -> assertThat(entry.idempotencyKey()).isEqualTo("req-2:orders"));

      address.forwardTo(KafkaTestSupport.listeningPort(broker));
      pollUntil(
          Duration.ofSeconds(30),
          "the next dispatch delivers",
          () -> dispatcher.dispatch().delivered() == 1);
      pollUntil(
          Duration.ofSeconds(30),
          "the inbox, reconnected, applies the second message",
          () -> receiver.applied.size() == 2);
    }
    assertThat(receiver.appliedKeys()).containsExactly("req-1:orders", "req-2:orders");
  }
}
