package dev.lethe.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lethe.outbox.DispatchResult;
import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxEntry;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.OutboxStatus;
import dev.lethe.testing.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The webhook transport against a real HTTP server, the JDK's, on a free port. */
class WebhookTransportTest {

  private static final byte[] SECRET =
      "the processor's shared secret".getBytes(StandardCharsets.UTF_8);
  private static final String PAYLOAD = "{\"subject\":\"ada@example.org\",\"action\":\"erase\"}";

  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  private final List<Received> received = new CopyOnWriteArrayList<>();

  /** The statuses the endpoint answers with, in turn; the last one stays. */
  private final List<Integer> statuses = new CopyOnWriteArrayList<>(List.of(200));

  private final CountDownLatch release = new CountDownLatch(1);
  private volatile boolean hang;
  private ExecutorService serverThreads;
  private HttpServer server;
  private WebhookTransport transport;

  private record Received(
      String key, String type, String contentType, String signature, String body) {}

  @BeforeEach
  void startEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    serverThreads = Executors.newCachedThreadPool();
    server.setExecutor(serverThreads);
    server.createContext("/hooks/lethe", this::handle);
    server.start();
    // The default timeout (10 s): a loaded build machine may take longer than a short one to
    // answer.
    transport = transport(Duration.ofSeconds(10));
  }

  private WebhookTransport transport(Duration requestTimeout) {
    return WebhookTransport.builder()
        .endpoint(
            "crm",
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/lethe"),
            SECRET)
        .requestTimeout(requestTimeout)
        .clock(clock)
        .build();
  }

  @AfterEach
  void stopEndpoint() {
    release.countDown();
    server.stop(0);
    serverThreads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(
        new Received(
            exchange.getRequestHeaders().getFirst("Lethe-Idempotency-Key"),
            exchange.getRequestHeaders().getFirst("Lethe-Type"),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            exchange.getRequestHeaders().getFirst("Lethe-Signature"),
            body));
    if (hang) {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int status = statuses.size() > 1 ? statuses.remove(0) : statuses.get(0);
    // An endpoint that echoes the payload in its error answer must not get it into Lethe's
    // failures.
    byte[] answer = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  private static OutboxMessage message(String key) {
    return new OutboxMessage(key, "crm", "lethe.erasure-notice", PAYLOAD);
  }

  @Test
  @DisplayName(
      "Art. 19, 28: the endpoint receives the payload, key and type, and verifies the signature")
  void theReceiverVerifiesWhatItGets() {
    transport.deliver(message("erasure:1:crm"));

    assertThat(received).hasSize(1);
    Received request = received.get(0);
    assertThat(request.key()).isEqualTo("erasure:1:crm");
    assertThat(request.type()).isEqualTo("lethe.erasure-notice");
    assertThat(request.contentType()).isEqualTo("application/json");
    assertThat(request.body()).isEqualTo(PAYLOAD);
    assertThat(
            WebhookSignature.verify(
                SECRET,
                request.signature(),
                request.key(),
                request.body(),
                clock.instant().plusSeconds(2),
                Duration.ofMinutes(5)))
        .isTrue();
    assertThat(
            WebhookSignature.verify(
                SECRET,
                request.signature(),
                request.key(),
                request.body() + " ",
                clock.instant(),
                Duration.ofMinutes(5)))
        .isFalse();
  }

  @Test
  @DisplayName(
      "Art. 19: an endpoint answering 500 leaves the message pending; the dispatcher delivers it after its back-off")
  void aServerErrorIsRetriedByTheDispatcher() {
    statuses.clear();
    statuses.addAll(List.of(500, 200));
    Outbox outbox = Outbox.inMemory();
    OutboxDispatcher dispatcher =
        OutboxDispatcher.builder(outbox, transport)
            .clock(clock)
            .backOff(Duration.ofSeconds(10), Duration.ofMinutes(5))
            .build();
    OutboxEntry entry = outbox.enqueue(message("erasure:2:crm"), clock.instant());

    assertThat(dispatcher.dispatch()).isEqualTo(new DispatchResult(0, 1, 0, 0, true));
    OutboxEntry failed = outbox.find(entry.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(failed.lastFailure()).contains(WebhookDeliveryException.class.getName());

    clock.advance(Duration.ofSeconds(10));
    assertThat(dispatcher.dispatch()).isEqualTo(new DispatchResult(1, 0, 0, 0, true));
    assertThat(outbox.find(entry.id()).orElseThrow().status()).isEqualTo(OutboxStatus.DELIVERED);
    assertThat(received)
        .extracting(Received::key)
        .containsExactly("erasure:2:crm", "erasure:2:crm");
  }

  @Test
  void anEndpointThatDoesNotAnswerInTimeFails() {
    hang = true;
    transport = transport(Duration.ofMillis(500));
    Outbox outbox = Outbox.inMemory();
    OutboxDispatcher dispatcher = OutboxDispatcher.builder(outbox, transport).clock(clock).build();
    OutboxEntry entry = outbox.enqueue(message("erasure:3:crm"), clock.instant());

    assertThat(dispatcher.dispatch().failed()).isEqualTo(1);
    assertThat(outbox.find(entry.id()).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(outbox.find(entry.id()).orElseThrow().lastFailure())
        .contains(WebhookDeliveryException.class.getName());
    WebhookDeliveryException failure =
        catchThrowableOfType(
            WebhookDeliveryException.class, () -> transport.deliver(message("erasure:3:crm")));
    assertThat(failure.statusCode()).isEmpty();
    assertThat(failure).hasMessageContaining("java.net.http.HttpTimeoutException");
  }

  @Test
  @DisplayName(
      "Art. 5(1)(f): a failure names the status code, never the payload the endpoint echoed")
  void aFailureNeverShowsThePayload() {
    statuses.set(0, 422);

    WebhookDeliveryException failure =
        catchThrowableOfType(
            WebhookDeliveryException.class, () -> transport.deliver(message("erasure:4:crm")));

    assertThat(failure.statusCode()).hasValue(422);
    assertThat(failure).hasMessage("The webhook of crm answered HTTP 422");
    assertThat(failure.toString()).doesNotContain("ada@example.org");
  }

  @Test
  void aClearingMessageSendsNothing() {
    transport.deliver(OutboxMessage.clear("crm", "erasure:5:crm"));
    transport.deliver(OutboxMessage.clear("a-destination-without-endpoint", "erasure:5:crm"));

    assertThat(received).isEmpty();
  }

  @Test
  void anUnknownDestinationIsRefusedAndTheDestinationsAreListed() {
    assertThat(transport.destinations()).containsExactly("crm");
    assertThatThrownBy(() -> transport.deliver(new OutboxMessage("k", "billing", "t", PAYLOAD)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("ada");
    assertThat(received).isEmpty();
  }

  @Test
  void aShortSecretOrANonHttpEndpointIsRefused() {
    assertThatThrownBy(
            () ->
                WebhookTransport.builder()
                    .endpoint("crm", URI.create("https://x.test/"), new byte[8]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> WebhookTransport.builder().endpoint("crm", URI.create("ftp://x.test/"), SECRET))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                WebhookTransport.builder()
                    .endpoint("crm", URI.create("https://x.test/"), SECRET)
                    .endpoint("crm", URI.create("https://y.test/"), SECRET))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
