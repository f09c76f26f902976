package dev.lethe.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.breach.Breach;
import dev.lethe.breach.BreachReport;
import dev.lethe.breach.BreachStore;
import dev.lethe.subject.SubjectPseudonym;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link BreachStore} must do. Extend it and create an empty store. */
public abstract class BreachStoreCompatibilityKit {

  private static final Instant AWARE = Instant.parse("2025-03-03T09:00:00.123456789Z");

  /** An empty store. */
  protected abstract BreachStore createStore();

  private static Breach breach(Instant awareAt) {
    BreachReport report =
        new BreachReport(
            awareAt,
            "Laptop with an unencrypted export stolen",
            List.of("contact.email", "contact.postal-address"),
            List.of("customer"),
            120,
            340,
            "Phishing",
            "Accounts locked",
            "dpo@shop.example",
            Breach.Risk.HIGH);
    return new Breach(
        UUID.randomUUID(),
        report,
        awareAt.plusSeconds(60),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        0,
        0);
  }

  @Test
  @DisplayName(
      "Art. 33(5): a breach reads back exactly as recorded; the most recent awareness is listed first")
  void art33_roundTrip() {
    BreachStore store = createStore();
    Breach older = breach(AWARE);
    Breach newer = breach(AWARE.plusSeconds(3600));
    store.insert(older);
    store.insert(newer);
    assertThat(store.find(older.id())).contains(older);
    assertThat(store.list()).containsExactly(newer, older);
    assertThat(store.find(UUID.randomUUID())).isEmpty();
    assertThatThrownBy(() -> store.insert(older)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName(
      "Art. 33(1): a notification is stored from the version read; a stale copy changes nothing")
  void art33_conditionalUpdate() {
    BreachStore store = createStore();
    Breach breach = breach(AWARE);
    store.insert(breach);
    Breach notified =
        new Breach(
            breach.id(),
            breach.report(),
            breach.recordedAt(),
            Optional.of(AWARE.plusSeconds(80 * 3600)),
            Optional.of("Forensics took four days"),
            Optional.of(AWARE.plusSeconds(90 * 3600)),
            17,
            0);
    Breach stored = store.update(notified).orElseThrow();
    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.delayReasons()).contains("Forensics took four days");
    assertThat(stored.subjectsNotified()).isEqualTo(17);
    assertThat(store.update(notified)).isEmpty();
    assertThat(store.find(breach.id())).contains(stored);
  }

  @Test
  @DisplayName("Art. 33(1), 34(1): a risk assessed anew is stored from the version read")
  void art34_riskAssessedAnew() {
    BreachStore store = createStore();
    Breach breach = breach(AWARE);
    store.insert(breach);
    Breach reassessed =
        new Breach(
            breach.id(),
            breach.report().withRisk(Breach.Risk.UNLIKELY),
            breach.recordedAt(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            0,
            0);
    assertThat(store.update(reassessed).orElseThrow().report().risk())
        .isEqualTo(Breach.Risk.UNLIKELY);
    assertThat(store.find(breach.id()).orElseThrow().report())
        .isEqualTo(breach.report().withRisk(Breach.Risk.UNLIKELY));
  }

  @Test
  @DisplayName(
      "Art. 34(1): a subject is recorded as told of a breach once; of another breach separately")
  void art34_subjectToldOnce() {
    BreachStore store = createStore();
    Breach breach = breach(AWARE);
    Breach other = breach(AWARE);
    store.insert(breach);
    store.insert(other);
    SubjectPseudonym ada = new SubjectPseudonym("a".repeat(64));

    assertThat(store.markTold(breach.id(), ada, AWARE.plusSeconds(3600))).isTrue();
    assertThat(store.markTold(breach.id(), ada, AWARE.plusSeconds(7200)))
        .as("told before")
        .isFalse();
    assertThat(store.markTold(other.id(), ada, AWARE.plusSeconds(7200)))
        .as("another breach")
        .isTrue();
    assertThat(store.markTold(breach.id(), new SubjectPseudonym("b".repeat(64)), AWARE)).isTrue();
  }
}
