package dev.lethe.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditSink;
import dev.lethe.audit.AuditTrail;
import dev.lethe.consent.ConsentEvidence;
import dev.lethe.consent.ConsentLedger;
import dev.lethe.consent.ConsentMethod;
import dev.lethe.erasure.SuppressionList;
import dev.lethe.erasure.SuppressionStore;
import dev.lethe.law.ErasureGround;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectPseudonym;
import dev.lethe.tck.shop.Shop;
import dev.lethe.testing.MutableClock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A subject's pseudonym follows the model's comparison of its identity (decision 0017): an e-mail
 * written in another case or with spaces names the same person, so it gives the same pseudonym in
 * the audit, the consent ledger and the suppression list (Art. 4(5), 12(2)).
 */
class OnePersonOnePseudonymTest {

  private static final byte[] KEY = new byte[32];

  private final MutableClock clock = MutableClock.at("2026-01-31T09:00:00Z");
  private final PersonalDataModel model = Shop.model();
  private final Pseudonymizer pseudonymizer =
      Pseudonymizer.withKey(KEY).withIdentityMatch(model::identityMatch);
  private final AuditTrail audit = AuditTrail.of(AuditSink.inMemory(), pseudonymizer, clock);
  private final SuppressionList suppression =
      SuppressionList.of(SuppressionStore.inMemory(), pseudonymizer, clock);
  private final PersonalDataStore store =
      PersonalDataStore.inMemory(model, pseudonymizer).add(Shop.population(3, 2).toArray());
  private final DataSubjectRights rights =
      DataSubjectRights.builder(audit)
          .clock(clock)
          .personalData(model, store)
          .suppressAfterErasure(suppression)
          .build();

  @Test
  @DisplayName(
      "Art. 4(5), 17: an erasure asked as ' Customer2@Example.COM ' is audited under the pseudonym of customer2@example.com, and the suppression list agrees")
  void theAuditAndTheSuppressionListAgreeWhateverTheCase() {
    RightsRequest request =
        rights.submit(
            RequestType.ERASURE,
            new SubjectIdentifier("customer", "email", " Customer2@Example.COM "),
            Channel.EMAIL);
    rights.verify(request.id(), "id-document");
    rights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);

    SubjectPseudonym lowerCase =
        audit.pseudonymOf(new SubjectIdentifier("customer", "email", "customer2@example.com"));
    assertThat(events())
        .filteredOn(event -> event.type() == AuditEventType.SUBJECT_ERASED)
        .singleElement()
        .satisfies(event -> assertThat(event.subject()).contains(lowerCase));
    assertThat(events())
        .filteredOn(event -> event.subject().isPresent())
        .as("every event of the request names one subject")
        .allSatisfy(event -> assertThat(event.subject()).contains(lowerCase));
    assertThat(suppression.isSuppressed("email", "customer2@example.com")).isTrue();
    assertThat(suppression.isSuppressed("email", "CUSTOMER2@EXAMPLE.COM")).isTrue();
    assertThat(rights.find(request.id()).orElseThrow().subject().value())
        .as("the request keeps the same pseudonym in place of the identity")
        .isEqualTo("erased:" + lowerCase.hex());
  }

  @Test
  @DisplayName("Art. 7(1): consent given as Ada@Example.com is the consent of ada@example.com")
  void consentIsFoundWhateverTheCase() {
    ConsentLedger ledger = ConsentLedger.builder(model, audit).clock(clock).build();

    ledger.give(
        new SubjectIdentifier("customer", "email", "Ada@Example.com"),
        "newsletter",
        ConsentEvidence.of("2026-01", ConsentMethod.WEB_FORM_OPT_IN));

    assertThat(
            ledger.history(
                new SubjectIdentifier("customer", "email", "ada@example.com "), "newsletter"))
        .hasSize(1);
  }

  @Test
  @DisplayName(
      "An identity compared exactly keeps case apart, and without the model's comparison values are hashed as written")
  void exactIdentitiesAndThePlainPseudonymizerKeepCase() {
    assertThat(pseudonymizer.pseudonymize(new SubjectIdentifier("customer", "id", "A7")))
        .isNotEqualTo(pseudonymizer.pseudonymize(new SubjectIdentifier("customer", "id", "a7")));
    Pseudonymizer plain = Pseudonymizer.withKey(KEY);
    assertThat(plain.pseudonymize(new SubjectIdentifier("customer", "email", "Ada@x.example")))
        .as("pseudonyms written before this change differ for mixed-case e-mails")
        .isNotEqualTo(
            plain.pseudonymize(new SubjectIdentifier("customer", "email", "ada@x.example")));
    assertThat(plain.pseudonymize(new SubjectIdentifier("customer", "email", "ada@x.example")))
        .as("a lower-case, trimmed value keeps its pseudonym")
        .isEqualTo(
            pseudonymizer.pseudonymize(
                new SubjectIdentifier("customer", "email", "ada@x.example")));
  }

  private List<AuditEvent> events() {
    try (Stream<AuditEvent> events = audit.events()) {
      return events.toList();
    }
  }
}
