package dev.lethe.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.objection.Objection;
import dev.lethe.objection.ObjectionStore;
import dev.lethe.subject.SubjectPseudonym;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
  private static final Objection STANDING =
      new Objection(ADA, "fraud-prevention", false, AT, Optional.empty());
  private static final Objection OVERRIDDEN =
      new Objection(
          ADA,
          "fraud-prevention",
          false,
          AT,
          Optional.of(
              new Objection.CompellingGrounds(
                  "Chargeback fraud under investigation", AT.plusSeconds(60))));

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
    assertThat(store.replace(Optional.empty(), marketing)).isTrue();
    assertThat(store.replace(Optional.empty(), fraud)).isTrue();

    assertThat(store.find(ADA, "newsletter")).contains(marketing);
    assertThat(store.find(ADA, "fraud-prevention")).contains(fraud);
    assertThat(store.find(GRACE, "newsletter")).isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 21(1): saving an overridden objection replaces the standing one, grounds included")
  void savingAgainReplaces() {
    store.replace(Optional.empty(), STANDING);

    assertThat(store.replace(Optional.of(STANDING), OVERRIDDEN)).isTrue();

    assertThat(store.find(ADA, "fraud-prevention")).contains(OVERRIDDEN);
  }

  @Test
  @DisplayName(
      "Art. 21: an objection is saved only over what was read: a second first objection, or a change of a stale one, is refused")
  void replacesOnlyWhatWasRead() {
    Objection again =
        new Objection(ADA, "fraud-prevention", false, AT.plusSeconds(120), Optional.empty());
    store.replace(Optional.empty(), STANDING);

    assertThat(store.replace(Optional.empty(), again)).as("one is there already").isFalse();
    assertThat(store.replace(Optional.of(STANDING), OVERRIDDEN)).isTrue();
    assertThat(store.replace(Optional.of(STANDING), again))
        .as("read before it was overridden")
        .isFalse();
    assertThat(store.replace(Optional.of(OVERRIDDEN), again)).isTrue();
    assertThat(store.find(ADA, "fraud-prevention")).contains(again);
  }

  @Test
  @DisplayName(
      "Art. 21, 5(2): of four writers recording one subject's first objection to a purpose at once, exactly one saves it")
  void concurrentFirstObjectionsHaveOneWinner() throws Exception {
    int writers = 4;
    ExecutorService threads = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> saved = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        Objection objection =
            new Objection(GRACE, "newsletter", true, AT.plusSeconds(i), Optional.empty());
        saved.add(
            threads.submit(
                () -> {
                  start.await();
                  return store.replace(Optional.empty(), objection);
                }));
      }
      start.countDown();
      List<Boolean> outcomes = new ArrayList<>();
      for (Future<Boolean> outcome : saved) {
        outcomes.add(outcome.get(60, TimeUnit.SECONDS));
      }
      assertThat(outcomes).containsOnlyOnce(true);
      assertThat(store.find(GRACE, "newsletter")).isPresent();
    } finally {
      threads.shutdownNow();
    }
  }
}
