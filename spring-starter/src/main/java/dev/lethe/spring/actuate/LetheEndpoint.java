package dev.lethe.spring.actuate;

import dev.lethe.audit.AuditCheckpoint;
import dev.lethe.audit.AuditTrail;
import dev.lethe.breach.BreachRegister;
import dev.lethe.erasure.OtherCopy;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.records.ImpactAssessment;
import dev.lethe.records.ProcessingActivity;
import dev.lethe.records.RecordOfProcessing;
import dev.lethe.records.RiskIndicator;
import dev.lethe.request.RightsRequest;
import dev.lethe.retention.RetentionReport;
import dev.lethe.retention.RetentionRunLog;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxCounts;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code lethe} actuator endpoint: what the model declares, the Art. 30 record, open and overdue
 * rights requests (Art. 12(3)), the latest retention runs and the audit chain's checkpoint (Art. 5(2)), and
 * how many outbox notices are pending or dead (Art. 19), and the copies of personal data the store found
 * at start-up and its erasure cannot reach (Art. 17(1), 17(2)), the data protection impact
 * assessment's indicators and open questions (Art. 35) and the breaches whose 72 hours to notify the
 * authority have passed (Art. 33(1)). Requests are shown by id,
 * type, status and due date only: never by the subject's identity.
 */
@Endpoint(id = "lethe")
public final class LetheEndpoint {

  private static final int RETENTION_RUNS = 5;

  private final PersonalDataModel model;
  private final RecordOfProcessing record;
  private final DataSubjectRights rights;
  private final RetentionRunLog runLog;
  private final Outbox outbox;
  private final Clock clock;
  private final AuditTrail audit;
  private final ImpactAssessment impactAssessment;
  private final BreachRegister breaches;

  /** An endpoint over the application's Lethe beans. */
  public LetheEndpoint(
      PersonalDataModel model,
      RecordOfProcessing record,
      DataSubjectRights rights,
      RetentionRunLog runLog,
      Outbox outbox,
      Clock clock,
      AuditTrail audit,
      ImpactAssessment impactAssessment,
      BreachRegister breaches) {
    this.impactAssessment = impactAssessment;
    this.breaches = breaches;
    this.audit = audit;
    this.model = model;
    this.record = record;
    this.rights = rights;
    this.runLog = runLog;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** The summary. */
  @ReadOperation
  public Summary summary() {
    LocalDate today = LocalDate.now(clock);
    List<RequestSummary> open =
        rights.open().stream()
            .map(
                request ->
                    RequestSummary.of(request, today, rights.outstandingRecipients(request.id())))
            .toList();
    return new Summary(
        model.subjectTypes().stream()
            .map(
                type ->
                    new SubjectTypeSummary(
                        type.name(),
                        type.root().getSimpleName(),
                        List.copyOf(type.identities().keySet()),
                        model.entitiesOf(type.name()).stream()
                            .map(EntityDescriptor::name)
                            .toList()))
            .toList(),
        model.purposes().stream()
            .map(
                purpose ->
                    new PurposeSummary(
                        purpose.name(),
                        purpose.basis().kind().title(),
                        purpose.basis().kind().article(),
                        purpose.recipients()))
            .toList(),
        record.activities(),
        open,
        open.stream().filter(RequestSummary::overdue).count(),
        runLog.latest(RETENTION_RUNS),
        outbox.counts(),
        audit.checkpoint(),
        record.otherCopies(),
        new ImpactAssessmentSummary(
            impactAssessment.likelyRequired(),
            impactAssessment.indicators(),
            impactAssessment.openQuestions()),
        breaches.overdue().stream().map(breach -> breach.id().toString()).toList());
  }

  /**
   * What the endpoint shows.
   *
   * @param subjectTypes the subject types and their entities
   * @param purposes the purposes with their bases and recipients
   * @param recordOfProcessing the Art. 30(1) activities
   * @param openRequests the open requests, earliest due first
   * @param overdueRequests how many open requests are past their due date
   * @param retentionRuns the latest retention runs, newest first
   * @param outbox how many outbox notices are pending and dead (Art. 19); dead ones wait for an administrator
   * @param auditCheckpoint the audit chain's latest committed head this replica knows: keep it
   *     outside the database, to verify the chain against after a restart (Art. 5(2))
   * @param otherCopies the copies of personal data the store found at start-up and its erasure cannot
   *     reach, accepted ones included, each with why and what to do (Art. 17(1), 17(2), 30(1))
   * @param impactAssessment the data protection impact assessment's scaffold (Art. 35)
   * @param overdueBreaches the ids of the breaches the authority is not notified of within 72 hours (Art. 33(1))
   */
  public record Summary(
      List<SubjectTypeSummary> subjectTypes,
      List<PurposeSummary> purposes,
      List<ProcessingActivity> recordOfProcessing,
      List<RequestSummary> openRequests,
      long overdueRequests,
      List<RetentionReport> retentionRuns,
      OutboxCounts outbox,
      AuditCheckpoint auditCheckpoint,
      List<OtherCopy> otherCopies,
      ImpactAssessmentSummary impactAssessment,
      List<String> overdueBreaches) {}

  /**
   * The data protection impact assessment's scaffold (Art. 35); its document is {@code ImpactAssessment.writeMarkdown}.
   *
   * @param likelyRequired whether the indicators make an assessment likely required (Art. 35(1), 35(3))
   * @param indicators the high-risk indicators found in the code
   * @param openQuestions what the controller must answer to complete it
   */
  public record ImpactAssessmentSummary(
      boolean likelyRequired, List<RiskIndicator> indicators, List<String> openQuestions) {}

  /**
   * A subject type.
   *
   * @param name its name
   * @param root its root entity
   * @param identities the identities a request may name it by
   * @param entities the entities holding its data
   */
  public record SubjectTypeSummary(
      String name, String root, List<String> identities, List<String> entities) {}

  /**
   * A purpose.
   *
   * @param name its name
   * @param basis its lawful basis
   * @param article the basis's article
   * @param recipients who receives the data
   */
  public record PurposeSummary(
      String name, String basis, String article, List<String> recipients) {}

  /**
   * An open request, without its subject.
   *
   * @param id the request id
   * @param type the right exercised
   * @param status where it stands
   * @param dueDate when it is due (Art. 12(3))
   * @param overdue whether it is past due
   * @param outstandingRecipients the participant services that have not acknowledged the change passed
   *     on to them (Art. 17(2), 19): the request cannot complete before they do
   */
  public record RequestSummary(
      String id,
      String type,
      String status,
      LocalDate dueDate,
      boolean overdue,
      List<String> outstandingRecipients) {

    static RequestSummary of(
        RightsRequest request, LocalDate today, List<String> outstandingRecipients) {
      return new RequestSummary(
          request.id().toString(),
          request.type().name(),
          request.status().name(),
          request.dueDate(),
          request.isOverdue(today),
          outstandingRecipients);
    }
  }
}
