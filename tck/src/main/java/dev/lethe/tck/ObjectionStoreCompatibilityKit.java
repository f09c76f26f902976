package dev.lethe.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.objection.Objection;
import dev.lethe.objection.ObjectionStore;
import dev.lethe.subject.SubjectPseudonym;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ObjectionStore} must do. Extend it with {@link #createStore()} returning an
 * empty store; the tests run against it.
 */
public abstract class ObjectionStoreCompatibilityKit {

  private static final SubjectPseudonym ADA = new SubjectPseudonym("a".repeat(64));
  private static final SubjectPseudonym GRACE = new SubjectPseudonym("b".repeat(64));
  private static final Instant AT = Instant.parse("2025-03-03T09:00:00.123456789Z");

  protected ObjectionStore store;

  /** A new, empty store of the implementation under test. */
  protected abstract ObjectionStore createStore();

  @BeforeEach
  void createEmptyStore() {
    store = createStore();
  }

  @Test
  void anEmptyStoreFindsNothing() {
    assertThat(store.find(ADA, "fraud-prevention")).isEmpty();
  }

  @Test
  @DisplayName("Art. 21: an objection is found by its subject and purpose, with every part")
  void findsAnObjectionBySubjectAndPurpose() {
    Objection marketing = new Objection(ADA, "newsletter", true, AT, Optional.empty());
    Objection fraud = new Objection(ADA, "fraud-prevention", false, AT, Optional.empty());
    store.save(marketing);
    store.save(fraud);

    assertThat(store.find(ADA, "newsletter")).contains(marketing);
    assertThat(store.find(ADA, "fraud-prevention")).contains(fraud);
    assertThat(store.find(GRACE, "newsletter")).isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 21(1): saving an overridden objection replaces the standing one, grounds included")
  void savingAgainReplaces() {
    Objection standing = new Objection(ADA, "fraud-prevention", false, AT, Optional.empty());
    Objection overridden =
        new Objection(
            ADA,
            "fraud-prevention",
            false,
            AT,
            Optional.of(
                new Objection.CompellingGrounds(
                    "Chargeback fraud under investigation", AT.plusSeconds(60))));
    store.save(standing);

    store.save(overridden);

    assertThat(store.find(ADA, "fraud-prevention")).contains(overridden);
  }
}
