package dev.lethe.webhook;

import java.util.OptionalInt;

/**
 * A webhook delivery that the endpoint did not acknowledge (Art. 19, 28): it answered with a status
 * other than 2xx, or could not be reached in time. The message names the destination and the status
 * code or the failure's type, never the payload or the endpoint's answer, which may quote it.
 */
public final class WebhookDeliveryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int statusCode;

  WebhookDeliveryException(String destination, int statusCode) {
    super("The webhook of " + destination + " answered HTTP " + statusCode);
    this.statusCode = statusCode;
  }

  WebhookDeliveryException(String destination, Exception cause) {
    // The cause is kept for its type and stack; the JDK's HTTP client does not put bodies in its
    // messages.
    super(
        "The webhook of " + destination + " could not be reached: " + cause.getClass().getName(),
        cause);
    this.statusCode = -1;
  }

  /** The HTTP status the endpoint answered with, if it answered. */
  public OptionalInt statusCode() {
    return statusCode < 0 ? OptionalInt.empty() : OptionalInt.of(statusCode);
  }
}
