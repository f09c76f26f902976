package example.consultancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.breach.Breach;
import dev.lethe.breach.BreachRegister;
import dev.lethe.breach.BreachReport;
import dev.lethe.erasure.LegalHold;
import dev.lethe.erasure.LegalHoldStore;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.retention.RetentionEnforcer;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.subject.SubjectIdentifier;
import example.consultancy.people.Employee;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The console's pages over real HTTP: the audit chain's state, the retention runs, the legal holds
 * placed and lifted, rectification and objection with their bad input, the breach register, and the
 * records' downloads. Its own database.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:console-pages;DB_CLOSE_DELAY=-1")
@Import(SubjectNotices.class)
class ConsolePagesTest {

  private static final String CONSOLE = WebSession.Console.PATH;

  @LocalServerPort int port;

  @Autowired LegalHoldStore holds;

  @Autowired AuditTrail audit;

  @Autowired ObjectProvider<RetentionEnforcer> retention;

  @Autowired Clock clock;

  @Autowired DataSubjectRights rights;

  @Autowired BreachRegister breaches;

  @Test
  @DisplayName("Art. 5(2): the audit page verifies the chain and shows the checkpoint to keep")
  void art5_2_auditState() {
    String page = admin().get(CONSOLE + "/audit");
    assertThat(page).contains("id=\"audit-state\"", "Intact: all ", "events are in order");
  }

  @Test
  @DisplayName("Art. 5(1)(e), 5(2): the retention page lists the runs per entity, periods in words")
  void art5_1_e_retentionRuns() {
    retention.getObject().run();
    String page = admin().get(CONSOLE + "/retention");
    assertThat(page)
        .contains("Employee", "12 months after left on, then delete")
        .doesNotContain("P12M");
  }

  @Test
  @DisplayName(
      "Art. 17(3)(e): a legal hold is listed in words and lifted from the console, audited")
  void art17_3_e_legalHolds() {
    LegalHold hold = LegalHold.onEntity(Employee.class, "Tribunal claim 2026-114", clock.instant());
    holds.place(hold);
    WebSession admin = admin();
    assertThat(admin.get(CONSOLE + "/legal-holds"))
        .contains("Every employee row", "Tribunal claim 2026-114");

    String lifted = admin.post(CONSOLE + "/legal-holds/" + hold.id() + "/lift", Map.of()).body();

    assertThat(lifted)
        .contains("The legal hold was lifted.")
        .doesNotContain("Tribunal claim 2026-114");
    try (Stream<AuditEvent> events = audit.events()) {
      assertThat(events.filter(event -> event.type() == AuditEventType.LEGAL_HOLD_LIFTED))
          .anySatisfy(
              event -> assertThat(event.attributes()).containsEntry("hold", hold.id().toString()));
    }
  }

  @Test
  @DisplayName(
      "Art. 30, 12(1): the record reads in labels, and downloads as HTML, CSV (names and labels) and JSON, the data map as SVG")
  void art30_downloads() {
    WebSession admin = admin();
    assertThat(admin.get(CONSOLE + "/records/article-30.html"))
        .startsWith("<!DOCTYPE html>")
        .contains("<h1>Record of processing activities: Mesma Limited</h1>");
    assertThat(admin.get(CONSOLE + "/records/article-30"))
        .contains("Processing activity: B2B marketing", "12 months after left on, then deleted")
        .doesNotContain("b2b-marketing", "leftOn");
    assertThat(admin.get(CONSOLE + "/records/article-30.csv"))
        .startsWith("Purpose,Purpose label,")
        .contains("b2b-marketing,B2B marketing,");
    assertThat(admin.get(CONSOLE + "/records/article-30.json")).startsWith("{");
    assertThat(
            admin
                .getResponse(CONSOLE + "/records/data-map.svg")
                .headers()
                .firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
  }

  @Test
  @DisplayName(
      "Art. 17(3)(e): placing a hold from the console, audited by pseudonym; bad input refused in words, nothing echoed")
  void art17_3_e_placeLegalHoldsAndBadInput() {
    WebSession admin = admin();
    admin.get(CONSOLE + "/legal-holds");
    HttpResponse<String> placed =
        admin.post(
            CONSOLE + "/legal-holds/subject",
            Map.of(
                "identity",
                "contact email",
                "value",
                DemoData.OTHER_CONTACT,
                "reason",
                "Claim 2026-88"));
    assertThat(placed.body())
        .contains("The legal hold was placed.", "Claim 2026-88")
        .doesNotContain(DemoData.OTHER_CONTACT);
    HttpResponse<String> entity =
        admin.post(
            CONSOLE + "/legal-holds/entity", Map.of("entity", "Enquiry", "reason", "Audit 2026-3"));
    assertThat(entity.body()).contains("Every enquiry row", "Audit 2026-3");
    try (Stream<AuditEvent> events = audit.events()) {
      assertThat(events.filter(event -> event.type() == AuditEventType.LEGAL_HOLD_PLACED))
          .anySatisfy(
              event ->
                  assertThat(event.attributes())
                      .containsKey("subject")
                      .doesNotContainValue(DemoData.OTHER_CONTACT));
    }

    assertRefused(
        admin.post(
            CONSOLE + "/legal-holds/subject",
            Map.of(
                "identity",
                "contact email",
                "value",
                "nobody-here@example.com",
                "reason",
                "Claim")),
        404,
        "No contact has that email",
        "nobody-here");
    assertRefused(
        admin.post(
            CONSOLE + "/legal-holds/subject",
            Map.of("identity", "contact shoe-size", "value", "x-42-secret", "reason", "Claim")),
        400,
        "Unknown identity",
        "x-42-secret");
    assertRefused(
        admin.post(
            CONSOLE + "/legal-holds/subject",
            Map.of("identity", "contact email", "value", "alice@example.com", "reason", " ")),
        400,
        "Fill in the reason for the hold",
        "alice@");
    assertRefused(
        admin.post(
            CONSOLE + "/legal-holds/entity", Map.of("entity", "Passport", "reason", "Claim")),
        400,
        "Unknown kind of record",
        "Passport");
    assertRefused(
        admin.post(CONSOLE + "/legal-holds/not-an-id/lift", Map.of()),
        400,
        "not a legal hold id",
        "not-an-id");
  }

  @Test
  @DisplayName(
      "Art. 16, 21: a rectification or objection refused in words: unknown attribute, bad value (422), wrong purpose;"
          + " an objection request fulfilled only once its objection is recorded")
  void art16_art21_badInput() {
    String rectification =
        rights
            .submit(
                RequestType.RECTIFICATION,
                new SubjectIdentifier("contact", "email", "frank@example.com"),
                Channel.WEB)
            .id()
            .toString();
    String objection =
        rights
            .submit(
                RequestType.OBJECTION,
                new SubjectIdentifier("contact", "email", "frank@example.com"),
                Channel.WEB)
            .id()
            .toString();
    WebSession admin = admin();
    admin.act(rectification, "verify", Map.of("method", "call back"));
    admin.act(objection, "verify", Map.of("method", "call back"));

    assertRefused(
        admin.act(rectification, "rectify", Map.of("correction.shoeSize", "secret-44")),
        400,
        "Unknown attribute",
        "secret-44");
    assertRefused(
        admin.act(rectification, "rectify", Map.of("correction.fullName", " ")),
        400,
        "Fill in at least one corrected value",
        "correction");
    HttpResponse<String> invalid =
        admin.act(rectification, "rectify", Map.of("correction.email", "frank-at-home"));
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(invalid.body())
        .contains("Nothing was changed", "E-mail address", "aria-invalid=\"true\"")
        .doesNotContain("frank-at-home");
    assertThat(rights.find(new RequestId(UUID.fromString(rectification))).orElseThrow().status())
        .isEqualTo(RequestStatus.VERIFIED);

    assertRefused(
        admin.act(objection, "object", Map.of("purpose", "employment")),
        400,
        "Unknown purpose",
        "employment");
    assertRefused(
        admin.act(rectification, "object", Map.of("purpose", "b2b-marketing")),
        400,
        "Only an objection request",
        "b2b-marketing");

    assertRefused(
        admin.act(objection, "fulfil", Map.of()),
        409,
        "no objection of its subject was recorded for it",
        "frank@example.com");
    assertThat(admin.act(objection, "object", Map.of("purpose", "b2b-marketing")).statusCode())
        .isLessThan(400);
    assertThat(rights.find(new RequestId(UUID.fromString(objection))).orElseThrow().status())
        .isEqualTo(RequestStatus.FULFILLED);
  }

  @Test
  @DisplayName(
      "Art. 33: the breach register lists a breach with its 72-hours deadline, overdue flagged; its page records the notification")
  void art33_breaches() {
    Breach overdue =
        breaches.record(
            new BreachReport(
                clock.instant().minus(Duration.ofHours(80)),
                "Laptop with the CRM export stolen",
                List.of("contact.email"),
                List.of("contact"),
                40,
                40,
                "Phishing of the contacts",
                "Remote wipe; contacts warned",
                "dpo@mesma.example",
                Breach.Risk.RISK));
    WebSession admin = admin();
    assertThat(admin.get(CONSOLE + "/breaches"))
        .contains("Laptop with the CRM export stolen", "Overdue since", "class=\"flag overdue\"");

    String page = CONSOLE + "/breaches/" + overdue.id();
    admin.get(page);
    assertRefused(
        admin.post(page + "/authority-notified", Map.of("reasons", "")),
        400,
        "Fill in the reasons for the delay",
        "CRM");
    HttpResponse<String> notified =
        admin.post(
            page + "/authority-notified",
            Map.of("reasons", "The theft was reported to us by the police on the fourth day"));
    assertThat(notified.body())
        .contains(
            "The notification of the supervisory authority was recorded.", "Notified ", ", late");
    assertRefused(
        admin.getResponse(CONSOLE + "/breaches/" + UUID.randomUUID()),
        404,
        "No breach",
        "breaches/");
  }

  @Test
  @DisplayName(
      "Art. 33(3), 33(5), 34(1): a breach is recorded from the console, its risk assessed anew, and the people it concerns told; bad input records nothing")
  void art33_34_recordAssessAndTell() {
    WebSession admin = admin();
    assertThat(admin.get(CONSOLE + "/breaches"))
        .as("the contact point filled in with the controller's, as no DPO is designated")
        .contains(
            "Record a breach", "E-mail address (contact.email)", "value=\"support@mesma.co.uk\"");
    String awareAt =
        LocalDateTime.ofInstant(
                clock.instant().minus(Duration.ofDays(1)), ZoneId.of("Europe/London"))
            .truncatedTo(ChronoUnit.MINUTES)
            .toString();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("awareAt", awareAt);
    form.put("nature", "Mailing list export left on a public share");
    form.put("dataCategories", "contact.email");
    form.put("subjectTypes", "contact");
    form.put("approximateSubjects", "120");
    form.put("approximateRecords", "120");
    form.put("consequences", "Unsolicited e-mail");
    form.put("measures", "Share removed; access logs reviewed");
    form.put("dpoContact", "dpo@mesma.example");
    form.put("risk", "RISK");
    int before = breaches.list().size();

    assertRefused(
        admin.post(CONSOLE + "/breaches", with(form, "awareAt", "2999-01-01T09:00")),
        400,
        "in the future",
        "2999");
    assertRefused(
        admin.post(CONSOLE + "/breaches", with(form, "nature", " ")),
        400,
        "Fill in the nature of the breach",
        "Mailing list");
    assertRefused(
        admin.post(CONSOLE + "/breaches", with(form, "dataCategories", "contact.emial")),
        400,
        "Unknown category of data",
        "emial");
    assertRefused(
        admin.post(CONSOLE + "/breaches", with(form, "approximateSubjects", "-3")),
        400,
        "not a whole number of 0 or more",
        "-3");
    assertThat(breaches.list()).as("nothing recorded").hasSize(before);

    assertThat(admin.post(CONSOLE + "/breaches", form).body())
        .contains(
            "The breach was recorded: notify the supervisory authority by",
            "Mailing list export left on a public share",
            "about 120 people");
    Breach recorded =
        breaches.list().stream()
            .filter(breach -> breach.report().nature().startsWith("Mailing list export"))
            .findFirst()
            .orElseThrow();
    assertThat(recorded.report().dataCategories()).containsExactly("contact.email");
    assertThat(recorded.report().awareAt())
        .isEqualTo(LocalDateTime.parse(awareAt).atZone(ZoneId.of("Europe/London")).toInstant());
    String page = CONSOLE + "/breaches/" + recorded.id();
    assertThat(admin.get(page)).doesNotContain("id=\"notify-subjects\"");

    assertThat(admin.post(page + "/risk", Map.of("risk", "HIGH")).body())
        .contains("The risk was recorded.", "id=\"notify-subjects\"");
    assertRefused(
        admin.post(page + "/subjects-notified", Map.of("identity", "contact email", "values", "")),
        400,
        "Name the people told",
        "contact email");
    HttpResponse<String> told =
        admin.post(
            page + "/subjects-notified",
            Map.of("identity", "contact email", "values", "grace@example.com\n\n"));
    assertThat(told.body())
        .contains("1 person is sent a notice of the breach.")
        .doesNotContain("grace@example.com");
    assertThat(breaches.find(recorded.id()).orElseThrow().subjectsNotified()).isEqualTo(1);
    try (Stream<AuditEvent> events = audit.events()) {
      assertThat(events.map(AuditEvent::type))
          .contains(
              AuditEventType.BREACH_RECORDED,
              AuditEventType.BREACH_RISK_ASSESSED,
              AuditEventType.BREACH_SUBJECTS_NOTIFIED);
    }
  }

  private static Map<String, String> with(Map<String, String> form, String field, String value) {
    Map<String, String> changed = new LinkedHashMap<>(form);
    changed.put(field, value);
    return changed;
  }

  private static void assertRefused(
      HttpResponse<String> response, int status, String message, String notEchoed) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.body()).contains(message).doesNotContain(notEchoed);
  }

  private WebSession admin() {
    return WebSession.signIn(port, DemoData.ADMIN, DemoData.ADMIN_PASSWORD);
  }
}
