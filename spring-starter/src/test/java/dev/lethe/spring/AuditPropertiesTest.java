package dev.lethe.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.audit.AuditSink;
import dev.lethe.audit.AuditTrail;
import dev.lethe.audit.AuditVerification;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestType;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.spring.shop.ShopPackage;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code lethe.audit.chain-key} and {@code lethe.audit.checkpoint-interval} reach the audit trail (Art. 5(2)). */
@ExtendWith(OutputCaptureExtension.class)
class AuditPropertiesTest {

  private static final byte[] PSEUDONYM_KEY = new byte[32];
  private static final byte[] CHAIN_KEY = filled(7);

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(LetheAutoConfiguration.class))
          .withUserConfiguration(ShopPackage.class)
          .withClassLoader(new FilteredClassLoader("dev.lethe.jpa", "javax.sql"))
          .withPropertyValues(LetheAutoConfigurationTest.KEY)
          .withPropertyValues(LetheAutoConfigurationTest.RECIPIENTS);

  @Test
  @DisplayName(
      "Art. 5(2), 32: the chain is keyed with lethe.audit.chain-key: it verifies under that key and not under the derived one")
  void chainKeyTakesEffect() {
    runner
        .withPropertyValues(
            "lethe.audit.chain-key=" + Base64.getEncoder().encodeToString(CHAIN_KEY))
        .run(
            context -> {
              submit(context.getBean(DataSubjectRights.class), 1);
              AuditSink sink = context.getBean(AuditSink.class);

              assertThat(context.getBean(AuditTrail.class).verify().isIntact()).isTrue();
              assertThat(
                      AuditTrail.builder(sink, Pseudonymizer.withKey(PSEUDONYM_KEY))
                          .chainKey(CHAIN_KEY)
                          .build()
                          .verify()
                          .isIntact())
                  .isTrue();
              AuditVerification derived =
                  AuditTrail.builder(sink, Pseudonymizer.withKey(PSEUDONYM_KEY)).build().verify();
              assertThat(derived.isIntact()).as("the derived key cannot re-chain it").isFalse();
              assertThat(context.getBean(LetheProperties.class).toString())
                  .as("the properties as a log would print them")
                  .doesNotContain(
                      Base64.getEncoder().encodeToString(CHAIN_KEY),
                      Base64.getEncoder().encodeToString(PSEUDONYM_KEY))
                  .contains("pseudonymKey=<secret>");
            });
  }

  @Test
  @DisplayName(
      "Without lethe.audit.chain-key the chain key is derived from the pseudonym key, as before")
  void chainKeyIsDerivedWhenUnset() {
    runner.run(
        context -> {
          submit(context.getBean(DataSubjectRights.class), 1);
          assertThat(
                  AuditTrail.builder(
                          context.getBean(AuditSink.class), Pseudonymizer.withKey(PSEUDONYM_KEY))
                      .build()
                      .verify()
                      .isIntact())
              .isTrue();
        });
  }

  @Test
  @DisplayName(
      "Art. 32: a chain key that is not Base64 or is too short is refused at start-up, naming the property and never quoting it")
  void badChainKeysAreRefused() {
    runner
        .withPropertyValues(
            "lethe.audit.chain-key=" + Base64.getEncoder().encodeToString(new byte[16]))
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("lethe.audit.chain-key")
                    .hasMessageContaining("16 bytes"));
    runner
        .withPropertyValues("lethe.audit.chain-key=not-base64-secret!")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("lethe.audit.chain-key is not valid Base64")
                    .hasMessageNotContaining("secret!"));
  }

  @Test
  @DisplayName(
      "Art. 5(2): lethe.audit.checkpoint-interval sets every how many events the head is logged as a checkpoint")
  void checkpointIntervalTakesEffect(CapturedOutput output) {
    runner
        .withPropertyValues("lethe.audit.checkpoint-interval=2")
        .run(
            context -> {
              AuditTrail audit = context.getBean(AuditTrail.class);
              submit(context.getBean(DataSubjectRights.class), 1);
              assertThat(output).doesNotContain("Audit checkpoint 1:");

              submit(context.getBean(DataSubjectRights.class), 1);

              assertThat(output).contains("Audit checkpoint " + audit.checkpoint());
              assertThat(audit.checkpoint().sequence()).isEqualTo(2);
            });
    runner
        .withPropertyValues("lethe.audit.checkpoint-interval=0")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .hasStackTraceContaining("checkpointInterval"));
  }

  private static void submit(DataSubjectRights rights, int times) {
    for (int i = 0; i < times; i++) {
      rights.submit(
          RequestType.ACCESS,
          new SubjectIdentifier("customer", "email", "ada@example.com"),
          Channel.WEB);
    }
  }

  private static byte[] filled(int value) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) value);
    return key;
  }
}
