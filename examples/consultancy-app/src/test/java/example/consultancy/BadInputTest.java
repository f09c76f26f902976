package example.consultancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.request.Channel;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.RequestQuery;
import dev.lethe.subject.SubjectIdentifier;
import example.consultancy.people.People;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input over real HTTP gets a clear answer with the right status, repeats nothing typed, and
 * leaves nothing half done; and a self-service download closes its request. Its own database, so
 * that the other tests' people are left alone.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:bad-input;DB_CLOSE_DELAY=-1")
class BadInputTest {

  private static final String CONSOLE = WebSession.Console.PATH;

  @LocalServerPort int port;

  @Autowired DataSubjectRights rights;

  @Autowired People.Contacts contacts;

  @Test
  @DisplayName("An unknown request id is a 404 page, on the request's page and on its actions")
  void unknownRequest() {
    WebSession admin = admin();
    String unknown = UUID.randomUUID().toString();

    HttpResponse<String> page = admin.getResponse(CONSOLE + "/requests/" + unknown);
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("No request has that id");
    admin.get(CONSOLE + "/requests");
    assertThat(
            admin
                .post(CONSOLE + "/requests/" + unknown + "/verify", Map.of("method", "id-document"))
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  @DisplayName(
      "Art. 5(1)(f): a malformed request id is a 400 page that does not repeat what was typed")
  void malformedRequestId() {
    WebSession admin = admin();

    HttpResponse<String> page = admin.getResponse(CONSOLE + "/requests/frank.f%40example.com");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("That is not a request id").doesNotContain("frank.f");
    admin.get(CONSOLE + "/requests");
    HttpResponse<String> action =
        admin.post(
            CONSOLE + "/requests/frank.f%40example.com/extend",
            Map.of("months", "2", "reason", "Complex"));
    assertThat(action.statusCode()).isEqualTo(400);
    assertThat(action.body()).doesNotContain("frank.f");
  }

  @Test
  @DisplayName("Bad filters and forms in the console are 400 pages naming the field")
  void badConsoleInput() {
    WebSession admin = admin();
    assertThat(admin.getResponse(CONSOLE + "/requests?status=LOST").statusCode()).isEqualTo(400);
    assertThat(admin.getResponse(CONSOLE + "/requests?page=-1").body())
        .contains("The page is a number from 0");
    RightsRequest request =
        rights.submit(
            RequestType.ERASURE,
            new SubjectIdentifier("contact", "email", "carol@example.com"),
            Channel.EMAIL);
    HttpResponse<String> extend =
        admin.act(request.id().toString(), "extend", Map.of("months", "7", "reason", "x"));
    assertThat(extend.statusCode()).isEqualTo(400);
    assertThat(extend.body()).contains("Extend by one or two months");
    assertThat(rights.find(request.id()).orElseThrow().isExtended())
        .as("nothing changed")
        .isFalse();
  }

  @Test
  @DisplayName(
      "Art. 32: the console is the admin's: a signed-in person gets 403, a visitor the sign-in page")
  void consoleIsTheAdmins() {
    WebSession person = WebSession.signIn(port, "erin@example.com", "demo");
    assertThat(person.getResponse(CONSOLE + "/requests").statusCode()).isEqualTo(403);
    HttpResponse<String> visitor = WebSession.anonymous(port).getResponse(CONSOLE + "/requests");
    assertThat(visitor.uri().getPath()).isEqualTo("/login");
  }

  @Test
  @DisplayName(
      "Art. 7(3): withdrawing a withdrawn consent says so clearly (409), and changes nothing")
  void art7_secondWithdrawal() {
    WebSession bob = WebSession.signIn(port, "bob@example.com", "demo");
    assertThat(bob.post("/privacy/consent", Map.of("action", "withdraw")).statusCode())
        .isEqualTo(200);

    HttpResponse<String> again = bob.post("/privacy/consent", Map.of("action", "withdraw"));

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("withdrawn that consent already");
  }

  @Test
  @DisplayName(
      "Art. 21(3): a marketing import with a malformed address reports it by line and imports nothing")
  void art21_importAllOrNothing() {
    WebSession admin = admin();
    admin.get("/admin/marketing");

    HttpResponse<String> refused =
        admin.post(
            "/admin/marketing/import",
            Map.of(
                "emails",
                "first.new@example.net\nnot-an-address\n\nsecond.new@example.net\nalso wrong@"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("Line 2 is not an e-mail address", "Line 5 is not an e-mail address")
        .doesNotContain("not-an-address", "also wrong");
    assertThat(contacts.findByEmail("first.new@example.net")).as("nothing half done").isEmpty();
    assertThat(contacts.findByEmail("second.new@example.net")).isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 12(3), 15: a self-service download completes its access request: no open request is left")
  void art15_downloadClosesTheRequest() {
    WebSession grace = WebSession.signIn(port, "grace@example.com", "demo");

    assertThat(grace.getBytes("/privacy/export.zip").statusCode()).isEqualTo(200);

    var graceRequests =
        rights
            .requests(
                RequestQuery.all(10)
                    .withSubject("grace@example.com")
                    .withTypes(Set.of(RequestType.ACCESS)))
            .requests();
    assertThat(graceRequests)
        .singleElement()
        .extracting(RightsRequest::status)
        .isEqualTo(RequestStatus.COMPLETED);
  }

  private WebSession admin() {
    return WebSession.signIn(port, DemoData.ADMIN, DemoData.ADMIN_PASSWORD);
  }
}
