package example.consultancy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.lethe.outbox.OutboxDispatcher;
import example.consultancy.people.Contact;
import example.consultancy.people.People;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application's log of a whole rights run, as {@code logback-spring.xml} writes it, holds none
 * of the person's values; the same run logged without {@code %letheMasked} does, so the check can
 * fail. Its own database, so that erasing Dan here leaves the other tests' Dan alone.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:masked-logs;DB_CLOSE_DELAY=-1")
@ExtendWith(OutputCaptureExtension.class)
class MaskedLogsTest {

  private static final String DAN = "dan@example.com";

  @LocalServerPort int port;

  @Autowired People.Contacts contacts;

  @Autowired OutboxDispatcher outbox;

  private final ByteArrayOutputStream unmasked = new ByteArrayOutputStream();
  private OutputStreamAppender<ILoggingEvent> unmaskedAppender;

  /** The same events, written as a log without the converter would have them. */
  @BeforeEach
  void logAlsoUnmasked() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%logger : %m%n%ex");
    encoder.start();
    unmaskedAppender = new OutputStreamAppender<>();
    unmaskedAppender.setContext(context);
    unmaskedAppender.setEncoder(encoder);
    unmaskedAppender.setOutputStream(unmasked);
    unmaskedAppender.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(unmaskedAppender);
  }

  @AfterEach
  void stopUnmasked() {
    ((LoggerContext) LoggerFactory.getILoggerFactory())
        .getLogger(Logger.ROOT_LOGGER_NAME)
        .detachAppender(unmaskedAppender);
    unmaskedAppender.stop();
  }

  @Test
  @DisplayName(
      "Art. 5(1)(f), 32: the log of submit, verify, access and erase holds none of the subject's values")
  void rightsRunLogsNoPersonalData(CapturedOutput output) {
    Contact dan = contacts.findByEmail(DAN).orElseThrow();
    List<String> values =
        List.of(
            dan.fullName,
            dan.email,
            dan.businessPhone,
            dan.postalAddress,
            dan.jobTitle,
            dan.companyName);

    WebSession session = WebSession.signIn(port, DAN, "demo");
    session.get("/privacy");
    session.post("/privacy/requests", Map.of("type", "ACCESS"));
    session.post("/privacy/requests", Map.of("type", "ERASURE"));
    WebSession admin = WebSession.signIn(port, DemoData.ADMIN, DemoData.ADMIN_PASSWORD);
    String access = admin.requestId("ACCESS", DAN);
    String erasure = admin.requestId("ERASURE", DAN);
    admin.act(access, "verify", Map.of("method", "id-document"));
    admin.act(erasure, "verify", Map.of("method", "id-document"));
    admin.get(WebSession.Console.PATH + "/requests/" + access);
    assertThat(
            admin
                .postForBytes(WebSession.Console.PATH + "/requests/" + access + "/report", Map.of())
                .statusCode())
        .isEqualTo(200);
    assertThat(admin.act(erasure, "erase", Map.of("ground", "CONSENT_WITHDRAWN")).body())
        .contains("Erasure receipt");
    outbox.dispatch();

    String withoutConverter = unmasked.toString(StandardCharsets.UTF_8);
    assertThat(withoutConverter)
        .as("the run logs the person when nothing masks it")
        .contains("Privacy centre opened by", "asks for ERASURE", "Erasure asked for Contact{")
        .containsAnyOf(values.toArray(String[]::new));
    assertThat(output.getAll())
        .as("the application's log, through logback-spring.xml")
        .contains(
            "Privacy centre opened by ***", "*** asks for ERASURE", "Erasure asked for Contact{")
        .doesNotContain(values.toArray(String[]::new));
  }
}
