package dev.lethe.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.consent.ConsentGiver;
import dev.lethe.consent.ConsentMethod;
import dev.lethe.consent.ConsentRecord;
import dev.lethe.consent.ConsentState;
import dev.lethe.consent.ConsentStore;
import dev.lethe.subject.SubjectPseudonym;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
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
  @DisplayName(
      "Art. 7(1), 13(3): current consents given under an older notice are counted per version and paged by"
          + " pseudonym; withdrawn, lapsed and renewed ones are not")
  void art7_reportsCurrentConsentsGivenUnderAnOlderNotice() {
    List<SubjectPseudonym> subjects =
        IntStream.rangeClosed(1, 7)
            .mapToObj(digit -> new SubjectPseudonym(Integer.toString(digit).repeat(64)))
            .toList();
    Instant now = AT.plusSeconds(3600);
    given(subjects.get(0), "v1", AT, Optional.empty());
    given(subjects.get(1), "v1", AT, Optional.empty());
    given(subjects.get(2), "v0", AT, Optional.empty());
    given(subjects.get(3), "v2", AT, Optional.empty());
    given(subjects.get(4), "v1", AT, Optional.of(now));
    given(subjects.get(5), "v1", AT, Optional.empty());
    store.append(
        new ConsentRecord(
            subjects.get(5),
            "newsletter",
            ConsentState.WITHDRAWN,
            AT.plusSeconds(1),
            "v1",
            Optional.of(ConsentMethod.API),
            false,
            Optional.empty()));
    given(subjects.get(6), "v1", AT, Optional.empty());
    given(subjects.get(6), "v2", AT.plusSeconds(1), Optional.empty());
    given(ADA, "v1", AT, Optional.empty(), "research");

    assertThat(store.countGivenUnderOtherNotice("newsletter", "v2", now))
        .containsExactly(Map.entry("v0", 1L), Map.entry("v1", 2L));
    assertThat(store.countGivenUnderOtherNotice("newsletter", "v2", AT.minusSeconds(1)))
        .as("before subject 5 lapsed")
        .containsEntry("v1", 3L);
    List<SubjectPseudonym> first =
        store.subjectsGivenUnderOtherNotice("newsletter", "v2", now, Optional.empty(), 2);
    assertThat(first).containsExactly(subjects.get(0), subjects.get(1));
    assertThat(
            store.subjectsGivenUnderOtherNotice(
                "newsletter", "v2", now, Optional.of(first.get(1)), 2))
        .containsExactly(subjects.get(2));
    assertThat(store.countGivenUnderOtherNotice("newsletter", "v1", now))
        .containsExactly(Map.entry("v0", 1L), Map.entry("v2", 2L));
    assertThat(store.countGivenUnderOtherNotice("unknown", "v2", now)).isEmpty();
  }

  private void given(
      SubjectPseudonym subject, String version, Instant at, Optional<Instant> expiresAt) {
    given(subject, version, at, expiresAt, "newsletter");
  }

  private void given(
      SubjectPseudonym subject,
      String version,
      Instant at,
      Optional<Instant> expiresAt,
      String purpose) {
    store.append(
        new ConsentRecord(
            subject,
            purpose,
            ConsentState.GIVEN,
            at,
            version,
            Optional.of(ConsentMethod.API),
            false,
            expiresAt));
  }

  @Test
  void anEmptyStoreHasNoHistory() {
    assertThat(store.history(ADA, "newsletter")).isEmpty();
    assertThat(store.latest(ADA, "newsletter")).isEmpty();
  }

  @Test
  @DisplayName("Art. 8(1), 9(2)(a): a record keeps whether consent was explicit and who gave it")
  void art8_art9_keepsExplicitnessAndGiver() {
    ConsentRecord byParent =
        new ConsentRecord(
            ADA,
            "newsletter",
            ConsentState.GIVEN,
            AT,
            "2025-03",
            Optional.of(ConsentMethod.PAPER),
            false,
            Optional.empty(),
            true,
            ConsentGiver.HOLDER_OF_PARENTAL_RESPONSIBILITY);
    ConsentRecord byChild =
        new ConsentRecord(
            ADA,
            "newsletter",
            ConsentState.GIVEN,
            AT.plusSeconds(1),
            "2025-03",
            Optional.of(ConsentMethod.API),
            false,
            Optional.empty(),
            false,
            ConsentGiver.CHILD);

    store.append(byParent);
    store.append(byChild);

    assertThat(store.history(ADA, "newsletter")).containsExactly(byParent, byChild);
  }

  @Test
  @DisplayName("Art. 7(1): a history keeps every record in the order appended, with every part")
  void keepsEveryRecordInOrder() {
    ConsentRecord given =
        new ConsentRecord(
            ADA,
            "newsletter",
            ConsentState.GIVEN,
            AT,
            "2025-03",
            Optional.of(ConsentMethod.WEB_FORM_OPT_IN),
            true,
            Optional.of(AT.plusSeconds(86_400)));
    ConsentRecord withdrawn = record(ADA, "newsletter", ConsentState.WITHDRAWN, AT.plusSeconds(60));
    ConsentRecord ended =
        new ConsentRecord(
            ADA,
            "newsletter",
            ConsentState.EXPIRED,
            AT.plusSeconds(60),
            "2025-03",
            Optional.empty(),
            false,
            Optional.empty());

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
  @DisplayName(
      "Art. 7(1): a history read earlier does not change, and cannot be changed through it")
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
  @DisplayName(
      "Art. 7(3): a record appended after a latest record that is no longer the latest is refused")
  void appendsAfterTheLatestOnly() {
    ConsentRecord given = record(ADA, "newsletter", ConsentState.GIVEN, AT);
    assertThat(store.appendAfter(given, Optional.empty())).isTrue();
    ConsentRecord withdrawn = record(ADA, "newsletter", ConsentState.WITHDRAWN, AT.plusSeconds(60));

    assertThat(store.appendAfter(withdrawn, Optional.of(given))).isTrue();
    assertThat(
            store.appendAfter(
                record(ADA, "newsletter", ConsentState.WITHDRAWN, AT.plusSeconds(61)),
                Optional.of(given)))
        .as("a second withdrawal that read the same consent")
        .isFalse();
    assertThat(
            store.appendAfter(
                record(ADA, "newsletter", ConsentState.GIVEN, AT.plusSeconds(62)),
                Optional.empty()))
        .as("a first record where there is one")
        .isFalse();

    assertThat(store.history(ADA, "newsletter")).containsExactly(given, withdrawn);
  }

  private static ConsentRecord record(
      SubjectPseudonym subject, String purpose, ConsentState state, Instant at) {
    return new ConsentRecord(
        subject,
        purpose,
        state,
        at,
        "2025-03",
        Optional.of(ConsentMethod.API),
        false,
        Optional.empty());
  }

  @Test
  @DisplayName(
      "Art. 7(1), 13(3): a notice version applies from the day it was first recorded, whoever asks later")
  void art13_3_noticeVersionAppliesFromItsFirstDay() {
    LocalDate first = LocalDate.parse("2026-03-01");

    assertThat(store.noticeVersionAppliesFrom("a1b2c3d4e5f6", first)).contains(first);
    assertThat(store.noticeVersionAppliesFrom("a1b2c3d4e5f6", first.plusDays(30)))
        .as("a later start")
        .contains(first);
    assertThat(store.noticeVersionAppliesFrom("ffeeddccbbaa", first.plusDays(30)))
        .as("a material change")
        .contains(first.plusDays(30));
  }
}
