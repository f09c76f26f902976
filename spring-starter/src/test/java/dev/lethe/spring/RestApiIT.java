package dev.lethe.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.breach.BreachNotice;
import dev.lethe.breach.BreachNotifier;
import dev.lethe.breach.BreachRegister;
import dev.lethe.jdbc.testing.TestDatabase;
import dev.lethe.records.PrivacyNotice;
import dev.lethe.restriction.Restriction;
import dev.lethe.restriction.SubjectNotifier;
import dev.lethe.spring.shop.ShopApplication;
import dev.lethe.subject.SubjectIdentifier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API over real HTTP, with Spring Security signing callers in, on the database the run
 * selects ({@code -Dlethe.db=postgresql}): admin and self-service flows, and who may do what.
 */
@SpringBootTest(
    classes = {ShopApplication.class, RestApiIT.Security.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "lethe.web.enabled=true",
      "spring.jpa.hibernate.ddl-auto=create",
      "lethe.direct-marketing-purposes=newsletter"
    })
@DirtiesContext
class RestApiIT {

  static final String ADA = "ada@example.com";
  static final String GRACE = "grace@example.com";

  /** A signed-in user of whom the shop holds no data: the one the request allowance is tried with. */
  static final String LIN = "lin@example.com";

  static final String ADMIN = "admin";

  /** The breach notices the application was asked to deliver. */
  static final List<BreachNotice> BREACH_NOTICES = new CopyOnWriteArrayList<>();

  static final String PASSWORD = "secret";

  /** Every personal value the test data holds: none may appear in a problem body. */
  static final List<String> ADA_VALUES = List.of(ADA, "Ada Lovelace", "12 St James Square");

  static final List<String> GRACE_VALUES = List.of(GRACE, "Grace Hopper", "Arlington Virginia");

  private static @Nullable TestDatabase database;

  @LocalServerPort int port;

  @Autowired DataSource dataSource;

  @Autowired LiftNotices liftNotices;

  @Autowired AuditTrail audit;

  @Autowired PrivacyNotice notice;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  static synchronized TestDatabase database() {
    if (database == null) {
      database = TestDatabase.create();
    }
    return database;
  }

  @BeforeAll
  static void selectDatabase() {
    database();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> database().jdbcUrl());
    registry.add("spring.datasource.username", () -> database().user());
    registry.add("spring.datasource.password", () -> "");
    registry.add("lethe.pseudonym-key", () -> Base64.getEncoder().encodeToString(new byte[32]));
    for (String recipient : LetheAutoConfigurationTest.RECIPIENTS) {
      String[] property = recipient.split("=", 2);
      registry.add(property[0], () -> property[1]);
    }
  }

  @BeforeEach
  void shop() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    // Each test starts without requests, so that one's open requests are not another's duplicates.
    jdbc.update("delete from lethe_rights_request");
    jdbc.update("delete from lethe_restriction");
    jdbc.update("delete from lethe_legal_hold");
    jdbc.update("delete from lethe_breach_subject");
    jdbc.update("delete from lethe_breach");
    jdbc.update("delete from lethe_consent_record");
    jdbc.update("delete from lethe_outbox where destination = ?", BreachRegister.DESTINATION);
    jdbc.update("delete from customer_order");
    jdbc.update("delete from customer");
    jdbc.update("insert into customer (id, email, name) values (1, ?, ?)", ADA, ADA_VALUES.get(1));
    jdbc.update(
        "insert into customer (id, email, name) values (2, ?, ?)", GRACE, GRACE_VALUES.get(1));
    jdbc.update(
        "insert into customer_order (id, customer_id, delivery_address) values (10, 1, ?)",
        ADA_VALUES.get(2));
    jdbc.update(
        "insert into customer_order (id, customer_id, delivery_address) values (20, 2, ?)",
        GRACE_VALUES.get(2));
  }

  @Test
  @DisplayName(
      "Art. 15, 17: an admin submits, verifies and downloads ada's report, which holds her data and nobody"
          + " else's (15(4)), then erases her everywhere")
  void accessAndErasureThroughTheAdminApi() throws Exception {
    HttpResponse<byte[]> submitted =
        call("POST", "/lethe/admin/requests", ADMIN, submission("ACCESS", ADA));
    assertThat(submitted.statusCode()).isEqualTo(201);
    JsonNode request = body(submitted);
    String id = request.get("id").asString();
    assertThat(submitted.headers().firstValue("Location"))
        .hasValueSatisfying(
            location -> assertThat(location).endsWith("/lethe/admin/requests/" + id));
    assertThat(request.get("status").asString()).isEqualTo("SUBMITTED");
    assertThat(request.get("awaitingVerification").asBoolean()).isTrue();
    assertThat(LocalDate.parse(request.get("dueDate").asString()))
        .isEqualTo(
            LocalDate.ofInstant(
                    Instant.parse(request.get("receivedAt").asString()), ZoneId.systemDefault())
                .plusMonths(1));
    assertThat(request.toString()).doesNotContain(ADA);

    assertThat(
            body(call(
                    "POST",
                    "/lethe/admin/requests/" + id + "/verify",
                    ADMIN,
                    "{\"method\":\"id-document\"}"))
                .get("status")
                .asString())
        .isEqualTo("VERIFIED");
    HttpResponse<byte[]> report =
        call("GET", "/lethe/admin/requests/" + id + "/report", ADMIN, null);
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(report.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(
            disposition ->
                assertThat(disposition)
                    .startsWith("attachment")
                    .contains("lethe-report-" + id + ".zip"));
    Map<String, String> zip = unzip(report.body());
    assertThat(zip).containsKeys("report.json", "manifest.json");
    assertThat(String.join("\n", zip.values())).contains(ADA_VALUES).doesNotContain(GRACE_VALUES);
    assertThat(
            body(call("POST", "/lethe/admin/requests/" + id + "/complete", ADMIN, null))
                .get("status")
                .asString())
        .isEqualTo("COMPLETED");

    String erasure = verifiedRequest("ERASURE", ADA);
    HttpResponse<byte[]> erased =
        call(
            "POST",
            "/lethe/admin/requests/" + erasure + "/erase",
            ADMIN,
            "{\"ground\":\"NO_LONGER_NECESSARY\"}");
    assertThat(erased.statusCode()).isEqualTo(200);
    JsonNode receipt = body(erased);
    assertThat(receipt.get("article").asString()).isEqualTo("Art. 17(1)(a)");
    assertThat(receipt.get("rowsTouched").asLong()).isEqualTo(2);
    assertThat(receipt.toString()).doesNotContain(ADA_VALUES);

    String again = verifiedRequest("ACCESS", ADA);
    String after =
        unzip(call("GET", "/lethe/admin/requests/" + again + "/report", ADMIN, null).body())
            .get("report.json");
    assertThat(json.readTree(after).get("processesPersonalData").asBoolean()).isFalse();
    assertThat(after).doesNotContain(ADA_VALUES);
    assertThat(storedValues()).doesNotContainAnyElementsOf(ADA_VALUES).containsAll(GRACE_VALUES);
  }

  @Test
  @DisplayName(
      "A caller who is not signed in gets a 401 problem, from the self-service and the admin endpoints")
  void unauthenticated() throws Exception {
    for (String[] endpoint :
        new String[][] {
          {"GET", "/lethe/me/data"},
          {"POST", "/lethe/me/erasure"},
          {"GET", "/lethe/me/consents"},
          {"GET", "/lethe/admin/requests"}
        }) {
      HttpResponse<byte[]> response = call(endpoint[0], endpoint[1], null, null);
      assertProblem(response, 401);
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValue("Bearer realm=\"lethe\"");
    }
    assertThat(storedValues()).containsAll(ADA_VALUES);
  }

  @Test
  @DisplayName(
      "A signed-in user without the admin role gets a 403 problem from every admin endpoint")
  void wrongRole() throws Exception {
    assertProblem(call("GET", "/lethe/admin/requests", ADA, null), 403);
    assertProblem(call("POST", "/lethe/admin/requests", ADA, submission("ACCESS", GRACE)), 403);
    String id =
        body(call("POST", "/lethe/admin/requests", ADMIN, submission("ERASURE", GRACE)))
            .get("id")
            .asString();
    assertProblem(
        call("POST", "/lethe/admin/requests/" + id + "/verify", ADA, "{\"method\":\"forged\"}"),
        403);
    assertProblem(
        call("POST", "/lethe/admin/requests/" + id + "/erase", ADA, "{\"ground\":\"OBJECTION\"}"),
        403);
    assertProblem(call("GET", "/lethe/admin/requests/" + id + "/report", ADA, null), 403);
    assertThat(
            body(call("GET", "/lethe/admin/requests/" + id, ADMIN, null)).get("status").asString())
        .isEqualTo("SUBMITTED");
    assertThat(storedValues()).containsAll(GRACE_VALUES);
  }

  @Test
  @DisplayName(
      "Art. 15(4): /me/data as ada streams ada's data and the Art. 15 information, and no one else's")
  void myData() throws Exception {
    HttpResponse<byte[]> response = call("GET", "/lethe/me/data?email=" + GRACE, ADA, null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode report = body(response);
    assertThat(report.get("processesPersonalData").asBoolean()).isTrue();
    assertThat(report.get("article").asString()).isEqualTo("Art. 15");
    assertThat(report.toString()).contains(ADA_VALUES).doesNotContain(GRACE_VALUES);
  }

  @Test
  @DisplayName("Art. 20: /me/export as grace is a ZIP of grace's data only")
  void myExport() throws Exception {
    HttpResponse<byte[]> response = call("GET", "/lethe/me/export", GRACE, null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(String.join("\n", unzip(response.body()).values()))
        .contains(GRACE_VALUES)
        .doesNotContain(ADA_VALUES);
  }

  @Test
  @DisplayName(
      "Art. 12(3), 17: a self-service erasure request is verified and shows in the admin's open list with its"
          + " due date; it erases the caller, never the subject a request body names")
  void myErasure() throws Exception {
    HttpResponse<byte[]> requested =
        call(
            "POST",
            "/lethe/me/erasure",
            ADA,
            "{\"subjectType\":\"customer\",\"identity\":\"email\",\"value\":\"" + GRACE + "\"}");
    assertThat(requested.statusCode()).isEqualTo(202);
    JsonNode accepted = body(requested);
    String id = accepted.get("id").asString();
    assertThat(accepted.get("status").asString()).isEqualTo("VERIFIED");

    List<JsonNode> open = new ArrayList<>();
    body(call("GET", "/lethe/admin/requests", ADMIN, null)).forEach(open::add);
    assertThat(open)
        .filteredOn(request -> request.get("id").asString().equals(id))
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.get("type").asString()).isEqualTo("ERASURE");
              assertThat(request.get("channel").asString()).isEqualTo("WEB");
              assertThat(request.get("dueDate").asString())
                  .isEqualTo(accepted.get("dueDate").asString());
              assertThat(LocalDate.parse(request.get("dueDate").asString()))
                  .isEqualTo(
                      LocalDate.ofInstant(
                              Instant.parse(request.get("receivedAt").asString()),
                              ZoneId.systemDefault())
                          .plusMonths(1));
              assertThat(request.get("overdue").asBoolean()).isFalse();
              assertThat(request.get("awaitingVerification").asBoolean()).isFalse();
            });

    assertThat(
            call(
                    "POST",
                    "/lethe/admin/requests/" + id + "/erase",
                    ADMIN,
                    "{\"ground\":\"CONSENT_WITHDRAWN\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(storedValues()).doesNotContainAnyElementsOf(ADA_VALUES).containsAll(GRACE_VALUES);
  }

  @Test
  @DisplayName(
      "Art. 7(3): consent given through /me/consents is withdrawn as easily, for the caller only")
  void myConsents() throws Exception {
    assertThat(body(call("GET", "/lethe/me/consents", GRACE, null)).toString())
        .contains("\"newsletter\"")
        .doesNotContain("\"orders\"");
    HttpResponse<byte[]> given =
        call("PUT", "/lethe/me/consents/newsletter", ADA, "{\"noticeVersion\":\"2026-11\"}");
    assertThat(given.statusCode()).isEqualTo(200);
    assertThat(body(given).get("state").asString()).isEqualTo("GIVEN");
    assertThat(state(ADA, "newsletter")).isEqualTo("GIVEN");
    assertThat(state(GRACE, "newsletter")).isNotEqualTo("GIVEN");

    HttpResponse<byte[]> withdrawn = call("DELETE", "/lethe/me/consents/newsletter", ADA, null);
    assertThat(body(withdrawn).get("state").asString()).isEqualTo("WITHDRAWN");
    assertThat(body(withdrawn).get("article").asString()).isEqualTo("Art. 7(3)");
    assertThat(state(ADA, "newsletter")).isEqualTo("WITHDRAWN");
    assertProblem(call("DELETE", "/lethe/me/consents/newsletter", ADA, null), 409);
    assertProblem(
        call("PUT", "/lethe/me/consents/orders", ADA, "{\"noticeVersion\":\"2026-11\"}"), 400);
    assertProblem(
        call("PUT", "/lethe/me/consents/" + GRACE, ADA, "{\"noticeVersion\":\"2026-11\"}"), 400);
    assertProblem(
        call(
            "PUT",
            "/lethe/me/consents/newsletter",
            ADA,
            "{\"noticeVersion\":\"" + "v".repeat(101) + "\"}"),
        400);
  }

  @Test
  @DisplayName(
      "Art. 7(1), 13(3): consent given without a version is recorded under the current notice; consents given"
          + " under an older one are counted per purpose and version and paged by pseudonym for the admin to ask again")
  void art7_consentsGivenUnderAnOlderNoticeAreReported() throws Exception {
    String current = notice.version();
    assertThat(call("PUT", "/lethe/me/consents/newsletter", ADA, null).statusCode()).isEqualTo(200);
    assertThat(body(call("GET", "/lethe/admin/consents/outdated", ADMIN, null)).get("outdated"))
        .isEmpty();
    call("PUT", "/lethe/me/consents/newsletter", GRACE, "{\"noticeVersion\":\"2025-01\"}");
    call("PUT", "/lethe/me/consents/newsletter", LIN, "{\"noticeVersion\":\"2025-01\"}");

    JsonNode report = body(call("GET", "/lethe/admin/consents/outdated", ADMIN, null));
    assertThat(report.get("noticeVersion").asString()).isEqualTo(current);
    assertThat(report.get("outdated"))
        .singleElement()
        .satisfies(
            outdated -> {
              assertThat(outdated.get("purpose").asString()).isEqualTo("newsletter");
              assertThat(outdated.get("noticeVersion").asString()).isEqualTo("2025-01");
              assertThat(outdated.get("consents").asLong()).isEqualTo(2);
            });
    List<String> expected =
        Stream.of(GRACE, LIN)
            .map(
                email -> audit.pseudonymOf(new SubjectIdentifier("customer", "email", email)).hex())
            .sorted()
            .toList();
    JsonNode first =
        body(call("GET", "/lethe/admin/consents/outdated/newsletter?limit=1", ADMIN, null));
    assertThat(first.get("subjects"))
        .extracting(JsonNode::asString)
        .containsExactly(expected.get(0));
    assertThat(first.get("next").asString()).isEqualTo(expected.get(0));
    JsonNode second =
        body(
            call(
                "GET",
                "/lethe/admin/consents/outdated/newsletter?limit=1&after=" + expected.get(0),
                ADMIN,
                null));
    assertThat(second.get("subjects"))
        .extracting(JsonNode::asString)
        .containsExactly(expected.get(1));
    assertThat(
            body(call(
                    "GET",
                    "/lethe/admin/consents/outdated/newsletter?after=" + expected.get(1),
                    ADMIN,
                    null))
                .get("subjects"))
        .isEmpty();
    assertThat(report.toString() + first + second).doesNotContain(GRACE).doesNotContain(LIN);

    assertProblem(call("GET", "/lethe/admin/consents/outdated/orders", ADMIN, null), 400);
    assertProblem(
        call("GET", "/lethe/admin/consents/outdated/newsletter?after=" + GRACE, ADMIN, null), 400);
    assertProblem(
        call("GET", "/lethe/admin/consents/outdated/newsletter?limit=0", ADMIN, null), 400);
    assertProblem(call("GET", "/lethe/admin/consents/outdated", ADA, null), 403);
  }

  @Test
  @DisplayName(
      "Problems are RFC 9457 with the right status, and their bodies hold no personal data, not even what the"
          + " request sent")
  void problemsHoldNoPersonalData() throws Exception {
    assertProblem(call("GET", "/lethe/admin/requests/" + UUID.randomUUID(), ADMIN, null), 404);
    assertProblem(call("GET", "/lethe/admin/requests/" + ADA, ADMIN, null), 400);
    assertProblem(
        call("POST", "/lethe/admin/requests", ADMIN, submission("NO_SUCH_RIGHT", ADA)), 400);
    assertProblem(
        call("POST", "/lethe/admin/requests", ADMIN, "{\"type\":\"ACCESS\",\"channel\":\"EMAIL\"}"),
        400);
    assertProblem(call("POST", "/lethe/admin/requests", ADMIN, "{not json " + ADA), 400);

    String id =
        body(call("POST", "/lethe/admin/requests", ADMIN, submission("ACCESS", ADA)))
            .get("id")
            .asString();
    assertProblem(call("GET", "/lethe/admin/requests/" + id + "/report", ADMIN, null), 409);
    assertProblem(
        call(
            "POST",
            "/lethe/admin/requests/" + id + "/extend",
            ADMIN,
            "{\"period\":\"" + ADA + "\",\"reason\":\"" + GRACE + "\"}"),
        400);
    assertProblem(
        call(
            "POST",
            "/lethe/admin/requests/" + id + "/extend",
            ADMIN,
            "{\"period\":\"P3M\",\"reason\":\"many requests from " + ADA + "\"}"),
        400);
    call("POST", "/lethe/admin/requests/" + id + "/verify", ADMIN, "{\"method\":\"id-document\"}");
    assertProblem(
        call(
            "POST",
            "/lethe/admin/requests/" + id + "/verify",
            ADMIN,
            "{\"method\":\"" + ADA + "\"}"),
        409);
    assertProblem(
        call("POST", "/lethe/admin/requests/" + id + "/erase", ADMIN, "{\"ground\":\"OBJECTION\"}"),
        400);
    assertProblem(
        call(
            "POST",
            "/lethe/admin/requests/" + id + "/reject",
            ADMIN,
            "{\"reason\":\"EXCESSIVE\",\"explanation\":\" \"}"),
        400);
  }

  @Test
  @DisplayName(
      "Art. 12(2): an unknown subject type or identity, or a key of the wrong type, is a 400 problem and"
          + " nothing is stored")
  void invalidIdentifiersAreRefused() throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Long before = jdbc.queryForObject("select count(*) from lethe_rights_request", Long.class);

    HttpResponse<byte[]> unknownType =
        call(
            "POST",
            "/lethe/admin/requests",
            ADMIN,
            "{\"type\":\"ACCESS\","
                + "\"subjectType\":\"custommer\",\"identity\":\"email\",\"value\":\""
                + ADA
                + "\",\"channel\":\"EMAIL\"}");
    assertProblem(unknownType, 400);
    assertThat(body(unknownType).get("detail").asString()).contains("custommer", "customer");
    assertProblem(
        call(
            "POST",
            "/lethe/admin/requests",
            ADMIN,
            "{\"type\":\"ACCESS\",\"subjectType\":\"customer\","
                + "\"identity\":\"fax\",\"value\":\""
                + ADA
                + "\",\"channel\":\"EMAIL\"}"),
        400);
    HttpResponse<byte[]> wrongType =
        call(
            "POST",
            "/lethe/admin/requests",
            ADMIN,
            "{\"type\":\"ERASURE\","
                + "\"subjectType\":\"customer\",\"identity\":\"id\",\"value\":\"abc\",\"channel\":\"EMAIL\"}");
    assertProblem(wrongType, 400);
    assertThat(body(wrongType).get("detail").asString()).contains("Long").doesNotContain("abc");

    assertThat(jdbc.queryForObject("select count(*) from lethe_rights_request", Long.class))
        .isEqualTo(before);
  }

  @Test
  @DisplayName(
      "Art. 17: erasing an identity that names nobody answers NO_DATA_HELD, not an erasure of 0 rows")
  void erasureOfNobody() throws Exception {
    String erasure =
        body(call(
                "POST",
                "/lethe/admin/requests",
                ADMIN,
                submission("ERASURE", "nobody@example.com")))
            .get("id")
            .asString();
    call(
        "POST",
        "/lethe/admin/requests/" + erasure + "/verify",
        ADMIN,
        "{\"method\":\"id-document\"}");

    JsonNode receipt =
        body(
            call(
                "POST",
                "/lethe/admin/requests/" + erasure + "/erase",
                ADMIN,
                "{\"ground\":\"NO_LONGER_NECESSARY\"}"));

    assertThat(receipt.get("outcome").asString()).isEqualTo("NO_DATA_HELD");
    assertThat(receipt.get("entities")).isEmpty();
    assertThat(storedValues()).containsAll(ADA_VALUES).containsAll(GRACE_VALUES);
  }

  @Test
  @DisplayName(
      "Art. 12(2): an e-mail identity that is no e-mail address, or a value the attribute's constraints refuse,"
          + " is a 400 at submission, and nothing is stored")
  void malformedValuesAreRefused() throws Exception {
    long before = requestCount();

    HttpResponse<byte[]> notAnEmail =
        call("POST", "/lethe/admin/requests", ADMIN, submission("ERASURE", "Ada Lovelace"));
    assertProblem(notAnEmail, 400);
    assertThat(body(notAnEmail).get("detail").asString())
        .contains("e-mail address", "Customer.email");
    assertProblem(call("POST", "/lethe/admin/requests", ADMIN, submission("ACCESS", "ada@")), 400);

    assertThat(requestCount()).isEqualTo(before);
  }

  @Test
  @DisplayName(
      "Art. 12(2): oversize fields are a 400 naming the lethe.web limit, an oversize body a 413, with or without"
          + " Content-Length, all before anything is written")
  void oversizeInputIsRefusedBeforeAnythingIsWritten() throws Exception {
    long before = requestCount();
    String longAddress = "a".repeat(320) + "@example.com";

    HttpResponse<byte[]> longIdentity =
        call("POST", "/lethe/admin/requests", ADMIN, submission("ERASURE", longAddress));
    assertProblem(longIdentity, 400);
    assertThat(body(longIdentity).get("detail").asString())
        .contains("'value'", "320", "lethe.web.max-identity-length")
        .doesNotContain(longAddress);

    String id =
        body(call("POST", "/lethe/admin/requests", ADMIN, submission("ACCESS", ADA)))
            .get("id")
            .asString();
    HttpResponse<byte[]> longReason =
        call(
            "POST",
            "/lethe/admin/requests/" + id + "/reject",
            ADMIN,
            "{\"reason\":\"EXCESSIVE\",\"explanation\":\"" + "x".repeat(2001) + "\"}");
    assertProblem(longReason, 400);
    assertThat(body(longReason).get("detail").asString()).contains("lethe.web.max-reason-length");
    assertProblem(
        call(
            "POST",
            "/lethe/admin/requests/" + id + "/verify",
            ADMIN,
            "{\"method\":\"" + "m".repeat(101) + "\"}"),
        400);
    assertThat(
            body(call("GET", "/lethe/admin/requests/" + id, ADMIN, null)).get("status").asString())
        .isEqualTo("SUBMITTED");

    String huge =
        "{\"type\":\"ACCESS\",\"channel\":\"EMAIL\",\"value\":\""
            + ADA
            + "\",\"padding\":\""
            + "p".repeat(17 * 1024)
            + "\"}";
    HttpResponse<byte[]> declared = call("POST", "/lethe/admin/requests", ADMIN, huge);
    assertProblem(declared, 413);
    assertThat(body(declared).get("detail").asString()).contains("lethe.web.max-body-size");
    HttpResponse<byte[]> chunked =
        send(
            HttpRequest.newBuilder(uri("/lethe/admin/requests"))
                .header("Content-Type", "application/json")
                .header("Authorization", basic(ADMIN))
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)))));
    assertProblem(chunked, 413);

    assertThat(requestCount()).isEqualTo(before + 1);
  }

  @Test
  @DisplayName(
      "A problem's instance is the path called, unescaped; a path holding what is not an id stops before it")
  void instanceIsThePathCalled() throws Exception {
    UUID unknown = UUID.randomUUID();
    HttpResponse<byte[]> notFound = call("GET", "/lethe/admin/requests/" + unknown, ADMIN, null);
    assertProblem(notFound, 404);
    assertThat(body(notFound).get("instance").asString())
        .isEqualTo("/lethe/admin/requests/" + unknown);

    HttpResponse<byte[]> malformed = call("GET", "/lethe/admin/requests/" + ADA, ADMIN, null);
    assertProblem(malformed, 400);
    assertThat(body(malformed).get("instance").asString()).isEqualTo("/lethe/admin/requests");
    assertThat(
            body(call("PUT", "/lethe/me/consents/orders", ADA, "{\"noticeVersion\":\"1\"}"))
                .get("instance")
                .asString())
        .isEqualTo("/lethe/me/consents/orders");
  }

  @Test
  @DisplayName(
      "Art. 12(4), 12(5): a rejected or cancelled request no longer awaits verification, and a request of the"
          + " wrong type is named in words")
  void closedRequestsAwaitNothing() throws Exception {
    String rejected =
        body(call("POST", "/lethe/admin/requests", ADMIN, submission("ACCESS", ADA)))
            .get("id")
            .asString();
    JsonNode rejection =
        body(
            call(
                "POST",
                "/lethe/admin/requests/" + rejected + "/reject",
                ADMIN,
                "{\"reason\":\"EXCESSIVE\",\"explanation\":\"the fourth identical request this week\"}"));
    assertThat(rejection.get("status").asString()).isEqualTo("REJECTED");
    assertThat(rejection.get("awaitingVerification").asBoolean()).isFalse();

    String cancelled =
        body(call("POST", "/lethe/admin/requests", ADMIN, submission("ERASURE", ADA)))
            .get("id")
            .asString();
    HttpResponse<byte[]> wrongType =
        call("GET", "/lethe/admin/requests/" + cancelled + "/report", ADMIN, null);
    assertProblem(wrongType, 400);
    assertThat(body(wrongType).get("detail").asString()).contains("is an erasure request");
    JsonNode cancellation =
        body(
            call(
                "POST",
                "/lethe/admin/requests/" + cancelled + "/cancel",
                ADMIN,
                "{\"reason\":\"withdrawn by the subject\"}"));
    assertThat(cancellation.get("status").asString()).isEqualTo("CANCELLED");
    assertThat(cancellation.get("awaitingVerification").asBoolean()).isFalse();
    assertProblem(
        call(
            "POST",
            "/lethe/admin/requests/" + cancelled + "/cancel",
            ADMIN,
            "{\"reason\":\"again\"}"),
        409);
    assertProblem(call("POST", "/lethe/admin/requests/" + cancelled + "/cancel", ADMIN, "{}"), 400);
  }

  @Test
  @DisplayName(
      "Art. 12(2): an identical open request of the same subject and type is answered with 200 and the request"
          + " already open, from the admin and the self-service endpoints; once closed, a new one is taken")
  void identicalOpenRequestsAreNotDuplicated() throws Exception {
    HttpResponse<byte[]> first =
        call("POST", "/lethe/admin/requests", ADMIN, submission("ERASURE", GRACE));
    HttpResponse<byte[]> again =
        call("POST", "/lethe/admin/requests", ADMIN, submission("ERASURE", " Grace@Example.com"));
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(body(again).get("id").asString()).isEqualTo(body(first).get("id").asString());
    assertThat(
            call("POST", "/lethe/admin/requests", ADMIN, submission("ACCESS", GRACE)).statusCode())
        .isEqualTo(201);

    HttpResponse<byte[]> mine = call("POST", "/lethe/me/erasure", ADA, null);
    HttpResponse<byte[]> mineAgain = call("POST", "/lethe/me/erasure", ADA, null);
    assertThat(mine.statusCode()).isEqualTo(202);
    assertThat(mineAgain.statusCode()).isEqualTo(200);
    assertThat(body(mineAgain).get("id").asString()).isEqualTo(body(mine).get("id").asString());
    assertThat(requestCount()).isEqualTo(3);

    String id = body(mine).get("id").asString();
    call(
        "POST",
        "/lethe/admin/requests/" + id + "/reject",
        ADMIN,
        "{\"reason\":\"MANIFESTLY_UNFOUNDED\",\"explanation\":\"a test\"}");
    assertThat(call("POST", "/lethe/me/erasure", ADA, null).statusCode()).isEqualTo(202);
  }

  @Test
  @DisplayName(
      "Art. 12(2): identical first requests sent at the same moment give one request, the others answered"
          + " with it; they take turns through Lethe's tables, as they would on several replicas")
  void identicalFirstRequestsAtOnceGiveOneRequest() throws Exception {
    int senders = 6;
    CyclicBarrier together = new CyclicBarrier(senders);
    ExecutorService threads = Executors.newFixedThreadPool(senders);
    try {
      List<Future<HttpResponse<byte[]>>> sent = new ArrayList<>();
      for (int i = 0; i < senders; i++) {
        String form = i % 2 == 0 ? LIN : " " + LIN.toUpperCase(Locale.ROOT);
        sent.add(
            threads.submit(
                () -> {
                  together.await();
                  return call(
                      "POST", "/lethe/admin/requests", ADMIN, submission("PORTABILITY", form));
                }));
      }
      List<Integer> statuses = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      for (var response : sent) {
        statuses.add(response.get().statusCode());
        ids.add(body(response.get()).get("id").asString());
      }
      assertThat(statuses).containsOnly(200, 201).filteredOn(status -> status == 201).hasSize(1);
      assertThat(ids).hasSize(1);
      assertThat(requestCount()).isEqualTo(1);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  @DisplayName(
      "Art. 12(5): a self-service caller gets lethe.web.max-new-requests-per-caller requests per window, then"
          + " 429 with Retry-After, counted in the database; other callers are not affected")
  void newRequestsPerCallerAreLimited() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertThat(call("GET", "/lethe/me/data", LIN, null).statusCode()).isEqualTo(200);
    }
    long before = requestCount();

    HttpResponse<byte[]> refused = call("GET", "/lethe/me/data", LIN, null);
    assertProblem(refused, 429);
    assertThat(refused.headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3601L));
    assertThat(body(refused).get("detail").asString())
        .contains("lethe.web.max-new-requests-per-caller")
        .doesNotContain(LIN);
    assertProblem(call("POST", "/lethe/me/erasure", LIN, null), 429);
    assertThat(requestCount()).isEqualTo(before);
    assertThat(call("GET", "/lethe/me/data", GRACE, null).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName(
      "Art. 16: a rectification corrects the subject's rows and tells recipients; a value the entity's"
          + " constraints refuse or an attribute the subject does not have is a 422 naming the attribute, never the value,"
          + " and changes nothing")
  void rectification() throws Exception {
    String id = verifiedRequest("RECTIFICATION", ADA);

    HttpResponse<byte[]> invalid =
        call(
            "POST",
            "/lethe/admin/requests/" + id + "/rectify",
            ADMIN,
            "{\"corrections\":{\"email\":\"ada at example\",\"name\":\"Ada King\"}}");
    assertProblem(invalid, 422);
    assertThat(body(invalid).get("attributes").toString()).isEqualTo("[\"email\"]");
    assertThat(new String(invalid.body(), StandardCharsets.UTF_8))
        .doesNotContain("ada at example", "Ada King");
    HttpResponse<byte[]> unknown =
        call(
            "POST",
            "/lethe/admin/requests/" + id + "/rectify",
            ADMIN,
            "{\"corrections\":{\"shoeSize\":\"42\",\"" + GRACE + "\":\"x\"}}");
    assertProblem(unknown, 422);
    assertThat(body(unknown).get("attributes").toString())
        .contains("shoeSize")
        .doesNotContain(GRACE);
    assertProblem(
        call("POST", "/lethe/admin/requests/" + id + "/rectify", ADMIN, "{\"corrections\":{}}"),
        400);
    assertThat(storedValues()).containsAll(ADA_VALUES);

    JsonNode rectified =
        body(
            call(
                "POST",
                "/lethe/admin/requests/" + id + "/rectify",
                ADMIN,
                "{\"corrections\":{\"name\":\"Ada King\"}}"));
    assertThat(rectified.get("rowsCorrected").asLong()).isEqualTo(1);
    assertThat(rectified.get("request").get("status").asString()).isEqualTo("FULFILLED");
    assertThat(rectified.toString()).doesNotContain("Ada King");
    assertThat(storedValues())
        .contains("Ada King")
        .doesNotContain(ADA_VALUES.get(1))
        .containsAll(GRACE_VALUES);
  }

  @Test
  @DisplayName(
      "Art. 18: a restriction request restricts processing on its ground; lifting tells the subject first"
          + " (18(3)) and stays put when the subject cannot be told")
  void restrictionAndItsLifting() throws Exception {
    String id =
        body(call("POST", "/lethe/admin/requests", ADMIN, submission("RESTRICTION", GRACE)))
            .get("id")
            .asString();
    assertProblem(
        call(
            "POST",
            "/lethe/admin/requests/" + id + "/restrict",
            ADMIN,
            "{\"ground\":\"ACCURACY_CONTESTED\"}"),
        400);
    call("POST", "/lethe/admin/requests/" + id + "/verify", ADMIN, "{\"method\":\"id-document\"}");
    assertProblem(call("POST", "/lethe/admin/requests/" + id + "/restrict", ADMIN, "{}"), 400);
    assertNotFulfilled(id, "no restriction of its subject's processing stands", "Art. 18(1)");

    JsonNode restriction =
        body(
            call(
                "POST",
                "/lethe/admin/requests/" + id + "/restrict",
                ADMIN,
                "{\"ground\":\"ACCURACY_CONTESTED\",\"until\":\"2099-01-01T00:00:00Z\"}"));
    assertThat(restriction.get("article").asString()).isEqualTo("Art. 18(1)(a)");
    assertThat(restriction.get("requestId").asString()).isEqualTo(id);
    assertThat(restriction.toString()).doesNotContain(GRACE);
    assertThat(
            body(call("GET", "/lethe/admin/requests/" + id, ADMIN, null)).get("status").asString())
        .isEqualTo("FULFILLED");

    String subject =
        "{\"subjectType\":\"customer\",\"identity\":\"email\",\"value\":\"" + GRACE + "\"}";
    int told = liftNotices.told.get();
    liftNotices.unreachable = true;
    assertProblem(call("POST", "/lethe/admin/restrictions/lift", ADMIN, subject), 409);
    liftNotices.unreachable = false;
    assertThat(liftNotices.told.get()).isEqualTo(told);
    HttpResponse<byte[]> lifted = call("POST", "/lethe/admin/restrictions/lift", ADMIN, subject);
    assertThat(lifted.statusCode()).isEqualTo(200);
    assertThat(body(lifted).get("ground").asString()).isEqualTo("ACCURACY_CONTESTED");
    assertThat(liftNotices.told.get()).isEqualTo(told + 1);
    assertProblem(call("POST", "/lethe/admin/restrictions/lift", ADMIN, subject), 409);
    assertProblem(
        call(
            "POST",
            "/lethe/admin/restrictions/lift",
            ADMIN,
            "{\"subjectType\":\"custommer\",\"identity\":\"email\",\"value\":\"" + GRACE + "\"}"),
        400);
    assertProblem(
        call("POST", "/lethe/admin/restrictions/lift", ADMIN, "{\"subjectType\":\"customer\"}"),
        400);
  }

  @Test
  @DisplayName(
      "Art. 18: a signed-in subject restricts processing of their own data at once; asking again answers the"
          + " restriction standing, erasing meanwhile is a 409 (18(2)), and only the controller lifts it")
  void myRestriction() throws Exception {
    assertProblem(call("GET", "/lethe/me/restriction", ADA, null), 404);
    HttpResponse<byte[]> placed =
        call("POST", "/lethe/me/restriction", ADA, "{\"ground\":\"UNLAWFUL_ERASURE_OPPOSED\"}");
    assertThat(placed.statusCode()).isEqualTo(201);
    assertThat(body(placed).get("article").asString()).isEqualTo("Art. 18(1)(b)");
    HttpResponse<byte[]> again =
        call("POST", "/lethe/me/restriction", ADA, "{\"ground\":\"ACCURACY_CONTESTED\"}");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(body(again).get("ground").asString()).isEqualTo("UNLAWFUL_ERASURE_OPPOSED");
    assertThat(body(call("GET", "/lethe/me/restriction", ADA, null)).get("requestId").asString())
        .isEqualTo(body(placed).get("requestId").asString());
    assertProblem(call("GET", "/lethe/me/restriction", GRACE, null), 404);
    assertProblem(
        call("POST", "/lethe/me/restriction", GRACE, "{\"ground\":\"NO_SUCH_GROUND\"}"), 400);
    String erasure = verifiedRequest("ERASURE", ADA);
    HttpResponse<byte[]> refused =
        call(
            "POST",
            "/lethe/admin/requests/" + erasure + "/erase",
            ADMIN,
            "{\"ground\":\"CONSENT_WITHDRAWN\"}");
    assertProblem(refused, 409);
    assertThat(body(refused).get("detail").asString())
        .as("Art. 18(2): erasure waits for the restriction to be lifted")
        .contains("UNLAWFUL_ERASURE_OPPOSED", "Art. 18(2)");
    assertThat(storedValues()).containsAll(ADA_VALUES);

    call(
        "POST",
        "/lethe/admin/restrictions/lift",
        ADMIN,
        "{\"subjectType\":\"customer\",\"identity\":\"email\",\"value\":\"" + ADA + "\"}");
    assertProblem(call("GET", "/lethe/me/restriction", ADA, null), 404);
  }

  @Test
  @DisplayName(
      "Art. 21: an objection request records the objection; a signed-in subject objects to direct marketing"
          + " through /me (absolute, 21(3)), and a purpose open to no objection is a 400 that echoes nothing")
  void objections() throws Exception {
    String id = verifiedRequest("OBJECTION", GRACE);
    assertNotFulfilled(id, "no objection of its subject was recorded for it", "Art. 21");
    assertProblem(
        call("POST", "/lethe/admin/requests/" + id + "/object", ADMIN, "{\"purpose\":\"orders\"}"),
        400);
    JsonNode objection =
        body(
            call(
                "POST",
                "/lethe/admin/requests/" + id + "/object",
                ADMIN,
                "{\"purpose\":\"newsletter\"}"));
    assertThat(objection.get("directMarketing").asBoolean()).isTrue();
    assertThat(objection.get("article").asString()).isEqualTo("Art. 21(2)");
    assertThat(
            body(call("GET", "/lethe/admin/requests/" + id, ADMIN, null)).get("status").asString())
        .isEqualTo("FULFILLED");

    assertThat(body(call("GET", "/lethe/me/objections", ADA, null))).isEmpty();
    HttpResponse<byte[]> mine = call("PUT", "/lethe/me/objections/newsletter", ADA, null);
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(body(mine).get("stands").asBoolean()).isTrue();
    assertThat(
            body(call("GET", "/lethe/me/objections", ADA, null)).get(0).get("purpose").asString())
        .isEqualTo("newsletter");
    assertProblem(call("PUT", "/lethe/me/objections/orders", ADA, null), 400);
    assertProblem(call("PUT", "/lethe/me/objections/" + GRACE, ADA, null), 400);
  }

  @Test
  @DisplayName(
      "Art. 17(3)(e): a legal hold placed on a subject keeps their data through an erasure until it is lifted;"
          + " holds on entity types, unknown names and nobody are handled, and the list names subjects by pseudonym")
  void legalHolds() throws Exception {
    HttpResponse<byte[]> placed =
        call(
            "POST",
            "/lethe/admin/legal-holds",
            ADMIN,
            "{\"subjectType\":\"customer\",\"identity\":\"email\",\"value\":\""
                + ADA
                + "\",\"reason\":\"case 2026-17\"}");
    assertThat(placed.statusCode()).isEqualTo(201);
    JsonNode hold = body(placed).get(0);
    assertThat(hold.get("subjectType").asString()).isEqualTo("customer");
    assertThat(hold.get("subject").asString()).hasSize(64);
    assertThat(body(placed).toString()).doesNotContain(ADA);
    HttpResponse<byte[]> onEntity =
        call(
            "POST",
            "/lethe/admin/legal-holds",
            ADMIN,
            "{\"entity\":\"CustomerOrder\",\"reason\":\"tax audit 2026\"}");
    assertThat(onEntity.statusCode()).isEqualTo(201);
    assertThat(body(call("GET", "/lethe/admin/legal-holds", ADMIN, null))).hasSize(2);

    assertProblem(
        call(
            "POST", "/lethe/admin/legal-holds", ADMIN, "{\"entity\":\"Invoice\",\"reason\":\"x\"}"),
        400);
    assertProblem(
        call(
            "POST",
            "/lethe/admin/legal-holds",
            ADMIN,
            "{\"entity\":\"Customer\",\"subjectType\":"
                + "\"customer\",\"identity\":\"email\",\"value\":\""
                + ADA
                + "\",\"reason\":\"x\"}"),
        400);
    assertProblem(
        call(
            "POST",
            "/lethe/admin/legal-holds",
            ADMIN,
            "{\"subjectType\":\"customer\",\"identity\":"
                + "\"email\",\"value\":\"nobody@example.com\",\"reason\":\"x\"}"),
        404);
    assertProblem(
        call("POST", "/lethe/admin/legal-holds", ADMIN, "{\"entity\":\"Customer\"}"), 400);

    String erasure = verifiedRequest("ERASURE", ADA);
    JsonNode receipt =
        body(
            call(
                "POST",
                "/lethe/admin/requests/" + erasure + "/erase",
                ADMIN,
                "{\"ground\":\"NO_LONGER_NECESSARY\"}"));
    assertThat(receipt.get("rowsTouched").asLong()).isZero();
    assertThat(storedValues()).containsAll(ADA_VALUES);

    for (JsonNode standing : body(call("GET", "/lethe/admin/legal-holds", ADMIN, null))) {
      String holdId = standing.get("id").asString();
      assertThat(call("DELETE", "/lethe/admin/legal-holds/" + holdId, ADMIN, null).statusCode())
          .isEqualTo(204);
      assertProblem(call("DELETE", "/lethe/admin/legal-holds/" + holdId, ADMIN, null), 404);
    }
    assertThat(body(call("GET", "/lethe/admin/legal-holds", ADMIN, null))).isEmpty();
    assertProblem(call("GET", "/lethe/admin/legal-holds", ADA, null), 403);
    try (var events = audit.events()) {
      assertThat(
              events.filter(
                  event ->
                      event.type() == AuditEventType.LEGAL_HOLD_PLACED
                          || event.type() == AuditEventType.LEGAL_HOLD_LIFTED))
          .as("Art. 5(2): every hold placed and lifted is audited, the subject by pseudonym")
          .extracting(event -> event.type().name())
          .containsExactly(
              "LEGAL_HOLD_PLACED", "LEGAL_HOLD_PLACED", "LEGAL_HOLD_LIFTED", "LEGAL_HOLD_LIFTED");
    }
  }

  private long requestCount() {
    return new JdbcTemplate(dataSource)
        .queryForObject("select count(*) from lethe_rights_request", Long.class);
  }

  @Test
  @DisplayName(
      "Art. 33(1), 33(5): a breach is recorded with its 72-hour deadline, listed, and the authority's"
          + " notification in time is recorded once; the audit keeps none of its texts")
  void art33_breachRecordedAndAuthorityNotifiedInTime() throws Exception {
    Instant awareAt = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
    HttpResponse<byte[]> recorded =
        call("POST", "/lethe/admin/breaches", ADMIN, breach(awareAt, "RISK"));
    assertThat(recorded.statusCode()).isEqualTo(201);
    JsonNode breach = body(recorded);
    String id = breach.get("id").asString();
    assertThat(recorded.headers().firstValue("Location"))
        .hasValueSatisfying(
            location -> assertThat(location).endsWith("/lethe/admin/breaches/" + id));
    assertThat(Instant.parse(breach.get("authorityDeadline").asString()))
        .isEqualTo(awareAt.plusSeconds(72 * 3600));
    assertThat(breach.get("authorityOverdue").asBoolean()).isFalse();
    assertThat(breach.get("dataCategories").toString()).contains("contact.postal-address");
    assertThat(body(call("GET", "/lethe/admin/breaches", ADMIN, null)))
        .singleElement()
        .satisfies(listed -> assertThat(listed.get("id").asString()).isEqualTo(id));

    JsonNode notified =
        body(call("POST", "/lethe/admin/breaches/" + id + "/authority-notification", ADMIN, "{}"));
    assertThat(notified.get("authorityNotifiedAt").isNull()).isFalse();
    assertThat(notified.get("notifiedLate").asBoolean()).isFalse();
    assertProblem(
        call("POST", "/lethe/admin/breaches/" + id + "/authority-notification", ADMIN, "{}"), 409);
    assertThat(
            body(call("GET", "/lethe/admin/breaches/" + id, ADMIN, null))
                .get("authorityNotifiedAt")
                .asString())
        .isEqualTo(notified.get("authorityNotifiedAt").asString());
    try (var events = audit.events()) {
      assertThat(
              events
                  .filter(event -> event.attributes().getOrDefault("breach", "").equals(id))
                  .map(event -> event.type().name())
                  .toList())
          .containsExactly("BREACH_RECORDED", "BREACH_AUTHORITY_NOTIFIED");
    }
    try (var events = audit.events()) {
      assertThat(events.map(Object::toString).toList())
          .noneMatch(event -> event.contains("Backup bucket"));
    }
  }

  @Test
  @DisplayName(
      "Art. 33(1): an overdue breach is listed first, and notifying the authority late without reasons is a"
          + " 400 naming delayReasons that records nothing")
  void art33_lateNotificationNeedsReasons() throws Exception {
    String recent =
        body(call(
                "POST",
                "/lethe/admin/breaches",
                ADMIN,
                breach(Instant.now().minusSeconds(60), "RISK")))
            .get("id")
            .asString();
    String late =
        body(call(
                "POST",
                "/lethe/admin/breaches",
                ADMIN,
                breach(Instant.now().minusSeconds(80 * 3600), "HIGH")))
            .get("id")
            .asString();
    JsonNode list = body(call("GET", "/lethe/admin/breaches", ADMIN, null));
    assertThat(list)
        .extracting(breach -> breach.get("id").asString())
        .containsExactly(late, recent);
    assertThat(list.get(0).get("authorityOverdue").asBoolean()).isTrue();

    HttpResponse<byte[]> refused =
        call(
            "POST",
            "/lethe/admin/breaches/" + late + "/authority-notification",
            ADMIN,
            "{\"delayReasons\":\" \"}");
    assertProblem(refused, 400);
    assertThat(body(refused).get("detail").asString()).contains("delayReasons", "Art. 33(1)");
    assertThat(
            body(call("GET", "/lethe/admin/breaches/" + late, ADMIN, null))
                .get("authorityNotifiedAt")
                .isNull())
        .isTrue();

    JsonNode notified =
        body(
            call(
                "POST",
                "/lethe/admin/breaches/" + late + "/authority-notification",
                ADMIN,
                "{\"delayReasons\":\"Forensics needed four days to confirm the scope\"}"));
    assertThat(notified.get("notifiedLate").asBoolean()).isTrue();
    assertThat(notified.get("authorityOverdue").asBoolean()).isFalse();
    assertThat(notified.get("delayReasons").asString())
        .isEqualTo("Forensics needed four days to confirm the scope");
  }

  @Test
  @DisplayName(
      "Art. 33(3): a breach with a missing, malformed or oversize field is a 400 naming the field, never"
          + " echoing the value; an unknown breach is a 404, and only the admin role reaches the register")
  void art33_badBreachInputIsRefusedByField() throws Exception {
    Instant awareAt = Instant.now().minusSeconds(60);
    Map<String, String> refusals = new LinkedHashMap<>();
    refusals.put(
        "nature", breach(awareAt, "RISK").replace("\"nature\":\"Backup bucket left public\",", ""));
    refusals.put("awareAt", breach(awareAt, "RISK").replace(awareAt.toString(), ADA));
    refusals.put("risk", breach(awareAt, "SEVERE"));
    refusals.put(
        "subjectTypes", breach(awareAt, "RISK").replace("[\"customer\"]", "[\"" + ADA + "\"]"));
    refusals.put("measures", breach(awareAt, "RISK").replace("Bucket closed", "x".repeat(5000)));
    refusals.put("future", breach(Instant.now().plusSeconds(3600), "RISK"));
    refusals.forEach(
        (field, body) -> {
          HttpResponse<byte[]> response = call("POST", "/lethe/admin/breaches", ADMIN, body);
          assertProblem(response, 400);
          assertThat(body(response).get("detail").asString())
              .as(field)
              .contains(field.equals("future") ? "awareAt" : field);
        });
    assertThat(body(call("GET", "/lethe/admin/breaches", ADMIN, null))).isEmpty();

    assertProblem(call("GET", "/lethe/admin/breaches/" + UUID.randomUUID(), ADMIN, null), 404);
    assertProblem(
        call(
            "POST",
            "/lethe/admin/breaches/" + UUID.randomUUID() + "/risk",
            ADMIN,
            "{\"risk\":\"HIGH\"}"),
        404);
    assertProblem(call("GET", "/lethe/admin/breaches", ADA, null), 403);
    assertProblem(call("POST", "/lethe/admin/breaches", ADA, breach(awareAt, "RISK")), 403);
    assertProblem(call("POST", "/lethe/admin/breaches", null, breach(awareAt, "RISK")), 401);
  }

  @Test
  @DisplayName(
      "Art. 34(1): subjects are told only once the risk is assessed high, found from the orders placed in"
          + " the breach's window and named ones, each once, through the outbox")
  void art34_highRiskBreachTellsTheSubjectsOfRowsInItsWindow() throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    // Days apart, so that however the driver maps the JVM's zone onto the column, ada's order is
    // inside the window and grace's before it.
    Instant from = Instant.parse("2026-03-01T00:00:00Z");
    jdbc.update(
        "update customer_order set placed_at = ? where id = 10",
        Timestamp.from(from.plusSeconds(36 * 3600)));
    jdbc.update(
        "update customer_order set placed_at = ? where id = 20",
        Timestamp.from(from.minusSeconds(10 * 86400)));
    String id =
        body(call(
                "POST",
                "/lethe/admin/breaches",
                ADMIN,
                breach(Instant.now().minusSeconds(60), "RISK")))
            .get("id")
            .asString();
    String window =
        "{\"windows\":[{\"entity\":\"CustomerOrder\",\"attribute\":\"placedAt\",\"from\":\""
            + from
            + "\",\"to\":\"2026-03-04T00:00:00Z\"}]}";

    HttpResponse<byte[]> notHigh =
        call("POST", "/lethe/admin/breaches/" + id + "/subject-notification", ADMIN, window);
    assertProblem(notHigh, 409);
    assertThat(body(notHigh).get("detail").asString()).contains("Art. 34(1)");
    assertThat(
            body(call(
                    "POST", "/lethe/admin/breaches/" + id + "/risk", ADMIN, "{\"risk\":\"HIGH\"}"))
                .get("risk")
                .asString())
        .isEqualTo("HIGH");

    HttpResponse<byte[]> noTime =
        call(
            "POST",
            "/lethe/admin/breaches/" + id + "/subject-notification",
            ADMIN,
            window.replace("placedAt", "deliveryAddress"));
    assertProblem(noTime, 400);
    assertThat(body(noTime).get("detail").asString()).contains("CustomerOrder", "placedAt");
    assertProblem(
        call("POST", "/lethe/admin/breaches/" + id + "/subject-notification", ADMIN, "{}"), 400);

    JsonNode told =
        body(call("POST", "/lethe/admin/breaches/" + id + "/subject-notification", ADMIN, window));
    assertThat(told.get("subjectsNotified").asLong()).isEqualTo(1);
    JsonNode again =
        body(
            call(
                "POST",
                "/lethe/admin/breaches/" + id + "/subject-notification",
                ADMIN,
                "{\"subjects\":[{\"subjectType\":\"customer\",\"identity\":\"email\",\"value\":\""
                    + GRACE
                    + "\"}],"
                    + window.substring(1)));
    assertThat(again.get("subjectsNotified").asLong()).as("ada is not told twice").isEqualTo(2);
    assertThat(
            jdbc.queryForList(
                "select idempotency_key from lethe_outbox where destination = ?",
                String.class,
                BreachRegister.DESTINATION))
        .hasSize(2)
        .allSatisfy(
            key ->
                assertThat(key)
                    .startsWith("art34:" + id)
                    .doesNotContain(ADA)
                    .doesNotContain(GRACE));
    try (var events = audit.events()) {
      assertThat(events.filter(event -> event.type() == AuditEventType.BREACH_RISK_ASSESSED))
          .singleElement()
          .satisfies(event -> assertThat(event.attributes()).containsEntry("risk", "HIGH"));
    }
  }

  @Test
  @DisplayName(
      "Art. 22(3): the signed-in subject asks for human review of a solely automated decision, and the"
          + " request waits in the admin queue with its deadline until a person fulfils it")
  void art22_selfServiceReviewOfAnAutomatedDecision() throws Exception {
    HttpResponse<byte[]> asked =
        call(
            "POST",
            "/lethe/me/automated-decision-reviews",
            ADA,
            "{\"purpose\":\"fraud-screening\"}");
    assertThat(asked.statusCode()).isEqualTo(201);
    JsonNode review = body(asked);
    String id = review.get("id").asString();
    assertThat(review.get("status").asString()).isEqualTo("VERIFIED");
    assertThat(review.get("article").asString()).contains("22");

    List<JsonNode> open = new ArrayList<>();
    body(call("GET", "/lethe/admin/requests", ADMIN, null)).forEach(open::add);
    assertThat(open)
        .filteredOn(request -> request.get("id").asString().equals(id))
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.get("type").asString()).isEqualTo("AUTOMATED_DECISION_REVIEW");
              assertThat(request.get("dueDate").asString())
                  .isEqualTo(review.get("dueDate").asString());
            });
    assertThat(
            body(call("POST", "/lethe/admin/requests/" + id + "/fulfil", ADMIN, null))
                .get("status")
                .asString())
        .isEqualTo("FULFILLED");
    try (var events = audit.events()) {
      assertThat(
              events
                  .filter(
                      event ->
                          event
                              .requestId()
                              .map(request -> request.value().toString().equals(id))
                              .orElse(false))
                  .findFirst())
          .hasValueSatisfying(
              submitted ->
                  assertThat(submitted.attributes()).containsEntry("purpose", "fraud-screening"));
    }
  }

  @Test
  @DisplayName(
      "Art. 22(1): a review is refused, 400 naming the purposes that decide automatically, for a purpose that"
          + " takes no solely automated decision; the admin names the purpose as well, and only for a review")
  void art22_reviewNeedsAPurposeThatDecidesAutomatically() throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    HttpResponse<byte[]> notAutomated =
        call("POST", "/lethe/me/automated-decision-reviews", ADA, "{\"purpose\":\"orders\"}");
    assertProblem(notAutomated, 400);
    assertThat(body(notAutomated).get("detail").asString())
        .contains("Art. 22(1)", "fraud-screening");
    assertThat(
            body(call("POST", "/lethe/me/automated-decision-reviews", ADA, "{}"))
                .get("detail")
                .asString())
        .contains("purpose");
    assertThat(jdbc.queryForObject("select count(*) from lethe_rights_request", Long.class))
        .isZero();

    String review = submission("AUTOMATED_DECISION_REVIEW", GRACE);
    assertThat(body(call("POST", "/lethe/admin/requests", ADMIN, review)).get("detail").asString())
        .contains("purpose");
    HttpResponse<byte[]> received =
        call(
            "POST",
            "/lethe/admin/requests",
            ADMIN,
            review.replace("}", ",\"purpose\":\"fraud-screening\"}"));
    assertThat(received.statusCode()).isEqualTo(201);
    assertThat(body(received).get("type").asString()).isEqualTo("AUTOMATED_DECISION_REVIEW");
    assertProblem(
        call(
            "POST",
            "/lethe/admin/requests",
            ADMIN,
            submission("ACCESS", GRACE).replace("}", ",\"purpose\":\"fraud-screening\"}")),
        400);
  }

  private static String breach(Instant awareAt, String risk) {
    return "{\"awareAt\":\""
        + awareAt
        + "\",\"nature\":\"Backup bucket left public\","
        + "\"dataCategories\":[\"contact.email\",\"contact.postal-address\"],\"subjectTypes\":[\"customer\"],"
        + "\"approximateSubjects\":2,\"approximateRecords\":4,\"consequences\":\"Addresses may be misused\","
        + "\"measures\":\"Bucket closed\",\"dpoContact\":\"dpo@shop.example\",\"risk\":\""
        + risk
        + "\"}";
  }

  /** A request of {@code type} for {@code subject}, submitted and verified by the admin; its id. */
  private String verifiedRequest(String type, String subject) throws Exception {
    String id =
        body(call("POST", "/lethe/admin/requests", ADMIN, submission(type, subject)))
            .get("id")
            .asString();
    call("POST", "/lethe/admin/requests/" + id + "/verify", ADMIN, "{\"method\":\"id-document\"}");
    return id;
  }

  /** Marking request {@code id} fulfilled before it is carried out is a 409 naming what is missing. */
  private void assertNotFulfilled(String id, String... missing) {
    HttpResponse<byte[]> markedDone =
        call("POST", "/lethe/admin/requests/" + id + "/fulfil", ADMIN, null);
    assertProblem(markedDone, 409);
    assertThat(body(markedDone).get("detail").asString()).contains(missing);
  }

  private void assertProblem(HttpResponse<byte[]> response, int status) {
    assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .as(response.uri().toString())
        .hasValue("application/problem+json");
    JsonNode problem = body(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asString()).isNotBlank();
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .doesNotContain(ADA_VALUES)
        .doesNotContain(GRACE_VALUES);
  }

  private String state(String user, String purpose) {
    for (JsonNode consent : body(call("GET", "/lethe/me/consents", user, null))) {
      if (consent.get("purpose").asString().equals(purpose)) {
        return consent.get("state").asString();
      }
    }
    throw new AssertionError("No purpose " + purpose);
  }

  private static String submission(String type, String email) {
    return "{\"type\":\""
        + type
        + "\",\"subjectType\":\"customer\",\"identity\":\"email\",\"value\":\""
        + email
        + "\",\"channel\":\"EMAIL\"}";
  }

  /** Every personal value in the shop's tables. */
  private List<String> storedValues() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    List<String> values = new ArrayList<>();
    values.addAll(jdbc.queryForList("select email from customer", String.class));
    values.addAll(jdbc.queryForList("select name from customer", String.class));
    values.addAll(jdbc.queryForList("select delivery_address from customer_order", String.class));
    values.removeIf(value -> value == null);
    return values;
  }

  private HttpResponse<byte[]> call(
      String method, String path, @Nullable String user, @Nullable String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return send(request);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode body(HttpResponse<byte[]> response) {
    return json.readTree(response.body());
  }

  private static Map<String, String> unzip(byte[] zip) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }

  /** The application's Art. 18(3) notices: it counts them, and fails while told to. */
  static final class LiftNotices implements SubjectNotifier {
    final AtomicInteger told = new AtomicInteger();
    volatile boolean unreachable;

    @Override
    public void notifyLifting(SubjectIdentifier subject, Restriction restriction) {
      if (unreachable) {
        throw new IllegalStateException("The subject could not be reached");
      }
      told.incrementAndGet();
    }
  }

  /** The application's security: HTTP Basic against in-memory users; every request passes on to the endpoints. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Security {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
          .httpBasic(Customizer.withDefaults())
          .csrf(csrf -> csrf.disable())
          .build();
    }

    @Bean
    InMemoryUserDetailsManager users() {
      return new InMemoryUserDetailsManager(
          User.withUsername(ADA).password("{noop}" + PASSWORD).roles("USER").build(),
          User.withUsername(GRACE).password("{noop}" + PASSWORD).roles("USER").build(),
          User.withUsername(LIN).password("{noop}" + PASSWORD).roles("USER").build(),
          User.withUsername(ADMIN).password("{noop}" + PASSWORD).roles("LETHE_ADMIN").build());
    }

    @Bean
    LiftNotices liftNotices() {
      return new LiftNotices();
    }

    /** The application's Art. 34 notices: kept, as an e-mail would be sent. */
    @Bean
    BreachNotifier breachNotices() {
      return BREACH_NOTICES::add;
    }

    /**
     * Drops the test's schema when the context closes. An in-memory H2 database goes with the JVM,
     * and Boot created it as another user than the one {@link TestDatabase} connects as.
     */
    @Bean
    DisposableBean dropTestDatabase(DataSource dataSource) {
      return () -> {
        if (database().kind() != TestDatabase.Kind.H2) {
          database().close();
        }
      };
    }
  }
}
