package dev.lethe.audit;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * An {@link AuditSink} in memory, keyed by sequence as a database table would be. Thread-safe:
 * {@link #appendNext} holds this sink's lock from reading the head to storing the event, as a
 * database sink holds its head row's lock.
 */
final class InMemoryAuditSink implements AuditSink {

  private final NavigableMap<Long, AuditEvent> eventsBySequence = new TreeMap<>();

  @Override
  public synchronized void append(AuditEvent event) {
    requireNonNull(event, "event");
    if (eventsBySequence.containsKey(event.sequence())) {
      throw new IllegalStateException(
          "The audit already holds an event with sequence " + event.sequence());
    }
    eventsBySequence.put(event.sequence(), event);
  }

  @Override
  public synchronized AuditEvent appendNext(Function<AuditCheckpoint, AuditEvent> next) {
    requireNonNull(next, "next");
    AuditEvent event =
        next.apply(
            Optional.ofNullable(eventsBySequence.lastEntry())
                .map(last -> AuditCheckpoint.of(last.getValue()))
                .orElse(AuditCheckpoint.GENESIS));
    append(event);
    return event;
  }

  @Override
  public synchronized Stream<AuditEvent> eventsFrom(long sequence) {
    return List.copyOf(eventsBySequence.tailMap(sequence, true).values()).stream();
  }

  @Override
  public synchronized Stream<AuditEvent> events() {
    // A snapshot, so that a reader never fails on an append made while it reads.
    return List.copyOf(eventsBySequence.values()).stream();
  }

  @Override
  public synchronized Optional<AuditEvent> lastEvent() {
    return Optional.ofNullable(eventsBySequence.lastEntry()).map(Map.Entry::getValue);
  }
}
