package dev.lethe.spring.web;

import static dev.lethe.spring.web.Bodies.required;

import dev.lethe.consent.ConsentEvidence;
import dev.lethe.consent.ConsentLedger;
import dev.lethe.consent.ConsentMethod;
import dev.lethe.consent.ConsentState;
import dev.lethe.law.RestrictionGround;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.objection.Objections;
import dev.lethe.records.PrivacyNotice;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.restriction.Restriction;
import dev.lethe.restriction.Restrictions;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.spi.Transactions;
import dev.lethe.spring.LetheProperties;
import dev.lethe.subject.SubjectIdentifier;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Self-service for the signed-in data subject, under {@code {lethe.web.base-path}/me}: a copy of
 * their data (Art. 15), an export (Art. 20), a request to erase it (Art. 17), a restriction of
 * processing (Art. 18), objections (Art. 21), human review of an automated decision (Art. 22(3)),
 * and their consents, withdrawn as easily as given (Art. 7(3)). The subject is always the caller, identified by the principal's name; no endpoint takes
 * another subject's identity (Art. 15(4)). The signed-in session is the identity check (Art. 12(6)),
 * recorded as {@value #VERIFIED_BY}. A caller makes at most {@code
 * lethe.web.max-new-requests-per-caller} requests per {@code lethe.web.new-requests-window} (429
 * beyond), and asking again while an identical request is open answers with that request.
 */
@RestController
@RequestMapping("/me")
public final class SelfServiceController {

  /** How a self-service request's identity check is recorded (Art. 12(6)). */
  public static final String VERIFIED_BY = "authenticated-session";

  private final DataSubjectRights rights;
  private final ConsentLedger consents;
  private final Objections objections;
  private final Restrictions restrictions;
  private final PersonalDataModel model;
  private final PrivacyNotice notice;
  private final Transactions transactions;
  private final RequestIntake intake;
  private final LetheProperties.WebProperties web;
  private final Limits limits;
  private final Callers callers;

  SelfServiceController(
      DataSubjectRights rights,
      ConsentLedger consents,
      Objections objections,
      Restrictions restrictions,
      PersonalDataModel model,
      PrivacyNotice notice,
      Transactions transactions,
      RequestIntake intake,
      LetheProperties.WebProperties web,
      Callers callers) {
    this.rights = rights;
    this.consents = consents;
    this.objections = objections;
    this.restrictions = restrictions;
    this.model = model;
    this.notice = notice;
    this.transactions = transactions;
    this.intake = intake;
    this.web = web;
    this.limits = new Limits(web);
    this.callers = callers;
  }

  /**
   * The caller's ground for restricting processing of their data (Art. 18(1)).
   *
   * @param ground the Art. 18(1) ground, such as {@code ACCURACY_CONTESTED}
   */
  public record RestrictionAsked(@Nullable RestrictionGround ground) {}

  /**
   * An erasure request received and verified, for the controller to fulfil by its deadline.
   *
   * @param id the request's id
   * @param status where it stands
   * @param dueDate when it is due (Art. 12(3))
   */
  public record ErasureRequested(UUID id, RequestStatus status, LocalDate dueDate) {}

  /**
   * The caller's consent to one purpose.
   *
   * @param purpose the purpose
   * @param state where the consent stands
   * @param article the article that gives the state its meaning
   */
  public record Consent(String purpose, ConsentState state, String article) {
    static Consent of(String purpose, ConsentState state) {
      return new Consent(purpose, state, state.article());
    }
  }

  /**
   * Consent given by the caller.
   *
   * @param noticeVersion the version of the privacy notice the caller was shown (Art. 7(1)); the
   *     notice's current version ({@code PrivacyNotice.version()}) if left out
   * @param explicit whether the caller gave it by an express statement, as a purpose touching special
   *     categories of data under explicit consent requires (Art. 9(2)(a)); not if left out
   */
  public record ConsentGiven(@Nullable String noticeVersion, @Nullable Boolean explicit) {}

  /**
   * The caller's request for human intervention in a decision taken about them solely by automated
   * means (Art. 22(3)).
   *
   * @param purpose the purpose that took the decision, one that takes solely automated decisions
   */
  public record ReviewAsked(@Nullable String purpose) {}

  /**
   * A request for human review received and verified, for a person to review the decision by its
   * deadline.
   *
   * @param id the request's id
   * @param purpose the purpose whose decision is reviewed
   * @param article the article granting the right
   * @param status where it stands
   * @param dueDate when it is due (Art. 12(3))
   */
  public record ReviewRequested(
      UUID id, String purpose, String article, RequestStatus status, LocalDate dueDate) {}

  /** The caller's data and the Art. 15 information, as one JSON document, streamed. */
  @GetMapping("/data")
  public ResponseEntity<StreamingResponseBody> data(HttpServletRequest http) {
    RightsRequest request = verified(callers.subject(http), RequestType.ACCESS).request();
    return ReportResponses.json(rights.access(request.id()), () -> rights.complete(request.id()));
  }

  /** The data the caller provided, as a ZIP of JSON and CSV (Art. 20(1)), streamed. */
  @GetMapping("/export")
  public ResponseEntity<StreamingResponseBody> export(HttpServletRequest http) {
    RightsRequest request = verified(callers.subject(http), RequestType.PORTABILITY).request();
    return ReportResponses.zip(
        request.id(), rights.access(request.id()), () -> rights.complete(request.id()));
  }

  /**
   * Asks for the caller's data to be erased (Art. 17); 202, as the controller fulfils it by the due
   * date, or 200 with the caller's erasure request still open.
   */
  @PostMapping("/erasure")
  public ResponseEntity<ErasureRequested> erasure(HttpServletRequest http) {
    RequestIntake.Intake intake = verified(callers.subject(http), RequestType.ERASURE);
    RightsRequest request = intake.request();
    return ResponseEntity.status(intake.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .body(new ErasureRequested(request.id().value(), request.status(), request.dueDate()));
  }

  /**
   * Restricts processing of the caller's data on their ground (Art. 18(1)) at once, tells every
   * recipient (Art. 19) and fulfils the restriction request: 201, or 200 with the restriction that
   * already stands. Only the controller lifts it, telling the caller first (Art. 18(3)).
   */
  @PostMapping("/restriction")
  public ResponseEntity<RestrictionView> restrict(
      HttpServletRequest http, @RequestBody RestrictionAsked body) {
    SubjectIdentifier me = callers.subject(http);
    RestrictionGround ground = required(body.ground(), "ground");
    Optional<Restriction> standing = restrictions.restriction(me);
    if (standing.isPresent()) {
      return ResponseEntity.ok(RestrictionView.of(standing.get()));
    }
    RightsRequest request = verified(me, RequestType.RESTRICTION).request();
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            transactions.inTransaction(
                () -> {
                  Restriction restriction = restrictions.restrict(request, ground);
                  rights.fulfil(request.id());
                  return RestrictionView.of(restriction);
                }));
  }

  /** The restriction of processing of the caller's data that stands (Art. 18); 404 if none does. */
  @GetMapping("/restriction")
  public RestrictionView restriction(HttpServletRequest http) {
    return restrictions
        .restriction(callers.subject(http))
        .map(RestrictionView::of)
        .orElseThrow(
            () ->
                new ErrorResponseException(
                    HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND, "Processing of your data is not restricted"),
                    null));
  }

  /** The caller's objections to the purposes of their subject type open to objection (Art. 21). */
  @GetMapping("/objections")
  public List<ObjectionView> objections(HttpServletRequest http) {
    return objections.objections(callers.subject(http)).stream().map(ObjectionView::of).toList();
  }

  /**
   * Records the caller's objection to {@code purpose} (Art. 21): to direct marketing it is absolute
   * and the caller's address is suppressed (Art. 21(3)); to a purpose on legitimate interests or a
   * public task the processing stops unless the controller records compelling grounds (Art. 21(1)).
   * Objecting again returns the objection that stands.
   */
  @PutMapping("/objections/{purpose}")
  public ObjectionView object(HttpServletRequest http, @PathVariable String purpose) {
    SubjectIdentifier me = callers.subject(http);
    ObjectablePurposes.require(objections, web.subjectType(), purpose);
    return ObjectionView.of(objections.object(me, purpose));
  }

  /**
   * Asks for a person to review a decision {@code purpose} took about the caller solely by automated
   * means, so that the caller can express their view and contest it (Art. 22(3)): 201, and the request
   * is in the admin queue for a person to review and fulfil by its deadline. 400 unless the purpose
   * takes solely automated decisions. The caller's view reaches the reviewer through the application:
   * Lethe keeps no free text a subject writes.
   */
  @PostMapping("/automated-decision-reviews")
  public ResponseEntity<ReviewRequested> review(
      HttpServletRequest http, @RequestBody ReviewAsked body) {
    SubjectIdentifier me = callers.subject(http);
    String purpose = limits.label(body.purpose(), "purpose");
    RightsRequest request = verified(intake.review(me, purpose, Channel.WEB, true)).request();
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            new ReviewRequested(
                request.id().value(),
                purpose,
                request.type().article(),
                request.status(),
                request.dueDate()));
  }

  /** The caller's consent to every purpose of their subject type that rests on consent (Art. 6(1)(a), 7). */
  @GetMapping("/consents")
  public List<Consent> consents(HttpServletRequest http) {
    SubjectIdentifier me = callers.subject(http);
    return ConsentPurposes.of(model.purposesFor(web.subjectType())).stream()
        .map(purpose -> Consent.of(purpose, consents.state(me, purpose)))
        .toList();
  }

  /**
   * Records the caller's consent to {@code purpose} under the notice version they were shown, the
   * current one unless the body names another (Art. 7(1)): consent given under an older version is
   * reported for the controller to ask again ({@code GET /admin/consents/outdated}). 400 if the purpose
   * requires explicit consent (Art. 9(2)(a)) and the body does not say {@code "explicit": true}.
   */
  @PutMapping("/consents/{purpose}")
  public Consent give(
      HttpServletRequest http,
      @PathVariable String purpose,
      @RequestBody(required = false) @Nullable ConsentGiven body) {
    SubjectIdentifier me = callers.subject(http);
    ConsentPurposes.require(model.purposesFor(web.subjectType()), purpose);
    String shown =
        body == null || body.noticeVersion() == null
            ? notice.version()
            : limits.label(body.noticeVersion(), "noticeVersion");
    ConsentEvidence evidence = ConsentEvidence.of(shown, ConsentMethod.API);
    if (body != null && Boolean.TRUE.equals(body.explicit())) {
      evidence = evidence.explicitly();
    }
    return Consent.of(purpose, consents.give(me, purpose, evidence).state());
  }

  /** Withdraws the caller's consent to {@code purpose}, in one call as giving it took (Art. 7(3)). */
  @DeleteMapping("/consents/{purpose}")
  public Consent withdraw(HttpServletRequest http, @PathVariable String purpose) {
    SubjectIdentifier me = callers.subject(http);
    ConsentPurposes.require(model.purposesFor(web.subjectType()), purpose);
    return Consent.of(purpose, consents.withdraw(me, purpose, ConsentMethod.API).state());
  }

  /** The caller's new request of {@code type}, or their open one, with the signed-in session as the identity check. */
  private RequestIntake.Intake verified(SubjectIdentifier me, RequestType type) {
    return verified(this.intake.selfService(type, me));
  }

  /** The request taken in, with the signed-in session as the identity check (Art. 12(6)). */
  private RequestIntake.Intake verified(RequestIntake.Intake intake) {
    RightsRequest request = intake.request();
    return request.isAwaitingVerification()
        ? new RequestIntake.Intake(rights.verify(request.id(), VERIFIED_BY), intake.created())
        : intake;
  }
}
