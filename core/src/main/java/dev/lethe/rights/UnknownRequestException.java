package dev.lethe.rights;

import static java.util.Objects.requireNonNull;

import dev.lethe.request.RequestId;
import java.util.NoSuchElementException;

/** Thrown when no rights request has the given id, so nothing could be done to it (Art. 12). */
public final class UnknownRequestException extends NoSuchElementException {

  private static final long serialVersionUID = 1L;

  private final RequestId requestId;

  /** @param requestId the id that names no request */
  public UnknownRequestException(RequestId requestId) {
    super("No rights request has the id " + requireNonNull(requestId, "requestId"));
    this.requestId = requestId;
  }

  /** The id that names no request. */
  public RequestId requestId() {
    return requestId;
  }
}
