package dev.lethe.internal.rights;

import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;

/** The requests a restriction (Art. 18(1)) or an objection (Art. 21) may be placed for. */
public final class CarriedOutRequests {

  private CarriedOutRequests() {}

  /**
   * Refuses {@code request} unless it is of {@code type}, submitted or verified (not yet fulfilled,
   * rejected or cancelled), and not awaiting its identity check (Art. 12(6)).
   *
   * @param placed what is placed, and for which request, such as "a restriction is placed for a
   *     RESTRICTION request (Art. 18(1))"
   * @throws IllegalArgumentException naming what was wrong
   */
  public static void require(RightsRequest request, RequestType type, String placed) {
    if (request.type() != type) {
      throw new IllegalArgumentException(
          "Rights request " + request.id() + " is " + request.type().described() + ": " + placed);
    }
    // Only an open request not yet fulfilled: placed for a closed one, the restriction or objection
    // would stand while fulfilling the request fails, with nothing to roll it back in memory.
    if (!request.status().canMoveTo(RequestStatus.FULFILLED) || request.isAwaitingVerification()) {
      throw new IllegalArgumentException(
          "Rights request "
              + request.id()
              + " is "
              + request.status()
              + (request.isAwaitingVerification()
                  ? " and awaits its identity check (Art. 12(6))"
                  : "")
              + ": nothing is placed for it");
    }
  }
}
