package dev.lethe.internal.rights;

import dev.lethe.request.RequestId;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The requests a restriction (Art. 18(1)) or an objection (Art. 21) may be placed for. */
public final class CarriedOutRequests {

  private CarriedOutRequests() {}

  /**
   * The request a restriction or objection is placed for, refused unless it is of {@code type},
   * submitted or verified (not yet fulfilled, rejected or cancelled), and not awaiting its identity
   * check (Art. 12(6)). It is the request as {@code latest} reads it from the request store ({@code
   * RequestStore::findLatest}, locked where the store can lock), so that a copy the caller read before
   * the request closed places nothing; without a store, {@code request} itself.
   *
   * @param placed what is placed, and for which request, such as "a restriction is placed for a
   *     RESTRICTION request (Art. 18(1))"
   * @throws IllegalArgumentException naming what was wrong, also if the store holds no such request
   */
  public static RightsRequest current(
      RightsRequest request,
      @Nullable Function<RequestId, Optional<RightsRequest>> latest,
      RequestType type,
      String placed) {
    RightsRequest current =
        latest == null
            ? request
            : latest
                .apply(request.id())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "Rights request "
                                + request.id()
                                + " is not one of this service's requests: "
                                + placed));
    if (current.type() != type) {
      throw new IllegalArgumentException(
          "Rights request " + current.id() + " is " + current.type().described() + ": " + placed);
    }
    // Only an open request not yet fulfilled: placed for a closed one, the restriction or objection
    // would stand while fulfilling the request fails, with nothing to roll it back in memory.
    if (!current.status().canMoveTo(RequestStatus.FULFILLED) || current.isAwaitingVerification()) {
      throw new IllegalArgumentException(
          "Rights request "
              + current.id()
              + " is "
              + current.status()
              + (current.isAwaitingVerification()
                  ? " and awaits its identity check (Art. 12(6))"
                  : "")
              + ": nothing is placed for it");
    }
    return current;
  }
}
