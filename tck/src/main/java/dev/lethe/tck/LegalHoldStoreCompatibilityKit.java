package dev.lethe.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.erasure.LegalHold;
import dev.lethe.erasure.LegalHoldStore;
import dev.lethe.subject.SubjectKey;
import dev.lethe.tck.shop.OrderNote;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link LegalHoldStore} must do. Extend it and create an empty store. */
public abstract class LegalHoldStoreCompatibilityKit {

  private static final SubjectKey ADA = new SubjectKey("customer", 1L);
  private static final SubjectKey GRACE = new SubjectKey("customer", 2L);

  /** An empty store. */
  protected abstract LegalHoldStore createStore();

  @Test
  @DisplayName(
      "Art. 17(3)(e): a subject sees its own holds and the holds on entity types, not other subjects' holds")
  void holdsForASubject() {
    LegalHoldStore store = createStore();
    LegalHold onAda = LegalHold.onSubject(ADA, "Claim 1", Instant.parse("2026-01-01T00:00:00Z"));
    LegalHold onNotes =
        LegalHold.onEntity(OrderNote.class, "Audit 2026", Instant.parse("2026-02-01T00:00:00Z"));
    store.place(onAda);
    store.place(onNotes);
    store.place(LegalHold.onSubject(GRACE, "Claim 2", Instant.parse("2026-03-01T00:00:00Z")));

    assertThat(store.holdsFor(ADA)).containsExactly(onAda, onNotes);
    assertThat(store.holdsFor(new SubjectKey("customer", 3L))).containsExactly(onNotes);
    assertThat(store.all()).hasSize(3).startsWith(onAda, onNotes);
  }

  @Test
  @DisplayName("Art. 17(3)(e): a released hold no longer covers anything; releasing twice says so")
  void release() {
    LegalHoldStore store = createStore();
    LegalHold hold = LegalHold.onSubject(ADA, "Claim 1", Instant.EPOCH);
    store.place(hold);

    assertThat(store.release(hold.id())).isTrue();
    assertThat(store.holdsFor(ADA)).isEmpty();
    assertThat(store.release(hold.id())).isFalse();
  }
}
