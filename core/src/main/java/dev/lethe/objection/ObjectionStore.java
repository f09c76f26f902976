package dev.lethe.objection;

import dev.lethe.subject.SubjectPseudonym;
import java.util.Optional;

/**
 * Where {@link Objections} keeps subjects' objections (Art. 21), one per subject and purpose,
 * keyed by the subject's pseudonym (Art. 4(5)), never its identity.
 *
 * <p>Implementations must pass {@code ObjectionStoreCompatibilityKit} from the lethe-core test-jar.
 */
public interface ObjectionStore {

  /**
   * Saves {@code objection} if the store still holds {@code expected} for its subject and purpose
   * (none, or that objection as it was read), in one step, and says whether it did: of two callers
   * recording an objection, or an objection and its override, at once, on one replica or several,
   * exactly one saves it (Art. 21).
   */
  boolean replace(Optional<Objection> expected, Objection objection);

  /** The objection of {@code subject} to {@code purpose}, standing or overridden, if there is one. */
  Optional<Objection> find(SubjectPseudonym subject, String purpose);

  /** A store that keeps objections in memory, for tests and for applications without a durable store. */
  static ObjectionStore inMemory() {
    return new InMemoryObjectionStore();
  }
}
