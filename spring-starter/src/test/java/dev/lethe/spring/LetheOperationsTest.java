package dev.lethe.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.law.ErasureGround;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.retention.RetentionEnforcer;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.RequestStore;
import dev.lethe.spi.ErasureTombstoneStore;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxEntry;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spring.actuate.LetheEndpoint;
import dev.lethe.spring.actuate.LetheMetrics;
import dev.lethe.spring.actuate.RetentionSchedule;
import dev.lethe.spring.shop.Customer;
import dev.lethe.spring.shop.CustomerOrder;
import dev.lethe.spring.shop.ShopPackage;
import dev.lethe.subject.SubjectIdentifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The retention schedule, the actuator endpoint and the metrics, over the in-memory store. */
@ExtendWith(OutputCaptureExtension.class)
class LetheOperationsTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  LetheAutoConfiguration.class, LetheOperationsAutoConfiguration.class))
          .withUserConfiguration(ShopPackage.class, Registry.class)
          .withClassLoader(new FilteredClassLoader("dev.lethe.jpa", "javax.sql"))
          .withPropertyValues(LetheAutoConfigurationTest.KEY)
          .withPropertyValues(LetheAutoConfigurationTest.RECIPIENTS);

  @Test
  @DisplayName(
      "Art. 5(1)(e): with a sweeping store, retention is enforced on its schedule; it can be switched off")
  void retentionSchedule() {
    runner.run(
        context -> {
          assertThat(context)
              .hasSingleBean(RetentionEnforcer.class)
              .hasSingleBean(RetentionSchedule.class);
          assertThat(context.getBean(RetentionSchedule.class).isRunning()).isTrue();
        });
    runner
        .withPropertyValues("lethe.retention.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(RetentionSchedule.class));
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): the retention run also clears the identity of requests closed longer than the set period")
  void retentionRunClearsClosedRequestsIdentities() {
    runner
        .withPropertyValues("lethe.requests.identity-retention=P0D")
        .run(
            context -> {
              DataSubjectRights rights = context.getBean(DataSubjectRights.class);
              RightsRequest request =
                  rights.submit(
                      RequestType.ACCESS,
                      new SubjectIdentifier("customer", "email", "ada@example.com"),
                      Channel.WEB);
              RightsRequest open =
                  rights.submit(
                      RequestType.ACCESS,
                      new SubjectIdentifier("customer", "email", "grace@example.com"),
                      Channel.WEB);
              rights.cancel(request.id(), "withdrawn");
              Thread.sleep(5);

              context.getBean(RetentionSchedule.class).runOnce();

              assertThat(rights.find(request.id()).orElseThrow().subject().value())
                  .isEqualTo(RequestStore.CLEARED_IDENTITY);
              assertThat(rights.find(open.id()).orElseThrow().subject().value())
                  .isEqualTo("grace@example.com");
              try (var events = context.getBean(AuditTrail.class).events()) {
                assertThat(
                        events.filter(
                            event -> event.type() == AuditEventType.REQUEST_IDENTITIES_CLEARED))
                    .singleElement()
                    .satisfies(event -> assertThat(event.counts()).containsEntry("requests", 1L));
              }
            });
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): the retention run also clears the identity of notices dead longer than the set period and deletes those delivered longer ago, and audits both")
  void retentionRunClearsDeadNoticesAndPurgesDeliveredOnes() {
    runner
        .withPropertyValues(
            "lethe.outbox.dead-identity-retention=P1D", "lethe.outbox.delivered-retention=P1D")
        .run(
            context -> {
              Outbox outbox = context.getBean(Outbox.class);
              Instant longAgo = Instant.now().minus(Duration.ofDays(2));
              OutboxEntry old =
                  outbox.enqueue(
                      new OutboxMessage(
                          "k-old", "crm", "test.notice", "{\"identity\":\"ada@example.com\"}"),
                      longAgo);
              outbox.claimDue(longAgo, 10, Duration.ofMinutes(5));
              outbox.markDead(old.id(), 1, "java.io.IOException", longAgo);
              OutboxEntry recent =
                  outbox.enqueue(
                      new OutboxMessage(
                          "k-recent", "crm", "test.notice", "{\"identity\":\"grace@example.com\"}"),
                      Instant.now());
              outbox.claimDue(Instant.now(), 10, Duration.ofMinutes(5));
              outbox.markDead(recent.id(), 1, "java.io.IOException", Instant.now());
              OutboxEntry delivered =
                  outbox.enqueue(
                      new OutboxMessage("k-delivered", "crm", "test.notice", "{}"), longAgo);
              outbox.claimDue(longAgo, 10, Duration.ofMinutes(5));
              outbox.markDelivered(delivered.id(), 1, longAgo);

              context.getBean(RetentionSchedule.class).runOnce();

              assertThat(outbox.find(old.id()).orElseThrow().payload()).isEmpty();
              assertThat(outbox.find(recent.id()).orElseThrow().payload()).isPresent();
              assertThat(outbox.find(delivered.id())).isEmpty();
              try (var events = context.getBean(AuditTrail.class).events()) {
                assertThat(
                        events.filter(
                            event ->
                                event.type() == AuditEventType.OUTBOX_IDENTITIES_CLEARED
                                    || event.type() == AuditEventType.OUTBOX_DELIVERED_PURGED))
                    .extracting(event -> event.type() + "=" + event.counts().get("messages"))
                    .containsExactly("OUTBOX_IDENTITIES_CLEARED=1", "OUTBOX_DELIVERED_PURGED=1");
              }
            });
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e), 17(1): the retention run deletes erasure tombstones once no backup taken before them may be restored, and audits it")
  void retentionRunDeletesTombstonesOlderThanTheRestorableBackups(CapturedOutput output) {
    runner
        .withPropertyValues("lethe.retention.backups-restorable-for=P35D")
        .run(
            context -> {
              eraseAda(context);

              context.getBean(RetentionSchedule.class).runOnce();

              assertThat(context.getBean(ErasureTombstoneStore.class).since(Instant.EPOCH))
                  .as("a backup of a moment ago may still be restored")
                  .hasSize(1);
            });
    runner
        .withPropertyValues("lethe.retention.backups-restorable-for=PT0S")
        .run(
            context -> {
              eraseAda(context);
              Thread.sleep(5);

              context.getBean(RetentionSchedule.class).runOnce();

              assertThat(context.getBean(ErasureTombstoneStore.class).since(Instant.EPOCH))
                  .isEmpty();
              try (var events = context.getBean(AuditTrail.class).events()) {
                assertThat(
                        events.filter(
                            event -> event.type() == AuditEventType.ERASURE_TOMBSTONES_DELETED))
                    .singleElement()
                    .satisfies(event -> assertThat(event.counts()).containsEntry("tombstones", 1L));
              }
            });
    assertThat(output).doesNotContain("Erasure tombstones are kept for ever");
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): without the age of the restorable backups, start-up says at WARN that tombstones are kept for ever")
  void tombstonesKeptForEverAreNamedAtStartUp(CapturedOutput output) {
    runner.run(
        context -> {
          eraseAda(context);
          context.getBean(RetentionSchedule.class).runOnce();

          assertThat(context.getBean(ErasureTombstoneStore.class).since(Instant.EPOCH)).hasSize(1);
          assertThat(output)
              .contains(
                  "Erasure tombstones are kept for ever", "lethe.retention.backups-restorable-for");
        });
  }

  /** Ada, with an order, erased on her verified request. */
  private static void eraseAda(ApplicationContext context) {
    Customer ada = new Customer(1L, "ada@example.com", "Ada");
    context
        .getBean(PersonalDataStore.InMemoryStore.class)
        .add(ada, new CustomerOrder(10L, ada, "1 Analytical Street"));
    DataSubjectRights rights = context.getBean(DataSubjectRights.class);
    RightsRequest request =
        rights.submit(
            RequestType.ERASURE,
            new SubjectIdentifier("customer", "email", "ada@example.com"),
            Channel.WEB);
    rights.verify(request.id(), "email-link");
    rights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);
  }

  @Test
  @DisplayName(
      "Art. 12(3), 30: the lethe endpoint shows the model, the record, open requests without their subjects, and retention runs")
  void endpoint() {
    new WebApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                LetheAutoConfiguration.class, LetheOperationsAutoConfiguration.class))
        .withUserConfiguration(ShopPackage.class)
        .withClassLoader(new FilteredClassLoader("dev.lethe.jpa", "javax.sql"))
        .withPropertyValues(
            LetheAutoConfigurationTest.KEY, "management.endpoints.web.exposure.include=lethe")
        .withPropertyValues(LetheAutoConfigurationTest.RECIPIENTS)
        .run(
            context -> {
              DataSubjectRights rights = context.getBean(DataSubjectRights.class);
              rights.submit(
                  RequestType.ACCESS,
                  new SubjectIdentifier("customer", "email", "ada@example.com"),
                  Channel.WEB);
              context.getBean(RetentionSchedule.class).runOnce();

              LetheEndpoint.Summary summary = context.getBean(LetheEndpoint.class).summary();

              assertThat(summary.subjectTypes())
                  .singleElement()
                  .satisfies(
                      type ->
                          assertThat(type.entities())
                              .containsExactlyInAnyOrder("Customer", "CustomerOrder"));
              assertThat(summary.purposes())
                  .extracting(LetheEndpoint.PurposeSummary::name)
                  .containsExactlyInAnyOrder("orders", "newsletter", "fraud-screening");
              String json = JsonMapper.builder().build().writeValueAsString(summary.purposes());
              assertThat(json)
                  .as("each purpose's basis in words, with its article, not {}")
                  .contains("\"basis\":\"Performance of a contract\"")
                  .contains("\"article\":\"Art. 6(1)(b)\"")
                  .doesNotContain("{}");
              assertThat(summary.recordOfProcessing()).hasSize(3);
              assertThat(summary.openRequests())
                  .singleElement()
                  .satisfies(request -> assertThat(request.type()).isEqualTo("ACCESS"));
              assertThat(summary.toString()).doesNotContain("ada@example.com");
              assertThat(summary.retentionRuns()).hasSize(1);
              assertThat(summary.auditCheckpoint())
                  .as("Art. 5(2): the audit head, to keep outside the database")
                  .isEqualTo(context.getBean(AuditTrail.class).checkpoint());
              assertThat(summary.auditCheckpoint().sequence()).isEqualTo(1);
            });
  }

  @Test
  @DisplayName(
      "Art. 12, 17: metrics count requests by type and status, overdue requests, and erased rows by entity")
  void metrics() {
    runner.run(
        context -> {
          eraseAda(context);
          MeterRegistry registry = context.getBean(MeterRegistry.class);

          assertThat(context).hasSingleBean(LetheMetrics.class);
          assertThat(
                  registry
                      .get("lethe.requests")
                      .tag("type", "ERASURE")
                      .tag("status", "FULFILLED")
                      .gauge()
                      .value())
              .isEqualTo(1.0);
          assertThat(registry.get("lethe.requests.overdue").gauge().value()).isZero();
          assertThat(registry.get("lethe.audit.sequence").gauge().value())
              .as("Art. 5(2): the audit checkpoint")
              .isEqualTo(context.getBean(AuditTrail.class).checkpoint().sequence())
              .isPositive();
          assertThat(
                  registry
                      .get("lethe.erasure.rows")
                      .tag("entity", "CustomerOrder")
                      .tag("action", "erased")
                      .counter()
                      .count())
              .isEqualTo(1.0);
          assertThat(registry.getMeters())
              .allSatisfy(meter -> assertThat(meter.getId().toString()).doesNotContain("ada"));
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class Registry {
    @Bean
    MeterRegistry meterRegistry(List<io.micrometer.core.instrument.binder.MeterBinder> binders) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      binders.forEach(binder -> binder.bindTo(registry));
      return registry;
    }
  }
}
