package dev.lethe.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.jdbc.JdbcOutbox;
import dev.lethe.outbox.DispatchResult;
import dev.lethe.outbox.OutboxAdministration;
import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.rights.RecipientNotifications;
import dev.lethe.spi.Notification;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxCounts;
import dev.lethe.spi.OutboxEntry;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.OutboxStatus;
import dev.lethe.spring.actuate.LetheEndpoint;
import dev.lethe.spring.actuate.OutboxSchedule;
import dev.lethe.spring.shop.ShopPackage;
import dev.lethe.subject.SubjectIdentifier;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The outbox in the starter: its store, its schedule and settings, the default notifier, the endpoint and the metrics. */
@ExtendWith(OutputCaptureExtension.class)
class OutboxStarterTest {

  private static final String WARNING =
      "no listener receives it: Art. 19 notices to recipients stay pending";
  private static final SubjectIdentifier ADA =
      new SubjectIdentifier("customer", "email", "ada@example.com");

  private final ApplicationContextRunner inMemory =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  LetheAutoConfiguration.class, LetheOperationsAutoConfiguration.class))
          .withUserConfiguration(ShopPackage.class, LetheOperationsTest.Registry.class)
          .withClassLoader(new FilteredClassLoader("dev.lethe.jpa", "javax.sql"))
          .withPropertyValues(LetheAutoConfigurationTest.KEY)
          .withPropertyValues(LetheAutoConfigurationTest.RECIPIENTS);

  @Test
  @DisplayName(
      "Art. 19: with a DataSource the outbox is the durable JdbcOutbox, dispatched on schedule with the lethe.outbox.* settings")
  void durableOutboxAndItsSettings() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                PropertyPlaceholderAutoConfiguration.class,
                DataSourceAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class,
                HibernateJpaAutoConfiguration.class,
                LetheAutoConfiguration.class,
                LetheOperationsAutoConfiguration.class))
        .withUserConfiguration(ShopPackage.class)
        .withPropertyValues(
            "spring.datasource.url=jdbc:h2:mem:outbox-${random.uuid};DB_CLOSE_DELAY=-1",
            "spring.jpa.hibernate.ddl-auto=create-drop",
            LetheAutoConfigurationTest.KEY,
            "lethe.outbox.interval=2s",
            "lethe.outbox.initial-back-off=PT30S",
            "lethe.outbox.max-back-off=PT10M",
            "lethe.outbox.max-age=P1D",
            "lethe.outbox.batch-size=25",
            "lethe.outbox.lease=PT2M",
            "lethe.outbox.dead-identity-retention=P7D",
            "lethe.outbox.delivered-retention=P2D")
        .withPropertyValues(LetheAutoConfigurationTest.RECIPIENTS)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).getBean(Outbox.class).isInstanceOf(JdbcOutbox.class);
              assertThat(context.getBean(RecipientNotifications.class).outbox())
                  .isSameAs(context.getBean(Outbox.class));
              LetheProperties.OutboxProperties outbox =
                  context.getBean(LetheProperties.class).outbox();
              assertThat(outbox)
                  .isEqualTo(
                      new LetheProperties.OutboxProperties(
                          true,
                          Duration.ofSeconds(2),
                          25,
                          Duration.ofSeconds(30),
                          Duration.ofMinutes(10),
                          Duration.ofDays(1),
                          Duration.ofMinutes(2),
                          Duration.ofDays(7),
                          Duration.ofDays(2)));
              assertThat(context.getBean(OutboxAdministration.class).deliveredRetention())
                  .isEqualTo(Duration.ofDays(2));
              assertThat(context.getBean(OutboxAdministration.class).deadIdentityRetention())
                  .isEqualTo(Duration.ofDays(7));
              assertThat(context.getBean(OutboxDispatcher.class).backOff(2))
                  .isEqualTo(Duration.ofMinutes(1));
              assertThat(context.getBean(OutboxDispatcher.class).backOff(10))
                  .isEqualTo(Duration.ofMinutes(10));
              assertThat(context.getBean(OutboxSchedule.class).isRunning()).isTrue();
            });
  }

  @Test
  void theDefaultsAreDocumentedValues() {
    inMemory.run(
        context ->
            assertThat(context.getBean(LetheProperties.class).outbox())
                .isEqualTo(
                    new LetheProperties.OutboxProperties(
                        true,
                        Duration.ofSeconds(10),
                        100,
                        Duration.ofSeconds(10),
                        Duration.ofHours(1),
                        Duration.ofDays(3),
                        Duration.ofMinutes(5),
                        Duration.ofDays(30),
                        Duration.ofDays(30))));
  }

  @Test
  @DisplayName("Art. 19: the dispatcher's schedule can be switched off in an instance")
  void scheduleCanBeSwitchedOff() {
    inMemory
        .withPropertyValues("lethe.outbox.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(OutboxDispatcher.class)
                    .doesNotHaveBean(OutboxSchedule.class));
  }

  @Test
  @DisplayName(
      "Art. 19: with no listener for the Spring event, start-up warns and a notice stays pending, never counted delivered")
  void noListenerWarnsAndKeepsNoticesPending(CapturedOutput output) {
    inMemory
        .withPropertyValues("lethe.outbox.enabled=false")
        .run(
            context -> {
              assertThat(output).contains(WARNING);
              notify(context.getBean(RecipientNotifications.class));

              DispatchResult result = context.getBean(OutboxDispatcher.class).dispatch();

              assertThat(result.transportReady()).isFalse();
              assertThat(context.getBean(Outbox.class).counts()).isEqualTo(new OutboxCounts(1, 0));
              assertThat(context.getBean(Outbox.class).list(OutboxStatus.PENDING, 10))
                  .singleElement()
                  .satisfies(entry -> assertThat(entry.attempts()).isZero());
            });
  }

  @Test
  @DisplayName(
      "Art. 19: without a receiver the schedule warns once notices wait, and not in an application that has none")
  void theScheduleWarnsOnlyOfWaitingNotices(CapturedOutput output) {
    inMemory
        .withPropertyValues("lethe.outbox.interval=1h")
        .run(
            context -> {
              OutboxSchedule schedule = context.getBean(OutboxSchedule.class);
              schedule.runOnce();
              assertThat(output).doesNotContain("Lethe's outbox holds");

              notify(context.getBean(RecipientNotifications.class));
              schedule.runOnce();
              schedule.runOnce();

              assertThat(
                      output
                          .getOut()
                          .lines()
                          .filter(line -> line.contains("Lethe's outbox holds 1 notice(s)")))
                  .hasSize(1);
            });
  }

  @Test
  @DisplayName(
      "Art. 19: a listener of every event is not a receiver of notices: start-up still warns")
  void aCatchAllListenerIsNoReceiver(CapturedOutput output) {
    inMemory
        .withPropertyValues("lethe.outbox.enabled=false")
        .withUserConfiguration(CatchAll.class)
        .run(
            context -> {
              assertThat(output).contains(WARNING);
              notify(context.getBean(RecipientNotifications.class));
              assertThat(context.getBean(OutboxDispatcher.class).dispatch().transportReady())
                  .isFalse();
              assertThat(context.getBean(CatchAll.class).notices).isEmpty();
            });
  }

  @Test
  @DisplayName(
      "Art. 19: with a listener, each notice arrives as an event carrying its idempotency key, and no warning is given")
  void aListenerReceivesEachNotice(CapturedOutput output) {
    inMemory
        .withPropertyValues("lethe.outbox.enabled=false")
        .withUserConfiguration(Receiver.class)
        .run(
            context -> {
              assertThat(output).doesNotContain(WARNING);
              notify(context.getBean(RecipientNotifications.class));

              assertThat(context.getBean(OutboxDispatcher.class).dispatch().delivered())
                  .isEqualTo(1);

              assertThat(context.getBean(Receiver.class).events)
                  .singleElement()
                  .satisfies(
                      event -> {
                        assertThat(event.recipient()).isEqualTo("email-host");
                        assertThat(event.notification().subject()).isEqualTo(ADA);
                        assertThat(event.idempotencyKey())
                            .isEqualTo(
                                RecipientNotifications.idempotencyKey(
                                    event.notification(), "email-host"));
                      });
              assertThat(context.getBean(Outbox.class).counts()).isEqualTo(new OutboxCounts(0, 0));
            });
  }

  @Test
  @DisplayName(
      "Art. 19: the lethe endpoint and the gauges show how many notices are pending and dead")
  void endpointAndGauges() {
    new WebApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                LetheAutoConfiguration.class, LetheOperationsAutoConfiguration.class))
        .withUserConfiguration(ShopPackage.class, LetheOperationsTest.Registry.class)
        .withClassLoader(new FilteredClassLoader("dev.lethe.jpa", "javax.sql"))
        .withPropertyValues(
            LetheAutoConfigurationTest.KEY,
            "management.endpoints.web.exposure.include=lethe",
            "lethe.outbox.enabled=false")
        .withPropertyValues(LetheAutoConfigurationTest.RECIPIENTS)
        .run(
            context -> {
              Outbox outbox = context.getBean(Outbox.class);
              notify(context.getBean(RecipientNotifications.class));
              OutboxEntry doomed =
                  outbox.enqueue(new OutboxMessage("dead-1", "crm", "test", "{}"), Instant.now());
              outbox
                  .claimDue(Instant.now(), 10, Duration.ofMinutes(1))
                  .forEach(
                      entry -> outbox.markFailed(entry.id(), entry.attempts(), "x", Instant.now()));
              outbox.claimDue(Instant.now(), 10, Duration.ofMinutes(1)).stream()
                  .filter(entry -> entry.id().equals(doomed.id()))
                  .forEach(
                      entry -> outbox.markDead(entry.id(), entry.attempts(), "x", Instant.now()));

              assertThat(context.getBean(LetheEndpoint.class).summary().outbox())
                  .isEqualTo(new OutboxCounts(1, 1));
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              assertThat(registry.get("lethe.outbox.pending").gauge().value()).isEqualTo(1.0);
              assertThat(registry.get("lethe.outbox.dead").gauge().value()).isEqualTo(1.0);
            });
  }

  private static void notify(RecipientNotifications notifications) {
    notifications.notifyRecipients(
        new Notification(RequestId.random(), RequestType.ERASURE, ADA), List.of("email-host"));
  }

  @Configuration(proxyBeanMethods = false)
  static class Receiver {
    final List<RecipientNotificationEvent> events = new ArrayList<>();

    @EventListener
    void on(RecipientNotificationEvent event) {
      events.add(event);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class CatchAll implements ApplicationListener<ApplicationEvent> {
    final List<Object> notices = new ArrayList<>();

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
      if (event instanceof PayloadApplicationEvent<?> payload
          && payload.getPayload() instanceof RecipientNotificationEvent) {
        notices.add(payload.getPayload());
      }
    }
  }
}
