package example.consultancy.web;

import static example.consultancy.web.Html.button;
import static example.consultancy.web.Html.esc;

import dev.lethe.access.SubjectReportWriter;
import dev.lethe.erasure.ErasureReceipt;
import dev.lethe.law.ErasureGround;
import dev.lethe.law.RestrictionGround;
import dev.lethe.restriction.Restrictions;
import dev.lethe.rights.Acknowledgements;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.IllegalRequestTransitionException;
import dev.lethe.rights.RejectionReason;
import dev.lethe.rights.RequestId;
import dev.lethe.rights.RequestStatus;
import dev.lethe.rights.RequestType;
import dev.lethe.rights.RightsRequest;
import dev.lethe.rights.UnknownRequestException;
import dev.lethe.spi.RecipientAcknowledgement;
import example.consultancy.people.People;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The administrator's page: every open request with its deadline (Art. 12(3)), and the actions on
 * it: verify the requester's identity (Art. 12(6)), extend once by up to two months, reject with
 * reasons (Art. 12(4)), and fulfil it: an access request by downloading the copy for the subject,
 * an erasure by erasing, a restriction by restricting. Where the change was passed on to the
 * participant services (Art. 17(2), 19), it shows where each stands and completes the request once
 * all have acknowledged, or without their receipts for a reason the administrator gives (Art. 5(2)).
 */
@RestController
class AdminController {

  private static final Logger LOG = LoggerFactory.getLogger(AdminController.class);

  private final DataSubjectRights rights;
  private final Acknowledgements acknowledgements;
  private final Restrictions restrictions;
  private final Clock clock;
  private final People.Contacts contacts;

  AdminController(DataSubjectRights rights, Acknowledgements acknowledgements, Restrictions restrictions, Clock clock,
      People.Contacts contacts) {
    this.rights = rights;
    this.acknowledgements = acknowledgements;
    this.restrictions = restrictions;
    this.clock = clock;
    this.contacts = contacts;
  }

  @GetMapping(value = "/admin", produces = MediaType.TEXT_HTML_VALUE)
  String requests(CsrfToken csrf) {
    LocalDate today = LocalDate.now(clock);
    StringBuilder body = new StringBuilder("<h2>Open requests</h2><table id=\"requests\"><tr><th>Request</th>"
        + "<th>Subject</th><th>Received</th><th>Due by</th><th>Status</th><th>Actions</th></tr>");
    for (RightsRequest request : rights.open()) {
      String path = "/admin/requests/" + request.id();
      body.append("<tr class=\"request ").append(request.type()).append("\"><td>").append(esc(request.type()))
          .append("</td><td class=\"subject\">").append(esc(request.subject().value()))
          .append("</td><td>").append(esc(request.receivedAt()))
          .append("</td><td class=\"due\">").append(esc(request.dueDate()))
          .append(request.isOverdue(today) ? " <strong>overdue</strong>" : "")
          .append(request.isExtended() ? " (extended)" : "")
          .append("</td><td>").append(esc(request.status()))
          .append(request.isAwaitingVerification() ? ", identity not yet verified" : "")
          .append("</td><td>")
          .append(button(path + "/verify", "Verify identity", "verify", csrf, ""))
          .append(button(path + "/extend", "Extend by 2 months", "extend", csrf,
              "<input name=\"reason\" value=\"Complex request\" size=\"14\">"))
          .append(button(path + "/reject", "Reject", "reject", csrf,
              "<input name=\"explanation\" value=\"Manifestly unfounded\" size=\"14\">"))
          .append(button(path + "/fulfil", request.type() == RequestType.ACCESS ? "Fulfil: download" : "Fulfil",
              "fulfil", csrf, ""))
          .append(request.status() == RequestStatus.FULFILLED
              ? button(path + "/complete", "Complete: subject told", "complete", csrf, "") : "");
      List<RecipientAcknowledgement> participants = acknowledgements.forRequest(request.id());
      if (request.status() == RequestStatus.FULFILLED && !participants.isEmpty()) {
        body.append(button(path + "/complete-without-acknowledgements", "Complete without acknowledgements",
            "complete-without-acknowledgements", csrf,
            "<input name=\"reason\" value=\"Service decommissioned\" size=\"16\">"));
      }
      body.append("</td></tr>");
      if (!participants.isEmpty()) {
        body.append("<tr class=\"participants\"><td></td><td colspan=\"5\">").append(participantsTable(participants))
            .append("</td></tr>");
      }
    }
    body.append("</table><p><a href=\"/admin/marketing\">Marketing lists and import</a></p>");
    return Html.page("Rights requests", body.toString(), csrf);
  }

  /** Where each participant service stands with the change passed on to it: no personal data (Art. 19). */
  private static String participantsTable(List<RecipientAcknowledgement> participants) {
    StringBuilder table = new StringBuilder("<table class=\"acknowledgements\"><tr><th>Participant</th>"
        + "<th>Change</th><th>Status</th><th>Outcome</th><th>Rows</th><th>Failure</th><th>Since</th></tr>");
    for (RecipientAcknowledgement participant : participants) {
      table.append("<tr class=\"participant\" data-recipient=\"").append(esc(participant.recipient())).append("\"><td>")
          .append(esc(participant.recipient())).append("</td><td>").append(esc(participant.change()))
          .append("</td><td class=\"status\">").append(esc(participant.status()))
          .append("</td><td class=\"outcome\">").append(esc(participant.outcome().map(Enum::name).orElse("")))
          .append("</td><td class=\"rows\">").append(participant.rowsTouched())
          .append("</td><td class=\"failure\">").append(esc(participant.failure().orElse("")))
          .append("</td><td>").append(esc(participant.since())).append("</td></tr>");
    }
    return table.append("</table>").toString();
  }

  @PostMapping("/admin/requests/{id}/verify")
  RedirectView verify(@PathVariable String id) {
    rights.verify(RequestId.parse(id), "checked by an administrator");
    return new RedirectView("/admin");
  }

  @PostMapping("/admin/requests/{id}/extend")
  RedirectView extend(@PathVariable String id, @RequestParam String reason) {
    rights.extend(RequestId.parse(id), Period.ofMonths(2), reason);
    return new RedirectView("/admin");
  }

  @PostMapping("/admin/requests/{id}/reject")
  RedirectView reject(@PathVariable String id, @RequestParam String explanation) {
    rights.reject(RequestId.parse(id), RejectionReason.MANIFESTLY_UNFOUNDED, explanation);
    return new RedirectView("/admin");
  }

  /** Carries the request out; the lifecycle refuses it while the identity is unverified (Art. 12(6)). */
  @PostMapping("/admin/requests/{id}/fulfil")
  ResponseEntity<?> fulfil(@PathVariable String id, CsrfToken csrf) throws IOException {
    RequestId requestId = RequestId.parse(id);
    RightsRequest request = rights.find(requestId).orElseThrow(() -> new UnknownRequestException(requestId));
    switch (request.type()) {
      case ACCESS, PORTABILITY -> {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        SubjectReportWriter.writeZip(rights.access(requestId), zip);
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"subject-access-" + id + ".zip\"")
            .contentType(MediaType.parseMediaType("application/zip"))
            .body(zip.toByteArray());
      }
      case ERASURE -> {
        // As applications log what they are about to change; %letheMasked keeps the person out of it.
        contacts.findByEmail(request.subject().value()).ifPresent(contact -> LOG.info("Erasing {}", contact));
        ErasureReceipt receipt = rights.erase(requestId, ErasureGround.CONSENT_WITHDRAWN);
        StringBuilder body = new StringBuilder("<p id=\"receipt\">Erased: ").append(receipt.rowsTouched())
            .append(" rows touched.</p><table><tr><th>Entity</th><th>Rows</th><th>Kept, and why</th></tr>");
        receipt.entities().forEach(entity -> body.append("<tr><td>").append(esc(entity.entity())).append("</td><td>")
            .append(esc(entity.rows())).append("</td><td>").append(esc(entity.kept())).append("</td></tr>"));
        body.append("</table><p><a href=\"/admin\">Back to the requests</a></p>");
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(Html.page("Erasure receipt", body.toString(), csrf));
      }
      case RESTRICTION -> {
        restrictions.restrict(request, RestrictionGround.ACCURACY_CONTESTED);
        rights.fulfil(requestId);
      }
      default -> rights.fulfil(requestId);
    }
    return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/admin").build();
  }

  /**
   * Records that the subject was told (Art. 12(3)); refused, with the participants outstanding, while
   * a participant service has not acknowledged the change passed on to it (Art. 19).
   */
  @PostMapping("/admin/requests/{id}/complete")
  ResponseEntity<?> complete(@PathVariable String id, CsrfToken csrf) {
    try {
      rights.complete(RequestId.parse(id));
    } catch (IllegalRequestTransitionException refused) {
      // The reason names the request, its status and the participants outstanding: nobody's data.
      String body = "<p id=\"refused\">Not completed: " + esc(refused.getMessage())
          + "</p><p><a href=\"/admin\">Back to the requests</a></p>";
      return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML)
          .body(Html.page("Request not completed", body, csrf));
    }
    return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/admin").build();
  }

  /** Completes without the receipts still outstanding, for the reason given, which the audit keeps (Art. 5(2), 19). */
  @PostMapping("/admin/requests/{id}/complete-without-acknowledgements")
  RedirectView completeWithoutAcknowledgements(@PathVariable String id, @RequestParam String reason) {
    rights.completeWithoutAcknowledgements(RequestId.parse(id), reason);
    return new RedirectView("/admin");
  }

  /** A move the lifecycle refuses, such as fulfilling before the identity is verified: 409 with the reason. */
  @ExceptionHandler({IllegalRequestTransitionException.class, IllegalStateException.class,
      IllegalArgumentException.class})
  ResponseEntity<String> refused(RuntimeException refused) {
    return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_PLAIN).body(refused.getMessage());
  }
}
