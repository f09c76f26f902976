package dev.lethe.erasure;

import dev.lethe.subject.SubjectKey;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Legal holds in a concurrent map. */
final class InMemoryLegalHoldStore implements LegalHoldStore {

  private final Map<UUID, LegalHold> holds = new ConcurrentHashMap<>();

  @Override
  public void place(LegalHold hold) {
    holds.put(hold.id(), hold);
  }

  @Override
  public boolean release(UUID id) {
    return holds.remove(id) != null;
  }

  @Override
  public List<LegalHold> all() {
    return holds.values().stream().sorted(Comparator.comparing(LegalHold::placedAt)).toList();
  }

  @Override
  public List<LegalHold> holdsFor(SubjectKey subject) {
    return holds.values().stream()
        .filter(
            hold -> hold.entity().isPresent() || hold.subject().filter(subject::equals).isPresent())
        .sorted(Comparator.comparing(LegalHold::placedAt))
        .toList();
  }
}
