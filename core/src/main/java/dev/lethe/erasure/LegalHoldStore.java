package dev.lethe.erasure;

import dev.lethe.subject.SubjectKey;
import java.util.List;
import java.util.UUID;

/**
 * Where legal holds are kept while they stand (Art. 17(3)(e)): erasure and retention consult it and
 * leave alone what a hold covers.
 *
 * <p>Implementations must pass {@code LegalHoldStoreCompatibilityKit} from the lethe-core test-jar.
 */
public interface LegalHoldStore {

  /** Places {@code hold}. */
  void place(LegalHold hold);

  /** Releases the hold with {@code id}; returns whether one was standing. */
  boolean release(UUID id);

  /** The holds that cover any data of {@code subject}: its own and those on entity types. */
  List<LegalHold> holdsFor(SubjectKey subject);

  /** Every standing hold, oldest first; retention consults them all. */
  List<LegalHold> all();

  /** A store that keeps holds in memory. */
  static LegalHoldStore inMemory() {
    return new InMemoryLegalHoldStore();
  }
}
