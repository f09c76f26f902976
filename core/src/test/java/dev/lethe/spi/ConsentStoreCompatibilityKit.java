package dev.lethe.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.audit.SubjectPseudonym;
import dev.lethe.consent.ConsentGiver;
import dev.lethe.consent.ConsentMethod;
import dev.lethe.consent.ConsentRecord;
import dev.lethe.consent.ConsentState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConsentStore} must do. Extend it with {@link #createStore()} returning an
 * empty store; the tests run against it.
 */
public abstract class ConsentStoreCompatibilityKit {

  private static final SubjectPseudonym ADA = new SubjectPseudonym("a".repeat(64));
  private static final SubjectPseudonym GRACE = new SubjectPseudonym("b".repeat(64));
  private static final Instant AT = Instant.parse("2025-03-03T09:00:00.123456789Z");

  protected ConsentStore store;

  /** A new, empty store of the implementation under test. */
  protected abstract ConsentStore createStore();

  @BeforeEach
  void createEmptyStore() {
    store = createStore();
  }

  @Test
  void anEmptyStoreHasNoHistory() {
    assertThat(store.history(ADA, "newsletter")).isEmpty();
    assertThat(store.latest(ADA, "newsletter")).isEmpty();
  }

  @Test
  @DisplayName("Art. 8(1), 9(2)(a): a record keeps whether consent was explicit and who gave it")
  void art8_art9_keepsExplicitnessAndGiver() {
    ConsentRecord byParent = new ConsentRecord(ADA, "newsletter", ConsentState.GIVEN, AT, "2025-03",
        Optional.of(ConsentMethod.PAPER), false, Optional.empty(), true, ConsentGiver.HOLDER_OF_PARENTAL_RESPONSIBILITY);
    ConsentRecord byChild = new ConsentRecord(ADA, "newsletter", ConsentState.GIVEN, AT.plusSeconds(1), "2025-03",
        Optional.of(ConsentMethod.API), false, Optional.empty(), false, ConsentGiver.CHILD);

    store.append(byParent);
    store.append(byChild);

    assertThat(store.history(ADA, "newsletter")).containsExactly(byParent, byChild);
  }

  @Test
  @DisplayName("Art. 7(1): a history keeps every record in the order appended, with every part")
  void keepsEveryRecordInOrder() {
    ConsentRecord given = new ConsentRecord(ADA, "newsletter", ConsentState.GIVEN, AT, "2025-03",
        Optional.of(ConsentMethod.WEB_FORM_OPT_IN), true, Optional.of(AT.plusSeconds(86_400)));
    ConsentRecord withdrawn = record(ADA, "newsletter", ConsentState.WITHDRAWN, AT.plusSeconds(60));
    ConsentRecord ended = new ConsentRecord(ADA, "newsletter", ConsentState.EXPIRED, AT.plusSeconds(60), "2025-03",
        Optional.empty(), false, Optional.empty());

    store.append(given);
    store.append(withdrawn);
    store.append(ended);

    assertThat(store.history(ADA, "newsletter")).containsExactly(given, withdrawn, ended);
    assertThat(store.latest(ADA, "newsletter")).contains(ended);
  }

  @Test
  void keepsSubjectsAndPurposesApart() {
    ConsentRecord adaNewsletter = record(ADA, "newsletter", ConsentState.GIVEN, AT);
    ConsentRecord adaOffers = record(ADA, "offers", ConsentState.REFUSED, AT);
    ConsentRecord graceNewsletter = record(GRACE, "newsletter", ConsentState.REFUSED, AT);

    store.append(adaNewsletter);
    store.append(adaOffers);
    store.append(graceNewsletter);

    assertThat(store.history(ADA, "newsletter")).containsExactly(adaNewsletter);
    assertThat(store.history(ADA, "offers")).containsExactly(adaOffers);
    assertThat(store.history(GRACE, "newsletter")).containsExactly(graceNewsletter);
    assertThat(store.history(GRACE, "offers")).isEmpty();
  }

  @Test
  @DisplayName("Art. 7(1): a history read earlier does not change, and cannot be changed through it")
  void aHistoryIsASnapshot() {
    store.append(record(ADA, "newsletter", ConsentState.GIVEN, AT));
    List<ConsentRecord> read = store.history(ADA, "newsletter");

    store.append(record(ADA, "newsletter", ConsentState.WITHDRAWN, AT.plusSeconds(1)));

    assertThat(read).hasSize(1);
    assertThatThrownBy(() -> read.add(record(ADA, "newsletter", ConsentState.GIVEN, AT)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(store.history(ADA, "newsletter")).hasSize(2);
  }

  @Test
  @DisplayName("Art. 7(3): a record appended after a latest record that is no longer the latest is refused")
  void appendsAfterTheLatestOnly() {
    ConsentRecord given = record(ADA, "newsletter", ConsentState.GIVEN, AT);
    assertThat(store.appendAfter(given, Optional.empty())).isTrue();
    ConsentRecord withdrawn = record(ADA, "newsletter", ConsentState.WITHDRAWN, AT.plusSeconds(60));

    assertThat(store.appendAfter(withdrawn, Optional.of(given))).isTrue();
    assertThat(store.appendAfter(record(ADA, "newsletter", ConsentState.WITHDRAWN, AT.plusSeconds(61)),
        Optional.of(given))).as("a second withdrawal that read the same consent").isFalse();
    assertThat(store.appendAfter(record(ADA, "newsletter", ConsentState.GIVEN, AT.plusSeconds(62)), Optional.empty()))
        .as("a first record where there is one").isFalse();

    assertThat(store.history(ADA, "newsletter")).containsExactly(given, withdrawn);
  }

  private static ConsentRecord record(SubjectPseudonym subject, String purpose, ConsentState state, Instant at) {
    return new ConsentRecord(subject, purpose, state, at, "2025-03", Optional.of(ConsentMethod.API), false,
        Optional.empty());
  }
}
