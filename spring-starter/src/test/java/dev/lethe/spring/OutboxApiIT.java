package dev.lethe.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.jdbc.JdbcOutbox;
import dev.lethe.jdbc.testing.TestDatabase;
import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.rights.RecipientNotifications;
import dev.lethe.spi.Notification;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxStatus;
import dev.lethe.spi.OutboxTransport;
import dev.lethe.spring.shop.ShopApplication;
import dev.lethe.subject.SubjectIdentifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
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
 * The outbox's admin API over real HTTP, in the shop application on the database the run selects:
 * dead notices listed without their payload, retried one by one or all at once, by admins only.
 */
@SpringBootTest(
    classes = {ShopApplication.class, OutboxApiIT.Security.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "lethe.web.enabled=true",
      "lethe.outbox.enabled=false",
      "spring.jpa.hibernate.ddl-auto=create"
    })
@DirtiesContext
class OutboxApiIT {

  private static final String ADA = "ada@example.com";
  private static final String ADMIN = "admin";
  private static final String PASSWORD = "secret";
  private static @Nullable TestDatabase database;

  @LocalServerPort int port;

  @Autowired Outbox outbox;

  @Autowired RecipientNotifications notifications;

  @Autowired OutboxDispatcher dispatcher;

  @Autowired AuditTrail audit;

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

  @Test
  @DisplayName(
      "Art. 19: an admin sees the dead notices without their identity, retries one and then all; the notices stay pending while no listener receives them")
  void deadNoticesAreListedAndRetried() throws Exception {
    assertThat(outbox).isInstanceOf(JdbcOutbox.class);
    String first = killed();

    JsonNode counts = body(call("GET", "/lethe/admin/outbox", ADMIN));
    assertThat(counts.get("dead").asLong()).isEqualTo(1);
    assertThat(counts.get("pending").asLong()).isZero();
    HttpResponse<String> dead = call("GET", "/lethe/admin/outbox/dead", ADMIN);
    assertThat(dead.statusCode()).isEqualTo(200);
    assertThat(dead.body()).doesNotContain(ADA);
    JsonNode deadList = json.readTree(dead.body());
    assertThat(deadList.size()).isEqualTo(1);
    JsonNode message = deadList.get(0);
    {
      assertThat(message.get("id").asString()).isEqualTo(first);
      assertThat(message.get("destination").asString()).isEqualTo("email-host");
      assertThat(message.get("status").asString()).isEqualTo("DEAD");
      assertThat(message.get("lastFailure").asString())
          .isEqualTo(IllegalStateException.class.getName());
      assertThat(message.get("idempotencyKey").asString()).startsWith("art19:");
    }

    HttpResponse<String> retried =
        call("POST", "/lethe/admin/outbox/dead/" + first + "/retry", ADMIN);
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(json.readTree(retried.body()).get("status").asString()).isEqualTo("PENDING");
    try (var events = audit.events()) {
      assertThat(events.filter(event -> event.type() == AuditEventType.OUTBOX_MESSAGES_RETRIED))
          .as("Art. 5(2): the administrator's retry is audited")
          .anySatisfy(event -> assertThat(event.attributes()).containsEntry("message", first));
    }
    assertThat(call("POST", "/lethe/admin/outbox/dead/" + first + "/retry", ADMIN).statusCode())
        .as("pending now: not dead")
        .isEqualTo(409);
    assertThat(
            call("POST", "/lethe/admin/outbox/dead/" + UUID.randomUUID() + "/retry", ADMIN)
                .statusCode())
        .isEqualTo(404);
    assertThat(dispatcher.dispatch().transportReady()).as("the shop has no listener").isFalse();
    assertThat(outbox.counts().pending()).isEqualTo(1);

    killed();
    killed();
    // The failing dispatcher took the retried notice too: three are dead.
    assertThat(body(call("POST", "/lethe/admin/outbox/dead/retry", ADMIN)).get("retried").asInt())
        .isEqualTo(3);
    assertThat(outbox.counts().dead()).isZero();
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e), 19: a notice dead longer than the retention has lost its identity: listed as not retryable, its retry refused with 409, the retry of all leaves it")
  void aClearedDeadNoticeCannotBeRetried() throws Exception {
    String cleared = killed();
    // killed() declares it dead ten days ahead of now; a cut-off past that clears it (and any
    // notice the other test left pending, which killed()'s dispatcher took along).
    int clearedCount = outbox.clearDeadPayloads(Instant.now().plus(Duration.ofDays(11)));
    assertThat(clearedCount).isPositive();

    JsonNode listed = null;
    for (JsonNode message : body(call("GET", "/lethe/admin/outbox/dead", ADMIN))) {
      if (message.get("id").asString().equals(cleared)) {
        listed = message;
      }
    }
    assertThat(listed).as("still shown to the administrator").isNotNull();
    assertThat(listed.get("status").asString()).isEqualTo("DEAD");
    assertThat(listed.get("retryable").asBoolean()).isFalse();
    assertThat(body(call("GET", "/lethe/admin/outbox", ADMIN)).get("cleared").asLong())
        .isEqualTo(clearedCount);

    HttpResponse<String> retry =
        call("POST", "/lethe/admin/outbox/dead/" + cleared + "/retry", ADMIN);
    assertThat(retry.statusCode()).isEqualTo(409);
    assertThat(retry.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json.readTree(retry.body()).get("detail").asString())
        .contains("cannot be retried", "lethe.outbox.dead-identity-retention")
        .doesNotContain(ADA);
    call("POST", "/lethe/admin/outbox/dead/retry", ADMIN);
    assertThat(outbox.find(UUID.fromString(cleared)).orElseThrow().status())
        .isEqualTo(OutboxStatus.DEAD);
  }

  @Test
  @DisplayName("Only an admin reaches the outbox API: 401 unsigned, 403 without the role")
  void onlyAdmins() throws Exception {
    for (String[] endpoint :
        new String[][] {
          {"GET", "/lethe/admin/outbox"},
          {"GET", "/lethe/admin/outbox/dead"},
          {"POST", "/lethe/admin/outbox/dead/retry"},
          {"POST", "/lethe/admin/outbox/dead/" + UUID.randomUUID() + "/retry"}
        }) {
      assertThat(call(endpoint[0], endpoint[1], null).statusCode()).as(endpoint[1]).isEqualTo(401);
      assertThat(call(endpoint[0], endpoint[1], ADA).statusCode()).as(endpoint[1]).isEqualTo(403);
    }
    assertThat(call("GET", "/lethe/admin/outbox/dead?limit=0", ADMIN).statusCode()).isEqualTo(400);
  }

  // A notice whose every attempt fails until its maximum age: dead at its first attempt, ten days
  // on.
  private String killed() {
    String id =
        notifications
            .notifyRecipients(
                new Notification(
                    RequestId.random(),
                    RequestType.ERASURE,
                    new SubjectIdentifier("customer", "email", ADA)),
                List.of("email-host"))
            .get(0)
            .id()
            .toString();
    OutboxTransport failing =
        message -> {
          throw new IllegalStateException("recipient down while sending " + ADA);
        };
    OutboxDispatcher.builder(outbox, failing)
        .clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(10)))
        .maxAge(Duration.ofDays(1))
        .build()
        .dispatch();
    return id;
  }

  private JsonNode body(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private HttpResponse<String> call(String method, String path, @Nullable String user)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** HTTP Basic against in-memory users; every request passes on to the endpoints, which check the role. */
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
          User.withUsername(ADMIN).password("{noop}" + PASSWORD).roles("LETHE_ADMIN").build());
    }

    @Bean
    DisposableBean dropTestDatabase() {
      return () -> {
        if (database().kind() != TestDatabase.Kind.H2) {
          database().close();
        }
      };
    }
  }
}
