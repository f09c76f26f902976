package dev.lethe.audit;

import static java.util.Objects.requireNonNull;

import dev.lethe.request.RequestId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where the {@link AuditTrail} keeps its events (Art. 5(2) accountability): an append-only log,
 * such as a database table with the sequence as its key. The trail computes sequences and hashes; a
 * sink stores events exactly as given and returns them unchanged.
 *
 * <p>Several trails, in one process or in several replicas, may write to one sink at once. The sink
 * serialises them in {@link #appendNext}: it reads its head, lets the trail compute the next event
 * from it, and stores that event, atomically, so that no event is lost, duplicated or forked.
 *
 * <p>Implementations must pass {@code AuditSinkCompatibilityKit} from the lethe-core test-jar,
 * including its concurrency contract.
 */
public interface AuditSink {

  /**
   * Appends {@code event} after the events already held.
   *
   * @throws IllegalStateException if the sink already holds an event with that sequence, as when
   *     another writer appended first; nothing is stored then
   */
  void append(AuditEvent event);

  /**
   * Appends the event {@code next} computes from the sink's current head (the last event's sequence
   * and hash, or {@link AuditCheckpoint#GENESIS}), with no other append in between: the one way
   * concurrent writers extend the chain without forking it (Art. 5(2)). A database sink locks its head
   * in one transaction, joining the caller's transaction when there is one, so that the event commits
   * with the change it records. {@code next} may be called more than once and must have no side effects.
   *
   * <p>The default reads {@link #lastEvent()} and retries {@link #append} when another writer came
   * first; a sink that can lock its head overrides it.
   *
   * @return the event stored
   */
  default AuditEvent appendNext(Function<AuditCheckpoint, AuditEvent> next) {
    requireNonNull(next, "next");
    IllegalStateException lastRace = null;
    for (int attempt = 0; attempt < 100; attempt++) {
      AuditEvent event =
          next.apply(lastEvent().map(AuditCheckpoint::of).orElse(AuditCheckpoint.GENESIS));
      try {
        append(event);
        return event;
      } catch (IllegalStateException e) {
        // Another writer took this sequence: read the new head and compute again.
        lastRace = e;
      }
    }
    throw new IllegalStateException(
        "Could not append an audit event: other writers came first 100 times", lastRace);
  }

  /**
   * Every event, in ascending sequence order, exactly as appended. The caller closes the stream, so
   * that a database-backed sink can release its cursor.
   */
  Stream<AuditEvent> events();

  /**
   * The events from {@code sequence} on, in ascending sequence order: where a verification resumes
   * from a checkpoint. The default skips the earlier ones of {@link #events()}; a database reads from
   * its key. The caller closes the stream.
   */
  default Stream<AuditEvent> eventsFrom(long sequence) {
    return events().dropWhile(event -> event.sequence() < sequence);
  }

  /**
   * The events of the rights request {@code id}, in ascending sequence order: its history (Art.
   * 5(2)). The default filters {@link #events()}; a database reads them from an index.
   */
  default List<AuditEvent> eventsOf(RequestId id) {
    requireNonNull(id, "id");
    try (Stream<AuditEvent> events = events()) {
      return events.filter(event -> event.requestId().filter(id::equals).isPresent()).toList();
    }
  }

  /** The event with the highest sequence, if any. A database answers this from the sequence's index. */
  default Optional<AuditEvent> lastEvent() {
    try (Stream<AuditEvent> events = events()) {
      return events.reduce((earlier, later) -> later);
    }
  }

  /** A sink that keeps its events in memory, for tests and for applications without a durable audit. */
  static AuditSink inMemory() {
    return new InMemoryAuditSink();
  }
}
