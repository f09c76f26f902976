package dev.lethe.erasure;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the {@link SuppressionList} keeps its entries: keyed hashes of identities that must not be
 * contacted again (Art. 21(3)), never the identities themselves. Entries survive erasure.
 *
 * <p>Implementations must pass {@code SuppressionStoreCompatibilityKit} from the lethe-core test-jar.
 */
public interface SuppressionStore {

  /** Adds {@code entry}; adding a hash that is already present keeps the first entry. */
  void add(Entry entry);

  /** The entry for {@code hash}, if present. */
  Optional<Entry> find(String hash);

  /** A store that keeps its entries in memory. */
  static SuppressionStore inMemory() {
    return new InMemorySuppressionStore();
  }

  /**
   * One suppressed identity.
   *
   * @param hash the keyed hash of the identity
   * @param reason why it is suppressed, such as "objection to direct marketing"; no personal data
   * @param addedAt when it was added
   */
  record Entry(String hash, String reason, Instant addedAt) {
    public Entry {
      Objects.requireNonNull(hash, "hash");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(addedAt, "addedAt");
    }
  }
}
