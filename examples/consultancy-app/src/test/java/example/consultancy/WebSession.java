package example.consultancy;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in visitor over real HTTP: a cookie jar, form login and the CSRF token of the last page
 * seen, as a browser would send them.
 */
final class WebSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
  private final String base;
  private String csrf = "";

  private WebSession(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A visitor who has not signed in. */
  static WebSession anonymous(int port) {
    return new WebSession(port);
  }

  static WebSession signIn(int port, String user, String password) {
    WebSession session = new WebSession(port);
    session.get("/login");
    HttpResponse<String> signedIn =
        session.post("/login", Map.of("username", user, "password", password));
    assertThat(signedIn.uri().getPath()).as("signed in").isNotEqualTo("/login");
    return session;
  }

  String get(String path) {
    HttpResponse<String> response = getResponse(path);
    assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
    return response.body();
  }

  HttpResponse<String> getResponse(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path)).GET(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The id of the request of {@code type} naming {@code subject} in the console's queue of open requests. */
  String requestId(String type, String subject) {
    get(Console.PATH + "/requests");
    // Posted, as the console's filter form does: an identity never goes into a URL.
    HttpResponse<String> found =
        post(Console.PATH + "/requests", Map.of("type", type, "subject", subject));
    assertThat(found.statusCode()).as("the queue filtered by subject").isEqualTo(200);
    String queue = found.body();
    Matcher row = Console.ROW.matcher(queue);
    assertThat(row.find())
        .as("an open " + type + " request of " + subject + " in the console")
        .isTrue();
    assertThat(row.group(2)).isEqualTo(type);
    return row.group(1);
  }

  /** Posts a console action on request {@code id}, such as {@code verify}, with the form's fields. */
  HttpResponse<String> act(String id, String action, Map<String, String> form) {
    get(Console.PATH + "/requests/" + id);
    return post(Console.PATH + "/requests/" + id + "/" + action, form);
  }

  /** Where Lethe's console is and how its queue shows a request. */
  static final class Console {
    static final String PATH = "/lethe/console";
    static final Pattern ROW =
        Pattern.compile("<tr class=\"request\" data-id=\"([0-9a-f-]+)\" data-type=\"([A-Z_]+)\">");

    private Console() {}
  }

  HttpResponse<byte[]> getBytes(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path)).GET(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> post(String path, Map<String, String> form) {
    return send(formPost(path, form), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> postForBytes(String path, Map<String, String> form) {
    return send(formPost(path, form), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder formPost(String path, Map<String, String> form) {
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
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private <T> HttpResponse<T> send(
      HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
    try {
      HttpResponse<T> response = http.send(request.build(), handler);
      if (response.body() instanceof String page) {
        Matcher token = CSRF.matcher(page);
        if (token.find()) {
          csrf = token.group(1);
        }
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
