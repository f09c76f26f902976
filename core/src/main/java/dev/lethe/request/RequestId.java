package dev.lethe.request;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.UUID;

/**
 * Identifies a rights request, so that it can be followed from receipt to answer (Art. 12) and in
 * the audit (Art. 5(2)). It carries no personal data. Serializable, so that the exceptions naming a
 * request can be.
 *
 * @param value the request's UUID
 */
public record RequestId(UUID value) implements Serializable {

  public RequestId {
    requireNonNull(value, "value");
  }

  /** A new random request id, given to a request on receipt (Art. 12(3)). */
  public static RequestId random() {
    return new RequestId(UUID.randomUUID());
  }

  /** The request id written as {@code text}, a UUID as {@link #toString()} writes it. */
  public static RequestId parse(String text) {
    return new RequestId(UUID.fromString(requireNonNull(text, "text")));
  }

  /** The UUID in its canonical text form; safe to log, as it is no personal data. */
  @Override
  public String toString() {
    return value.toString();
  }
}
