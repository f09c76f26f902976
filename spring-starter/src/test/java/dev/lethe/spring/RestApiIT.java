package dev.lethe.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.jdbc.testing.TestDatabase;
import dev.lethe.spring.shop.ShopApplication;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
@SpringBootTest(classes = {ShopApplication.class, RestApiIT.Security.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"lethe.web.enabled=true", "spring.jpa.hibernate.ddl-auto=create"})
@DirtiesContext
class RestApiIT {

  static final String ADA = "ada@example.com";
  static final String GRACE = "grace@example.com";
  static final String ADMIN = "admin";
  static final String PASSWORD = "secret";
  /** Every personal value the test data holds: none may appear in a problem body. */
  static final List<String> ADA_VALUES = List.of(ADA, "Ada Lovelace", "12 St James Square");
  static final List<String> GRACE_VALUES = List.of(GRACE, "Grace Hopper", "Arlington Virginia");

  private static @Nullable TestDatabase database;

  @LocalServerPort
  int port;

  @Autowired
  DataSource dataSource;

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
    jdbc.update("delete from customer_order");
    jdbc.update("delete from customer");
    jdbc.update("insert into customer (id, email, name) values (1, ?, ?)", ADA, ADA_VALUES.get(1));
    jdbc.update("insert into customer (id, email, name) values (2, ?, ?)", GRACE, GRACE_VALUES.get(1));
    jdbc.update("insert into customer_order (id, customer_id, delivery_address) values (10, 1, ?)", ADA_VALUES.get(2));
    jdbc.update("insert into customer_order (id, customer_id, delivery_address) values (20, 2, ?)", GRACE_VALUES.get(2));
  }

  @Test
  @DisplayName("Art. 15, 17: an admin submits, verifies and downloads ada's report, which holds her data and nobody"
      + " else's (15(4)), then erases her everywhere")
  void accessAndErasureThroughTheAdminApi() throws Exception {
    HttpResponse<byte[]> submitted = call("POST", "/lethe/admin/requests", ADMIN, submission("ACCESS", ADA));
    assertThat(submitted.statusCode()).isEqualTo(201);
    JsonNode request = body(submitted);
    String id = request.get("id").asString();
    assertThat(submitted.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
        .endsWith("/lethe/admin/requests/" + id));
    assertThat(request.get("status").asString()).isEqualTo("SUBMITTED");
    assertThat(request.get("awaitingVerification").asBoolean()).isTrue();
    assertThat(LocalDate.parse(request.get("dueDate").asString())).isEqualTo(
        LocalDate.ofInstant(Instant.parse(request.get("receivedAt").asString()), ZoneId.systemDefault()).plusMonths(1));
    assertThat(request.toString()).doesNotContain(ADA);

    assertThat(body(call("POST", "/lethe/admin/requests/" + id + "/verify", ADMIN, "{\"method\":\"id-document\"}"))
        .get("status").asString()).isEqualTo("VERIFIED");
    HttpResponse<byte[]> report = call("GET", "/lethe/admin/requests/" + id + "/report", ADMIN, null);
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(report.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
        assertThat(disposition).startsWith("attachment").contains("lethe-report-" + id + ".zip"));
    Map<String, String> zip = unzip(report.body());
    assertThat(zip).containsKeys("report.json", "manifest.json");
    assertThat(String.join("\n", zip.values())).contains(ADA_VALUES).doesNotContain(GRACE_VALUES);
    assertThat(body(call("POST", "/lethe/admin/requests/" + id + "/complete", ADMIN, null)).get("status").asString())
        .isEqualTo("COMPLETED");

    String erasure = body(call("POST", "/lethe/admin/requests", ADMIN, submission("ERASURE", ADA))).get("id").asString();
    call("POST", "/lethe/admin/requests/" + erasure + "/verify", ADMIN, "{\"method\":\"id-document\"}");
    HttpResponse<byte[]> erased = call("POST", "/lethe/admin/requests/" + erasure + "/erase", ADMIN,
        "{\"ground\":\"NO_LONGER_NECESSARY\"}");
    assertThat(erased.statusCode()).isEqualTo(200);
    JsonNode receipt = body(erased);
    assertThat(receipt.get("article").asString()).isEqualTo("Art. 17(1)(a)");
    assertThat(receipt.get("rowsTouched").asLong()).isEqualTo(2);
    assertThat(receipt.toString()).doesNotContain(ADA_VALUES);

    String again = body(call("POST", "/lethe/admin/requests", ADMIN, submission("ACCESS", ADA))).get("id").asString();
    call("POST", "/lethe/admin/requests/" + again + "/verify", ADMIN, "{\"method\":\"id-document\"}");
    String after = unzip(call("GET", "/lethe/admin/requests/" + again + "/report", ADMIN, null).body()).get("report.json");
    assertThat(json.readTree(after).get("processesPersonalData").asBoolean()).isFalse();
    assertThat(after).doesNotContain(ADA_VALUES);
    assertThat(storedValues()).doesNotContainAnyElementsOf(ADA_VALUES).containsAll(GRACE_VALUES);
  }

  @Test
  @DisplayName("A caller who is not signed in gets a 401 problem, from the self-service and the admin endpoints")
  void unauthenticated() throws Exception {
    for (String[] endpoint : new String[][] {{"GET", "/lethe/me/data"}, {"POST", "/lethe/me/erasure"},
        {"GET", "/lethe/me/consents"}, {"GET", "/lethe/admin/requests"}}) {
      HttpResponse<byte[]> response = call(endpoint[0], endpoint[1], null, null);
      assertProblem(response, 401);
    }
    assertThat(storedValues()).containsAll(ADA_VALUES);
  }

  @Test
  @DisplayName("A signed-in user without the admin role gets a 403 problem from every admin endpoint")
  void wrongRole() throws Exception {
    assertProblem(call("GET", "/lethe/admin/requests", ADA, null), 403);
    assertProblem(call("POST", "/lethe/admin/requests", ADA, submission("ACCESS", GRACE)), 403);
    String id = body(call("POST", "/lethe/admin/requests", ADMIN, submission("ERASURE", GRACE))).get("id").asString();
    assertProblem(call("POST", "/lethe/admin/requests/" + id + "/verify", ADA, "{\"method\":\"forged\"}"), 403);
    assertProblem(call("POST", "/lethe/admin/requests/" + id + "/erase", ADA, "{\"ground\":\"OBJECTION\"}"), 403);
    assertProblem(call("GET", "/lethe/admin/requests/" + id + "/report", ADA, null), 403);
    assertThat(body(call("GET", "/lethe/admin/requests/" + id, ADMIN, null)).get("status").asString())
        .isEqualTo("SUBMITTED");
    assertThat(storedValues()).containsAll(GRACE_VALUES);
  }

  @Test
  @DisplayName("Art. 15(4): /me/data as ada streams ada's data and the Art. 15 information, and no one else's")
  void myData() throws Exception {
    HttpResponse<byte[]> response = call("GET", "/lethe/me/data?email=" + GRACE, ADA, null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/json"));
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
    assertThat(String.join("\n", unzip(response.body()).values())).contains(GRACE_VALUES).doesNotContain(ADA_VALUES);
  }

  @Test
  @DisplayName("Art. 12(3), 17: a self-service erasure request is verified and shows in the admin's open list with its"
      + " due date; it erases the caller, never the subject a request body names")
  void myErasure() throws Exception {
    HttpResponse<byte[]> requested = call("POST", "/lethe/me/erasure", ADA,
        "{\"subjectType\":\"customer\",\"identity\":\"email\",\"value\":\"" + GRACE + "\"}");
    assertThat(requested.statusCode()).isEqualTo(202);
    JsonNode accepted = body(requested);
    String id = accepted.get("id").asString();
    assertThat(accepted.get("status").asString()).isEqualTo("VERIFIED");

    List<JsonNode> open = new ArrayList<>();
    body(call("GET", "/lethe/admin/requests", ADMIN, null)).forEach(open::add);
    assertThat(open).filteredOn(request -> request.get("id").asString().equals(id)).singleElement()
        .satisfies(request -> {
          assertThat(request.get("type").asString()).isEqualTo("ERASURE");
          assertThat(request.get("channel").asString()).isEqualTo("WEB");
          assertThat(request.get("dueDate").asString()).isEqualTo(accepted.get("dueDate").asString());
          assertThat(LocalDate.parse(request.get("dueDate").asString())).isEqualTo(LocalDate.ofInstant(
              Instant.parse(request.get("receivedAt").asString()), ZoneId.systemDefault()).plusMonths(1));
          assertThat(request.get("overdue").asBoolean()).isFalse();
          assertThat(request.get("awaitingVerification").asBoolean()).isFalse();
        });

    assertThat(call("POST", "/lethe/admin/requests/" + id + "/erase", ADMIN, "{\"ground\":\"CONSENT_WITHDRAWN\"}")
        .statusCode()).isEqualTo(200);
    assertThat(storedValues()).doesNotContainAnyElementsOf(ADA_VALUES).containsAll(GRACE_VALUES);
  }

  @Test
  @DisplayName("Art. 7(3): consent given through /me/consents is withdrawn as easily, for the caller only")
  void myConsents() throws Exception {
    assertThat(body(call("GET", "/lethe/me/consents", GRACE, null)).toString()).contains("\"newsletter\"")
        .doesNotContain("\"orders\"");
    HttpResponse<byte[]> given = call("PUT", "/lethe/me/consents/newsletter", ADA, "{\"noticeVersion\":\"2026-11\"}");
    assertThat(given.statusCode()).isEqualTo(200);
    assertThat(body(given).get("state").asString()).isEqualTo("GIVEN");
    assertThat(state(ADA, "newsletter")).isEqualTo("GIVEN");
    assertThat(state(GRACE, "newsletter")).isNotEqualTo("GIVEN");

    HttpResponse<byte[]> withdrawn = call("DELETE", "/lethe/me/consents/newsletter", ADA, null);
    assertThat(body(withdrawn).get("state").asString()).isEqualTo("WITHDRAWN");
    assertThat(body(withdrawn).get("article").asString()).isEqualTo("Art. 7(3)");
    assertThat(state(ADA, "newsletter")).isEqualTo("WITHDRAWN");
    assertProblem(call("DELETE", "/lethe/me/consents/newsletter", ADA, null), 409);
    assertProblem(call("PUT", "/lethe/me/consents/orders", ADA, "{\"noticeVersion\":\"2026-11\"}"), 400);
    assertProblem(call("PUT", "/lethe/me/consents/" + GRACE, ADA, "{\"noticeVersion\":\"2026-11\"}"), 400);
    assertProblem(call("PUT", "/lethe/me/consents/newsletter", ADA, "{}"), 400);
  }

  @Test
  @DisplayName("Problems are RFC 9457 with the right status, and their bodies hold no personal data, not even what the"
      + " request sent")
  void problemsHoldNoPersonalData() throws Exception {
    assertProblem(call("GET", "/lethe/admin/requests/" + java.util.UUID.randomUUID(), ADMIN, null), 404);
    assertProblem(call("GET", "/lethe/admin/requests/" + ADA, ADMIN, null), 400);
    assertProblem(call("POST", "/lethe/admin/requests", ADMIN, submission("NO_SUCH_RIGHT", ADA)), 400);
    assertProblem(call("POST", "/lethe/admin/requests", ADMIN, "{\"type\":\"ACCESS\",\"channel\":\"EMAIL\"}"), 400);
    assertProblem(call("POST", "/lethe/admin/requests", ADMIN, "{not json " + ADA), 400);

    String id = body(call("POST", "/lethe/admin/requests", ADMIN, submission("ACCESS", ADA))).get("id").asString();
    assertProblem(call("GET", "/lethe/admin/requests/" + id + "/report", ADMIN, null), 409);
    assertProblem(call("POST", "/lethe/admin/requests/" + id + "/extend", ADMIN,
        "{\"period\":\"" + ADA + "\",\"reason\":\"" + GRACE + "\"}"), 400);
    assertProblem(call("POST", "/lethe/admin/requests/" + id + "/extend", ADMIN,
        "{\"period\":\"P3M\",\"reason\":\"many requests from " + ADA + "\"}"), 400);
    call("POST", "/lethe/admin/requests/" + id + "/verify", ADMIN, "{\"method\":\"id-document\"}");
    assertProblem(call("POST", "/lethe/admin/requests/" + id + "/verify", ADMIN, "{\"method\":\"" + ADA + "\"}"), 409);
    assertProblem(call("POST", "/lethe/admin/requests/" + id + "/erase", ADMIN, "{\"ground\":\"OBJECTION\"}"), 400);
    assertProblem(call("POST", "/lethe/admin/requests/" + id + "/reject", ADMIN,
        "{\"reason\":\"EXCESSIVE\",\"explanation\":\" \"}"), 400);
  }

  @Test
  @DisplayName("Art. 12(2): an unknown subject type or identity, or a key of the wrong type, is a 400 problem and"
      + " nothing is stored")
  void invalidIdentifiersAreRefused() throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Long before = jdbc.queryForObject("select count(*) from lethe_rights_request", Long.class);

    HttpResponse<byte[]> unknownType = call("POST", "/lethe/admin/requests", ADMIN, "{\"type\":\"ACCESS\","
        + "\"subjectType\":\"custommer\",\"identity\":\"email\",\"value\":\"" + ADA + "\",\"channel\":\"EMAIL\"}");
    assertProblem(unknownType, 400);
    assertThat(body(unknownType).get("detail").asString()).contains("custommer", "customer");
    assertProblem(call("POST", "/lethe/admin/requests", ADMIN, "{\"type\":\"ACCESS\",\"subjectType\":\"customer\","
        + "\"identity\":\"fax\",\"value\":\"" + ADA + "\",\"channel\":\"EMAIL\"}"), 400);
    HttpResponse<byte[]> wrongType = call("POST", "/lethe/admin/requests", ADMIN, "{\"type\":\"ERASURE\","
        + "\"subjectType\":\"customer\",\"identity\":\"id\",\"value\":\"abc\",\"channel\":\"EMAIL\"}");
    assertProblem(wrongType, 400);
    assertThat(body(wrongType).get("detail").asString()).contains("Long").doesNotContain("abc");

    assertThat(jdbc.queryForObject("select count(*) from lethe_rights_request", Long.class)).isEqualTo(before);
  }

  @Test
  @DisplayName("Art. 17: erasing an identity that names nobody answers NO_DATA_HELD, not an erasure of 0 rows")
  void erasureOfNobody() throws Exception {
    String erasure = body(call("POST", "/lethe/admin/requests", ADMIN, submission("ERASURE", "nobody@example.com")))
        .get("id").asString();
    call("POST", "/lethe/admin/requests/" + erasure + "/verify", ADMIN, "{\"method\":\"id-document\"}");

    JsonNode receipt = body(call("POST", "/lethe/admin/requests/" + erasure + "/erase", ADMIN,
        "{\"ground\":\"NO_LONGER_NECESSARY\"}"));

    assertThat(receipt.get("outcome").asString()).isEqualTo("NO_DATA_HELD");
    assertThat(receipt.get("entities")).isEmpty();
    assertThat(storedValues()).containsAll(ADA_VALUES).containsAll(GRACE_VALUES);
  }

  private void assertProblem(HttpResponse<byte[]> response, int status) {
    assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).as(response.uri().toString())
        .hasValue("application/problem+json");
    JsonNode problem = body(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asString()).isNotBlank();
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain(ADA_VALUES)
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
    return "{\"type\":\"" + type + "\",\"subjectType\":\"customer\",\"identity\":\"email\",\"value\":\"" + email
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

  private HttpResponse<byte[]> call(String method, String path, @Nullable String user, @Nullable String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
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
          User.withUsername(ADMIN).password("{noop}" + PASSWORD).roles("LETHE_ADMIN").build());
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
