package dev.lethe.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.internal.rights.SubjectReports;
import dev.lethe.law.LawfulBasis;
import dev.lethe.model.ModelProblem;
import dev.lethe.model.ModelValidationException;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.readme.Shop;
import dev.lethe.records.PrivacyNotice;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AutomatedDecisionsAndTransfersTest {

  private final PersonalDataModel model = Shop.model();
  private final MutableClock clock = MutableClock.at("2025-01-31T10:00:00Z");
  private final PersonalDataStore store =
      PersonalDataStore.inMemory(model, Pseudonymizer.withRandomKey())
          .add(Shop.customer(1L, "ada@example.com"));
  private final SubjectIdentifier ada =
      new SubjectIdentifier("customer", "email", "ada@example.com");

  @Test
  @DisplayName(
      "Art. 15(1)(h), 15(2): the access report states the automated decision's logic, significance and consequences, and the transfers with their safeguards")
  void art15_accessReportStatesDecisionsAndTransfers() throws IOException {
    SubjectReports reports =
        new SubjectReports(model, store, clock, Shop.controller().transferInformation());
    Article15Information information = reports.access(ada).information();
    assertThat(information.automatedDecisions())
        .singleElement()
        .satisfies(
            decision -> {
              assertThat(decision.purpose()).isEqualTo("credit scoring");
              assertThat(decision.decision().logic())
                  .isEqualTo("Scores the payment history of the last 24 months");
            });
    assertThat(information.transfers())
        .singleElement()
        .satisfies(
            transfer -> {
              assertThat(transfer.recipient()).isEqualTo("ScoreCo");
              assertThat(transfer.article()).isEqualTo("Art. 46(2)(c)");
            });
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    SubjectReportWriter.writeJson(reports.access(ada), json);
    assertThat(json.toString(StandardCharsets.UTF_8))
        .contains("\"significance\":\"Decides whether the customer may pay by invoice\"")
        .contains("\"consequences\":\"Payment by invoice may be refused\"")
        .contains("\"safeguard\":\"Standard contractual clauses\"");
  }

  @Test
  @DisplayName(
      "Art. 15(2): a transfer of a recipient none of the subject's purposes discloses to is not in the report")
  void art15_2_onlyTheSubjectsTransfers() {
    SubjectReports reports =
        new SubjectReports(
            model,
            store,
            clock,
            List.of(
                new Article15Information.TransferInfo(
                    "Elsewhere", "US", "Standard contractual clauses", "Art. 46(2)(c)", "r")));
    assertThat(reports.access(ada).information().transfers()).isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 22(3), 13(2)(f): the notice states each automated decision's logic, significance and consequences and how to contest it")
  void art22_noticeDescribesTheDecision() throws IOException {
    StringWriter notice = new StringWriter();
    PrivacyNotice.of(model, Shop.controller()).writeMarkdown(notice);
    assertThat(notice.toString())
        .contains("## Automated decision-making (Art. 22, Art. 13(2)(f))")
        .contains(
            "| Credit scoring | Scores the payment history of the last 24 months | Decides whether the customer"
                + " may pay by invoice | Payment by invoice may be refused |")
        .contains("give your point of view and contest it (Art. 22(3))");
  }

  @Test
  @DisplayName(
      "Art. 22(2), 13(2)(f): a solely automated decision without its description, or on legitimate interests, is refused at start-up")
  void art22_incompleteDecisionsAreRefused() {
    assertThatThrownBy(() -> PersonalDataModel.scan(Undescribed.class))
        .isInstanceOfSatisfying(
            ModelValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ModelProblem::kind)
                    .containsExactly(
                        ModelProblem.Kind.INCOMPLETE_AUTOMATED_DECISION,
                        ModelProblem.Kind.INCOMPLETE_AUTOMATED_DECISION));
    assertThatThrownBy(() -> PersonalDataModel.scan(Undescribed.class))
        .hasMessageContaining("decisionLogic")
        .hasMessageContaining("Art. 22(2)");
  }

  @Test
  @DisplayName(
      "Art. 22(3), 12(3): a request for human review of an automated decision is due in one month and audited with its purpose")
  void art22_reviewRequest() {
    AuditTrail audit = AuditTrail.inMemory(clock);
    DataSubjectRights rights =
        DataSubjectRights.builder(audit).clock(clock).personalData(model, store).build();
    RightsRequest request = rights.requestHumanReview(ada, "credit scoring", Channel.WEB);
    assertThat(request.type()).isEqualTo(RequestType.AUTOMATED_DECISION_REVIEW);
    assertThat(request.type().article()).isEqualTo("Art. 22");
    assertThat(request.dueDate()).isEqualTo(LocalDate.of(2025, 2, 28));
    assertThat(audit.events().filter(event -> event.type() == AuditEventType.REQUEST_SUBMITTED))
        .singleElement()
        .satisfies(
            event -> assertThat(event.attributes()).containsEntry("purpose", "credit scoring"));
    rights.verify(request.id(), "account-login");
    assertThat(rights.fulfil(request.id()).status()).isEqualTo(RequestStatus.FULFILLED);
  }

  @Test
  @DisplayName(
      "Art. 22(1): a review of a purpose that takes no automated decision is refused, naming those that do")
  void art22_reviewOfAPurposeWithoutAutomatedDecisionIsRefused() {
    DataSubjectRights rights =
        DataSubjectRights.builder(AuditTrail.inMemory(clock))
            .clock(clock)
            .personalData(model, store)
            .build();
    assertThatThrownBy(() -> rights.requestHumanReview(ada, "orders", Channel.WEB))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[credit scoring]");
    assertThat(rights.open()).isEmpty();
  }

  @DataSubject("applicant")
  @Processing(
      purpose = "screening",
      basis = LawfulBasis.Kind.LEGITIMATE_INTERESTS,
      interest = "Hiring",
      assessment = "LIA-1",
      solelyAutomatedDecisions = true)
  static class Undescribed {
    @SubjectIdentity("id")
    Long id;

    @SubjectIdentity("email")
    @PersonalData(category = "contact.email")
    String email;
  }
}
