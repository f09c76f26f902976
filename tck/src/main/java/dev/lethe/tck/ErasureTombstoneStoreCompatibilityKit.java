package dev.lethe.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.law.ErasureGround;
import dev.lethe.spi.ErasureTombstoneStore;
import dev.lethe.subject.SubjectPseudonym;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link ErasureTombstoneStore} must do. Extend it and create an empty store. */
public abstract class ErasureTombstoneStoreCompatibilityKit {

  private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00.123456789Z");
  private static final Instant TUESDAY = Instant.parse("2026-03-03T09:00:00Z");
  private static final Instant WEDNESDAY = Instant.parse("2026-03-04T09:00:00Z");

  /** An empty store. */
  protected abstract ErasureTombstoneStore createStore();

  @Test
  @DisplayName(
      "Art. 17(1): tombstones since an instant are found earliest first, that instant included, exactly as added")
  void findsTombstonesSince() {
    ErasureTombstoneStore store = createStore();
    ErasureTombstoneStore.Tombstone monday = tombstone('a', MONDAY);
    ErasureTombstoneStore.Tombstone wednesday = tombstone('c', WEDNESDAY);
    ErasureTombstoneStore.Tombstone tuesday = tombstone('b', TUESDAY);
    store.add(wednesday);
    store.add(monday);
    store.add(tuesday);

    assertThat(store.since(MONDAY)).containsExactly(monday, tuesday, wednesday);
    assertThat(store.since(TUESDAY)).containsExactly(tuesday, wednesday);
    assertThat(store.since(WEDNESDAY.plusNanos(1))).isEmpty();
  }

  @Test
  @DisplayName("Art. 17(1): a second tombstone for one subject keeps the first")
  void keepsTheFirstTombstone() {
    ErasureTombstoneStore store = createStore();
    store.add(tombstone('a', MONDAY));
    store.add(
        new ErasureTombstoneStore.Tombstone(
            "customer", pseudonym('a'), ErasureGround.UNLAWFULLY_PROCESSED, TUESDAY));

    assertThat(store.since(Instant.EPOCH)).containsExactly(tombstone('a', MONDAY));
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): tombstones of erasures before the cutoff are deleted, later ones stay")
  void deletesTombstonesBeforeTheCutoff() {
    ErasureTombstoneStore store = createStore();
    store.add(tombstone('a', MONDAY));
    store.add(tombstone('b', TUESDAY));

    assertThat(store.deleteErasedBefore(TUESDAY)).isEqualTo(1);
    assertThat(store.deleteErasedBefore(TUESDAY)).isZero();
    assertThat(store.since(Instant.EPOCH)).containsExactly(tombstone('b', TUESDAY));
  }

  private static ErasureTombstoneStore.Tombstone tombstone(char digit, Instant erasedAt) {
    return new ErasureTombstoneStore.Tombstone(
        "customer", pseudonym(digit), ErasureGround.CONSENT_WITHDRAWN, erasedAt);
  }

  private static SubjectPseudonym pseudonym(char digit) {
    return new SubjectPseudonym(String.valueOf(digit).repeat(64));
  }
}
