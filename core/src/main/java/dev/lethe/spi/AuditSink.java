package dev.lethe.spi;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditTrail;
import dev.lethe.internal.audit.InMemoryAuditSink;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the {@link AuditTrail} keeps its events (Art. 5(2) accountability): an append-only log,
 * such as a database table with the sequence as its key. The trail computes sequences and hashes; a
 * sink stores events exactly as given and returns them unchanged.
 *
 * <p>Implementations must pass {@code AuditSinkCompatibilityKit} from the lethe-core test-jar.
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
   * Every event, in ascending sequence order, exactly as appended. The caller closes the stream, so
   * that a database-backed sink can release its cursor.
   */
  Stream<AuditEvent> events();

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
