package dev.lethe.internal.erasure;

import dev.lethe.spi.SuppressionStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Suppression entries in a concurrent map. */
public final class InMemorySuppressionStore implements SuppressionStore {

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
