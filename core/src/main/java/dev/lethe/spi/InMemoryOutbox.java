package dev.lethe.spi;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** An outbox in a map, guarded by its monitor: one JVM only, gone on restart. */
final class InMemoryOutbox implements Outbox {

  private final Map<UUID, OutboxEntry> entries = new LinkedHashMap<>();

  @Override
  public synchronized OutboxEntry enqueue(OutboxMessage message, Instant now) {
    requireNonNull(message, "message");
    requireNonNull(now, "now");
    for (OutboxEntry entry : entries.values()) {
      if (entry.idempotencyKey().equals(message.idempotencyKey())) {
        return entry;
      }
    }
    OutboxEntry entry =
        new OutboxEntry(
            UUID.randomUUID(),
            message.idempotencyKey(),
            message.destination(),
            message.type(),
            Optional.of(message.payload()),
            OutboxStatus.PENDING,
            0,
            now,
            now,
            now,
            Optional.empty(),
            Optional.empty());
    entries.put(entry.id(), entry);
    return entry;
  }

  @Override
  public synchronized List<OutboxEntry> claimDue(Instant now, int limit, Duration lease) {
    List<OutboxEntry> due =
        entries.values().stream()
            .filter(
                entry ->
                    entry.status() == OutboxStatus.PENDING && !entry.nextAttemptAt().isAfter(now))
            .sorted(Comparator.comparing(OutboxEntry::nextAttemptAt))
            .limit(limit)
            .toList();
    List<OutboxEntry> claimed = new ArrayList<>();
    for (OutboxEntry entry : due) {
      OutboxEntry taken =
          with(
              entry,
              entry.payload(),
              OutboxStatus.PENDING,
              entry.attempts() + 1,
              entry.retrySince(),
              now.plus(lease),
              entry.lastFailure(),
              Optional.empty());
      entries.put(taken.id(), taken);
      claimed.add(taken);
    }
    return List.copyOf(claimed);
  }

  @Override
  public synchronized boolean markDelivered(UUID id, int attempt, Instant now) {
    return current(id, attempt)
        .map(
            entry ->
                put(
                    with(
                        entry,
                        Optional.empty(),
                        OutboxStatus.DELIVERED,
                        entry.attempts(),
                        entry.retrySince(),
                        entry.nextAttemptAt(),
                        entry.lastFailure(),
                        Optional.of(now))))
        .isPresent();
  }

  @Override
  public synchronized boolean markFailed(
      UUID id, int attempt, String failure, Instant nextAttemptAt) {
    return current(id, attempt)
        .map(
            entry ->
                put(
                    with(
                        entry,
                        entry.payload(),
                        OutboxStatus.PENDING,
                        entry.attempts(),
                        entry.retrySince(),
                        nextAttemptAt,
                        Optional.of(failure),
                        Optional.empty())))
        .isPresent();
  }

  @Override
  public synchronized boolean markDead(UUID id, int attempt, String failure, Instant now) {
    return current(id, attempt)
        .map(
            entry ->
                put(
                    with(
                        entry,
                        entry.payload(),
                        OutboxStatus.DEAD,
                        entry.attempts(),
                        entry.retrySince(),
                        entry.nextAttemptAt(),
                        Optional.of(failure),
                        Optional.of(now))))
        .isPresent();
  }

  @Override
  public synchronized Optional<OutboxEntry> find(UUID id) {
    return Optional.ofNullable(entries.get(id));
  }

  @Override
  public synchronized List<OutboxEntry> list(OutboxStatus status, int limit) {
    return entries.values().stream()
        .filter(entry -> entry.status() == status)
        .sorted(Comparator.comparing(OutboxEntry::enqueuedAt))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized boolean retryDead(UUID id, Instant now) {
    OutboxEntry entry = entries.get(id);
    if (entry == null || !entry.retryable()) {
      return false;
    }
    put(
        with(
            entry,
            entry.payload(),
            OutboxStatus.PENDING,
            entry.attempts(),
            now,
            now,
            entry.lastFailure(),
            Optional.empty()));
    return true;
  }

  @Override
  public synchronized int retryAllDead(Instant now) {
    int retried = 0;
    for (OutboxEntry entry : List.copyOf(entries.values())) {
      if (retryDead(entry.id(), now)) {
        retried++;
      }
    }
    return retried;
  }

  @Override
  public synchronized int clearDeadPayloads(Instant deadBefore) {
    requireNonNull(deadBefore, "deadBefore");
    int cleared = 0;
    for (OutboxEntry entry : List.copyOf(entries.values())) {
      if (entry.retryable() && entry.finishedAt().orElseThrow().isBefore(deadBefore)) {
        put(
            with(
                entry,
                Optional.empty(),
                OutboxStatus.DEAD,
                entry.attempts(),
                entry.retrySince(),
                entry.nextAttemptAt(),
                entry.lastFailure(),
                entry.finishedAt()));
        cleared++;
      }
    }
    return cleared;
  }

  @Override
  public synchronized int deleteDelivered(Instant deliveredBefore, int limit) {
    requireNonNull(deliveredBefore, "deliveredBefore");
    if (limit < 1) {
      throw new IllegalArgumentException("A deletion takes at least one message, not " + limit);
    }
    List<UUID> old =
        entries.values().stream()
            .filter(
                entry ->
                    entry.status() == OutboxStatus.DELIVERED
                        && entry.finishedAt().orElseThrow().isBefore(deliveredBefore))
            .sorted(Comparator.comparing((OutboxEntry entry) -> entry.finishedAt().orElseThrow()))
            .limit(limit)
            .map(OutboxEntry::id)
            .toList();
    old.forEach(entries::remove);
    return old.size();
  }

  @Override
  public synchronized OutboxCounts counts() {
    long pending =
        entries.values().stream().filter(entry -> entry.status() == OutboxStatus.PENDING).count();
    long dead = entries.values().stream().filter(OutboxEntry::retryable).count();
    long cleared =
        entries.values().stream()
            .filter(entry -> entry.status() == OutboxStatus.DEAD && entry.payload().isEmpty())
            .count();
    return new OutboxCounts(pending, dead, cleared);
  }

  private Optional<OutboxEntry> current(UUID id, int attempt) {
    return Optional.ofNullable(entries.get(id))
        .filter(entry -> entry.status() == OutboxStatus.PENDING && entry.attempts() == attempt);
  }

  private OutboxEntry put(OutboxEntry entry) {
    entries.put(entry.id(), entry);
    return entry;
  }

  private static OutboxEntry with(
      OutboxEntry entry,
      Optional<String> payload,
      OutboxStatus status,
      int attempts,
      Instant retrySince,
      Instant nextAttemptAt,
      Optional<String> lastFailure,
      Optional<Instant> finishedAt) {
    return new OutboxEntry(
        entry.id(),
        entry.idempotencyKey(),
        entry.destination(),
        entry.type(),
        payload,
        status,
        attempts,
        entry.enqueuedAt(),
        retrySince,
        nextAttemptAt,
        lastFailure,
        finishedAt);
  }
}
