package example.consultancy.web;

import static example.consultancy.web.Html.esc;

import dev.lethe.erasure.SuppressionList;
import dev.lethe.processing.ProcessingGuard;
import dev.lethe.rights.SubjectIdentifier;
import example.consultancy.people.Contact;
import example.consultancy.people.People;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Marketing, as the statement allows it: the newsletter goes only to those the processing guard
 * allows (current consent, no objection, not suppressed), and an imported list of addresses (from
 * an event, say) is checked against the suppression list first, so that nobody who opted out is
 * contacted again (Art. 21(3)).
 */
@RestController
class MarketingController {

  private final People.Contacts contacts;
  private final ProcessingGuard guard;
  private final SuppressionList suppressionList;

  MarketingController(People.Contacts contacts, ProcessingGuard guard, SuppressionList suppressionList) {
    this.contacts = contacts;
    this.guard = guard;
    this.suppressionList = suppressionList;
  }

  @GetMapping(value = "/admin/marketing", produces = MediaType.TEXT_HTML_VALUE)
  String lists(CsrfToken csrf) {
    StringBuilder body = new StringBuilder("<h2>Newsletter send list</h2><ul id=\"newsletter\">");
    for (Contact contact : contacts.findAll()) {
      if (contact.email != null
          && guard.check(new SubjectIdentifier("contact", "email", contact.email), "newsletter").allowed()) {
        body.append("<li>").append(esc(contact.email)).append("</li>");
      }
    }
    body.append("</ul><h2>Import contacts for marketing</h2><form method=\"post\" action=\"/admin/marketing/import\">")
        .append(Html.hidden(csrf))
        .append("<textarea name=\"emails\" rows=\"4\" cols=\"40\"></textarea><br><button id=\"import\">Import</button></form>");
    return Html.page("Marketing", body.toString(), csrf);
  }

  /** Imports addresses for B2B marketing, refusing every suppressed one; one address per line. */
  @PostMapping(value = "/admin/marketing/import", produces = MediaType.TEXT_HTML_VALUE)
  String importContacts(@RequestParam String emails, CsrfToken csrf) {
    List<String> imported = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (String email : emails.split("\\s+")) {
      if (email.isBlank()) {
        continue;
      }
      if (suppressionList.isSuppressed("email", email)) {
        refused.add(email);
      } else {
        if (contacts.findByEmail(email).isEmpty()) {
          contacts.save(new Contact(email, email, "", ""));
        }
        imported.add(email);
      }
    }
    return Html.page("Import", "<p id=\"imported\">Imported: " + esc(String.join(", ", imported)) + "</p>"
        + "<p id=\"refused\">Refused, as they opted out of marketing: " + esc(String.join(", ", refused)) + "</p>", csrf);
  }
}
