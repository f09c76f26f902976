package dev.lethe.restriction;

import dev.lethe.subject.SubjectPseudonym;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@link Restrictions} keeps the restrictions that stand (Art. 18), at most one per subject,
 * keyed by the subject's pseudonym (Art. 4(5)), never its identity. A lifted restriction is removed;
 * the audit keeps its history.
 *
 * <p>Implementations must pass {@code RestrictionStoreCompatibilityKit} from the lethe-core test-jar.
 */
public interface RestrictionStore {

  /** Inserts {@code restriction}, or replaces the one of the same subject. */
  void save(Restriction restriction);

  /**
   * Inserts {@code restriction} as the subject's first standing one: of two replicas placing one at
   * once, exactly one succeeds (Art. 18, Art. 5(2): one restriction, audited once). The default
   * checks, then saves, which is enough in one JVM only; a store shared by replicas must insert in
   * one step (the JDBC store's primary key refuses the second).
   *
   * @throws IllegalStateException if a restriction already stands for the subject
   */
  default void add(Restriction restriction) {
    if (find(restriction.subject()).isPresent()) {
      throw new IllegalStateException("A restriction already stands for this subject");
    }
    save(restriction);
  }

  /** The restriction standing for {@code subject}, if there is one. */
  Optional<Restriction> find(SubjectPseudonym subject);

  /** Removes the restriction of {@code subject}; returns whether one was standing. */
  boolean remove(SubjectPseudonym subject);

  /**
   * Whether no restriction stands at all: lets the checks on every change of personal data (Art.
   * 18(2)) skip finding the row's subject, the common case. {@code true} only when certain for this
   * store's own changes; a store shared by several instances may answer from a short-lived cache,
   * and must say how long in its documentation. The default, {@code false}, is always safe.
   */
  default boolean isEmpty() {
    return false;
  }

  /**
   * Every restriction standing, keyed by subject, as one immutable snapshot that the checks on every
   * change of personal data (Art. 18(2)) read from memory. A store shared by several instances may
   * hand out the same snapshot for the interval it documents for {@link #isEmpty()}, and must hand
   * out a new instance once it has read its table again, so that a caller may keep what it derived
   * from one snapshot (such as the pseudonyms of a subject's identities) for as long as it gets
   * that same instance back. Restrictions saved or removed through this store count at once. The
   * default, empty, says the store keeps no snapshot: the checks then ask {@link #isEmpty()} and
   * {@link #find} every time.
   */
  default Optional<Map<SubjectPseudonym, Restriction>> standing() {
    return Optional.empty();
  }

  /** A store that keeps restrictions in memory, for tests and for applications without a durable store. */
  static RestrictionStore inMemory() {
    return new InMemoryRestrictionStore();
  }
}
