package dev.lethe.spi;

import static java.util.Objects.requireNonNull;

import dev.lethe.law.ErasureGround;
import dev.lethe.subject.SubjectPseudonym;
import java.time.Instant;
import java.util.List;

/**
 * Where the erasures' tombstones are kept: one pseudonymous entry per erased subject, written in
 * the erasure's transaction, from which an erasure can be carried out again when a backup taken
 * before it is restored (Art. 17(1), 5(2)). A tombstone names the subject only by the keyed
 * pseudonym of its root's identifier, never by an identity in clear.
 *
 * <p>Keep the entries at least as long as a backup taken before their erasure may be restored, then
 * delete them ({@link #deleteErasedBefore}).
 *
 * <p>Implementations must pass {@code ErasureTombstoneStoreCompatibilityKit} from the lethe-core test-jar.
 */
public interface ErasureTombstoneStore {

  /** Adds {@code tombstone}; adding one for a subject that already has one keeps the first. */
  void add(Tombstone tombstone);

  /** Every tombstone of an erasure at or after {@code since}, earliest first. */
  List<Tombstone> since(Instant since);

  /**
   * Deletes the tombstones of erasures before {@code cutoff}, once no backup older than their
   * erasure can be restored any more (Art. 5(1)(e)); returns how many were deleted. Safe to run
   * from several replicas at once.
   */
  int deleteErasedBefore(Instant cutoff);

  /** A store that keeps its tombstones in memory. */
  static ErasureTombstoneStore inMemory() {
    return new InMemoryErasureTombstoneStore();
  }

  /**
   * One erased subject, pseudonymously (Art. 4(5)).
   *
   * @param subjectType the subject type's name, such as {@code customer}
   * @param subject the keyed pseudonym of the subject's {@code id} identity, the root row's identifier,
   *     as the audit names it
   * @param ground the Art. 17(1) ground the subject was erased on, which a replay applies again
   * @param erasedAt when the erasure committed
   */
  record Tombstone(
      String subjectType, SubjectPseudonym subject, ErasureGround ground, Instant erasedAt) {
    public Tombstone {
      requireNonNull(subjectType, "subjectType");
      requireNonNull(subject, "subject");
      requireNonNull(ground, "ground");
      requireNonNull(erasedAt, "erasedAt");
    }
  }
}
