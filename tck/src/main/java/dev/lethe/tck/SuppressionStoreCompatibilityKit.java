package dev.lethe.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.erasure.SuppressionStore;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link SuppressionStore} must do. Extend it and create an empty store. */
public abstract class SuppressionStoreCompatibilityKit {

  private static final String HASH = "a".repeat(64);

  /** An empty store. */
  protected abstract SuppressionStore createStore();

  @Test
  @DisplayName("Art. 21(3): an added entry is found by its hash; another hash is not")
  void findsEntries() {
    SuppressionStore store = createStore();
    SuppressionStore.Entry entry =
        new SuppressionStore.Entry(HASH, "objection to direct marketing", Instant.EPOCH);
    store.add(entry);

    assertThat(store.find(HASH)).contains(entry);
    assertThat(store.find("b".repeat(64))).isEmpty();
  }

  @Test
  @DisplayName("Art. 21(3): adding a suppressed hash again keeps the first entry")
  void keepsTheFirstEntry() {
    SuppressionStore store = createStore();
    SuppressionStore.Entry first =
        new SuppressionStore.Entry(HASH, "objection to direct marketing", Instant.EPOCH);
    store.add(first);
    store.add(
        new SuppressionStore.Entry(
            HASH, "erased on request", Instant.parse("2026-01-01T00:00:00Z")));

    assertThat(store.find(HASH)).contains(first);
  }
}
