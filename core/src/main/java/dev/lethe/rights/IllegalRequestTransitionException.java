package dev.lethe.rights;

import static java.util.Objects.requireNonNull;

import dev.lethe.request.RequestId;
import dev.lethe.request.RequestStatus;

/**
 * Thrown when a rights request cannot make the move asked of it in its current status, such as
 * fulfilling it before the subject's identity is confirmed (Art. 12(6)) or extending its deadline a
 * second time (Art. 12(3)). When it is thrown, nothing has changed: neither the request nor the
 * audit.
 */
public final class IllegalRequestTransitionException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final RequestId requestId;
  private final RequestStatus status;
  private final String attempted;

  /**
   * @param requestId the request
   * @param status its current status
   * @param attempted the move attempted, such as {@code fulfil} or {@code extend}
   * @param why why the move is not allowed
   */
  public IllegalRequestTransitionException(
      RequestId requestId, RequestStatus status, String attempted, String why) {
    super(
        "Rights request "
            + requireNonNull(requestId, "requestId")
            + " is "
            + requireNonNull(status, "status")
            + " and cannot "
            + requireNonNull(attempted, "attempted")
            + ": "
            + requireNonNull(why, "why"));
    this.requestId = requestId;
    this.status = status;
    this.attempted = attempted;
  }

  /** The request that could not move. */
  public RequestId requestId() {
    return requestId;
  }

  /** The request's status, unchanged. */
  public RequestStatus status() {
    return status;
  }

  /** The move attempted, such as {@code fulfil}. */
  public String attempted() {
    return attempted;
  }
}
