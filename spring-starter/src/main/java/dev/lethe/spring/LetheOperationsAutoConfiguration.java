package dev.lethe.spring;

import dev.lethe.audit.AuditTrail;
import dev.lethe.breach.BreachRegister;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.outbox.OutboxAdministration;
import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.participants.Participant;
import dev.lethe.records.ImpactAssessment;
import dev.lethe.records.RecordOfProcessing;
import dev.lethe.retention.RetentionEnforcer;
import dev.lethe.retention.RetentionRunLog;
import dev.lethe.rights.Acknowledgements;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.ErasureTombstoneRetention;
import dev.lethe.rights.RequestIdentityRetention;
import dev.lethe.rights.RequestStore;
import dev.lethe.spi.ErasureTombstoneStore;
import dev.lethe.spi.Outbox;
import dev.lethe.spring.actuate.LetheEndpoint;
import dev.lethe.spring.actuate.LetheMetrics;
import dev.lethe.spring.actuate.OutboxMetrics;
import dev.lethe.spring.actuate.OutboxSchedule;
import dev.lethe.spring.actuate.RetentionSchedule;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Running Lethe in production: retention on its schedule (Art. 5(1)(e)), the outbox's dispatcher
 * at its interval (Art. 19), the {@code lethe} actuator
 * endpoint and Micrometer metrics, each when its library is present.
 */
@AutoConfiguration(after = LetheAutoConfiguration.class)
public class LetheOperationsAutoConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(LetheOperationsAutoConfiguration.class);

  @Bean
  @ConditionalOnBean(RetentionEnforcer.class)
  @ConditionalOnMissingBean
  @ConditionalOnProperty(
      name = "lethe.retention.enabled",
      havingValue = "true",
      matchIfMissing = true)
  RetentionSchedule letheRetentionSchedule(
      RetentionEnforcer enforcer,
      RequestIdentityRetention requestIdentities,
      OutboxAdministration outbox,
      LetheProperties properties,
      Acknowledgements acknowledgements,
      ObjectProvider<Participant> participant,
      ErasureTombstoneStore tombstones,
      AuditTrail audit,
      Clock clock) {
    Duration retention = properties.services().settledRetention();
    Map<String, Runnable> housekeeping = new LinkedHashMap<>();
    Duration backupsRestorableFor = properties.retention().backupsRestorableFor();
    if (backupsRestorableFor == null) {
      LOG.warn(
          "Erasure tombstones are kept for ever (Art. 5(1)(e)): set"
              + " lethe.retention.backups-restorable-for to the age of the oldest backup you may"
              + " restore, and the retention run deletes those older");
    } else {
      ErasureTombstoneRetention tombstoneRetention =
          ErasureTombstoneRetention.of(tombstones, audit, backupsRestorableFor, clock);
      housekeeping.put(
          "Deleting erasure tombstones older than the backups that may be restored",
          tombstoneRetention::run);
    }
    housekeeping.put(
        "Deleting settled acknowledgements of participants",
        () -> acknowledgements.purgeSettled(retention));
    participant.ifAvailable(
        service ->
            housekeeping.put(
                "Deleting receipts kept for redelivery", () -> service.purgeReceipts(retention)));
    return new RetentionSchedule(
        enforcer,
        requestIdentities,
        outbox,
        housekeeping,
        properties.retention().cron(),
        LetheAutoConfiguration.zone(properties));
  }

  @Bean
  @ConditionalOnBean(OutboxDispatcher.class)
  @ConditionalOnMissingBean
  @ConditionalOnProperty(name = "lethe.outbox.enabled", havingValue = "true", matchIfMissing = true)
  OutboxSchedule letheOutboxSchedule(
      OutboxDispatcher dispatcher, Outbox outbox, LetheProperties properties) {
    return new OutboxSchedule(dispatcher, outbox, properties.outbox().interval());
  }

  /** The {@code lethe} actuator endpoint. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
  @ConditionalOnAvailableEndpoint(LetheEndpoint.class)
  static class Endpoint {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DataSubjectRights.class)
    LetheEndpoint letheEndpoint(
        PersonalDataModel model,
        RecordOfProcessing record,
        DataSubjectRights rights,
        RetentionRunLog runLog,
        Outbox outbox,
        Clock clock,
        AuditTrail audit,
        ImpactAssessment impactAssessment,
        BreachRegister breaches) {
      return new LetheEndpoint(
          model, record, rights, runLog, outbox, clock, audit, impactAssessment, breaches);
    }
  }

  /** Micrometer metrics. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  static class Metrics {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DataSubjectRights.class)
    LetheMetrics letheMetrics(
        RequestStore requests, DataSubjectRights rights, Clock clock, AuditTrail audit) {
      return new LetheMetrics(requests, rights, clock, audit);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Outbox.class)
    OutboxMetrics letheOutboxMetrics(Outbox outbox, Acknowledgements acknowledgements) {
      return new OutboxMetrics(outbox, acknowledgements);
    }
  }
}
