package dev.lethe.breach;

import dev.lethe.subject.SubjectPseudonym;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The register in a map; the conditional update is one synchronized compare-and-set. */
final class InMemoryBreachStore implements BreachStore {

  private final Map<UUID, Breach> breaches = new LinkedHashMap<>();
  private final Map<UUID, Set<SubjectPseudonym>> told = new HashMap<>();

  @Override
  public synchronized void insert(Breach breach) {
    if (breaches.putIfAbsent(breach.id(), breach) != null) {
      throw new IllegalArgumentException("Breach " + breach.id() + " is already in the register");
    }
  }

  @Override
  public synchronized Optional<Breach> update(Breach breach) {
    Breach stored = breaches.get(breach.id());
    if (stored == null || stored.version() != breach.version()) {
      return Optional.empty();
    }
    Breach next = breach.withVersion(breach.version() + 1);
    breaches.put(breach.id(), next);
    return Optional.of(next);
  }

  @Override
  public synchronized Optional<Breach> find(UUID id) {
    return Optional.ofNullable(breaches.get(id));
  }

  @Override
  public synchronized List<Breach> list() {
    return breaches.values().stream()
        .sorted(Comparator.comparing((Breach breach) -> breach.report().awareAt()).reversed())
        .toList();
  }

  @Override
  public synchronized boolean markTold(UUID breachId, SubjectPseudonym subject, Instant at) {
    return told.computeIfAbsent(breachId, ignored -> new HashSet<>()).add(subject);
  }
}
