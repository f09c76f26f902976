package dev.lethe;

import static dev.lethe.testing.club.Club.ADA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.consent.ConsentEvidence;
import dev.lethe.consent.ConsentMethod;
import dev.lethe.law.RestrictionGround;
import dev.lethe.processing.ProcessingDeniedException;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.testing.TestLog;
import dev.lethe.testing.club.Club;
import java.time.Period;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What Lethe logs while it handles a subject's consent, objections and restriction, read back from the test log. */
class NoPersonalDataInLogsTest {

  @Test
  @DisplayName(
      "Art. 5(1)(f), 32: a consent, objection and restriction flow logs the subject's pseudonym, never its values")
  void aFullFlowLogsNoPersonalData() {
    TestLog log = TestLog.mark();
    Club club = new Club();
    SubjectIdentifier byId = new SubjectIdentifier("member", "id", "7310-4417");
    ConsentEvidence evidence = ConsentEvidence.of("2025-03", ConsentMethod.WEB_FORM_OPT_IN);

    club.ledger.give(ADA, "newsletter", evidence);
    club.ledger.give(ADA, "partner-offers", evidence, Period.ofDays(30));
    club.guard.require(ADA, "newsletter");
    club.ledger.withdraw(ADA, "newsletter", ConsentMethod.EMAIL);
    assertThatThrownBy(() -> club.guard.require(ADA, "newsletter"))
        .isInstanceOf(ProcessingDeniedException.class)
        .message()
        .doesNotContain(ADA.value());
    club.objections.object(byId, "fraud-prevention");
    club.objections.recordCompellingGrounds(
        byId, "fraud-prevention", "Ada Lovelace's card 4111 had chargebacks");
    club.objections.objectToDirectMarketing(ADA);
    club.restrictions.restrict(club.restrictionRequest(ADA), RestrictionGround.ACCURACY_CONTESTED);
    club.guard.checkStorage(ADA, "membership");
    club.restrictions.lift(ADA);

    String logged = log.since();
    // It logged the flow, under pseudonyms: so the check below is not vacuous.
    assertThat(logged)
        .contains("Consent WITHDRAWN for purpose 'newsletter'")
        .contains("restricted on ground ACCURACY_CONTESTED")
        .contains(club.audit.pseudonymOf(ADA).hex())
        .contains(club.audit.pseudonymOf(byId).hex());
    assertThat(logged)
        .doesNotContainIgnoringCase(ADA.value())
        .doesNotContainIgnoringCase("ada@")
        .doesNotContain(byId.value())
        .doesNotContain("Lovelace")
        .doesNotContain("4111");
  }
}
