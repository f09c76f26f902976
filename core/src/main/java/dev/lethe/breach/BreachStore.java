package dev.lethe.breach;

import dev.lethe.subject.SubjectPseudonym;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the breach register is kept (Art. 33(5)). lethe-jdbc keeps it in {@code lethe_breach}, shared
 * by every replica; {@link #inMemory()} keeps it for one JVM. A store joins the transaction of the
 * operation that calls it, so that a breach's change and its audit event commit together.
 */
public interface BreachStore {

  /**
   * Stores a new breach.
   *
   * @throws IllegalArgumentException if a breach with its id is stored
   */
  void insert(Breach breach);

  /**
   * Stores {@code breach}'s notifications and risk at {@code breach.version() + 1} if the stored one
   * is still at {@code breach.version()}; empty when another caller changed it first, or it is not
   * stored. The rest of what was reported never changes.
   */
  Optional<Breach> update(Breach breach);

  /** The breach with {@code id}, if stored. */
  Optional<Breach> find(UUID id);

  /** Every breach, the one the controller became aware of most recently first. */
  List<Breach> list();

  /**
   * Records that the subject of {@code subject}, a keyed pseudonym, is told of breach {@code
   * breachId} at {@code at} (Art. 34(1)), unless recorded before: true if it was not. A subject
   * recorded once is never told of the breach again, however long ago its notice left the outbox.
   */
  boolean markTold(UUID breachId, SubjectPseudonym subject, Instant at);

  /** A store that keeps the register in memory, for tests and a single JVM. */
  static BreachStore inMemory() {
    return new InMemoryBreachStore();
  }
}
