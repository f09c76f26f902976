package dev.lethe;

import static dev.lethe.testing.club.Club.ADA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.consent.ConsentEvidence;
import dev.lethe.consent.ConsentMethod;
import dev.lethe.law.RestrictionGround;
import dev.lethe.processing.ProcessingDeniedException;
import dev.lethe.rights.SubjectIdentifier;
import dev.lethe.testing.club.Club;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What Lethe logs while it handles a subject's consent, objections and restriction, read back from the test log. */
class NoPersonalDataInLogsTest {

  /** Where slf4j-simple writes in tests, as {@code simplelogger.properties} configures it. */
  private static final Path LOG = Path.of("target", "lethe-tests.log");

  @Test
  @DisplayName("Art. 5(1)(f), 32: a consent, objection and restriction flow logs the subject's pseudonym, never its values")
  void aFullFlowLogsNoPersonalData() throws IOException {
    LoggerFactory.getLogger(NoPersonalDataInLogsTest.class).info("Flow without personal data in logs begins");
    long start = Files.size(LOG);
    Club club = new Club();
    SubjectIdentifier byId = new SubjectIdentifier("member", "id", "7310-4417");
    ConsentEvidence evidence = ConsentEvidence.of("2025-03", ConsentMethod.WEB_FORM_OPT_IN);

    club.ledger.give(ADA, "newsletter", evidence);
    club.ledger.give(ADA, "partner-offers", evidence, Period.ofDays(30));
    club.guard.require(ADA, "newsletter");
    club.ledger.withdraw(ADA, "newsletter", ConsentMethod.EMAIL);
    assertThatThrownBy(() -> club.guard.require(ADA, "newsletter")).isInstanceOf(ProcessingDeniedException.class)
        .message().doesNotContain(ADA.value());
    club.objections.object(byId, "fraud-prevention");
    club.objections.recordCompellingGrounds(byId, "fraud-prevention", "Ada Lovelace's card 4111 had chargebacks");
    club.objections.objectToDirectMarketing(ADA);
    club.restrictions.restrict(club.restrictionRequest(ADA), RestrictionGround.ACCURACY_CONTESTED);
    club.guard.checkStorage(ADA, "membership");
    club.restrictions.lift(ADA);

    byte[] all = Files.readAllBytes(LOG);
    String logged = new String(Arrays.copyOfRange(all, (int) start, all.length), StandardCharsets.UTF_8);
    // It logged the flow, under pseudonyms: so the check below is not vacuous.
    assertThat(logged).contains("Consent WITHDRAWN for purpose 'newsletter'")
        .contains("restricted on ground ACCURACY_CONTESTED")
        .contains(club.audit.pseudonymOf(ADA).hex())
        .contains(club.audit.pseudonymOf(byId).hex());
    assertThat(logged).doesNotContainIgnoringCase(ADA.value()).doesNotContainIgnoringCase("ada@")
        .doesNotContain(byId.value()).doesNotContain("Lovelace").doesNotContain("4111");
  }
}
