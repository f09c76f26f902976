package dev.lethe.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.ProcessedFor;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SpecialCategory;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.audit.AuditSink;
import dev.lethe.audit.AuditTrail;
import dev.lethe.consent.ConsentEvidence;
import dev.lethe.consent.ConsentGiver;
import dev.lethe.consent.ConsentLedger;
import dev.lethe.consent.ConsentMethod;
import dev.lethe.consent.ConsentRecord;
import dev.lethe.consent.ConsentState;
import dev.lethe.consent.ConsentStore;
import dev.lethe.erasure.SuppressionList;
import dev.lethe.erasure.SuppressionStore;
import dev.lethe.law.Article9Condition;
import dev.lethe.law.LawfulBasis;
import dev.lethe.law.SensitiveCategory;
import dev.lethe.model.ModelProblem;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.objection.Objections;
import dev.lethe.processing.Decision.Reason;
import dev.lethe.restriction.Restrictions;
import dev.lethe.rights.RecipientNotifications;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.testing.MutableClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A sports-medicine app of its own: health data under explicit consent (Art. 9(2)(a)), a volunteer's
 * criminal-record check authorised by law (Art. 10), and a youth membership open to children (Art. 8).
 */
class SensitiveDataAndChildrenTest {

  @DataSubject("athlete")
  @Processing(purpose = "injury-tracking", basis = LawfulBasis.Kind.CONSENT)
  @Processing(purpose = "youth-app", basis = LawfulBasis.Kind.CONSENT)
  static class Athlete {
    @SubjectIdentity("id")
    Long id;

    @SubjectIdentity("email")
    @PersonalData(category = "contact.email")
    String email;
  }

  /** Health data, read only for injury tracking, under explicit consent. */
  @ProcessedFor("injury-tracking")
  static class Injury {
    Athlete athlete;

    @SpecialCategory(
        value = SensitiveCategory.HEALTH,
        condition = Article9Condition.EXPLICIT_CONSENT)
    String diagnosis;
  }

  @DataSubject("volunteer")
  @Processing(
      purpose = "safeguarding",
      basis = LawfulBasis.Kind.LEGAL_OBLIGATION,
      law = "Safeguarding Act 2006")
  static class Volunteer {
    @SubjectIdentity("id")
    Long id;

    @SubjectIdentity("email")
    @PersonalData(category = "contact.email")
    String email;

    @SpecialCategory(
        value = SensitiveCategory.CRIMINAL_CONVICTIONS_AND_OFFENCES,
        authorisedBy = "Safeguarding Vulnerable Groups Act 2006, s. 1")
    String recordCheck;
  }

  /** Health data under explicit consent, read for a purpose on contract: no consent is asked for it. */
  @ProcessedFor("coaching")
  static class FitnessTest {
    Athlete athlete;

    @SpecialCategory(
        value = SensitiveCategory.HEALTH,
        condition = Article9Condition.EXPLICIT_CONSENT)
    String heartCondition;
  }

  @Processing(purpose = "coaching", basis = LawfulBasis.Kind.CONTRACT)
  static class CoachingPlan {
    Athlete athlete;

    @PersonalData(category = "communication.content")
    String plan;
  }

  /** Health data to which no purpose is attributed: neither an Art. 6 basis nor a reason to hold it. */
  static class UnattributedHealth {
    Athlete athlete;

    @SpecialCategory(
        value = SensitiveCategory.HEALTH,
        condition = Article9Condition.HEALTH_OR_SOCIAL_CARE)
    String allergy;
  }

  /** Criminal-offence data without its authorising law, read for safeguarding. */
  @ProcessedFor("safeguarding")
  static class UnauthorisedCheck {
    Volunteer volunteer;

    @SpecialCategory(SensitiveCategory.CRIMINAL_CONVICTIONS_AND_OFFENCES)
    String disclosure;
  }

  static final PersonalDataModel MODEL =
      PersonalDataModel.scan(Athlete.class, Injury.class, Volunteer.class, CoachingPlan.class);
  static final SubjectIdentifier MIA = new SubjectIdentifier("athlete", "email", "mia@example.com");
  static final SubjectIdentifier VOLUNTEER =
      new SubjectIdentifier("volunteer", "email", "vic@example.com");
  static final ConsentEvidence FORM = ConsentEvidence.of("v1", ConsentMethod.WEB_FORM_OPT_IN);

  private final MutableClock clock = MutableClock.at("2025-06-01T09:00:00Z");
  private final AuditTrail audit =
      AuditTrail.of(AuditSink.inMemory(), Pseudonymizer.withKey(new byte[32]), clock);
  private final ConsentStore store = ConsentStore.inMemory();

  private ConsentLedger ledger(int digitalConsentAge) {
    return ConsentLedger.builder(MODEL, audit)
        .store(store)
        .clock(clock)
        .digitalConsentAge(digitalConsentAge)
        .build();
  }

  private final ConsentLedger ledger = ledger(ConsentLedger.DEFAULT_DIGITAL_CONSENT_AGE);
  private final ProcessingGuard guard = guard(ledger);

  private ProcessingGuard guard(ConsentLedger consent) {
    SuppressionList suppression =
        SuppressionList.of(SuppressionStore.inMemory(), Pseudonymizer.withKey(new byte[32]), clock);
    RecipientNotifications notifications =
        RecipientNotifications.builder((recipient, notice) -> {}, audit).clock(clock).build();
    return ProcessingGuard.of(
        MODEL,
        consent,
        Objections.builder(MODEL, audit, suppression).clock(clock).build(),
        Restrictions.builder(MODEL, audit, notifications, (subject, restriction) -> {})
            .clock(clock)
            .build(),
        suppression);
  }

  @Test
  @DisplayName(
      "Art. 9(2)(a): consent not stated to be explicit is refused for a purpose touching health data under explicit consent; nothing is recorded")
  void art9_explicitConsentIsRequired() {
    assertThatThrownBy(() -> ledger.give(MIA, "injury-tracking", FORM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Art. 9(2)(a)")
        .hasMessageContaining("explicitly()")
        .hasMessageNotContaining("mia");

    assertThat(ledger.latest(MIA, "injury-tracking")).isEmpty();
    assertThat(guard.check(MIA, "injury-tracking").reason()).isEqualTo(Reason.CONSENT_MISSING);
    // The same kind of consent suffices for a purpose touching no special categories.
    ledger.give(MIA, "youth-app", FORM);
    assertThat(guard.check(MIA, "youth-app").reason()).isEqualTo(Reason.CONSENT_GIVEN);
  }

  @Test
  @DisplayName(
      "Art. 9(2)(a): consent stored as not explicit, such as before explicitness was recorded, is denied")
  void art9_storedConsentNotExplicitIsDenied() {
    store.append(
        new ConsentRecord(
            audit.pseudonymOf(MIA),
            "injury-tracking",
            ConsentState.GIVEN,
            clock.instant(),
            "v1",
            Optional.of(ConsentMethod.WEB_FORM_OPT_IN),
            false,
            Optional.empty()));

    assertThat(guard.check(MIA, "injury-tracking"))
        .isEqualTo(new Decision("injury-tracking", Reason.EXPLICIT_CONSENT_MISSING));
    assertThat(guard.check(MIA, "injury-tracking").article()).isEqualTo("Art. 9(2)(a)");
  }

  @Test
  @DisplayName("Art. 9(2)(a): explicit consent, recorded as such, allows it until withdrawn")
  void art9_explicitConsentAllowsUntilWithdrawn() {
    ConsentRecord given = ledger.give(MIA, "injury-tracking", FORM.explicitly());

    assertThat(given.explicit()).isTrue();
    assertThat(guard.check(MIA, "injury-tracking").reason()).isEqualTo(Reason.CONSENT_GIVEN);
    ledger.withdraw(MIA, "injury-tracking", ConsentMethod.EMAIL);
    assertThat(guard.check(MIA, "injury-tracking").reason()).isEqualTo(Reason.CONSENT_WITHDRAWN);
  }

  @Test
  @DisplayName(
      "Art. 9(1), 6(1): special-category data needs a purpose with its basis, and explicit consent a purpose on consent; refused at start-up")
  void art9_modelRefusesSensitiveDataWithoutBasisOrConsent() {
    List<ModelProblem> problems =
        PersonalDataModel.builder()
            .add(
                Athlete.class,
                Volunteer.class,
                CoachingPlan.class,
                FitnessTest.class,
                UnattributedHealth.class)
            .validate();

    assertThat(problems)
        .extracting(ModelProblem::kind, ModelProblem::location)
        .containsExactlyInAnyOrder(
            Tuple.tuple(
                ModelProblem.Kind.EXPLICIT_CONSENT_WITHOUT_CONSENT_BASIS,
                FitnessTest.class.getName() + ".heartCondition"),
            Tuple.tuple(
                ModelProblem.Kind.SPECIAL_CATEGORY_WITHOUT_PURPOSE,
                UnattributedHealth.class.getName() + ".allergy"));
    assertThat(problems.get(0).fix()).isNotBlank();
  }

  @Test
  @DisplayName(
      "Art. 10: criminal-offence data without its authorising law is refused at start-up; with it, its purpose goes ahead")
  void art10_criminalDataNeedsItsAuthorisation() {
    List<ModelProblem> problems =
        PersonalDataModel.builder().add(Volunteer.class, UnauthorisedCheck.class).validate();

    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.kind())
                  .isEqualTo(ModelProblem.Kind.SPECIAL_CATEGORY_WITHOUT_CONDITION);
              assertThat(problem.location())
                  .isEqualTo(UnauthorisedCheck.class.getName() + ".disclosure");
              assertThat(problem.problem()).contains("Art. 10");
            });
    assertThat(guard.check(VOLUNTEER, "safeguarding").reason()).isEqualTo(Reason.BASIS_ALLOWS);
  }

  @Test
  @DisplayName(
      "Art. 8(1): a child below 16 cannot consent alone; nothing is recorded, and the message names neither child nor age")
  void art8_childsOwnConsentIsRefused() {
    LocalDate bornOn = LocalDate.of(2011, 6, 2); // 13 the day before turning 14

    assertThatThrownBy(() -> ledger.give(MIA, "youth-app", FORM.withSubjectBornOn(bornOn)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Art. 8(1)")
        .hasMessageContaining("holder of parental responsibility")
        .satisfies(
            thrown -> assertThat(thrown.getMessage()).doesNotContain(MIA.value(), "2011", "13"));
    assertThatThrownBy(() -> ledger.give(MIA, "youth-app", FORM.withSubjectAge(15)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ledger.history(MIA, "youth-app")).isEmpty();
    assertThat(guard.check(MIA, "youth-app").reason()).isEqualTo(Reason.CONSENT_MISSING);
  }

  @Test
  @DisplayName(
      "Art. 8(1): the parent's consent for a child is recorded as such, without the date of birth, and allows processing")
  void art8_parentalConsentIsRecordedAsSuch() {
    ConsentRecord given =
        ledger.give(
            MIA,
            "youth-app",
            FORM.withSubjectBornOn(LocalDate.of(2012, 1, 1)).byHolderOfParentalResponsibility());

    assertThat(given.givenBy()).isEqualTo(ConsentGiver.HOLDER_OF_PARENTAL_RESPONSIBILITY);
    assertThat(given.toString()).doesNotContain("2012");
    assertThat(guard.check(MIA, "youth-app").reason()).isEqualTo(Reason.CONSENT_GIVEN);
    // Sixteen on the day: old enough to consent alone.
    assertThat(
            ledger
                .give(MIA, "youth-app", FORM.withSubjectBornOn(LocalDate.of(2009, 6, 1)))
                .givenBy())
        .isEqualTo(ConsentGiver.SUBJECT);
  }

  @Test
  @DisplayName(
      "Art. 8(1): a child's own consent written to the store by another writer is denied by the guard")
  void art8_guardDeniesAChildsOwnConsentInTheStore() {
    store.append(
        new ConsentRecord(
            audit.pseudonymOf(MIA),
            "youth-app",
            ConsentState.GIVEN,
            clock.instant(),
            "v1",
            Optional.of(ConsentMethod.API),
            false,
            Optional.empty(),
            false,
            ConsentGiver.CHILD));

    Decision decision = guard.check(MIA, "youth-app");

    assertThat(decision.reason()).isEqualTo(Reason.CHILD_CONSENT_WITHOUT_PARENT);
    assertThat(decision.article()).isEqualTo("Art. 8(1)");
  }

  @Property(tries = 200)
  @DisplayName(
      "Art. 8(1): whatever age of digital consent a Member State sets, 13 to 16, a younger subject's own consent is refused and an older one's recorded")
  void art8_theMemberStatesAgeDecides(
      @ForAll @IntRange(min = 13, max = 16) int digitalAge,
      @ForAll @IntRange(min = 0, max = 30) int age) {
    ConsentLedger local = ledger(digitalAge);
    SubjectIdentifier subject =
        new SubjectIdentifier("athlete", "email", "a" + digitalAge + "-" + age + "@example.com");

    if (age < digitalAge) {
      assertThatThrownBy(() -> local.give(subject, "youth-app", FORM.withSubjectAge(age)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(local.state(subject, "youth-app")).isEqualTo(ConsentState.NONE);
    } else {
      assertThat(local.give(subject, "youth-app", FORM.withSubjectAge(age)).givenBy())
          .isEqualTo(ConsentGiver.SUBJECT);
    }
  }

  @Test
  @DisplayName("Art. 8(1): an age of digital consent outside 13 to 16 is refused")
  void art8_ageOutsideTheRangeIsRefused() {
    assertThatThrownBy(() -> ledger(12))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("13 and 16");
    assertThatThrownBy(() -> ledger(17)).isInstanceOf(IllegalArgumentException.class);
  }
}
