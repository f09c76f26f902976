package dev.lethe.erasure;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Suppression entries in a concurrent map. */
final class InMemorySuppressionStore implements SuppressionStore {

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  @Override
  public void add(Entry entry) {
    entries.putIfAbsent(entry.hash(), entry);
  }

  @Override
  public Optional<Entry> find(String hash) {
    return Optional.ofNullable(entries.get(hash));
  }
}
