package dev.lethe.spi;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Erasure tombstones in a concurrent map, keyed by the subject's pseudonym. */
final class InMemoryErasureTombstoneStore implements ErasureTombstoneStore {

  private final Map<String, Tombstone> tombstones = new ConcurrentHashMap<>();

  @Override
  public void add(Tombstone tombstone) {
    tombstones.putIfAbsent(tombstone.subject().hex(), tombstone);
  }

  @Override
  public List<Tombstone> since(Instant since) {
    return tombstones.values().stream()
        .filter(tombstone -> !tombstone.erasedAt().isBefore(since))
        .sorted(Comparator.comparing(Tombstone::erasedAt))
        .toList();
  }

  @Override
  public int deleteErasedBefore(Instant cutoff) {
    int before = tombstones.size();
    tombstones.values().removeIf(tombstone -> tombstone.erasedAt().isBefore(cutoff));
    return before - tombstones.size();
  }
}
