package dev.lethe.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.law.ErasureGround;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.retention.RetentionEnforcer;
import dev.lethe.rights.DataSubjectRights;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The retention schedule, the actuator endpoint and the metrics, over the in-memory store. */
class LetheOperationsTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(LetheAutoConfiguration.class, LetheOperationsAutoConfiguration.class))
      .withUserConfiguration(ShopPackage.class, Registry.class)
      .withClassLoader(new FilteredClassLoader("dev.lethe.jpa", "javax.sql"))
      .withPropertyValues(LetheAutoConfigurationTest.KEY)
      .withPropertyValues(LetheAutoConfigurationTest.RECIPIENTS);

  @Test
  @DisplayName("Art. 5(1)(e): with a sweeping store, retention is enforced on its schedule; it can be switched off")
  void retentionSchedule() {
    runner.run(context -> {
      assertThat(context).hasSingleBean(RetentionEnforcer.class).hasSingleBean(RetentionSchedule.class);
      assertThat(context.getBean(RetentionSchedule.class).isRunning()).isTrue();
    });
    runner.withPropertyValues("lethe.retention.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(RetentionSchedule.class));
  }

  @Test
  @DisplayName("Art. 5(1)(e): the retention run also clears the identity of requests closed longer than the set period")
  void retentionRunClearsClosedRequestsIdentities() {
    runner.withPropertyValues("lethe.requests.identity-retention=P0D").run(context -> {
      dev.lethe.rights.DataSubjectRights rights = context.getBean(dev.lethe.rights.DataSubjectRights.class);
      dev.lethe.request.RightsRequest request = rights.submit(dev.lethe.request.RequestType.ACCESS,
          new dev.lethe.subject.SubjectIdentifier("customer", "email", "ada@example.com"), dev.lethe.request.Channel.WEB);
      dev.lethe.request.RightsRequest open = rights.submit(dev.lethe.request.RequestType.ACCESS,
          new dev.lethe.subject.SubjectIdentifier("customer", "email", "grace@example.com"), dev.lethe.request.Channel.WEB);
      rights.cancel(request.id(), "withdrawn");
      Thread.sleep(5);

      context.getBean(RetentionSchedule.class).runOnce();

      assertThat(rights.find(request.id()).orElseThrow().subject().value())
          .isEqualTo(dev.lethe.rights.RequestStore.CLEARED_IDENTITY);
      assertThat(rights.find(open.id()).orElseThrow().subject().value()).isEqualTo("grace@example.com");
      try (var events = context.getBean(dev.lethe.audit.AuditTrail.class).events()) {
        assertThat(events.filter(event -> event.type() == dev.lethe.audit.AuditEventType.REQUEST_IDENTITIES_CLEARED))
            .singleElement().satisfies(event -> assertThat(event.counts()).containsEntry("requests", 1L));
      }
    });
  }

  @Test
  @DisplayName("Art. 5(1)(e): the retention run also clears the identity of notices dead longer than the set period and deletes those delivered longer ago, and audits both")
  void retentionRunClearsDeadNoticesAndPurgesDeliveredOnes() {
    runner.withPropertyValues("lethe.outbox.dead-identity-retention=P1D", "lethe.outbox.delivered-retention=P1D")
        .run(context -> {
      dev.lethe.spi.Outbox outbox = context.getBean(dev.lethe.spi.Outbox.class);
      java.time.Instant longAgo = java.time.Instant.now().minus(java.time.Duration.ofDays(2));
      dev.lethe.spi.OutboxEntry old = outbox.enqueue(new dev.lethe.spi.OutboxMessage("k-old", "crm", "test.notice",
          "{\"identity\":\"ada@example.com\"}"), longAgo);
      outbox.claimDue(longAgo, 10, java.time.Duration.ofMinutes(5));
      outbox.markDead(old.id(), 1, "java.io.IOException", longAgo);
      dev.lethe.spi.OutboxEntry recent = outbox.enqueue(new dev.lethe.spi.OutboxMessage("k-recent", "crm",
          "test.notice", "{\"identity\":\"grace@example.com\"}"), java.time.Instant.now());
      outbox.claimDue(java.time.Instant.now(), 10, java.time.Duration.ofMinutes(5));
      outbox.markDead(recent.id(), 1, "java.io.IOException", java.time.Instant.now());
      dev.lethe.spi.OutboxEntry delivered = outbox.enqueue(new dev.lethe.spi.OutboxMessage("k-delivered", "crm",
          "test.notice", "{}"), longAgo);
      outbox.claimDue(longAgo, 10, java.time.Duration.ofMinutes(5));
      outbox.markDelivered(delivered.id(), 1, longAgo);

      context.getBean(RetentionSchedule.class).runOnce();

      assertThat(outbox.find(old.id()).orElseThrow().payload()).isEmpty();
      assertThat(outbox.find(recent.id()).orElseThrow().payload()).isPresent();
      assertThat(outbox.find(delivered.id())).isEmpty();
      try (var events = context.getBean(dev.lethe.audit.AuditTrail.class).events()) {
        assertThat(events.filter(event -> event.type() == dev.lethe.audit.AuditEventType.OUTBOX_IDENTITIES_CLEARED
                || event.type() == dev.lethe.audit.AuditEventType.OUTBOX_DELIVERED_PURGED))
            .extracting(event -> event.type() + "=" + event.counts().get("messages"))
            .containsExactly("OUTBOX_IDENTITIES_CLEARED=1", "OUTBOX_DELIVERED_PURGED=1");
      }
    });
  }

  @Test
  @DisplayName("Art. 12(3), 30: the lethe endpoint shows the model, the record, open requests without their subjects, and retention runs")
  void endpoint() {
    new org.springframework.boot.test.context.runner.WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(LetheAutoConfiguration.class, LetheOperationsAutoConfiguration.class))
        .withUserConfiguration(ShopPackage.class)
        .withClassLoader(new FilteredClassLoader("dev.lethe.jpa", "javax.sql"))
        .withPropertyValues(LetheAutoConfigurationTest.KEY, "management.endpoints.web.exposure.include=lethe")
        .withPropertyValues(LetheAutoConfigurationTest.RECIPIENTS)
        .run(context -> {
      DataSubjectRights rights = context.getBean(DataSubjectRights.class);
      rights.submit(RequestType.ACCESS, new SubjectIdentifier("customer", "email", "ada@example.com"), Channel.WEB);
      context.getBean(RetentionSchedule.class).runOnce();

      LetheEndpoint.Summary summary = context.getBean(LetheEndpoint.class).summary();

      assertThat(summary.subjectTypes()).singleElement().satisfies(type ->
          assertThat(type.entities()).containsExactlyInAnyOrder("Customer", "CustomerOrder"));
      assertThat(summary.purposes()).extracting(LetheEndpoint.PurposeSummary::name)
          .containsExactlyInAnyOrder("orders", "newsletter", "fraud-screening");
      String json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(summary.purposes());
      assertThat(json).as("each purpose's basis in words, with its article, not {}")
          .contains("\"basis\":\"Performance of a contract\"").contains("\"article\":\"Art. 6(1)(b)\"").doesNotContain("{}");
      assertThat(summary.recordOfProcessing()).hasSize(3);
      assertThat(summary.openRequests()).singleElement().satisfies(request -> assertThat(request.type()).isEqualTo("ACCESS"));
      assertThat(summary.toString()).doesNotContain("ada@example.com");
      assertThat(summary.retentionRuns()).hasSize(1);
      assertThat(summary.auditCheckpoint()).as("Art. 5(2): the audit head, to keep outside the database")
          .isEqualTo(context.getBean(dev.lethe.audit.AuditTrail.class).checkpoint());
      assertThat(summary.auditCheckpoint().sequence()).isEqualTo(1);
    });
  }

  @Test
  @DisplayName("Art. 12, 17: metrics count requests by type and status, overdue requests, and erased rows by entity")
  void metrics() {
    runner.run(context -> {
      PersonalDataStore.InMemoryStore store = context.getBean(PersonalDataStore.InMemoryStore.class);
      Customer ada = new Customer(1L, "ada@example.com", "Ada");
      store.add(ada, new CustomerOrder(10L, ada, "1 Analytical Street"));
      DataSubjectRights rights = context.getBean(DataSubjectRights.class);
      RightsRequest request = rights.submit(RequestType.ERASURE, new SubjectIdentifier("customer", "email",
          "ada@example.com"), Channel.WEB);
      rights.verify(request.id(), "email-link");
      rights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);
      MeterRegistry registry = context.getBean(MeterRegistry.class);

      assertThat(context).hasSingleBean(LetheMetrics.class);
      assertThat(registry.get("lethe.requests").tag("type", "ERASURE").tag("status", "FULFILLED").gauge().value())
          .isEqualTo(1.0);
      assertThat(registry.get("lethe.requests.overdue").gauge().value()).isZero();
      assertThat(registry.get("lethe.audit.sequence").gauge().value()).as("Art. 5(2): the audit checkpoint")
          .isEqualTo(context.getBean(dev.lethe.audit.AuditTrail.class).checkpoint().sequence()).isPositive();
      assertThat(registry.get("lethe.erasure.rows").tag("entity", "CustomerOrder").tag("action", "erased").counter()
          .count()).isEqualTo(1.0);
      assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().toString()).doesNotContain("ada"));
    });
  }

  @Configuration(proxyBeanMethods = false)
  static class Registry {
    @Bean
    MeterRegistry meterRegistry(java.util.List<io.micrometer.core.instrument.binder.MeterBinder> binders) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      binders.forEach(binder -> binder.bindTo(registry));
      return registry;
    }
  }
}
