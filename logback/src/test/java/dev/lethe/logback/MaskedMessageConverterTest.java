package dev.lethe.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import dev.lethe.model.PersonalDataModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The converter as users configure it: a conversion rule and {@code %letheMasked(..)} in a Logback XML file. */
class MaskedMessageConverterTest {

  @DataSubject("patient")
  @Processing(purpose = "care", basis = LawfulBasis.Kind.CONTRACT)
  static class Patient {
    @SubjectIdentity("id")
    Long id;

    @SubjectIdentity("email")
    @PersonalData(category = "contact.email")
    String email;

    @PersonalData(category = "identity.name")
    String fullName;

    @Override
    public String toString() {
      return "Patient[id=" + id + ", email=" + email + ", fullName=" + fullName + "]";
    }
  }

  private static final String CONFIGURATION =
      """
      <configuration>
        <conversionRule conversionWord="letheMasked" class="dev.lethe.logback.MaskedMessageConverter"/>
        <appender name="FILE" class="ch.qos.logback.core.FileAppender">
          <file>${logFile}</file>
          <encoder><pattern>%-5level %logger{0} : %letheMasked(%msg%n%ex)</pattern></encoder>
        </appender>
        <root level="INFO"><appender-ref ref="FILE"/></root>
      </configuration>
      """;

  @TempDir Path directory;

  private final LoggerContext context = new LoggerContext();
  private Path logFile;

  @BeforeEach
  void configure() throws JoranException {
    logFile = directory.resolve("app.log");
    context.setMDCAdapter(new LogbackMDCAdapter());
    context.putProperty("logFile", logFile.toString());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(
        new ByteArrayInputStream(CONFIGURATION.getBytes(StandardCharsets.UTF_8)));
  }

  @AfterEach
  void stop() {
    context.stop();
    LetheLogMasking.reset();
  }

  @Test
  @DisplayName(
      "Art. 5(1)(f), 32: with the model installed, a logged entity, a free-text name and an exception's message lose the values")
  void masksMessagesAndThrowables() throws IOException {
    LetheLogMasking.install(PersonalDataModel.scan(Patient.class));
    LetheLogMasking.remember("Dan Dixon");
    Patient patient = new Patient();
    patient.id = 42L;
    patient.email = "dan@example.com";
    patient.fullName = "Dan Dixon";
    Logger log = context.getLogger("app.Appointments");

    log.info("Booked {}", patient);
    log.info("Reminder sent to Dan Dixon");
    log.warn("Booking failed", new IllegalStateException("no slot for dan@example.com"));

    String written = Files.readString(logFile);
    assertThat(written)
        .contains(
            "Booked Patient[id=42, email=***, fullName=***]",
            "Reminder sent to ***",
            "IllegalStateException: no slot for ***")
        .doesNotContain("dan@example.com", "Dan Dixon", "Dixon");
  }

  @Test
  @DisplayName(
      "Art. 5(1)(f), 32: before any model is installed, e-mail addresses are already masked")
  void emailsBeforeTheModel() throws IOException {
    context.getLogger("app.Start").info("Demo contact: alice@example.com");

    assertThat(Files.readString(logFile))
        .contains("Demo contact: ***")
        .doesNotContain("alice@example.com");
  }
}
