package dev.lethe.restriction;

import static java.util.Objects.requireNonNull;

import dev.lethe.subject.SubjectPseudonym;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link RestrictionStore} in memory, keyed by subject. Thread-safe. */
final class InMemoryRestrictionStore implements RestrictionStore {

  private final Map<SubjectPseudonym, Restriction> restrictions = new ConcurrentHashMap<>();

  @Override
  public void add(Restriction restriction) {
    requireNonNull(restriction, "restriction");
    if (restrictions.putIfAbsent(restriction.subject(), restriction) != null) {
      throw new IllegalStateException("A restriction already stands for this subject");
    }
  }

  @Override
  public void save(Restriction restriction) {
    requireNonNull(restriction, "restriction");
    restrictions.put(restriction.subject(), restriction);
  }

  @Override
  public boolean isEmpty() {
    return restrictions.isEmpty();
  }

  @Override
  public Optional<Restriction> find(SubjectPseudonym subject) {
    return Optional.ofNullable(restrictions.get(requireNonNull(subject, "subject")));
  }

  @Override
  public boolean remove(SubjectPseudonym subject) {
    return restrictions.remove(requireNonNull(subject, "subject")) != null;
  }
}
