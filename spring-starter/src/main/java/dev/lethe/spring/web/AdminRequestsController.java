package dev.lethe.spring.web;

import static dev.lethe.spring.web.Bodies.required;

import dev.lethe.law.ErasureGround;
import dev.lethe.law.RestrictionGround;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.objection.Objection;
import dev.lethe.objection.Objections;
import dev.lethe.request.Channel;
import dev.lethe.request.RejectionReason;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.restriction.Restriction;
import dev.lethe.restriction.Restrictions;
import dev.lethe.rights.Acknowledgements;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.UnknownRequestException;
import dev.lethe.spi.Transactions;
import dev.lethe.spring.LetheProperties;
import dev.lethe.subject.SubjectIdentifier;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The controller's desk for rights requests (Art. 12), under {@code {lethe.web.base-path}/admin/requests}:
 * receive a request, confirm the subject's identity (Art. 12(6)), extend the deadline once (Art.
 * 12(3)), refuse with reasons (Art. 12(4), (5)) or cancel, fulfil it by erasing (Art. 17),
 * downloading the subject's report (Art. 15, 20), rectifying (Art. 16), restricting processing (Art.
 * 18) or recording the objection (Art. 21), and close it once the subject is told. Every endpoint
 * requires the role {@code lethe.web.admin-role}. A submission identical to an open request of the
 * subject is answered with that request (200), not stored twice.
 */
@RestController
@RequestMapping("/admin/requests")
public final class AdminRequestsController {

  private final DataSubjectRights rights;
  private final Acknowledgements acknowledgements;
  private final Restrictions restrictions;
  private final Objections objections;
  private final PersonalDataModel model;
  private final Transactions transactions;
  private final RequestIntake intake;
  private final LetheProperties.WebProperties web;
  private final Limits limits;
  private final Callers callers;

  AdminRequestsController(
      DataSubjectRights rights,
      Acknowledgements acknowledgements,
      Restrictions restrictions,
      Objections objections,
      PersonalDataModel model,
      Transactions transactions,
      RequestIntake intake,
      LetheProperties.WebProperties web,
      Callers callers) {
    this.rights = rights;
    this.acknowledgements = acknowledgements;
    this.restrictions = restrictions;
    this.objections = objections;
    this.model = model;
    this.transactions = transactions;
    this.intake = intake;
    this.web = web;
    this.limits = new Limits(web);
    this.callers = callers;
  }

  /**
   * A request received by the controller (Art. 12(3)): its deadline runs from today.
   *
   * @param type what the subject asks for
   * @param subjectType the subject's type; {@code lethe.web.subject-type} if left out
   * @param identity the identity the subject is named by; {@code lethe.web.identity} if left out
   * @param value the identity's value
   * @param channel how the request arrived
   * @param purpose for {@code AUTOMATED_DECISION_REVIEW} only, and required there: the purpose whose
   *     solely automated decision the subject contests (Art. 22(3))
   */
  public record Submission(
      @Nullable RequestType type,
      @Nullable String subjectType,
      @Nullable String identity,
      @Nullable String value,
      @Nullable Channel channel,
      @Nullable String purpose) {}

  /**
   * How the subject's identity was confirmed (Art. 12(6)).
   *
   * @param method such as {@code id-document}: a label, never the evidence
   */
  public record Verification(@Nullable String method) {}

  /**
   * The single extension of the deadline (Art. 12(3)).
   *
   * @param period the extension, an ISO-8601 period of at most two months, such as {@code P2M} (Art. 12(3))
   * @param reason why: the complexity or number of requests, to be told to the subject
   */
  public record Extension(@Nullable String period, @Nullable String reason) {}

  /**
   * A refusal to act (Art. 12(4), (5)).
   *
   * @param reason the Art. 12(5)(b) ground
   * @param explanation why, for the subject (Art. 12(4))
   */
  public record Rejection(@Nullable RejectionReason reason, @Nullable String explanation) {}

  /**
   * Why a request completes without the receipts of participants still outstanding (Art. 5(2), 19).
   *
   * @param reason recorded in the audit: name no one
   */
  public record Closing(@Nullable String reason) {}

  /**
   * How to fulfil an erasure request (Art. 17).
   *
   * @param ground the Art. 17(1) ground
   */
  public record Erasure(@Nullable ErasureGround ground) {}

  /**
   * Cancels a request without action, such as when the subject withdraws it.
   *
   * @param reason why, kept with the request
   */
  public record Cancellation(@Nullable String reason) {}

  /**
   * The corrections a rectification request asks for (Art. 16).
   *
   * @param corrections attribute name to its new value, applied to every row of the subject holding
   *     the attribute; {@code null} clears it
   */
  public record Corrections(@Nullable Map<String, @Nullable Object> corrections) {}

  /**
   * A rectification carried out (Art. 16).
   *
   * @param request the request, now fulfilled
   * @param rowsCorrected how many rows were corrected
   */
  public record Rectified(RequestView request, long rowsCorrected) {}

  /**
   * How to restrict processing for a restriction request (Art. 18(1)).
   *
   * @param ground the Art. 18(1) ground
   * @param until when the controller plans to lift it, such as the end of an accuracy check; it
   *     stands until lifted all the same (Art. 18(3))
   */
  public record Restricting(@Nullable RestrictionGround ground, @Nullable Instant until) {}

  /**
   * The purpose an objection request objects to (Art. 21).
   *
   * @param purpose a purpose on legitimate interests or a public task, or a direct-marketing purpose
   */
  public record Objecting(@Nullable String purpose) {}

  /**
   * Receives a request; 201 with its location and deadline, or 200 with the subject's open request
   * of the same type when there is one (Art. 12(2)). A request for human review of an automated
   * decision (Art. 22(3)) names the purpose that took it, which must take solely automated decisions
   * (400 otherwise); a person reviews the decision and then fulfils the request.
   */
  @PostMapping
  public ResponseEntity<RequestView> submit(HttpServletRequest http, @RequestBody Submission body) {
    callers.requireAdmin(http);
    RequestType type = required(body.type(), "type");
    Channel channel = required(body.channel(), "channel");
    SubjectIdentifier subject =
        limits.identity(
            new SubjectIdentifier(
                Objects.requireNonNullElse(body.subjectType(), web.subjectType()),
                Objects.requireNonNullElse(body.identity(), web.identity()),
                required(body.value(), "value")),
            "value");
    if (body.purpose() != null && type != RequestType.AUTOMATED_DECISION_REVIEW) {
      throw new IllegalArgumentException(
          "The field 'purpose' belongs to AUTOMATED_DECISION_REVIEW requests only");
    }
    RequestIntake.Intake intake =
        type == RequestType.AUTOMATED_DECISION_REVIEW
            ? this.intake.review(subject, limits.label(body.purpose(), "purpose"), channel, false)
            : this.intake.admin(type, subject, channel);
    URI location =
        ServletUriComponentsBuilder.fromCurrentRequest()
            .path("/{id}")
            .buildAndExpand(intake.request().id())
            .toUri();
    return intake.created()
        ? ResponseEntity.created(location).body(view(intake.request()))
        : ResponseEntity.ok().location(location).body(view(intake.request()));
  }

  /** Every open request, earliest due first, with its deadline and whether it passed (Art. 12(3)). */
  @GetMapping
  public List<RequestView> open(HttpServletRequest http) {
    callers.requireAdmin(http);
    Set<RequestId> overdue = overdue();
    return rights.open().stream()
        .map(
            request ->
                RequestView.of(
                    request,
                    overdue.contains(request.id()),
                    rights.outstandingRecipients(request.id())))
        .toList();
  }

  /** One request. */
  @GetMapping("/{id}")
  public RequestView get(HttpServletRequest http, @PathVariable UUID id) {
    callers.requireAdmin(http);
    RequestId requestId = new RequestId(id);
    return view(rights.find(requestId).orElseThrow(() -> new UnknownRequestException(requestId)));
  }

  /** Records that the subject's identity was confirmed (Art. 12(6)). */
  @PostMapping("/{id}/verify")
  public RequestView verify(
      HttpServletRequest http, @PathVariable UUID id, @RequestBody Verification body) {
    callers.requireAdmin(http);
    return view(rights.verify(new RequestId(id), limits.label(body.method(), "method")));
  }

  /** Extends the deadline once, by up to two months, with the reason (Art. 12(3)). */
  @PostMapping("/{id}/extend")
  public RequestView extend(
      HttpServletRequest http, @PathVariable UUID id, @RequestBody Extension body) {
    callers.requireAdmin(http);
    return view(
        rights.extend(
            new RequestId(id),
            Bodies.period(body.period(), "period"),
            limits.reason(body.reason(), "reason")));
  }

  /** Refuses to act, as manifestly unfounded or excessive, with the explanation (Art. 12(4), (5)). */
  @PostMapping("/{id}/reject")
  public RequestView reject(
      HttpServletRequest http, @PathVariable UUID id, @RequestBody Rejection body) {
    callers.requireAdmin(http);
    return view(
        rights.reject(
            new RequestId(id),
            required(body.reason(), "reason"),
            limits.reason(body.explanation(), "explanation")));
  }

  /**
   * Records that a request Lethe does not carry out itself was acted upon; 409 for a restriction or
   * objection request until it is carried out with {@code /restrict} or {@code /object} (Art. 18, 21).
   */
  @PostMapping("/{id}/fulfil")
  public RequestView fulfil(HttpServletRequest http, @PathVariable UUID id) {
    callers.requireAdmin(http);
    return view(rights.fulfil(new RequestId(id)));
  }

  /** Fulfils an erasure request on its Art. 17(1) ground; the receipt says what was erased and what was kept. */
  @PostMapping("/{id}/erase")
  public ReceiptView erase(
      HttpServletRequest http, @PathVariable UUID id, @RequestBody Erasure body) {
    callers.requireAdmin(http);
    return ReceiptView.of(rights.erase(new RequestId(id), required(body.ground(), "ground")));
  }

  /**
   * Asks every participant service for its share of the subject's data (Art. 15): the report
   * downloaded afterwards holds each one, once all have answered (409 before, naming who is missing).
   */
  @PostMapping("/{id}/collect")
  public RequestView collect(HttpServletRequest http, @PathVariable UUID id) {
    callers.requireAdmin(http);
    return view(rights.collectAccess(new RequestId(id)));
  }

  /**
   * Fulfils an access (Art. 15) or portability (Art. 20) request: the subject's report as a ZIP of
   * JSON and CSV, streamed. Once fulfilled, a request cannot be downloaded again.
   */
  @GetMapping("/{id}/report")
  public ResponseEntity<StreamingResponseBody> report(
      HttpServletRequest http, @PathVariable UUID id) {
    callers.requireAdmin(http);
    RequestId requestId = new RequestId(id);
    return ReportResponses.zip(requestId, rights.access(requestId), () -> {});
  }

  /**
   * Records that the subject was told of the action taken, closing the request (Art. 12(3)); 409 while
   * a participant service has not acknowledged the change passed on to it (Art. 19), naming it.
   */
  @PostMapping("/{id}/complete")
  public RequestView complete(HttpServletRequest http, @PathVariable UUID id) {
    callers.requireAdmin(http);
    return view(rights.complete(new RequestId(id)));
  }

  /**
   * Where each participant service stands with the changes of the request passed on to it (Art.
   * 17(2), 19): pending, acknowledged with its receipt, failed with the failure's type, dead, or closed.
   */
  @GetMapping("/{id}/recipients")
  public List<RecipientView> recipients(HttpServletRequest http, @PathVariable UUID id) {
    callers.requireAdmin(http);
    RequestId requestId = new RequestId(id);
    rights.find(requestId).orElseThrow(() -> new UnknownRequestException(requestId));
    return acknowledgements.forRequest(requestId).stream().map(RecipientView::of).toList();
  }

  /**
   * Completes the request although participants have not acknowledged, closing their parts with the
   * reason, which the audit records (Art. 5(2), 19).
   */
  @PostMapping("/{id}/complete-without-acknowledgements")
  public RequestView completeWithoutAcknowledgements(
      HttpServletRequest http, @PathVariable UUID id, @RequestBody Closing body) {
    callers.requireAdmin(http);
    return view(
        rights.completeWithoutAcknowledgements(
            new RequestId(id), limits.reason(body.reason(), "reason")));
  }

  /** Closes a submitted or verified request without action, such as when the subject withdraws it. */
  @PostMapping("/{id}/cancel")
  public RequestView cancel(
      HttpServletRequest http, @PathVariable UUID id, @RequestBody Cancellation body) {
    callers.requireAdmin(http);
    return view(rights.cancel(new RequestId(id), limits.reason(body.reason(), "reason")));
  }

  /**
   * Fulfils a rectification request (Art. 16): every row of the subject holding a named attribute is
   * corrected, and every recipient is told (Art. 19). Every value is checked against its entity's
   * constraints first: on any violation, or an attribute the subject type does not hold, nothing
   * changes and the answer is 422 naming the attributes, never the values.
   */
  @PostMapping("/{id}/rectify")
  public Rectified rectify(
      HttpServletRequest http, @PathVariable UUID id, @RequestBody Corrections body) {
    callers.requireAdmin(http);
    Map<String, @Nullable Object> corrections =
        limits.texts(required(body.corrections(), "corrections"), "corrections");
    RequestId requestId = new RequestId(id);
    RightsRequest request =
        rights.find(requestId).orElseThrow(() -> new UnknownRequestException(requestId));
    requireAttributesOf(request.subject().subjectType(), corrections);
    long rows = rights.rectifyAttributes(requestId, corrections);
    return new Rectified(view(rights.find(requestId).orElseThrow()), rows);
  }

  /**
   * Fulfils a restriction request (Art. 18(1)): processing of the subject's data is restricted on the
   * ground until lifted, every recipient is told (Art. 19), and the request is fulfilled, in one
   * transaction. 409 if the subject's data is already restricted.
   */
  @PostMapping("/{id}/restrict")
  public RestrictionView restrict(
      HttpServletRequest http, @PathVariable UUID id, @RequestBody Restricting body) {
    callers.requireAdmin(http);
    RestrictionGround ground = required(body.ground(), "ground");
    RequestId requestId = new RequestId(id);
    return transactions.inTransaction(
        () -> {
          RightsRequest request =
              rights.find(requestId).orElseThrow(() -> new UnknownRequestException(requestId));
          Restriction restriction =
              body.until() == null
                  ? restrictions.restrict(request, ground)
                  : restrictions.restrict(request, ground, body.until());
          rights.fulfil(requestId);
          return RestrictionView.of(restriction);
        });
  }

  /**
   * Fulfils an objection request (Art. 21): the objection to the purpose is recorded, absolute for
   * direct marketing (Art. 21(3)), recipients are told, and the request is fulfilled, in one transaction.
   */
  @PostMapping("/{id}/object")
  public ObjectionView object(
      HttpServletRequest http, @PathVariable UUID id, @RequestBody Objecting body) {
    callers.requireAdmin(http);
    String purpose = required(body.purpose(), "purpose");
    RequestId requestId = new RequestId(id);
    return transactions.inTransaction(
        () -> {
          RightsRequest request =
              rights.find(requestId).orElseThrow(() -> new UnknownRequestException(requestId));
          Objection objection = objections.objectFor(request, purpose);
          rights.fulfil(requestId);
          return ObjectionView.of(objection);
        });
  }

  /** Refuses attributes the subject type holds nowhere, naming them if they look like names. */
  private void requireAttributesOf(String subjectType, Map<String, @Nullable Object> corrections) {
    Set<String> held =
        model.entitiesOf(subjectType).stream()
            .flatMap(entity -> entity.fieldsFor(subjectType).stream())
            .map(FieldDescriptor::name)
            .collect(Collectors.toSet());
    List<String> unknown =
        corrections.keySet().stream().filter(attribute -> !held.contains(attribute)).toList();
    if (!unknown.isEmpty()) {
      throw new UnknownAttributesException(subjectType, unknown);
    }
  }

  private RequestView view(RightsRequest request) {
    return RequestView.of(
        request,
        request.isOpen() && overdue().contains(request.id()),
        rights.outstandingRecipients(request.id()));
  }

  private Set<RequestId> overdue() {
    return rights.overdue().stream().map(RightsRequest::id).collect(Collectors.toSet());
  }
}
