package dev.lethe.amqp;

import static dev.lethe.amqp.LocalRabbit.awaitUntil;
import static dev.lethe.amqp.LocalRabbit.readyMessages;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.lethe.outbox.DispatchResult;
import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.spi.MessageReceiver;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxEntry;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.OutboxStatus;
import dev.lethe.testing.MutableClock;
import dev.lethe.testing.TestLog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The RabbitMQ transport and inbox against the local broker, each test on an exchange and queues of its own. */
class AmqpOutboxIT {

  @BeforeAll
  static void requireRabbitMq() {
    LocalRabbit.requireRunning();
  }

  private static final String PAYLOAD =
      "{\"subject\":{\"email\":\"ada@example.org\"},\"request\":\"r-1\"}";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final LocalRabbit rabbit = new LocalRabbit();
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private final List<OutboxMessage> received = new CopyOnWriteArrayList<>();
  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  private final Outbox outbox = Outbox.inMemory();
  private String exchange;
  private String service;
  private AmqpOutboxTransport transport;

  @BeforeEach
  void setUp() {
    exchange = rabbit.unique("exchange");
    service = rabbit.unique("crm");
    transport =
        closing(
            AmqpOutboxTransport.builder(LocalRabbit.factory())
                .exchange(exchange)
                .timeout(Duration.ofSeconds(5))
                .build());
  }

  @AfterEach
  void tearDown() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    rabbit.close();
  }

  private <T extends AutoCloseable> T closing(T closeable) {
    toClose.add(closeable);
    return closeable;
  }

  private AmqpInbox startInbox(MessageReceiver receiver) {
    return closing(
        AmqpInbox.builder(LocalRabbit.factory(), service, receiver)
            .exchange(exchange)
            .retryBackOff(Duration.ofMillis(20), Duration.ofMillis(200))
            .start());
  }

  private OutboxDispatcher dispatcher(AmqpOutboxTransport through) {
    return OutboxDispatcher.builder(outbox, through)
        .clock(clock)
        .backOff(Duration.ofSeconds(10), Duration.ofMinutes(5))
        .build();
  }

  private OutboxMessage notice(String key) {
    return new OutboxMessage(key, service, "lethe.erasure-notice", PAYLOAD);
  }

  @Test
  @DisplayName(
      "Art. 17(2), 19: an outbox message reaches the receiving service with its key, type and payload intact")
  void aMessageTravelsEndToEnd() {
    AmqpInbox inbox = startInbox(received::add);
    OutboxEntry entry = outbox.enqueue(notice("erasure:r-1:crm"), clock.instant());

    assertThat(dispatcher(transport).dispatch()).isEqualTo(new DispatchResult(1, 0, 0, 0, true));

    awaitUntil(WAIT, () -> received.size() == 1);
    assertThat(received).containsExactly(notice("erasure:r-1:crm"));
    assertThat(received.get(0).payload()).isEqualTo(PAYLOAD);
    assertThat(outbox.find(entry.id()).orElseThrow().status()).isEqualTo(OutboxStatus.DELIVERED);
    assertThat(inbox.queue())
        .as("named after the exchange and the service")
        .isEqualTo(exchange + "." + service);
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): once the receiver acknowledged, the payload with the identity is no longer in RabbitMQ")
  void anAcknowledgedMessageIsGoneFromTheBroker() {
    AmqpInbox inbox = startInbox(received::add);
    outbox.enqueue(notice("erasure:r-2:crm"), clock.instant());
    dispatcher(transport).dispatch();
    awaitUntil(WAIT, () -> received.size() == 1);

    // Closing waits for the acknowledgement; a message not acknowledged would be back in the queue.
    inbox.close();

    assertThat(readyMessages(inbox.queue())).isZero();
  }

  @Test
  @DisplayName(
      "Art. 19: a message no queue is bound for yet is not a delivery; it goes once the receiving service's inbox started")
  void anUnroutableMessageStaysPendingUntilAnInboxIsBound() {
    OutboxEntry entry = outbox.enqueue(notice("erasure:r-3:crm"), clock.instant());
    OutboxDispatcher dispatcher = dispatcher(transport);

    assertThat(dispatcher.dispatch()).isEqualTo(new DispatchResult(0, 1, 0, 0, true));
    OutboxEntry pending = outbox.find(entry.id()).orElseThrow();
    assertThat(pending.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(pending.lastFailure()).contains(AmqpUnroutableException.class.getName());
    assertThat(pending.payload()).contains(PAYLOAD);

    startInbox(received::add);
    clock.advance(Duration.ofSeconds(10));
    assertThat(dispatcher.dispatch()).isEqualTo(new DispatchResult(1, 0, 0, 0, true));
    awaitUntil(WAIT, () -> received.size() == 1);
    assertThat(received.get(0).idempotencyKey()).isEqualTo("erasure:r-3:crm");
  }

  @Test
  @DisplayName(
      "Art. 19: with the broker unreachable a delivery fails within its timeout and the message stays pending, payload kept")
  void anUnreachableBrokerFailsInTimeAndLosesNothing() throws IOException {
    ConnectionFactory nowhere = LocalRabbit.factory();
    nowhere.setPort(unusedPort());
    AmqpOutboxTransport unreachable =
        closing(
            AmqpOutboxTransport.builder(nowhere)
                .exchange(exchange)
                .timeout(Duration.ofSeconds(1))
                .build());
    OutboxEntry entry = outbox.enqueue(notice("erasure:r-4:crm"), clock.instant());

    DispatchResult result =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> dispatcher(unreachable).dispatch());

    assertThat(result).isEqualTo(new DispatchResult(0, 1, 0, 0, true));
    OutboxEntry pending = outbox.find(entry.id()).orElseThrow();
    assertThat(pending.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(pending.payload()).contains(PAYLOAD);
    assertThat(pending.lastFailure()).contains(AmqpDeliveryException.class.getName());
  }

  @Test
  void aBrokerThatAcceptsButNeverAnswersFailsWithinTheTimeout() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = new CopyOnWriteArrayList<>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(silent.accept());
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      ConnectionFactory silentBroker = LocalRabbit.factory();
      silentBroker.setPort(silent.getLocalPort());
      AmqpOutboxTransport hanging =
          closing(
              AmqpOutboxTransport.builder(silentBroker)
                  .exchange(exchange)
                  .timeout(Duration.ofSeconds(1))
                  .build());

      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () ->
              assertThatThrownBy(() -> hanging.deliver(notice("erasure:r-5:crm")))
                  .isInstanceOf(AmqpDeliveryException.class)
                  .hasMessageNotContaining("ada@example.org"));
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  @Test
  @DisplayName(
      "Art. 17(2): a message the receiver fails on is offered again until it is applied, once")
  void aFailingReceiverIsOfferedTheMessageAgain() {
    TestLog log = TestLog.mark();
    AtomicInteger offers = new AtomicInteger();
    AmqpInbox inbox =
        startInbox(
            message -> {
              if (offers.incrementAndGet() <= 3) {
                throw new IllegalStateException("database down for " + message.payload());
              }
              received.add(message);
            });
    outbox.enqueue(notice("erasure:r-6:crm"), clock.instant());

    assertThat(dispatcher(transport).dispatch().delivered()).isEqualTo(1);

    awaitUntil(WAIT, () -> received.size() == 1);
    inbox.close();
    assertThat(offers).hasValue(4);
    assertThat(received)
        .extracting(OutboxMessage::idempotencyKey)
        .containsExactly("erasure:r-6:crm");
    assertThat(readyMessages(inbox.queue())).isZero();
    // The failures are logged by type: the receiver's exception quoted the payload.
    assertThat(log.since())
        .contains(IllegalStateException.class.getName())
        .doesNotContain("ada@example.org");
  }

  @Test
  @DisplayName(
      "Art. 17(2): a receiver that throws an Error is offered the message again, and the inbox goes on consuming")
  void aReceiverThatThrowsAnErrorIsOfferedTheMessageAgain() {
    TestLog log = TestLog.mark();
    AtomicInteger offers = new AtomicInteger();
    AmqpInbox inbox =
        startInbox(
            message -> {
              if (offers.incrementAndGet() <= 2) {
                throw new AssertionError("unexpected " + message.payload());
              }
              received.add(message);
            });
    outbox.enqueue(notice("erasure:r-17:crm"), clock.instant());
    outbox.enqueue(notice("erasure:r-18:crm"), clock.instant());

    assertThat(dispatcher(transport).dispatch().delivered()).isEqualTo(2);

    awaitUntil(WAIT, () -> received.size() == 2);
    inbox.close();
    assertThat(received)
        .extracting(OutboxMessage::idempotencyKey)
        .containsExactlyInAnyOrder("erasure:r-17:crm", "erasure:r-18:crm");
    assertThat(readyMessages(inbox.queue())).isZero();
    assertThat(log.since())
        .contains(AssertionError.class.getName())
        .doesNotContain("ada@example.org");
  }

  @Test
  @DisplayName(
      "Art. 17(2): deliveries no Lethe outbox wrote, more than the prefetch, are rejected and do not stop the notices behind them")
  void deliveriesNoOutboxWroteAreRejectedWithoutStoppingTheQueue() throws Exception {
    TestLog log = TestLog.mark();
    AtomicInteger offers = new AtomicInteger();
    AmqpInbox inbox =
        startInbox(
            message -> {
              offers.incrementAndGet();
              received.add(message);
            });
    try (Connection connection = LocalRabbit.factory().newConnection("lethe-it-foreign");
        Channel channel = connection.createChannel()) {
      for (int i = 0; i < 12; i++) {
        // Without a message id, or without a type: the default prefetch is ten.
        AMQP.BasicProperties properties =
            i % 2 == 0
                ? new AMQP.BasicProperties.Builder().type("lethe.erasure-notice").build()
                : new AMQP.BasicProperties.Builder().messageId("foreign-" + i).build();
        channel.basicPublish(exchange, service, properties, PAYLOAD.getBytes(UTF_8));
      }
    }
    outbox.enqueue(notice("erasure:r-19:crm"), clock.instant());

    assertThat(dispatcher(transport).dispatch().delivered()).isEqualTo(1);

    awaitUntil(WAIT, () -> received.size() == 1);
    awaitUntil(WAIT, () -> readyMessages(inbox.queue()) == 0);
    inbox.close();
    assertThat(received)
        .extracting(OutboxMessage::idempotencyKey)
        .containsExactly("erasure:r-19:crm");
    assertThat(offers).hasValue(1);
    assertThat(readyMessages(inbox.queue())).as("rejected, not requeued").isZero();
    assertThat(log.since())
        .contains("not a Lethe outbox message")
        .doesNotContain("ada@example.org");
  }

  @Test
  @DisplayName(
      "Art. 17(2): a message delivered twice is applied once by a receiver that applies each key once")
  void aDuplicateDeliveryIsHarmless() {
    Set<String> applied = ConcurrentHashMap.newKeySet();
    AtomicInteger offers = new AtomicInteger();
    List<String> effects = new CopyOnWriteArrayList<>();
    startInbox(
        message -> {
          offers.incrementAndGet();
          if (applied.add(message.idempotencyKey())) {
            effects.add(message.idempotencyKey());
          }
        });

    // The dispatcher delivers at least once: a lost claim or a crash before the mark sends it
    // again.
    transport.deliver(notice("erasure:r-7:crm"));
    transport.deliver(notice("erasure:r-7:crm"));

    awaitUntil(WAIT, () -> offers.get() == 2);
    assertThat(effects).containsExactly("erasure:r-7:crm");
  }

  @Test
  void concurrentDeliveriesEachArrive() throws Exception {
    startInbox(received::add);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> sends = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        int t = thread;
        sends.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    transport.deliver(notice("k-" + t + "-" + i));
                  }
                }));
      }
      for (Future<?> send : sends) {
        send.get();
      }
    } finally {
      threads.shutdownNow();
    }
    awaitUntil(WAIT, () -> received.size() == 100);
    assertThat(received).extracting(OutboxMessage::idempotencyKey).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName(
      "Art. 17(2): the inbox recovers from a lost connection and takes the messages sent meanwhile")
  void theInboxSurvivesALostConnection() throws IOException {
    TcpProxy proxy = closing(new TcpProxy(LocalRabbit.factory().getPort()));
    ConnectionFactory throughProxy = LocalRabbit.factory();
    throughProxy.setPort(proxy.port());
    closing(AmqpInbox.builder(throughProxy, service, received::add).exchange(exchange).start());
    transport.deliver(notice("erasure:r-9:crm"));
    awaitUntil(WAIT, () -> received.size() == 1);

    proxy.cutConnections();
    // The durable queue holds what is sent while the inbox reconnects.
    transport.deliver(notice("erasure:r-10:crm"));

    awaitUntil(
        WAIT,
        () ->
            received.stream()
                .anyMatch(message -> message.idempotencyKey().equals("erasure:r-10:crm")));
    // The first one comes again if the cut fell between its receipt and its acknowledgement: at
    // least once.
    assertThat(received)
        .extracting(OutboxMessage::idempotencyKey)
        .containsOnly("erasure:r-9:crm", "erasure:r-10:crm");
  }

  @Test
  void theTransportFailsWhileItsConnectionIsLostAndDeliversOnceItRecovered() throws IOException {
    startInbox(received::add);
    TcpProxy proxy = closing(new TcpProxy(LocalRabbit.factory().getPort()));
    AmqpOutboxTransport recovering = closing(transportThrough(proxy, Duration.ofSeconds(2)));
    recovering.deliver(notice("erasure:r-11:crm"));

    proxy.cutConnections();

    // Each attempt fails fast while the connection recovers, as the dispatcher's attempts would.
    deliverOnceRecovered(recovering, notice("erasure:r-12:crm"));
    awaitUntil(
        WAIT,
        () ->
            received.stream()
                .anyMatch(message -> message.idempotencyKey().equals("erasure:r-12:crm")));
    assertThat(received)
        .extracting(OutboxMessage::idempotencyKey)
        .containsOnly("erasure:r-11:crm", "erasure:r-12:crm");
  }

  @Test
  @DisplayName(
      "Art. 19: a dispatcher's batches are in flight at once and each notice arrives, in the order written")
  void batchesInFlightArriveInOrder() {
    startInbox(received::add);
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      written.add("erasure:r-" + i + ":crm");
      outbox.enqueue(notice("erasure:r-" + i + ":crm"), clock.instant().minusNanos(250 - i));
    }

    assertThat(dispatcher(transport).dispatch()).isEqualTo(new DispatchResult(250, 0, 0, 0, true));

    awaitUntil(WAIT, () -> received.size() == 250);
    assertThat(received).extracting(OutboxMessage::idempotencyKey).isEqualTo(written);
  }

  @Test
  @DisplayName(
      "Art. 19: in a batch in flight, only the message no queue is bound for fails; the others arrive")
  void anUnroutableMessageInABatchFailsAlone() {
    startInbox(received::add);
    OutboxMessage nowhere =
        new OutboxMessage(
            "erasure:r-13:nobody", rabbit.unique("nobody"), "lethe.erasure-notice", PAYLOAD);
    outbox.enqueue(notice("erasure:r-13:crm"), clock.instant().minusNanos(2));
    OutboxEntry unroutable = outbox.enqueue(nowhere, clock.instant().minusNanos(1));
    outbox.enqueue(notice("erasure:r-14:crm"), clock.instant());

    assertThat(dispatcher(transport).dispatch()).isEqualTo(new DispatchResult(2, 1, 0, 0, true));

    awaitUntil(WAIT, () -> received.size() == 2);
    assertThat(received)
        .extracting(OutboxMessage::idempotencyKey)
        .containsExactly("erasure:r-13:crm", "erasure:r-14:crm");
    assertThat(outbox.find(unroutable.id()).orElseThrow().lastFailure())
        .contains(AmqpUnroutableException.class.getName());
  }

  @Test
  void messagesInFlightFailWithinTheTimeoutWhenTheBrokerFallsSilent() throws IOException {
    TcpProxy proxy = closing(new TcpProxy(LocalRabbit.factory().getPort()));
    AmqpOutboxTransport throughProxy = closing(transportThrough(proxy, Duration.ofSeconds(3)));

    List<CompletableFuture<Void>> inFlight = threeInFlightWithRepliesHeld(proxy, throughProxy);
    // Due half a second after the deliveries' timeout, on the timer thread every orTimeout shares.
    long started = System.nanoTime();
    CompletableFuture<Void> elsewhere =
        new CompletableFuture<Void>().orTimeout(3_500, TimeUnit.MILLISECONDS);

    for (CompletableFuture<Void> delivery : inFlight) {
      assertThatThrownBy(() -> delivery.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(AmqpDeliveryException.class)
          .hasMessageContaining("did not confirm")
          .hasMessageNotContaining("ada@example.org");
    }
    assertThatThrownBy(() -> elsewhere.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as(
            "the channel's close, which waits for the silent broker, does not hold the timer thread")
        .isLessThan(Duration.ofMillis(5_500));
  }

  @Test
  void messagesInFlightFailAtOnceWhenTheConnectionIsLost() throws IOException {
    TcpProxy proxy = closing(new TcpProxy(LocalRabbit.factory().getPort()));
    AmqpOutboxTransport throughProxy = closing(transportThrough(proxy, Duration.ofSeconds(60)));
    List<CompletableFuture<Void>> inFlight = threeInFlightWithRepliesHeld(proxy, throughProxy);

    proxy.cutConnections();

    // Long before the minute of the timeout: the channel's loss fails what awaited its confirms.
    for (CompletableFuture<Void> delivery : inFlight) {
      assertThatThrownBy(() -> delivery.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(AmqpDeliveryException.class)
          .hasMessageContaining("lost");
    }
    // And the transport delivers again once its connection recovered.
    deliverOnceRecovered(throughProxy, notice("erasure:r-19:crm"));
  }

  /** Tries to deliver {@code message} until an attempt succeeds, within {@link #WAIT}. */
  private static void deliverOnceRecovered(AmqpOutboxTransport through, OutboxMessage message) {
    awaitUntil(
        WAIT,
        () -> {
          try {
            through.deliver(message);
            return true;
          } catch (AmqpDeliveryException e) {
            return false;
          }
        });
  }

  private AmqpOutboxTransport transportThrough(TcpProxy proxy, Duration timeout) {
    ConnectionFactory throughProxy = LocalRabbit.factory();
    throughProxy.setPort(proxy.port());
    return AmqpOutboxTransport.builder(throughProxy).exchange(exchange).timeout(timeout).build();
  }

  /**
   * Three messages started through {@code proxy} once a first one has opened the transport's
   * connection and channel, with the broker's replies held: no confirm reaches them.
   */
  private List<CompletableFuture<Void>> threeInFlightWithRepliesHeld(
      TcpProxy proxy, AmqpOutboxTransport through) {
    startInbox(received::add);
    through.deliver(notice("erasure:r-15:crm"));
    proxy.holdReplies();
    List<CompletableFuture<Void>> started = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      started.add(
          through.startDelivery(notice("erasure:r-16-" + i + ":crm")).toCompletableFuture());
    }
    return started;
  }

  @Test
  void aClearingMessageHasNothingToDo() {
    // No queue is bound: a real publication would be returned unroutable.
    transport.deliver(OutboxMessage.clear(service, "erasure:r-8:crm"));
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
