package dev.lethe.spring.web;

import static dev.lethe.spring.web.Bodies.required;

import dev.lethe.law.ErasureGround;
import dev.lethe.rights.Channel;
import dev.lethe.rights.Acknowledgements;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.RejectionReason;
import dev.lethe.rights.RequestId;
import dev.lethe.rights.RequestType;
import dev.lethe.rights.RightsRequest;
import dev.lethe.rights.SubjectIdentifier;
import dev.lethe.rights.UnknownRequestException;
import dev.lethe.spring.LetheProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
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
 * 12(3)), refuse with reasons (Art. 12(4), (5)), fulfil it by erasing (Art. 17) or downloading the
 * subject's report (Art. 15, 20), and close it once the subject is told. Every endpoint requires the
 * role {@code lethe.web.admin-role}.
 */
@RestController
@RequestMapping("/admin/requests")
public final class AdminRequestsController {

  private final DataSubjectRights rights;
  private final Acknowledgements acknowledgements;
  private final LetheProperties.WebProperties web;
  private final Callers callers;

  AdminRequestsController(DataSubjectRights rights, Acknowledgements acknowledgements, LetheProperties.WebProperties web,
      Callers callers) {
    this.rights = rights;
    this.acknowledgements = acknowledgements;
    this.web = web;
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
   */
  public record Submission(@Nullable RequestType type, @Nullable String subjectType, @Nullable String identity,
      @Nullable String value, @Nullable Channel channel) {
  }

  /**
   * How the subject's identity was confirmed (Art. 12(6)).
   *
   * @param method such as {@code id-document}: a label, never the evidence
   */
  public record Verification(@Nullable String method) {
  }

  /**
   * The single extension of the deadline (Art. 12(3)).
   *
   * @param period the extension, an ISO-8601 period of at most two months, such as {@code P2M} (Art. 12(3))
   * @param reason why: the complexity or number of requests, to be told to the subject
   */
  public record Extension(@Nullable String period, @Nullable String reason) {
  }

  /**
   * A refusal to act (Art. 12(4), (5)).
   *
   * @param reason the Art. 12(5)(b) ground
   * @param explanation why, for the subject (Art. 12(4))
   */
  public record Rejection(@Nullable RejectionReason reason, @Nullable String explanation) {
  }

  /**
   * Why a request completes without the receipts of participants still outstanding (Art. 5(2), 19).
   *
   * @param reason recorded in the audit: name no one
   */
  public record Closing(@Nullable String reason) {
  }

  /**
   * How to fulfil an erasure request (Art. 17).
   *
   * @param ground the Art. 17(1) ground
   */
  public record Erasure(@Nullable ErasureGround ground) {
  }

  /** Receives a request; 201 with its location and deadline. */
  @PostMapping
  public ResponseEntity<RequestView> submit(HttpServletRequest http, @RequestBody Submission body) {
    callers.requireAdmin(http);
    SubjectIdentifier subject = new SubjectIdentifier(
        Objects.requireNonNullElse(body.subjectType(), web.subjectType()),
        Objects.requireNonNullElse(body.identity(), web.identity()),
        required(body.value(), "value"));
    RightsRequest request = rights.submit(required(body.type(), "type"), subject, required(body.channel(), "channel"));
    URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(request.id()).toUri();
    return ResponseEntity.created(location).body(RequestView.of(request, false, List.of()));
  }

  /** Every open request, earliest due first, with its deadline and whether it passed (Art. 12(3)). */
  @GetMapping
  public List<RequestView> open(HttpServletRequest http) {
    callers.requireAdmin(http);
    Set<RequestId> overdue = overdue();
    return rights.open().stream().map(request -> RequestView.of(request, overdue.contains(request.id()),
        rights.outstandingRecipients(request.id()))).toList();
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
  public RequestView verify(HttpServletRequest http, @PathVariable UUID id, @RequestBody Verification body) {
    callers.requireAdmin(http);
    return view(rights.verify(new RequestId(id), required(body.method(), "method")));
  }

  /** Extends the deadline once, by up to two months, with the reason (Art. 12(3)). */
  @PostMapping("/{id}/extend")
  public RequestView extend(HttpServletRequest http, @PathVariable UUID id, @RequestBody Extension body) {
    callers.requireAdmin(http);
    return view(rights.extend(new RequestId(id), Bodies.period(body.period(), "period"),
        required(body.reason(), "reason")));
  }

  /** Refuses to act, as manifestly unfounded or excessive, with the explanation (Art. 12(4), (5)). */
  @PostMapping("/{id}/reject")
  public RequestView reject(HttpServletRequest http, @PathVariable UUID id, @RequestBody Rejection body) {
    callers.requireAdmin(http);
    return view(rights.reject(new RequestId(id), required(body.reason(), "reason"),
        required(body.explanation(), "explanation")));
  }

  /** Records that a request Lethe does not carry out itself, such as a restriction, was acted upon. */
  @PostMapping("/{id}/fulfil")
  public RequestView fulfil(HttpServletRequest http, @PathVariable UUID id) {
    callers.requireAdmin(http);
    return view(rights.fulfil(new RequestId(id)));
  }

  /** Fulfils an erasure request on its Art. 17(1) ground; the receipt says what was erased and what was kept. */
  @PostMapping("/{id}/erase")
  public ReceiptView erase(HttpServletRequest http, @PathVariable UUID id, @RequestBody Erasure body) {
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
  public ResponseEntity<StreamingResponseBody> report(HttpServletRequest http, @PathVariable UUID id) {
    callers.requireAdmin(http);
    RequestId requestId = new RequestId(id);
    return ReportResponses.zip(requestId, rights.access(requestId), () -> { });
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
  public RequestView completeWithoutAcknowledgements(HttpServletRequest http, @PathVariable UUID id,
      @RequestBody Closing body) {
    callers.requireAdmin(http);
    return view(rights.completeWithoutAcknowledgements(new RequestId(id), required(body.reason(), "reason")));
  }

  private RequestView view(RightsRequest request) {
    return RequestView.of(request, request.isOpen() && overdue().contains(request.id()),
        rights.outstandingRecipients(request.id()));
  }

  private Set<RequestId> overdue() {
    return rights.overdue().stream().map(RightsRequest::id).collect(Collectors.toSet());
  }
}
