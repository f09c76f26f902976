package dev.lethe.consent;

import static dev.lethe.testing.club.Club.ADA;
import static dev.lethe.testing.club.Club.GRACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.testing.club.Club;
import java.time.Instant;
import java.time.Period;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConsentLedgerTest {

  private static final ConsentEvidence WEB_FORM =
      ConsentEvidence.of("2025-03", ConsentMethod.WEB_FORM_OPT_IN);

  private final Club club = new Club();
  private final ConsentLedger ledger = club.ledger;

  @Test
  @DisplayName(
      "Art. 7(1): giving consent records the notice version, the method, the bundling and the time, and audits it")
  void givingConsentRecordsWhatDemonstratesIt() {
    ConsentRecord given =
        ledger.give(ADA, "newsletter", new ConsentEvidence("2025-03", ConsentMethod.PAPER, true));

    assertThat(given)
        .isEqualTo(
            new ConsentRecord(
                club.audit.pseudonymOf(ADA),
                "newsletter",
                ConsentState.GIVEN,
                club.clock.instant(),
                "2025-03",
                Optional.of(ConsentMethod.PAPER),
                true,
                Optional.empty()));
    assertThat(ledger.history(ADA, "newsletter")).containsExactly(given);
    assertThat(ledger.state(ADA, "newsletter")).isEqualTo(ConsentState.GIVEN);
    assertThat(club.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.type()).isEqualTo(AuditEventType.CONSENT_GIVEN);
              assertThat(event.subject()).contains(club.audit.pseudonymOf(ADA));
              assertThat(event.attributes())
                  .containsEntry("purpose", "newsletter")
                  .containsEntry("noticeVersion", "2025-03")
                  .containsEntry("method", "PAPER")
                  .containsEntry("bundledWithContract", "true");
            });
  }

  @Test
  @DisplayName(
      "Art. 7(1), 13(3): consents given under an older notice are counted per purpose and version, and their"
          + " subjects paged by the pseudonym the application can compute, to ask them again")
  void art7_consentsGivenUnderAnOlderNoticeAreReported() {
    ledger.give(ADA, "newsletter", WEB_FORM);
    ledger.give(GRACE, "newsletter", ConsentEvidence.of("2025-09", ConsentMethod.API));

    assertThat(ledger.givenUnderOtherNotice("2025-09"))
        .containsExactly(new OutdatedConsents("newsletter", "2025-03", 1));
    assertThat(ledger.subjectsGivenUnderOtherNotice("newsletter", "2025-09", Optional.empty(), 10))
        .containsExactly(club.audit.pseudonymOf(ADA));
    assertThat(ledger.givenUnderOtherNotice("2025-03"))
        .containsExactly(new OutdatedConsents("newsletter", "2025-09", 1));
    ledger.withdraw(ADA, "newsletter", ConsentMethod.EMAIL);
    assertThat(ledger.givenUnderOtherNotice("2025-09")).isEmpty();
    assertThatThrownBy(
            () ->
                ledger.subjectsGivenUnderOtherNotice("newsletter", "2025-09", Optional.empty(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
  }

  @Test
  @DisplayName("Art. 7(3): withdrawing takes one call and ends the consent, keeping the history")
  void withdrawingTakesOneCall() {
    ConsentRecord given = ledger.give(ADA, "newsletter", WEB_FORM);
    club.clock.advanceDays(3);

    ConsentRecord withdrawn = ledger.withdraw(ADA, "newsletter", ConsentMethod.EMAIL);

    assertThat(ledger.state(ADA, "newsletter")).isEqualTo(ConsentState.WITHDRAWN);
    assertThat(ledger.history(ADA, "newsletter")).containsExactly(given, withdrawn);
    assertThat(withdrawn.recordedAt()).isEqualTo(club.clock.instant());
    assertThat(withdrawn.noticeVersion()).isEqualTo("2025-03");
    assertThat(withdrawn.method()).contains(ConsentMethod.EMAIL);
    assertThat(club.events())
        .extracting(AuditEvent::type)
        .containsExactly(AuditEventType.CONSENT_GIVEN, AuditEventType.CONSENT_WITHDRAWN);
  }

  @Test
  @DisplayName(
      "Art. 7(1): consent given for a period expires when the clock reaches its end, without a write")
  void consentGivenForAPeriodExpires() {
    club.clock.set(Instant.parse("2025-01-31T10:00:00Z"));
    ConsentRecord given = ledger.give(ADA, "newsletter", WEB_FORM, Period.ofMonths(1));
    assertThat(given.expiresAt()).contains(Instant.parse("2025-02-28T10:00:00Z"));

    club.clock.set(Instant.parse("2025-02-28T09:59:59Z"));
    assertThat(ledger.state(ADA, "newsletter")).isEqualTo(ConsentState.GIVEN);
    club.clock.set(Instant.parse("2025-02-28T10:00:00Z"));
    assertThat(ledger.state(ADA, "newsletter")).isEqualTo(ConsentState.EXPIRED);

    assertThat(ledger.history(ADA, "newsletter")).containsExactly(given);
    assertThat(club.events()).hasSize(1);
    assertThat(club.events().get(0).attributes())
        .containsEntry("expiresAt", "2025-02-28T10:00:00Z");
  }

  @Test
  @DisplayName(
      "Art. 7(1): the controller can end consent, such as after the notice changed, and consent can be given again")
  void theControllerCanEndConsent() {
    ledger.give(ADA, "newsletter", WEB_FORM);

    ConsentRecord ended = ledger.expire(ADA, "newsletter");

    assertThat(ended.state()).isEqualTo(ConsentState.EXPIRED);
    assertThat(ended.method()).isEmpty();
    assertThat(ledger.state(ADA, "newsletter")).isEqualTo(ConsentState.EXPIRED);
    ledger.give(ADA, "newsletter", ConsentEvidence.of("2025-04", ConsentMethod.EMAIL));
    assertThat(ledger.state(ADA, "newsletter")).isEqualTo(ConsentState.GIVEN);
  }

  @Test
  @DisplayName("Art. 7(1): a refusal is recorded, and a later consent supersedes it")
  void aRefusalIsRecorded() {
    ledger.refuse(ADA, "partner-offers", ConsentEvidence.of("2025-03", ConsentMethod.VERBAL));
    assertThat(ledger.state(ADA, "partner-offers")).isEqualTo(ConsentState.REFUSED);

    ledger.give(ADA, "partner-offers", WEB_FORM);

    assertThat(ledger.state(ADA, "partner-offers")).isEqualTo(ConsentState.GIVEN);
    assertThat(club.events())
        .extracting(AuditEvent::type)
        .containsExactly(AuditEventType.CONSENT_REFUSED, AuditEventType.CONSENT_GIVEN);
  }

  @Test
  @DisplayName("Art. 6(1)(a): each subject and purpose has its own state, NONE until asked")
  void eachSubjectAndPurposeHasItsOwnState() {
    ledger.give(ADA, "newsletter", WEB_FORM);

    assertThat(ledger.state(ADA, "partner-offers")).isEqualTo(ConsentState.NONE);
    assertThat(ledger.state(GRACE, "newsletter")).isEqualTo(ConsentState.NONE);
    assertThat(ledger.state(new SubjectIdentifier("member", "id", "42"), "newsletter"))
        .isEqualTo(ConsentState.NONE);
  }

  @Test
  @DisplayName(
      "Art. 4(5): the store and the audit hold the subject's pseudonym, never the e-mail address")
  void theStoreHoldsPseudonymsOnly() {
    ledger.give(ADA, "newsletter", WEB_FORM);
    ledger.withdraw(ADA, "newsletter", ConsentMethod.API);

    assertThat(club.consentStore.history(club.audit.pseudonymOf(ADA), "newsletter"))
        .hasSize(2)
        .allSatisfy(record -> assertThat(record.toString()).doesNotContain(ADA.value()));
    assertThat(club.events())
        .allSatisfy(event -> assertThat(event.toString()).doesNotContain(ADA.value()));
  }

  @Test
  @DisplayName(
      "Art. 6(1)(a): consent to a purpose on another basis is refused, naming it, and nothing is recorded")
  void consentOnlyForConsentPurposes() {
    club.assertRefusedWithoutChange(
        () -> ledger.give(ADA, "membership", WEB_FORM),
        IllegalArgumentException.class,
        "Purpose 'membership' rests on Performance of a contract (Art. 6(1)(b))");
    club.assertRefusedWithoutChange(
        () -> ledger.refuse(ADA, "fraud-prevention", WEB_FORM),
        IllegalArgumentException.class,
        "'fraud-prevention' rests on Legitimate interests");
    club.assertRefusedWithoutChange(
        () -> ledger.state(ADA, "tax"), IllegalArgumentException.class, "'tax'");
  }

  @Test
  @DisplayName(
      "Art. 6(1)(a): consent to an unknown purpose is refused, naming it, and nothing is recorded")
  void unknownPurposesAreRefused() {
    club.assertRefusedWithoutChange(
        () -> ledger.give(ADA, "newsletters", WEB_FORM),
        IllegalArgumentException.class,
        "No purpose 'newsletters' is declared");
    club.assertRefusedWithoutChange(
        () -> ledger.withdraw(ADA, "newsletters", ConsentMethod.EMAIL),
        IllegalArgumentException.class,
        "'newsletters'");
  }

  @Test
  @DisplayName(
      "Art. 7(3): withdrawing without a current consent is refused and nothing is recorded")
  void withdrawingWithoutConsentIsRefused() {
    club.assertRefusedWithoutChange(
        () -> ledger.withdraw(ADA, "newsletter", ConsentMethod.EMAIL),
        IllegalStateException.class,
        "consent to purpose 'newsletter' is NONE, not GIVEN");

    ledger.give(ADA, "newsletter", WEB_FORM, Period.ofDays(1));
    club.clock.advanceDays(1);
    club.assertRefusedWithoutChange(
        () -> ledger.withdraw(ADA, "newsletter", ConsentMethod.EMAIL),
        IllegalStateException.class,
        "is EXPIRED, not GIVEN");
    club.assertRefusedWithoutChange(
        () -> ledger.expire(ADA, "newsletter"), IllegalStateException.class, "EXPIRED");
  }

  @Test
  void badArgumentsAreRefusedAndNothingIsRecorded() {
    club.assertRefusedWithoutChange(
        () -> ledger.give(null, "newsletter", WEB_FORM), NullPointerException.class, "subject");
    club.assertRefusedWithoutChange(
        () -> ledger.withdraw(null, "newsletter", ConsentMethod.EMAIL),
        NullPointerException.class,
        "subject");
    club.assertRefusedWithoutChange(
        () -> ledger.give(ADA, "newsletter", WEB_FORM, Period.ZERO),
        IllegalArgumentException.class,
        "must be positive");
    club.assertRefusedWithoutChange(
        () -> ledger.give(ADA, null, WEB_FORM), NullPointerException.class, "purpose");
  }

  @Test
  void aConsentRecordRefusesImpossibleCombinations() {
    Instant at = Instant.parse("2025-03-03T09:00:00Z");
    var subject = club.audit.pseudonymOf(ADA);
    assertThatThrownBy(
            () ->
                new ConsentRecord(
                    subject,
                    "newsletter",
                    ConsentState.NONE,
                    at,
                    "v1",
                    Optional.of(ConsentMethod.API),
                    false,
                    Optional.empty()))
        .hasMessageContaining("NONE");
    assertThatThrownBy(
            () ->
                new ConsentRecord(
                    subject,
                    "newsletter",
                    ConsentState.WITHDRAWN,
                    at,
                    "v1",
                    Optional.of(ConsentMethod.API),
                    false,
                    Optional.of(at.plusSeconds(1))))
        .hasMessageContaining("expiry");
    assertThatThrownBy(
            () ->
                new ConsentRecord(
                    subject,
                    "newsletter",
                    ConsentState.GIVEN,
                    at,
                    "v1",
                    Optional.of(ConsentMethod.API),
                    false,
                    Optional.of(at)))
        .hasMessageContaining("after");
    assertThatThrownBy(
            () ->
                new ConsentRecord(
                    subject,
                    "newsletter",
                    ConsentState.EXPIRED,
                    at,
                    "v1",
                    Optional.of(ConsentMethod.API),
                    false,
                    Optional.empty()))
        .hasMessageContaining("method");
  }
}
