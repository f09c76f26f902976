package example.consultancy.web;

import static example.consultancy.web.Html.button;
import static example.consultancy.web.Html.esc;

import dev.lethe.access.SubjectReportWriter;
import dev.lethe.consent.ConsentEvidence;
import dev.lethe.consent.ConsentLedger;
import dev.lethe.consent.ConsentMethod;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.objection.Objections;
import dev.lethe.processing.ProcessingGuard;
import dev.lethe.records.PrivacyNotice;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import example.consultancy.people.People;
import java.io.OutputStream;
import java.security.Principal;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The privacy centre: a signed-in person sees the data held on them (Art. 15), downloads it
 * (Art. 15(3), 20), gives or withdraws newsletter consent (Art. 7(3)), unsubscribes from all
 * marketing (Art. 21(2)) and asks for erasure (Art. 17) or restriction (Art. 18). Signing in with
 * their password is the identity check (Art. 12(6)) for the download; an erasure request waits for
 * an administrator.
 */
@RestController
class PrivacyCentreController {

  static final String NEWSLETTER = "newsletter";

  // The application logs as applications do, names and addresses included; the %letheMasked
  // converter of logback-spring.xml keeps them out of the log (MaskedLogsTest).
  private static final Logger LOG = LoggerFactory.getLogger(PrivacyCentreController.class);

  private final DataSubjectRights rights;
  private final PersonalDataModel model;
  private final PersonalDataStore store;
  private final ConsentLedger consent;
  private final Objections objections;
  private final ProcessingGuard guard;
  private final People.Contacts contacts;
  private final PrivacyNotice notice;

  PrivacyCentreController(
      DataSubjectRights rights,
      PersonalDataModel model,
      PersonalDataStore store,
      ConsentLedger consent,
      Objections objections,
      ProcessingGuard guard,
      People.Contacts contacts,
      PrivacyNotice notice) {
    this.rights = rights;
    this.model = model;
    this.store = store;
    this.consent = consent;
    this.objections = objections;
    this.guard = guard;
    this.contacts = contacts;
    this.notice = notice;
  }

  /** The signed-in person, as Lethe names a subject: a contact identified by e-mail address. */
  static SubjectIdentifier subject(Principal principal) {
    return new SubjectIdentifier("contact", "email", principal.getName());
  }

  @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
  RedirectView home() {
    return new RedirectView("/privacy");
  }

  @GetMapping(value = "/privacy", produces = MediaType.TEXT_HTML_VALUE)
  String privacyCentre(Principal principal, CsrfToken csrf) {
    SubjectIdentifier subject = subject(principal);
    contacts
        .findByEmail(principal.getName())
        .ifPresent(contact -> LOG.info("Privacy centre opened by {}", contact.fullName));
    StringBuilder body = new StringBuilder("<h2>The data we hold on you</h2>");
    for (SubjectKey key : store.resolve(subject)) {
      for (EntityDescriptor entity : model.entitiesOf("contact")) {
        try (Stream<SubjectRecord> records = store.records(key, entity)) {
          records.forEach(
              record -> {
                body.append("<table class=\"record\"><tr><th colspan=\"2\">")
                    .append(esc(entity.name()))
                    .append("</th></tr>");
                record
                    .values()
                    .forEach(
                        (field, value) ->
                            body.append("<tr><td>")
                                .append(esc(field))
                                .append("</td><td>")
                                .append(esc(value))
                                .append("</td></tr>"));
                body.append("</table>");
              });
        }
      }
    }
    if (store.resolve(subject).isEmpty()) {
      body.append("<p id=\"no-data\">We hold no personal data on you.</p>");
    }
    body.append(
        "<p><a id=\"export\" href=\"/privacy/export.zip\">Download all your data (ZIP of JSON and CSV)</a></p>");

    body.append("<h2>Newsletter</h2><p id=\"newsletter-state\">Consent: ")
        .append(esc(consent.state(subject, NEWSLETTER)))
        .append(" · we may send it: ")
        .append(guard.check(subject, NEWSLETTER).allowed() ? "yes" : "no")
        .append("</p>")
        .append(button("/privacy/consent", "Subscribe", "subscribe", csrf, hiddenAction("give")))
        .append(
            button(
                "/privacy/consent", "Withdraw consent", "withdraw", csrf, hiddenAction("withdraw")))
        .append(
            "<h2>Marketing</h2><p>Stop all marketing to you, for good. We then keep your e-mail address only,"
                + " as a keyed hash, so that we never contact you for marketing again.</p>")
        .append(
            button(
                "/privacy/unsubscribe", "Unsubscribe from all marketing", "unsubscribe", csrf, ""));

    body.append(
        "<h2>Your requests</h2><table id=\"requests\"><tr><th>Request</th><th>Status</th><th>Due by</th></tr>");
    rights.open().stream()
        .filter(request -> request.subject().equals(subject))
        .forEach(
            request ->
                body.append("<tr><td>")
                    .append(esc(request.type()))
                    .append("</td><td>")
                    .append(esc(request.status()))
                    .append("</td><td class=\"due\">")
                    .append(esc(request.dueDate()))
                    .append("</td></tr>"));
    body.append("</table>")
        .append(
            button(
                "/privacy/requests",
                "Ask us to erase your data",
                "ask-erasure",
                csrf,
                type(RequestType.ERASURE)))
        .append(
            button(
                "/privacy/requests",
                "Ask us to restrict processing",
                "ask-restriction",
                csrf,
                type(RequestType.RESTRICTION)))
        .append(
            button(
                "/privacy/requests",
                "Ask for a copy of your data",
                "ask-access",
                csrf,
                type(RequestType.ACCESS)));
    return Html.page("Your privacy centre", body.toString(), csrf);
  }

  /**
   * Art. 15(3): the copy of the data, at once, as signing in proved who the person is (Art. 12(6)).
   * Once the download is served the subject has their answer, so the request is completed (Art.
   * 12(3)) rather than left among the open requests for ever.
   */
  @GetMapping("/privacy/export.zip")
  ResponseEntity<StreamingResponseBody> export(Principal principal) {
    RightsRequest request = rights.submit(RequestType.ACCESS, subject(principal), Channel.WEB);
    rights.verify(request.id(), "signed in to the privacy centre with a password");
    var report = rights.access(request.id());
    StreamingResponseBody zip =
        (OutputStream out) -> {
          SubjectReportWriter.writeZip(report, out);
          out.flush();
          rights.complete(request.id());
        };
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"my-data.zip\"")
        .contentType(MediaType.parseMediaType("application/zip"))
        .body(zip);
  }

  /**
   * Gives or withdraws the newsletter consent (Art. 7(3)). Withdrawing a consent that is not given
   * (a second click, a second tab) changes nothing and says so, with 409.
   */
  @PostMapping("/privacy/consent")
  ResponseEntity<?> consent(Principal principal, @RequestParam String action, CsrfToken csrf) {
    SubjectIdentifier subject = subject(principal);
    switch (action) {
      // Given under the notice the centre shows now: after a material change, consents given under
      // an older version are reported for asking again (ConsentLedger.givenUnderOtherNotice).
      case "give" ->
          consent.give(
              subject,
              NEWSLETTER,
              ConsentEvidence.of(notice.version(), ConsentMethod.WEB_FORM_OPT_IN));
      case "withdraw" -> {
        try {
          consent.withdraw(subject, NEWSLETTER, ConsentMethod.WEB_FORM_OPT_IN);
        } catch (IllegalStateException notCurrent) {
          // The ledger refuses, in its transaction, to withdraw a consent that is not current: no
          // race.
          return page(
              HttpStatus.CONFLICT,
              "Nothing to withdraw",
              "<p id=\"consent-message\">You have not consented to"
                  + " the newsletter, or have withdrawn that consent already: we do not send it to you.</p>",
              csrf);
        }
      }
      default -> {
        return page(
            HttpStatus.BAD_REQUEST,
            "Not done",
            "<p id=\"consent-message\">Choose to subscribe or to withdraw" + " your consent.</p>",
            csrf);
      }
    }
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .header(HttpHeaders.LOCATION, "/privacy")
        .build();
  }

  private static ResponseEntity<String> page(
      HttpStatus status, String title, String body, CsrfToken csrf) {
    return ResponseEntity.status(status)
        .contentType(MediaType.TEXT_HTML)
        .body(
            Html.page(
                title, body + "<p><a href=\"/privacy\">Back to your privacy centre</a></p>", csrf));
  }

  /** The unsubscribe link: an objection to direct marketing, absolute, which suppresses the address (Art. 21(3)). */
  @PostMapping("/privacy/unsubscribe")
  RedirectView unsubscribe(Principal principal) {
    objections.objectToDirectMarketing(subject(principal));
    return new RedirectView("/privacy");
  }

  /** A request an administrator answers: its due date is set on receipt (Art. 12(3)). */
  @PostMapping("/privacy/requests")
  RedirectView request(Principal principal, @RequestParam RequestType type) {
    LOG.info("{} asks for {}", principal.getName(), type);
    if (type == RequestType.ERASURE) {
      // As applications log the record about to change; %letheMasked keeps the person out of it.
      contacts
          .findByEmail(principal.getName())
          .ifPresent(contact -> LOG.info("Erasure asked for {}", contact));
    }
    rights.submit(type, subject(principal), Channel.WEB);
    return new RedirectView("/privacy");
  }

  private static String hiddenAction(String action) {
    return "<input type=\"hidden\" name=\"action\" value=\"" + action + "\">";
  }

  private static String type(RequestType type) {
    return "<input type=\"hidden\" name=\"type\" value=\"" + type.name() + "\">";
  }
}
