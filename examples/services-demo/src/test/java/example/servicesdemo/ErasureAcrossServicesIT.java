package example.servicesdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The demo as the launcher runs it, on an embedded Kafka broker: an erasure asked for in the
 * consultancy app's privacy centre and carried out in Lethe's console, over real HTTP, reaches both
 * events services, which erase the subject in their own databases and acknowledge it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErasureAcrossServicesIT {

  private static final String ALICE = "alice@example.com";

  /** Alice's values in the events services, as their demo data holds them. */
  private static final List<String> ALICE_VALUES =
      List.of(ALICE, "Alice Archer", "Step-free access to the hall", "subcontracted provision");

  private static EmbeddedKafkaKraftBroker kafka;
  private static DemoServices services;

  @BeforeAll
  static void start() {
    kafka = new EmbeddedKafkaKraftBroker(1, 1);
    kafka.afterPropertiesSet();
    services =
        DemoServices.start(
            Map.of("lethe.services.kafka.bootstrap-servers", kafka.getBrokersAsString()),
            List.of(),
            0);
  }

  @AfterAll
  static void stop() {
    if (services != null) {
      services.close();
    }
    if (kafka != null) {
      kafka.destroy();
    }
  }

  @Test
  @Order(1)
  @DisplayName(
      "Art. 17(2), 19: an erasure in the consultancy app erases the subject in ticketing and video-meetings, both acknowledge in the console, and the request completes")
  void erasureTravelsToBothEventsServices() throws Exception {
    assertThat(cellsHolding(services.ticketing(), ALICE_VALUES))
        .as("ticketing holds Alice's ticket")
        .isNotEmpty();
    assertThat(cellsHolding(services.videoMeetings(), ALICE_VALUES))
        .as("video-meetings holds Alice's question")
        .isNotEmpty();

    Session alice = Session.signIn(services.port(), ALICE, "demo");
    alice.post("/privacy/requests", Map.of("type", "ERASURE"));
    Session admin = Session.signIn(services.port(), "admin@mesma.example", "admin");
    String id = requestId(admin, ALICE);
    String request = CONSOLE + "/requests/" + id;
    admin.get(request);
    admin.post(request + "/verify", Map.of("method", "id-document"));
    assertThat(admin.post(request + "/erase", Map.of("ground", "CONSENT_WITHDRAWN")).body())
        .contains("Erasure receipt");

    String acknowledged =
        await(
            "both events services acknowledge in the console",
            () -> {
              String page = admin.get(request).body();
              return participantRow(page, "ticketing").contains("Acknowledged")
                      && participantRow(page, "video-meetings").contains("Acknowledged")
                  ? page
                  : null;
            });
    for (String participant : List.of("ticketing", "video-meetings")) {
      assertThat(participantRow(acknowledged, participant))
          .as(participant)
          .contains(
              "<td>Erasure</td>",
              "<td class=\"status\">Acknowledged</td>",
              "<td class=\"outcome\">Done</td>")
          .doesNotContain("<td class=\"rows\">0</td>");
    }
    assertThat(cellsHolding(services.ticketing(), ALICE_VALUES))
        .as("ticketing, every table")
        .isEmpty();
    assertThat(cellsHolding(services.videoMeetings(), ALICE_VALUES))
        .as("video-meetings, every table")
        .isEmpty();
    assertThat(cellsHolding(services.ticketing(), List.of("bob@example.com")))
        .as("the other attendees stay")
        .isNotEmpty();

    HttpResponse<String> completed = admin.post(request + "/complete", Map.of());
    assertThat(completed.statusCode()).isEqualTo(200);
    assertThat(completed.body()).contains("<span>Completed</span>");
  }

  @Test
  @Order(2) // last: it stops video-meetings
  @DisplayName(
      "Art. 19, 5(2): while a participant is down the request cannot complete, the console says which; it completes without its receipt for a reason given")
  void aParticipantDownKeepsTheRequestOpenUntilClosedWithAReason() throws Exception {
    services.videoMeetings().close();
    String carol = "carol@example.com";
    Session.signIn(services.port(), carol, "demo")
        .post("/privacy/requests", Map.of("type", "ERASURE"));
    Session admin = Session.signIn(services.port(), "admin@mesma.example", "admin");
    String id = requestId(admin, carol);
    String request = CONSOLE + "/requests/" + id;
    admin.get(request);
    admin.post(request + "/verify", Map.of("method", "id-document"));
    assertThat(admin.post(request + "/erase", Map.of("ground", "CONSENT_WITHDRAWN")).body())
        .contains("Erasure receipt");
    await(
        "ticketing acknowledges",
        () ->
            participantRow(admin.get(request).body(), "ticketing").contains("Acknowledged")
                ? true
                : null);

    HttpResponse<String> refused = admin.post(request + "/complete", Map.of());
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body())
        .contains("id=\"problem\"", "[video-meetings]")
        .doesNotContain("[ticketing");
    String page = admin.get(request).body();
    assertThat(participantRow(page, "video-meetings"))
        .contains("<td class=\"status\">Pending</td>");
    assertThat(page).contains("action=\"" + request + "/complete-without-acknowledgements\"");

    HttpResponse<String> closed =
        admin.post(
            request + "/complete-without-acknowledgements",
            Map.of("reason", "Video-meetings service retired"));
    assertThat(closed.statusCode()).isEqualTo(200);
    assertThat(closed.body()).contains("<span>Completed</span>");
  }

  private static final String CONSOLE = "/lethe/console";

  /** The id of the subject's open erasure request, found with the console's filter. */
  private static String requestId(Session admin, String email) {
    admin.get(CONSOLE + "/requests");
    String queue =
        admin.post(CONSOLE + "/requests", Map.of("type", "ERASURE", "subject", email)).body();
    Matcher row =
        Pattern.compile("<tr class=\"request\" data-id=\"([0-9a-f-]+)\" data-type=\"ERASURE\">")
            .matcher(queue);
    assertThat(row.find()).as("the erasure request in the console").isTrue();
    return row.group(1);
  }

  /** The row of the request's page saying where {@code participant} stands. */
  private static String participantRow(String requestPage, String participant) {
    Matcher row =
        Pattern.compile(
                "<tr class=\"recipient\" data-recipient=\""
                    + Pattern.quote(participant)
                    + "\">.*?</tr>",
                Pattern.DOTALL)
            .matcher(requestPage);
    return row.find() ? row.group() : "";
  }

  /** Where, in every column of every table (Lethe's own included), one of {@code values} is held: "table.column". */
  private static List<String> cellsHolding(
      ConfigurableApplicationContext service, List<String> values) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection connection = service.getBean(DataSource.class).getConnection();
        Statement statement = connection.createStatement()) {
      DatabaseMetaData metadata = connection.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rows =
          metadata.getTables(
              connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
        while (rows.next()) {
          tables.add(rows.getString("TABLE_NAME"));
        }
      }
      String quote = metadata.getIdentifierQuoteString();
      for (String table : tables) {
        try (ResultSet rows = statement.executeQuery("select * from " + quote + table + quote)) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int column = 1; column <= columns; column++) {
              String cell = rows.getString(column);
              if (cell != null
                  && values.stream()
                      .anyMatch(
                          value ->
                              cell.toLowerCase(Locale.ROOT)
                                  .contains(value.toLowerCase(Locale.ROOT)))) {
                found.add(table + "." + rows.getMetaData().getColumnName(column));
              }
            }
          }
        }
      }
    }
    return found;
  }

  private static <T> T await(String what, Supplier<T> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
    T value;
    while ((value = condition.get()) == null) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting until " + what);
      }
      Thread.sleep(200);
    }
    return value;
  }

  /** A signed-in visitor over real HTTP: cookies, form login and the CSRF token of the last page seen. */
  private static final class Session {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");

    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final String base;
    private String csrf = "";

    private Session(int port) {
      this.base = "http://localhost:" + port;
    }

    static Session signIn(int port, String user, String password) {
      Session session = new Session(port);
      session.get("/login");
      assertThat(
              session
                  .post("/login", Map.of("username", user, "password", password))
                  .uri()
                  .getPath())
          .as("signed in")
          .isNotEqualTo("/login");
      return session;
    }

    HttpResponse<String> get(String path) {
      HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
      assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
      return response;
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
      Map<String, String> fields = new LinkedHashMap<>(form);
      fields.put("_csrf", csrf);
      String body =
          fields.entrySet().stream()
              .map(
                  field ->
                      field.getKey()
                          + "="
                          + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        HttpResponse<String> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
          csrf = token.group(1);
        }
        return response;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
