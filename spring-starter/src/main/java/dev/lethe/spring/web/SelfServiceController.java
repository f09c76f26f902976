package dev.lethe.spring.web;

import static dev.lethe.spring.web.Bodies.required;

import dev.lethe.consent.ConsentEvidence;
import dev.lethe.consent.ConsentLedger;
import dev.lethe.consent.ConsentMethod;
import dev.lethe.consent.ConsentState;
import dev.lethe.law.LawfulBasis;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.Purpose;
import dev.lethe.rights.Channel;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.RequestId;
import dev.lethe.rights.RequestStatus;
import dev.lethe.rights.RequestType;
import dev.lethe.rights.RightsRequest;
import dev.lethe.rights.SubjectIdentifier;
import dev.lethe.spring.LetheProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * their data (Art. 15), an export (Art. 20), a request to erase it (Art. 17), and their consents,
 * withdrawn as easily as given (Art. 7(3)). The subject is always the caller, identified by the
 * principal's name; no endpoint takes another subject's identity (Art. 15(4)). The signed-in
 * session is the identity check (Art. 12(6)), recorded as {@value #VERIFIED_BY}.
 */
@RestController
@RequestMapping("/me")
public final class SelfServiceController {

  /** How a self-service request's identity check is recorded (Art. 12(6)). */
  public static final String VERIFIED_BY = "authenticated-session";

  private final DataSubjectRights rights;
  private final ConsentLedger consents;
  private final PersonalDataModel model;
  private final LetheProperties.WebProperties web;
  private final Callers callers;

  SelfServiceController(DataSubjectRights rights, ConsentLedger consents, PersonalDataModel model,
      LetheProperties.WebProperties web, Callers callers) {
    this.rights = rights;
    this.consents = consents;
    this.model = model;
    this.web = web;
    this.callers = callers;
  }

  /**
   * An erasure request received and verified, for the controller to fulfil by its deadline.
   *
   * @param id the request's id
   * @param status where it stands
   * @param dueDate when it is due (Art. 12(3))
   */
  public record ErasureRequested(UUID id, RequestStatus status, LocalDate dueDate) {
  }

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
   * @param noticeVersion the version of the privacy notice the caller was shown (Art. 7(1))
   */
  public record ConsentGiven(@Nullable String noticeVersion) {
  }

  /** The caller's data and the Art. 15 information, as one JSON document, streamed. */
  @GetMapping("/data")
  public ResponseEntity<StreamingResponseBody> data(HttpServletRequest http) {
    RightsRequest request = verified(http, RequestType.ACCESS);
    return ReportResponses.json(rights.access(request.id()), () -> rights.complete(request.id()));
  }

  /** The data the caller provided, as a ZIP of JSON and CSV (Art. 20(1)), streamed. */
  @GetMapping("/export")
  public ResponseEntity<StreamingResponseBody> export(HttpServletRequest http) {
    RightsRequest request = verified(http, RequestType.PORTABILITY);
    return ReportResponses.zip(request.id(), rights.access(request.id()), () -> rights.complete(request.id()));
  }

  /** Asks for the caller's data to be erased (Art. 17); 202, as the controller fulfils it by the due date. */
  @PostMapping("/erasure")
  public ResponseEntity<ErasureRequested> erasure(HttpServletRequest http) {
    RightsRequest request = verified(http, RequestType.ERASURE);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new ErasureRequested(request.id().value(), request.status(), request.dueDate()));
  }

  /** The caller's consent to every purpose of their subject type that rests on consent (Art. 6(1)(a), 7). */
  @GetMapping("/consents")
  public List<Consent> consents(HttpServletRequest http) {
    SubjectIdentifier me = callers.subject(http);
    return consentPurposes().stream().map(purpose -> Consent.of(purpose, consents.state(me, purpose))).toList();
  }

  /** Records the caller's consent to {@code purpose} under the notice version they were shown (Art. 7(1)). */
  @PutMapping("/consents/{purpose}")
  public Consent give(HttpServletRequest http, @PathVariable String purpose, @RequestBody ConsentGiven body) {
    SubjectIdentifier me = callers.subject(http);
    requireConsentPurpose(purpose);
    ConsentEvidence evidence = ConsentEvidence.of(required(body.noticeVersion(), "noticeVersion"), ConsentMethod.API);
    return Consent.of(purpose, consents.give(me, purpose, evidence).state());
  }

  /** Withdraws the caller's consent to {@code purpose}, in one call as giving it took (Art. 7(3)). */
  @DeleteMapping("/consents/{purpose}")
  public Consent withdraw(HttpServletRequest http, @PathVariable String purpose) {
    SubjectIdentifier me = callers.subject(http);
    requireConsentPurpose(purpose);
    return Consent.of(purpose, consents.withdraw(me, purpose, ConsentMethod.API).state());
  }

  /** The purposes of the subject type that rest on consent (Art. 6(1)(a)). */
  private List<String> consentPurposes() {
    return model.purposesFor(web.subjectType()).stream()
        .filter(purpose -> purpose.basis() instanceof LawfulBasis.Consent)
        .map(Purpose::name)
        .toList();
  }

  /** Refuses any other purpose, without repeating the name the caller sent. */
  private void requireConsentPurpose(String purpose) {
    List<String> declared = consentPurposes();
    if (!declared.contains(purpose)) {
      throw new IllegalArgumentException("Consent is taken for the purposes " + declared + " only");
    }
  }

  private RightsRequest verified(HttpServletRequest http, RequestType type) {
    SubjectIdentifier me = callers.subject(http);
    RequestId id = rights.submit(type, me, Channel.WEB).id();
    return rights.verify(id, VERIFIED_BY);
  }
}
