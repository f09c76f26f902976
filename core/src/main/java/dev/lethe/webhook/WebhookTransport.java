package dev.lethe.webhook;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.OutboxTransport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Delivers outbox messages to processors (Art. 28) and recipients (Art. 19) that expose an HTTPS
 * endpoint: one POST per message, its payload as the {@code application/json} body, with the headers
 * {@code Lethe-Idempotency-Key}, {@code Lethe-Type} and {@code Lethe-Signature} ({@link
 * WebhookSignature}) signed with the destination's shared secret. A 2xx answer acknowledges the
 * message; any other answer, an I/O failure or a timeout throws {@link WebhookDeliveryException}, and
 * the {@link dev.lethe.outbox.OutboxDispatcher} tries again after its back-off with the same
 * idempotency key, which the receiver applies once.
 *
 * <p>A {@linkplain OutboxMessage#CLEAR_TYPE clearing} message sends nothing: an endpoint keeps nothing
 * Lethe could remove. Safe to use from several threads.
 */
public final class WebhookTransport implements OutboxTransport {

  /** The header carrying the message's idempotency key. */
  public static final String IDEMPOTENCY_KEY_HEADER = "Lethe-Idempotency-Key";

  /** The header carrying the message's type. */
  public static final String TYPE_HEADER = "Lethe-Type";

  private final Map<String, Endpoint> endpoints;
  private final HttpClient httpClient;
  private final Duration requestTimeout;
  private final Clock clock;

  private WebhookTransport(Builder builder) {
    this.endpoints = Collections.unmodifiableMap(new LinkedHashMap<>(builder.endpoints));
    this.httpClient =
        builder.httpClient != null
            ? builder.httpClient
            : HttpClient.newBuilder().connectTimeout(builder.requestTimeout).build();
    this.requestTimeout = builder.requestTimeout;
    this.clock = builder.clock;
  }

  /** A builder with no endpoint yet, a 10-second request timeout and the system UTC clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** The destinations with an endpoint, so that a configuration can check every recipient has one at start-up. */
  public Set<String> destinations() {
    return endpoints.keySet();
  }

  /**
   * POSTs {@code message} to its destination's endpoint and returns once it answered 2xx.
   *
   * @throws IllegalArgumentException if its destination has no endpoint
   * @throws WebhookDeliveryException if the endpoint answered otherwise, or not in time
   */
  @Override
  public void deliver(OutboxMessage message) {
    requireNonNull(message, "message");
    if (OutboxMessage.CLEAR_TYPE.equals(message.type())) {
      return;
    }
    Endpoint endpoint = endpoints.get(message.destination());
    if (endpoint == null) {
      throw new IllegalArgumentException(
          "No webhook endpoint is configured for destination " + message.destination());
    }
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.uri)
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .header(IDEMPOTENCY_KEY_HEADER, message.idempotencyKey())
            .header(TYPE_HEADER, message.type())
            .header(
                WebhookSignature.HEADER,
                WebhookSignature.sign(
                    endpoint.secret, clock.instant(), message.idempotencyKey(), message.payload()))
            .POST(HttpRequest.BodyPublishers.ofString(message.payload(), StandardCharsets.UTF_8))
            .build();
    int status;
    try {
      // The answer's body is discarded unread: it may echo the payload, and only the status counts.
      status = httpClient.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new WebhookDeliveryException(message.destination(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebhookDeliveryException(message.destination(), e);
    }
    if (status < 200 || status > 299) {
      throw new WebhookDeliveryException(message.destination(), status);
    }
  }

  /** A destination's endpoint; its secret is never shown. */
  private static final class Endpoint {

    private final URI uri;
    private final byte[] secret;

    private Endpoint(URI uri, byte[] secret) {
      this.uri = uri;
      this.secret = secret;
    }

    @Override
    public String toString() {
      return "Endpoint[uri=" + uri + ", secret=<redacted>]";
    }
  }

  /** Configures {@link WebhookTransport}. */
  public static final class Builder {

    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private @Nullable HttpClient httpClient;
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sends the messages for {@code destination} to {@code uri}, signed with {@code secret}.
     *
     * @param uri an {@code https} endpoint ({@code http} only for tests and local receivers)
     * @param secret the secret shared with the receiver, copied; at least 16 bytes
     * @throws IllegalArgumentException if the destination already has an endpoint, the URI is not
     *     absolute HTTP(S) or the secret is shorter than 16 bytes
     */
    public Builder endpoint(String destination, URI uri, byte[] secret) {
      requireNonBlank(destination, "destination");
      requireNonNull(uri, "uri");
      requireNonNull(secret, "secret");
      if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
        throw new IllegalArgumentException(
            "A webhook endpoint is an absolute http(s) URI, not " + uri.getScheme());
      }
      if (secret.length < 16) {
        throw new IllegalArgumentException(
            "A webhook secret has at least 16 bytes, but has " + secret.length);
      }
      if (endpoints.containsKey(destination)) {
        throw new IllegalArgumentException(
            "Destination " + destination + " already has a webhook endpoint");
      }
      endpoints.put(destination, new Endpoint(uri, secret.clone()));
      return this;
    }

    /** The HTTP client; by default one whose connect timeout is the request timeout. */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * How long one request may take before it counts as failed.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder requestTimeout(Duration requestTimeout) {
      requireNonNull(requestTimeout, "requestTimeout");
      if (requestTimeout.isNegative() || requestTimeout.isZero()) {
        throw new IllegalArgumentException(
            "requestTimeout must be positive, but is " + requestTimeout);
      }
      this.requestTimeout = requestTimeout;
      return this;
    }

    /** The clock of the signatures' timestamps. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** The transport, configured. */
    public WebhookTransport build() {
      return new WebhookTransport(this);
    }
  }
}
