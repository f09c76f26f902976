package dev.lethe.processing;

import static dev.lethe.testing.club.Club.ADA;
import static dev.lethe.testing.club.Club.GRACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.consent.ConsentEvidence;
import dev.lethe.consent.ConsentMethod;
import dev.lethe.law.RestrictionGround;
import dev.lethe.processing.Decision.Reason;
import dev.lethe.testing.club.Club;
import java.time.Period;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProcessingGuardTest {

  private static final ConsentEvidence EVIDENCE =
      ConsentEvidence.of("2025-03", ConsentMethod.WEB_FORM_OPT_IN);

  private final Club club = new Club();
  private final ProcessingGuard guard = club.guard;

  @Test
  @DisplayName("Art. 6(1): a purpose the model does not declare has no basis, and is denied")
  void anUndeclaredPurposeIsDenied() {
    assertThat(guard.check(ADA, "profiling"))
        .isEqualTo(new Decision("profiling", Reason.NO_BASIS_DECLARED));
    assertThat(guard.checkStorage(ADA, "profiling").allowed()).isFalse();
  }

  @Test
  @DisplayName(
      "Art. 6(1)(b)-(f): a purpose on a basis other than consent is allowed while nothing stands against it")
  void otherBasesAllow() {
    for (String purpose :
        new String[] {
          "membership",
          "tax",
          "emergencies",
          "fraud-prevention",
          "sports-statistics",
          "event-invitations"
        }) {
      Decision decision = guard.check(ADA, purpose);
      assertThat(decision.allowed()).as(purpose).isTrue();
      assertThat(decision.reason()).isEqualTo(Reason.BASIS_ALLOWS);
      assertThat(decision.article()).isEqualTo("Art. 6(1)");
    }
  }

  @Test
  @DisplayName(
      "Art. 6(1)(a), 7(3): a consent-based purpose is allowed only while consent is current")
  void consentPurposesFollowTheConsent() {
    assertThat(guard.check(ADA, "newsletter").reason()).isEqualTo(Reason.CONSENT_MISSING);
    club.ledger.refuse(ADA, "newsletter", EVIDENCE);
    assertThat(guard.check(ADA, "newsletter").reason()).isEqualTo(Reason.CONSENT_REFUSED);
    club.ledger.give(ADA, "newsletter", EVIDENCE, Period.ofDays(30));
    assertThat(guard.check(ADA, "newsletter"))
        .isEqualTo(new Decision("newsletter", Reason.CONSENT_GIVEN));
    assertThat(guard.check(GRACE, "newsletter").reason()).isEqualTo(Reason.CONSENT_MISSING);
    club.ledger.withdraw(ADA, "newsletter", ConsentMethod.EMAIL);
    assertThat(guard.check(ADA, "newsletter").reason()).isEqualTo(Reason.CONSENT_WITHDRAWN);
    assertThat(guard.check(ADA, "newsletter").article()).isEqualTo("Art. 7(3)");
    club.ledger.give(ADA, "newsletter", EVIDENCE, Period.ofDays(30));
    club.clock.advanceDays(30);
    assertThat(guard.check(ADA, "newsletter").reason()).isEqualTo(Reason.CONSENT_EXPIRED);
  }

  @Test
  @DisplayName("Art. 18(2): while restricted, a subject's data is only stored, for every purpose")
  void aRestrictedSubjectsDataIsOnlyStored() {
    club.ledger.give(ADA, "newsletter", EVIDENCE);
    club.restrictions.restrict(
        club.restrictionRequest(ADA), RestrictionGround.UNLAWFUL_ERASURE_OPPOSED);

    for (String purpose : new String[] {"membership", "newsletter", "tax", "fraud-prevention"}) {
      assertThat(guard.check(ADA, purpose).reason()).as(purpose).isEqualTo(Reason.RESTRICTED);
      assertThat(guard.checkStorage(ADA, purpose).reason())
          .as(purpose)
          .isEqualTo(Reason.STORAGE_ONLY);
    }
    assertThat(guard.checkStorage(ADA, "partner-offers").reason())
        .isEqualTo(Reason.CONSENT_MISSING);
    assertThat(guard.check(GRACE, "membership").reason()).isEqualTo(Reason.BASIS_ALLOWS);

    club.restrictions.lift(ADA);
    assertThat(guard.check(ADA, "membership").reason()).isEqualTo(Reason.BASIS_ALLOWS);
  }

  @Test
  @DisplayName(
      "Art. 21(3): a suppressed contact gets no direct marketing, even with consent, and everything else goes on")
  void aSuppressedContactGetsNoMarketing() {
    club.ledger.give(ADA, "newsletter", EVIDENCE);
    club.ledger.give(ADA, "partner-offers", EVIDENCE);
    club.suppressionList.suppress("email", "Ada@Example.com", "erased on request");

    assertThat(guard.check(ADA, "newsletter").reason()).isEqualTo(Reason.SUPPRESSED);
    assertThat(guard.check(ADA, "event-invitations").reason()).isEqualTo(Reason.SUPPRESSED);
    assertThat(guard.check(ADA, "partner-offers").reason()).isEqualTo(Reason.CONSENT_GIVEN);
    assertThat(guard.check(ADA, "membership").reason()).isEqualTo(Reason.BASIS_ALLOWS);
  }

  @Test
  @DisplayName("Art. 21(1): a standing objection denies its purpose only")
  void anObjectionDeniesItsPurposeOnly() {
    club.objections.object(ADA, "fraud-prevention");

    assertThat(guard.check(ADA, "fraud-prevention"))
        .isEqualTo(new Decision("fraud-prevention", Reason.OBJECTION));
    assertThat(guard.check(ADA, "sports-statistics").allowed()).isTrue();
  }

  @Test
  @DisplayName(
      "Art. 6, 7: require returns an allowing decision and throws, naming the purpose and reason but not the person, otherwise")
  void requireThrowsNamingThePurposeAndReasonButNotThePerson() {
    club.ledger.give(ADA, "newsletter", EVIDENCE);
    assertThat(guard.require(ADA, "newsletter").reason()).isEqualTo(Reason.CONSENT_GIVEN);
    club.ledger.withdraw(ADA, "newsletter", ConsentMethod.EMAIL);

    assertThatThrownBy(() -> guard.require(ADA, "newsletter"))
        .isInstanceOfSatisfying(
            ProcessingDeniedException.class,
            denied ->
                assertThat(denied.decision())
                    .isEqualTo(new Decision("newsletter", Reason.CONSENT_WITHDRAWN)))
        .hasMessage(
            "Processing for purpose 'newsletter' is denied: CONSENT_WITHDRAWN (Art. 7(3)):"
                + " the subject withdrew consent");
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> guard.check(null, "newsletter"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("subject");
    assertThatThrownBy(() -> guard.check(ADA, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("purpose");
    assertThatThrownBy(
            () -> new ProcessingDeniedException(new Decision("membership", Reason.BASIS_ALLOWS)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
