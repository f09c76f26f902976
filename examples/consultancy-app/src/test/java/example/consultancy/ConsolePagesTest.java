package example.consultancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.erasure.LegalHold;
import dev.lethe.retention.RetentionEnforcer;
import dev.lethe.spi.LegalHoldStore;
import example.consultancy.people.Employee;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's other pages over real HTTP: the audit chain's state, the retention runs, the legal
 * holds with their lifting, and the records' downloads. Its own database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:console-pages;DB_CLOSE_DELAY=-1")
class ConsolePagesTest {

  private static final String CONSOLE = WebSession.Console.PATH;

  @LocalServerPort
  int port;

  @Autowired
  LegalHoldStore holds;

  @Autowired
  AuditTrail audit;

  @Autowired
  ObjectProvider<RetentionEnforcer> retention;

  @Autowired
  Clock clock;

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
    assertThat(page).contains("Employee", "12 months after left on, then delete").doesNotContain("P12M");
  }

  @Test
  @DisplayName("Art. 17(3)(e): a legal hold is listed in words and lifted from the console, audited")
  void art17_3_e_legalHolds() {
    LegalHold hold = LegalHold.onEntity(Employee.class, "Tribunal claim 2026-114", clock.instant());
    holds.place(hold);
    WebSession admin = admin();
    assertThat(admin.get(CONSOLE + "/legal-holds")).contains("Every employee row", "Tribunal claim 2026-114");

    String lifted = admin.post(CONSOLE + "/legal-holds/" + hold.id() + "/lift", Map.of()).body();

    assertThat(lifted).contains("The legal hold was lifted.").doesNotContain("Tribunal claim 2026-114");
    try (Stream<AuditEvent> events = audit.events()) {
      assertThat(events.filter(event -> event.type() == AuditEventType.LEGAL_HOLD_LIFTED))
          .anySatisfy(event -> assertThat(event.attributes()).containsEntry("hold", hold.id().toString()));
    }
  }

  @Test
  @DisplayName("Art. 30: the record downloads as HTML, CSV and JSON, the data map as SVG")
  void art30_downloads() {
    WebSession admin = admin();
    assertThat(admin.get(CONSOLE + "/records/article-30.html")).startsWith("<!DOCTYPE html>")
        .contains("<h1>Record of processing activities: Mesma Limited</h1>");
    assertThat(admin.get(CONSOLE + "/records/article-30.csv")).isNotBlank();
    assertThat(admin.get(CONSOLE + "/records/article-30.json")).startsWith("{");
    assertThat(admin.getResponse(CONSOLE + "/records/data-map.svg").headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
  }

  private WebSession admin() {
    return WebSession.signIn(port, DemoData.ADMIN, DemoData.ADMIN_PASSWORD);
  }
}
