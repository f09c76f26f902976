package example.consultancy;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.access.Article15Information;
import dev.lethe.consent.ConsentLedger;
import dev.lethe.consent.OutdatedConsents;
import dev.lethe.erasure.SuppressionList;
import dev.lethe.law.DataCategory;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.processing.Decision;
import dev.lethe.processing.ProcessingGuard;
import dev.lethe.records.PrivacyNotice;
import dev.lethe.records.ProcessingActivity;
import dev.lethe.records.Recipient;
import dev.lethe.records.RecordOfProcessing;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.retention.RetentionEnforcer;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.subject.SubjectIdentifier;
import example.consultancy.people.Applicant;
import example.consultancy.people.People;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The promises of Mesma's privacy statement, each checked over real HTTP against the running
 * application with its demo data. Each test works on its own demo person, so the order is free.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrivacyStatementPromisesTest {

  @LocalServerPort int port;

  @Autowired Clock clock;

  @Autowired ProcessingGuard guard;

  @Autowired SuppressionList suppressionList;

  @Autowired JdbcTemplate jdbc;

  @Autowired PrivacyNotice notice;

  @Autowired ConsentLedger consents;

  @Autowired RecordOfProcessing record;

  @Autowired ObjectProvider<RetentionEnforcer> retention;

  @Autowired People.Applicants applicants;

  @Autowired OutboxDispatcher outbox;

  @Autowired People.Employees employees;

  @Autowired PersonalDataModel model;

  @Autowired DataSubjectRights rights;

  @Test
  @DisplayName("Art. 12(3), 15: an access request is due one calendar month after it is received")
  void accessDueInOneMonth() {
    WebSession bob = WebSession.signIn(port, "bob@example.com", "demo");
    String page = bob.post("/privacy/requests", Map.of("type", "ACCESS")).body();
    assertThat(page)
        .contains(
            "<td>ACCESS</td><td>SUBMITTED</td><td class=\"due\">"
                + today().plusMonths(1)
                + "</td>");
  }

  @Test
  @DisplayName(
      "Art. 12(6): the identity is checked before data is released: an unverified access request cannot be fulfilled")
  void identityCheckedFirst() throws IOException {
    WebSession carol = WebSession.signIn(port, "carol@example.com", "demo");
    carol.post("/privacy/requests", Map.of("type", "ACCESS"));
    WebSession admin = admin();
    String id = admin.requestId("ACCESS", "carol@example.com");

    admin.get(CONSOLE + "/requests/" + id);
    HttpResponse<byte[]> refused =
        admin.postForBytes(CONSOLE + "/requests/" + id + "/report", Map.of());
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("Art. 12(6)");

    admin.act(id, "verify", Map.of("method", "id-document"));
    admin.get(CONSOLE + "/requests/" + id);
    HttpResponse<byte[]> released =
        admin.postForBytes(CONSOLE + "/requests/" + id + "/report", Map.of());
    assertThat(released.statusCode()).isEqualTo(200);
    assertThat(zipEntry(released.body(), "report.json"))
        .contains("Carol Cole")
        .doesNotContain("Bob Baker");
  }

  @Test
  @DisplayName(
      "Art. 17: erasure removes the person's data from every table; only a hashed suppression entry stays")
  void erasureEverywhere() {
    WebSession dan = WebSession.signIn(port, "dan@example.com", "demo");
    assertThat(dan.get("/privacy"))
        .contains("Dan Dixon", "Eastgate Skills", "Please send the slides afterwards");
    dan.post("/privacy/requests", Map.of("type", "ERASURE"));
    WebSession admin = admin();
    String id = admin.requestId("ERASURE", "dan@example.com");
    admin.act(id, "verify", Map.of("method", "id-document"));
    assertThat(admin.act(id, "erase", Map.of("ground", "CONSENT_WITHDRAWN")).body())
        .contains("Erasure receipt", "rows touched", "Consent was withdrawn");
    // The nine processors must learn whom to erase (Art. 19): the outbox keeps Dan's address until
    // each notice is delivered, then forgets it.
    outbox.dispatch();

    // The request log keeps the erasure request itself as evidence that it was answered (Art.
    // 5(2)), under a pseudonym of the address; no table holds anything of Dan.
    List<String> traces =
        everyCell().stream()
            .filter(
                cell ->
                    cell.contains("dan@example.com")
                        || cell.contains("Dan Dixon")
                        || cell.contains("Eastgate Skills")
                        || cell.contains("Director of Quality"))
            .toList();
    assertThat(traces).as("what is left of Dan in any table").isEmpty();
    assertThat(everyCell())
        .as("other people are untouched")
        .contains("Erin Evans", "erin@example.com");
    assertThat(dan.get("/privacy")).contains("We hold no personal data on you");
    assertThat(suppressionList.isSuppressed("email", "dan@example.com"))
        .as("we keep the address, hashed, only so as not to contact Dan again")
        .isTrue();

    // Dan is told (Art. 12(3)): with no participant services configured, nothing is outstanding.
    assertThat(admin.act(id, "complete", Map.of()).body()).contains("<span>Completed</span>");
    assertThat(admin.get(CONSOLE + "/requests")).doesNotContain(id);
  }

  @Test
  @DisplayName(
      "Art. 21(2), 21(3): unsubscribing stops marketing and leaves a suppression entry; a later import is refused")
  void unsubscribeSuppresses() {
    SubjectIdentifier erin = new SubjectIdentifier("contact", "email", "erin@example.com");
    assertThat(guard.check(erin, "newsletter").allowed()).isTrue();
    WebSession session = WebSession.signIn(port, "erin@example.com", "demo");

    String page = session.post("/privacy/unsubscribe", Map.of()).body();

    assertThat(page).contains("we may send it: no");
    Decision newsletter = guard.check(erin, "newsletter");
    assertThat(newsletter.allowed()).isFalse();
    assertThat(newsletter.reason()).isEqualTo(Decision.Reason.DIRECT_MARKETING_OBJECTION);
    assertThat(guard.check(erin, "b2b-marketing").allowed()).isFalse();
    assertThat(suppressionList.isSuppressed("email", "erin@example.com")).isTrue();
    WebSession admin = admin();
    assertThat(admin.get("/admin/marketing"))
        .doesNotContain("erin@example.com")
        .contains("frank@example.com");
    String imported =
        admin
            .post(
                "/admin/marketing/import",
                Map.of("emails", "erin@example.com\nnew.contact@example.net"))
            .body();
    assertThat(imported)
        .contains("<p id=\"refused\">Refused, as they opted out of marketing: erin@example.com</p>")
        .contains("<p id=\"imported\">Imported: new.contact@example.net</p>");
  }

  @Test
  @DisplayName(
      "Art. 12(3), 12(4): an administrator extends a request once by two months with a reason, or rejects it with reasons")
  void extendAndReject() {
    WebSession alice = WebSession.signIn(port, "alice@example.com", "demo");
    alice.post("/privacy/requests", Map.of("type", "ACCESS"));
    alice.post("/privacy/requests", Map.of("type", "ERASURE"));
    WebSession admin = admin();
    String access = admin.requestId("ACCESS", "alice@example.com");
    String erasure = admin.requestId("ERASURE", "alice@example.com");

    String extended =
        admin.act(access, "extend", Map.of("months", "2", "reason", "Complex request")).body();
    assertThat(extended)
        .contains(
            inWords(today().plusMonths(1).plusMonths(2)),
            "(extended from " + inWords(today().plusMonths(1)) + ")",
            "extending the time we need to answer it by 2 months",
            "because: Complex request");
    assertThat(admin.act(access, "extend", Map.of("months", "2", "reason", "Again")).statusCode())
        .as("only one extension")
        .isEqualTo(409);

    String rejected =
        admin
            .act(
                erasure,
                "reject",
                Map.of("reason", "MANIFESTLY_UNFOUNDED", "explanation", "Asked 40 times this week"))
            .body();
    assertThat(rejected)
        .contains("<span>Rejected</span>", "Manifestly unfounded: Asked 40 times this week");
    assertThat(admin.get(CONSOLE + "/requests")).doesNotContain(erasure);
    assertThat(alice.get("/privacy")).doesNotContain("<td>ERASURE</td>");
  }

  @Test
  @DisplayName(
      "Art. 7(3): withdrawing the newsletter consent is one click and stops the newsletter, not the rest")
  void withdrawNewsletterConsent() {
    SubjectIdentifier bob = new SubjectIdentifier("contact", "email", "bob@example.com");
    WebSession session = WebSession.signIn(port, "bob@example.com", "demo");

    String page = session.post("/privacy/consent", Map.of("action", "withdraw")).body();

    assertThat(page).contains("Consent: WITHDRAWN · we may send it: no");
    assertThat(guard.check(bob, "newsletter").reason())
        .isEqualTo(Decision.Reason.CONSENT_WITHDRAWN);
    assertThat(guard.check(bob, "software-licence").allowed()).as("the contract goes on").isTrue();
  }

  @Test
  @DisplayName(
      "Art. 7(1), 13(3): consent given again in the privacy centre is recorded under the notice shown now, and"
          + " leaves the consents given under the 2021 statement to ask again")
  void consentGivenAgainIsUnderTheCurrentNotice() {
    SubjectIdentifier carol = new SubjectIdentifier("contact", "email", "carol@example.com");
    long before = outdatedNewsletterConsents();
    assertThat(before).as("the demo's consents, given under the 2021 statement").isPositive();

    WebSession.signIn(port, "carol@example.com", "demo")
        .post("/privacy/consent", Map.of("action", "give"));

    assertThat(consents.latest(carol, "newsletter"))
        .hasValueSatisfying(
            latest -> assertThat(latest.noticeVersion()).isEqualTo(notice.version()));
    assertThat(outdatedNewsletterConsents()).isEqualTo(before - 1);
  }

  private long outdatedNewsletterConsents() {
    return consents.givenUnderOtherNotice(notice.version()).stream()
        .filter(outdated -> outdated.purpose().equals("newsletter"))
        .mapToLong(OutdatedConsents::consents)
        .sum();
  }

  @Test
  @DisplayName(
      "Art. 12(3), 18: a restriction request is decided within 28 days; once restricted, only storage is allowed")
  void restrictionWithin28Days() {
    WebSession frank = WebSession.signIn(port, "frank@example.com", "demo");
    String page = frank.post("/privacy/requests", Map.of("type", "RESTRICTION")).body();
    assertThat(page)
        .contains(
            "<td>RESTRICTION</td><td>SUBMITTED</td><td class=\"due\">"
                + today().plusDays(28)
                + "</td>");

    WebSession admin = admin();
    String id = admin.requestId("RESTRICTION", "frank@example.com");
    admin.act(id, "verify", Map.of("method", "id-document"));
    assertThat(admin.act(id, "restrict", Map.of("ground", "ACCURACY_CONTESTED")).statusCode())
        .isEqualTo(200);
    SubjectIdentifier subject = new SubjectIdentifier("contact", "email", "frank@example.com");
    assertThat(guard.check(subject, "software-licence").reason())
        .isEqualTo(Decision.Reason.RESTRICTED);
    assertThat(guard.checkStorage(subject, "software-licence").allowed()).isTrue();
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): unsuccessful applicants are anonymised 12 months after the exercise closes; the statistics stay")
  void applicantsAnonymised() {
    RetentionEnforcer enforcer = retention.getObject();
    long before = applicants.count();

    enforcer.run();

    assertThat(applicants.count())
        .as("rows stay, for the recruitment statistics")
        .isEqualTo(before);
    for (Applicant applicant : applicants.findAll()) {
      boolean expired =
          applicant.exerciseClosedOn != null
              && applicant.exerciseClosedOn.plusMonths(12).isBefore(today());
      assertThat(applicant.fullName == null)
          .as("anonymised exactly when expired")
          .isEqualTo(expired);
      assertThat(applicant.outcome).isNotNull();
      assertThat(applicant.source).isNotNull();
    }
    assertThat(everyCell()).doesNotContain("Hana Hill", "Ivan Irwin").contains("Kit Kemp");
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): an employee file is deleted 12 months after employment ends, and not before")
  void employeeFilesDeleted() {
    retention.getObject().run();

    assertThat(employees.findAll())
        .extracting(employee -> employee.fullName)
        .containsExactlyInAnyOrder("Jade Jones", "Mia Moss");
  }

  @Test
  @DisplayName(
      "Art. 13, 14, 30: the notice and the record cover every section of the statement that software can write")
  void recordsCoverTheStatement() {
    // The statement keeps contacts' data "for an appropriate period" and marketing data "for as
    // long as we are able to market to you": no period that software could enforce, and the records
    // say so. Nor does it name the contracts (Art. 28(3)) with the nine processors it lists: gaps
    // too.
    assertThat(notice.gaps()).isEqualTo(record.gaps()).hasSize(14);
    assertThat(record.gaps())
        .filteredOn(gap -> gap.contains("declares no retention period"))
        .hasSize(5)
        .allSatisfy(gap -> assertThat(gap).contains("holds personal data of contact"));
    assertThat(record.gaps())
        .filteredOn(gap -> gap.contains("has no contract recorded (Art. 28(3))"))
        .hasSize(9);
    WebSession anyone = WebSession.signIn(port, "grace@example.com", "demo");
    String html = anyone.get("/records/privacy-notice");
    assertThat(html)
        .as("who we are and how to contact us")
        .contains(
            "Mesma Limited",
            "27/28 Frederick Street, Sunderland",
            "support@mesma.co.uk",
            "0845 6588370");
    assertThat(html)
        .as("the types of personal data")
        .contains(
            "Full name",
            "E-mail address",
            "Postal address",
            "Job title",
            "Company name",
            "IP address",
            "Telephone number");
    assertThat(html)
        .as("the legal bases and the legitimate interests")
        .contains(
            "Consent",
            "contract",
            "Legitimate interests",
            "Promoting our products",
            "Product upgrades and updates to new or existing customers");
    assertThat(html)
        .as("the third-party providers")
        .contains(
            "Google Analytics",
            "WordPress.com",
            "Microsoft 365",
            "Microsoft Azure",
            "HubSpot",
            "Crisp",
            "Xero",
            "Eventbrite",
            "Zoom");
    assertThat(html)
        .as("recruitment and employee files")
        .contains("12 months after the recruitment exercise", "12 months after employment ends");
    assertThat(html.toLowerCase())
        .as("the rights, the withdrawal of consent and the response times")
        .contains(
            "access",
            "rectification",
            "erasure",
            "restrict",
            "object",
            "withdraw",
            "28 days",
            "month");
    assertThat(html)
        .as("the complaint to the regulator")
        .contains("Information Commissioner", "https://ico.org.uk");
    WebSession admin = admin();
    assertThat(admin.get(CONSOLE + "/records/article-30"))
        .contains("<h1>Record of processing activities: Mesma Limited</h1>", "<h2>", "<li>")
        .doesNotContain("## ");
    assertThat(admin.get(CONSOLE + "/records/article-30.md"))
        .startsWith("# Record of processing activities: Mesma Limited");
    assertThat(admin.get(CONSOLE + "/records/data-map.svg"))
        .contains("<svg", "data-entity=\"Contact\"");
  }

  @Test
  @DisplayName(
      "Art. 5(1)(b), 13, 15, 30: for each kind of person, the record, the notice and the access report name the same purposes, data and recipients")
  void art5_1_b_art13_art15_art30_recordNoticeAndReportAgree() throws IOException {
    StringWriter html = new StringWriter();
    notice.writeHtml(html);
    List<List<String>> rows = tableRows(html.toString());
    // The report's information is the same for everyone of a kind, whether or not data is held
    // about them.
    List<SubjectIdentifier> oneOfEachKind =
        List.of(
            new SubjectIdentifier("contact", "email", "alice@example.com"),
            new SubjectIdentifier("applicant", "email", "dan@example.com"),
            new SubjectIdentifier("employee", "email", "erin@example.com"),
            new SubjectIdentifier("visitor", "ip", "203.0.113.7"));
    assertThat(oneOfEachKind)
        .extracting(SubjectIdentifier::subjectType)
        .containsExactlyInAnyOrderElementsOf(
            model.subjectTypes().stream().map(type -> type.name()).toList());
    for (SubjectIdentifier person : oneOfEachKind) {
      String about = person.subjectType();
      List<ProcessingActivity> activities =
          record.activities().stream()
              .filter(activity -> activity.subjectTypes().contains(about))
              .toList();
      Set<String> recordPurposes =
          activities.stream().map(ProcessingActivity::purpose).collect(toSet());
      Set<String> recordCategories =
          activities.stream()
              .flatMap(activity -> activity.dataCategories().stream())
              .map(DataCategory::label)
              .collect(toSet());
      Set<String> recordRecipients =
          activities.stream()
              .flatMap(activity -> activity.recipients().stream())
              .map(Recipient::name)
              .collect(toSet());
      RightsRequest request = rights.submit(RequestType.ACCESS, person, Channel.EMAIL);
      rights.verify(request.id(), "replied from the address");
      Article15Information report = rights.access(request.id()).information();
      Set<String> noticePurposes =
          rows.stream()
              .filter(row -> row.size() == 4 && Set.of(row.get(2).split(", ")).contains(about))
              .map(row -> row.get(0))
              .collect(toSet());
      Set<String> noticeCategories =
          rows.stream()
              .filter(row -> row.size() == 2 && row.get(0).equals(about))
              .flatMap(row -> Set.of(row.get(1).split(", ")).stream())
              .collect(toSet());

      assertThat(recordPurposes)
          .as("purposes about " + about)
          .isNotEmpty()
          .isEqualTo(
              report.purposes().stream()
                  .map(Article15Information.PurposeInfo::purpose)
                  .collect(toSet()));
      // The notice is for people: it names each purpose by its label (Art. 12(1)).
      assertThat(noticePurposes)
          .as("purposes about " + about + " in the notice")
          .isEqualTo(
              recordPurposes.stream()
                  .map(purpose -> model.purpose(purpose).orElseThrow().label())
                  .collect(toSet()));
      assertThat(recordCategories)
          .as("data about " + about)
          .isEqualTo(noticeCategories)
          .isEqualTo(Set.copyOf(report.categories()));
      assertThat(recordRecipients)
          .as("recipients of data about " + about)
          .isEqualTo(Set.copyOf(report.recipients()));
    }
    assertThat(model.entitiesWithoutPurpose())
        .as("entities holding personal data for no purpose")
        .isEmpty();
  }

  /** The cells of every row of every table of an HTML page, unescaped. */
  private static List<List<String>> tableRows(String html) {
    Matcher row = Pattern.compile("<tr>((?:<td>.*?</td>)+)</tr>").matcher(html);
    List<List<String>> rows = new ArrayList<>();
    while (row.find()) {
      Matcher cell = Pattern.compile("<td>(.*?)</td>").matcher(row.group(1));
      List<String> cells = new ArrayList<>();
      while (cell.find()) {
        cells.add(
            cell.group(1)
                .replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&"));
      }
      rows.add(cells);
    }
    return rows;
  }

  private static final String CONSOLE = WebSession.Console.PATH;

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  /** A date as the console shows it. */
  private static String inWords(LocalDate date) {
    return DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(date);
  }

  private WebSession admin() {
    return WebSession.signIn(port, "admin@mesma.example", "admin");
  }

  /** Every value of every table, the application's and Lethe's, read past JPA. */
  private List<String> everyCell() {
    return jdbc
        .queryForList(
            "select table_name from information_schema.tables where table_schema = 'PUBLIC'",
            String.class)
        .stream()
        .flatMap(table -> jdbc.queryForList("select * from \"" + table + "\"").stream())
        .flatMap(row -> row.values().stream())
        .map(String::valueOf)
        .toList();
  }

  private static String zipEntry(byte[] zip, String name) throws IOException {
    try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
        if (entry.getName().equals(name)) {
          return new String(entries.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no " + name + " in the ZIP");
  }
}
