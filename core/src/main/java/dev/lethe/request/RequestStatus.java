package dev.lethe.request;

import static java.util.Objects.requireNonNull;

/**
 * Where a rights request stands. A request is answered within the Art. 12(3) deadline: it is
 * received, its subject's identity is confirmed where the controller needs to (Art. 12(6)), it is
 * fulfilled and the subject is told (completed), or it is refused with reasons (Art. 12(4), 12(5)),
 * or the subject withdraws it.
 *
 * <ul>
 *   <li>{@code SUBMITTED} → {@code VERIFIED}, {@code FULFILLED} (only if no identity check is
 *       required), {@code REJECTED} or {@code CANCELLED};
 *   <li>{@code VERIFIED} → {@code FULFILLED}, {@code REJECTED} or {@code CANCELLED};
 *   <li>{@code FULFILLED} → {@code COMPLETED}.
 * </ul>
 *
 * An extension of the deadline is not a status: an open request may be extended once.
 */
public enum RequestStatus {
  /** Received; awaiting the identity check where one is required. */
  SUBMITTED,
  /** The subject's identity is confirmed (Art. 12(6)). */
  VERIFIED,
  /** The action is taken; the subject is still to be told (Art. 12(3)). */
  FULFILLED,
  /** The subject has been told of the action taken. Final. */
  COMPLETED,
  /** Refused as manifestly unfounded or excessive (Art. 12(5)). Final. */
  REJECTED,
  /** Withdrawn by the subject or closed without action. Final. */
  CANCELLED;

  /** Whether the request still awaits its answer, so that its deadline still runs (Art. 12(3)). */
  public boolean isOpen() {
    return this == SUBMITTED || this == VERIFIED || this == FULFILLED;
  }

  /**
   * Whether a request in this status may move to {@code next}. Fulfilling a request straight from
   * {@link #SUBMITTED} is further subject to its identity check: see {@link RightsRequest#isAwaitingVerification()}.
   */
  public boolean canMoveTo(RequestStatus next) {
    requireNonNull(next, "next");
    return switch (this) {
      case SUBMITTED ->
          next == VERIFIED || next == FULFILLED || next == REJECTED || next == CANCELLED;
      case VERIFIED -> next == FULFILLED || next == REJECTED || next == CANCELLED;
      case FULFILLED -> next == COMPLETED;
      case COMPLETED, REJECTED, CANCELLED -> false;
    };
  }
}
