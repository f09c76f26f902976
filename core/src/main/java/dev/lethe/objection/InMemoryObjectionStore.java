package dev.lethe.objection;

import static java.util.Objects.requireNonNull;

import dev.lethe.subject.SubjectPseudonym;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link ObjectionStore} in memory, keyed by subject and purpose. Thread-safe. */
final class InMemoryObjectionStore implements ObjectionStore {

  private final Map<Key, Objection> objections = new ConcurrentHashMap<>();

  @Override
  public boolean replace(Optional<Objection> expected, Objection objection) {
    requireNonNull(expected, "expected");
    requireNonNull(objection, "objection");
    Key key = new Key(objection.subject(), objection.purpose());
    return expected.isEmpty()
        ? objections.putIfAbsent(key, objection) == null
        : objections.replace(key, expected.get(), objection);
  }

  @Override
  public Optional<Objection> find(SubjectPseudonym subject, String purpose) {
    return Optional.ofNullable(
        objections.get(
            new Key(requireNonNull(subject, "subject"), requireNonNull(purpose, "purpose"))));
  }

  private record Key(SubjectPseudonym subject, String purpose) {}
}
