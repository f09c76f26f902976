package dev.lethe.rights;

import static java.util.Objects.requireNonNull;

import dev.lethe.request.RequestId;
import dev.lethe.request.RightsRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** A {@link RequestStore} in memory. Thread-safe. */
final class InMemoryRequestStore implements RequestStore {

  private static final Comparator<RightsRequest> BY_RECEIPT =
      Comparator.comparing(RightsRequest::receivedAt)
          .thenComparing(request -> request.id().value());
  private static final Comparator<RightsRequest> BY_DUE_DATE =
      Comparator.comparing(RightsRequest::dueDate).thenComparing(BY_RECEIPT);

  private final Map<RequestId, RightsRequest> requests = new ConcurrentHashMap<>();

  /** When each closed request was first saved closed, by {@link #clock}. */
  private final Map<RequestId, Instant> closedAt = new ConcurrentHashMap<>();

  private final Clock clock;

  public InMemoryRequestStore(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public synchronized void save(RightsRequest request) {
    requireNonNull(request, "request");
    requests.put(request.id(), request);
    stampClosing(request);
  }

  @Override
  public void insert(RightsRequest request) {
    requireNonNull(request, "request");
    if (requests.putIfAbsent(request.id(), request) != null) {
      throw new IllegalStateException(
          "A rights request with id " + request.id() + " is already stored");
    }
    stampClosing(request);
  }

  @Override
  public Optional<RightsRequest> update(RightsRequest changed) {
    requireNonNull(changed, "changed");
    RightsRequest next = changed.withVersion(changed.version() + 1);
    // compute is atomic per key: the version check and the write happen under the map's lock for
    // this id.
    boolean[] won = {false};
    requests.computeIfPresent(
        changed.id(),
        (id, stored) -> {
          if (stored.version() != changed.version()) {
            return stored;
          }
          won[0] = true;
          return next;
        });
    if (!won[0]) {
      return Optional.empty();
    }
    stampClosing(next);
    return Optional.of(next);
  }

  private void stampClosing(RightsRequest request) {
    if (request.isOpen()) {
      closedAt.remove(request.id());
    } else {
      closedAt.putIfAbsent(request.id(), clock.instant());
    }
  }

  @Override
  public Optional<RightsRequest> find(RequestId id) {
    return Optional.ofNullable(requests.get(requireNonNull(id, "id")));
  }

  @Override
  public List<RightsRequest> findOpen() {
    return requests.values().stream().filter(RightsRequest::isOpen).sorted(BY_DUE_DATE).toList();
  }

  @Override
  public Stream<RightsRequest> findAll() {
    return requests.values().stream().sorted(BY_RECEIPT);
  }

  @Override
  public synchronized int clearIdentitiesClosedBefore(Instant closedBefore) {
    requireNonNull(closedBefore, "closedBefore");
    int cleared = 0;
    for (Map.Entry<RequestId, Instant> closed : closedAt.entrySet()) {
      RightsRequest request = requests.get(closed.getKey());
      if (closed.getValue().isBefore(closedBefore)
          && !request.subject().value().equals(CLEARED_IDENTITY)) {
        requests.put(
            request.id(),
            request.withIdentityValue(CLEARED_IDENTITY).withVersion(request.version() + 1));
        cleared++;
      }
    }
    return cleared;
  }
}
