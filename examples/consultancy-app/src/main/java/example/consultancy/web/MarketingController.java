package example.consultancy.web;

import static example.consultancy.web.Html.esc;

import dev.lethe.erasure.SuppressionList;
import dev.lethe.processing.ProcessingGuard;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.subject.InvalidSubjectIdentifierException;
import dev.lethe.subject.SubjectIdentifier;
import example.consultancy.people.Contact;
import example.consultancy.people.People;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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
  private final DataSubjectRights rights;
  private final TransactionTemplate transactions;

  MarketingController(
      People.Contacts contacts,
      ProcessingGuard guard,
      SuppressionList suppressionList,
      DataSubjectRights rights,
      PlatformTransactionManager transactionManager) {
    this.contacts = contacts;
    this.guard = guard;
    this.suppressionList = suppressionList;
    this.rights = rights;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @GetMapping(value = "/admin/marketing", produces = MediaType.TEXT_HTML_VALUE)
  String lists(CsrfToken csrf) {
    StringBuilder body = new StringBuilder("<h2>Newsletter send list</h2><ul id=\"newsletter\">");
    for (Contact contact : contacts.findAll()) {
      if (contact.email != null
          && guard
              .check(new SubjectIdentifier("contact", "email", contact.email), "newsletter")
              .allowed()) {
        body.append("<li>").append(esc(contact.email)).append("</li>");
      }
    }
    body.append(
            "</ul><h2>Import contacts for marketing</h2><form method=\"post\" action=\"/admin/marketing/import\">")
        .append(Html.hidden(csrf))
        .append(
            "<textarea name=\"emails\" rows=\"4\" cols=\"40\"></textarea><br><button id=\"import\">Import</button></form>");
    return Html.page("Marketing", body.toString(), csrf);
  }

  /**
   * Imports addresses for B2B marketing, one per line, refusing every suppressed one. Every line is
   * checked first, as Lethe checks an e-mail identity: if any is not an address, nothing is imported
   * and the answer (400) names each such line by its number, not its text. The import then runs in
   * one transaction: all of it or nothing.
   */
  @PostMapping(value = "/admin/marketing/import", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> importContacts(@RequestParam String emails, CsrfToken csrf) {
    List<String> lines = emails.lines().map(String::strip).toList();
    List<String> malformed = new ArrayList<>();
    for (int line = 0; line < lines.size(); line++) {
      if (!lines.get(line).isEmpty() && !isAddress(lines.get(line))) {
        malformed.add("<li>Line " + (line + 1) + " is not an e-mail address.</li>");
      }
    }
    if (!malformed.isEmpty()) {
      return ResponseEntity.badRequest()
          .contentType(MediaType.TEXT_HTML)
          .body(
              Html.page(
                  "Nothing imported",
                  "<p>Nothing was imported. Correct these lines and import again:</p><ul id=\"malformed\">"
                      + String.join("", malformed)
                      + "</ul><p><a href=\"/admin/marketing\">Back to the import</a></p>",
                  csrf));
    }
    List<String> imported = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    transactions.executeWithoutResult(
        status ->
            lines.stream()
                .filter(email -> !email.isEmpty())
                .forEach(
                    email -> {
                      if (suppressionList.isSuppressed("email", email)) {
                        refused.add(email);
                      } else {
                        if (contacts.findByEmail(email).isEmpty()) {
                          contacts.save(new Contact(email, email, "", ""));
                        }
                        imported.add(email);
                      }
                    }));
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_HTML)
        .body(
            Html.page(
                "Import",
                "<p id=\"imported\">Imported: "
                    + esc(String.join(", ", imported))
                    + "</p>"
                    + "<p id=\"refused\">Refused, as they opted out of marketing: "
                    + esc(String.join(", ", refused))
                    + "</p>",
                csrf));
  }

  /** Whether {@code line} is an e-mail address as Lethe checks a contact's e-mail identity (and its {@code @Email}). */
  private boolean isAddress(String line) {
    try {
      rights.checkIdentifier(new SubjectIdentifier("contact", "email", line));
      return true;
    } catch (InvalidSubjectIdentifierException malformed) {
      return false;
    }
  }
}
