package dev.lethe.spring;

import dev.lethe.audit.AuditSink;
import dev.lethe.audit.AuditTrail;
import dev.lethe.breach.BreachNotice;
import dev.lethe.breach.BreachNotifier;
import dev.lethe.breach.BreachRegister;
import dev.lethe.breach.BreachStore;
import dev.lethe.consent.ConsentLedger;
import dev.lethe.consent.ConsentStore;
import dev.lethe.erasure.LegalHoldStore;
import dev.lethe.erasure.SuppressionList;
import dev.lethe.erasure.SuppressionStore;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.objection.ObjectionStore;
import dev.lethe.objection.Objections;
import dev.lethe.outbox.OutboxAdministration;
import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.processing.ProcessingGuard;
import dev.lethe.records.Contact;
import dev.lethe.records.Controller;
import dev.lethe.records.DataMap;
import dev.lethe.records.ImpactAssessment;
import dev.lethe.records.PrivacyNotice;
import dev.lethe.records.Recipient;
import dev.lethe.records.RecordOfProcessing;
import dev.lethe.records.SupervisoryAuthority;
import dev.lethe.records.Transfer;
import dev.lethe.request.RequestType;
import dev.lethe.restriction.RestrictionStore;
import dev.lethe.restriction.Restrictions;
import dev.lethe.restriction.SubjectNotifier;
import dev.lethe.retention.LegalHolds;
import dev.lethe.retention.RetentionEnforcer;
import dev.lethe.retention.RetentionRunLog;
import dev.lethe.rights.Acknowledgements;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.DeadlinePolicy;
import dev.lethe.rights.RecipientNotifications;
import dev.lethe.rights.RequestIdentityRetention;
import dev.lethe.rights.RequestStore;
import dev.lethe.spi.ErasureTombstoneStore;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.RecipientNotifier;
import dev.lethe.spi.RetentionSweeper;
import dev.lethe.spi.Transactions;
import dev.lethe.subject.Pseudonymizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Wires Lethe from the application's entities and {@code lethe.*} properties: the model and the
 * personal-data store (over JPA when it is there, in memory otherwise), the durable stores (over the
 * application's DataSource when there is one), the rights service, consent, objections,
 * restrictions, the processing guard, retention and the records. Every bean backs off when the
 * application defines its own.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"},
    beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@EnableConfigurationProperties(LetheProperties.class)
@Import({LetheStoreConfigurations.Crypto.class, LetheStoreConfigurations.Jpa.class,
    LetheStoreConfigurations.InMemory.class,
    LetheStoreConfigurations.Schema.class, LetheStoreConfigurations.Jdbc.class,
    LetheStoreConfigurations.ApplicationFlyway.class,
    LetheStoreConfigurations.Fallbacks.class, LetheServicesConfiguration.class,
    LetheAmqpConfiguration.class, LetheKafkaConfiguration.class})
public class LetheAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock letheClock(LetheProperties properties) {
    return Clock.system(zone(properties));
  }

  @Bean
  @ConditionalOnMissingBean
  Pseudonymizer lethePseudonymizer(LetheProperties properties, ObjectProvider<PersonalDataModel> model,
      ObjectProvider<DataSource> dataSource) {
    // One person, one pseudonym: values are hashed in the form their identity is compared in. The model
    // is looked up at each use, not now: with JPA it comes from the store, which needs this pseudonymizer.
    return PseudonymKeys.pseudonymizer(properties, dataSource.getIfUnique())
        .withIdentityMatch((subjectType, identity) -> model.getObject().identityMatch(subjectType, identity));
  }

  @Bean
  @ConditionalOnMissingBean
  AuditTrail letheAuditTrail(AuditSink sink, Pseudonymizer pseudonymizer, Clock clock, Transactions transactions,
      LetheProperties properties) {
    // The trail carries the transactions every Lethe service runs its operations in.
    AuditTrail.Builder trail = AuditTrail.builder(sink, pseudonymizer).clock(clock).transactions(transactions)
        .checkpointEvery(properties.audit().checkpointInterval());
    PseudonymKeys.chainKey(properties).ifPresent(trail::chainKey);
    return trail.build();
  }

  @Bean
  @ConditionalOnMissingBean
  RecipientNotifier letheRecipientNotifier(ApplicationContext context, ObjectProvider<PersonalDataModel> model,
      LetheProperties properties) {
    return new SpringEventRecipientNotifier(context,
        () -> LetheServicesConfiguration.notifiedRecipients(model.getObject(), properties.services()));
  }

  @Bean
  @ConditionalOnMissingBean
  RecipientNotifications letheRecipientNotifications(RecipientNotifier notifier, AuditTrail audit, Outbox outbox,
      Clock clock, Acknowledgements acknowledgements) {
    return RecipientNotifications.builder(notifier, audit).outbox(outbox).clock(clock)
        .acknowledgements(acknowledgements).build();
  }

  /** Delivers the outbox's notices (Art. 19); {@code LetheOperationsAutoConfiguration} runs it on a schedule. */
  @Bean
  @ConditionalOnMissingBean
  OutboxDispatcher letheOutboxDispatcher(RecipientNotifications notifications, LetheProperties properties,
      Clock clock, PersonalDataModel model, ObjectProvider<LetheServicesConfiguration.ServicesTransport> broker,
      BreachRegister breaches) {
    LetheProperties.OutboxProperties outbox = properties.outbox();
    // Participants and the coordinator through the broker, breach notices to subjects through the
    // breach notifier (Art. 34), every other recipient through the notifier.
    var routes = new LinkedHashMap<>(LetheServicesConfiguration.routes(properties, model, broker));
    routes.put(BreachRegister.DESTINATION, breaches.transport());
    return OutboxDispatcher.builder(notifications.outbox(), notifications.transport(routes))
        .clock(clock)
        .batchSize(outbox.batchSize())
        .backOff(outbox.initialBackOff(), outbox.maxBackOff())
        .maxAge(outbox.maxAge())
        .lease(outbox.lease())
        .build();
  }

  /** Administrators' retries of dead notices and the outbox's storage limitation, both audited (Art. 5(1)(e), 19). */
  @Bean
  @ConditionalOnMissingBean
  OutboxAdministration letheOutboxAdministration(RecipientNotifications notifications, AuditTrail audit,
      LetheProperties properties, Clock clock) {
    return OutboxAdministration.builder(notifications.outbox(), audit)
        .clock(clock)
        .deadIdentityRetention(properties.outbox().deadIdentityRetention())
        .deliveredRetention(properties.outbox().deliveredRetention())
        .build();
  }

  @Bean
  @ConditionalOnMissingBean
  SuppressionList letheSuppressionList(SuppressionStore store, Pseudonymizer pseudonymizer, Clock clock) {
    return new SuppressionList(store, pseudonymizer, clock);
  }

  @Bean
  @ConditionalOnMissingBean
  BreachNotifier letheBreachNotifier() {
    // Art. 34: only the application knows how to reach a subject. Without its notifier, breach
    // notices wait in the outbox, never reported as delivered.
    return new BreachNotifier() {
      @Override
      public void notifySubject(BreachNotice notice) {
        throw new IllegalStateException("No BreachNotifier bean is defined: define one that tells subjects of a"
            + " breach (Art. 34(1))");
      }

      @Override
      public boolean canDeliver() {
        return false;
      }
    };
  }

  /** The breach register (Art. 33(5)), with the subjects found in the model and told through the outbox (Art. 34). */
  @Bean
  @ConditionalOnMissingBean
  BreachRegister letheBreachRegister(BreachStore store, AuditTrail audit, PersonalDataModel model,
      PersonalDataStore personalData, RecipientNotifications notifications, BreachNotifier notifier, Clock clock) {
    return BreachRegister.builder(store, audit).personalData(model, personalData).outbox(notifications.outbox())
        .notifier(notifier).clock(clock).build();
  }

  @Bean
  @ConditionalOnMissingBean
  DataSubjectRights letheDataSubjectRights(LetheProperties properties, PersonalDataModel model,
      PersonalDataStore store, RequestStore requests, AuditTrail audit, LegalHoldStore legalHolds,
      SuppressionList suppressionList, RecipientNotifications notifications, Clock clock,
      ApplicationEventPublisher events, ErasureTombstoneStore tombstones, Controller controller) {
    DeadlinePolicy deadlines = DeadlinePolicy.article12();
    for (var period : properties.deadlines().entrySet()) {
      deadlines = deadlines.withPeriod(period.getKey(), period.getValue());
    }
    DataSubjectRights.Builder rights = DataSubjectRights.builder()
        .clock(clock)
        .zone(zone(properties))
        .deadlinePolicy(deadlines)
        .requestStore(requests)
        .auditTrail(audit)
        .personalData(model, store)
        .legalHolds(legalHolds)
        .recipientNotifications(notifications)
        .erasureTombstones(tombstones)
        .transfers(controller.transferInformation())
        // Receipts and retention reports hold no personal data: fit to publish as application events.
        .erasureListener(events::publishEvent);
    if (properties.suppressAfterErasure()) {
      rights.suppressAfterErasure(suppressionList);
    }
    return rights.build();
  }

  /** Legal holds placed and lifted, audited, for the REST API, the console and the application (Art. 17(3)(e)). */
  @Bean
  @ConditionalOnMissingBean
  LegalHolds letheLegalHolds(LegalHoldStore store, PersonalDataModel model, PersonalDataStore personalData,
      AuditTrail audit, Clock clock) {
    return LegalHolds.of(store, model, personalData, audit, clock);
  }

  @Bean
  @ConditionalOnMissingBean
  ConsentLedger letheConsentLedger(PersonalDataModel model, AuditTrail audit, ConsentStore store,
      RecipientNotifications notifications, Clock clock, LetheProperties properties) {
    return ConsentLedger.builder(model, audit).store(store).recipientNotifications(notifications).clock(clock)
        .digitalConsentAge(properties.consent().digitalAge()).build();
  }

  @Bean
  @ConditionalOnMissingBean
  Objections letheObjections(LetheProperties properties, PersonalDataModel model, AuditTrail audit,
      SuppressionList suppressionList, ObjectionStore store, RecipientNotifications notifications, Clock clock) {
    return Objections.builder(model, audit, suppressionList)
        .directMarketing(properties.directMarketingPurposes().toArray(String[]::new))
        .store(store)
        .recipientNotifications(notifications)
        .clock(clock)
        .build();
  }

  @Bean
  @ConditionalOnMissingBean
  SubjectNotifier letheSubjectNotifier() {
    // Art. 18(3): a restriction may only be lifted once the subject is told, and only the
    // application knows how to tell them. Without its notifier, lifting fails and the restriction stays.
    return (subject, restriction) -> {
      throw new IllegalStateException("No SubjectNotifier bean is defined: define one that tells the subject before"
          + " a restriction is lifted (Art. 18(3))");
    };
  }

  @Bean
  @ConditionalOnMissingBean
  Restrictions letheRestrictions(PersonalDataModel model, AuditTrail audit, RecipientNotifications notifications,
      SubjectNotifier subjectNotifier, RestrictionStore store, Clock clock) {
    return Restrictions.builder(model, audit, notifications, subjectNotifier).store(store).clock(clock).build();
  }

  @Bean
  @ConditionalOnMissingBean
  ProcessingGuard letheProcessingGuard(PersonalDataModel model, ConsentLedger consent, Objections objections,
      Restrictions restrictions, SuppressionList suppressionList) {
    return ProcessingGuard.of(model, consent, objections, restrictions, suppressionList);
  }

  /** Closed requests lose their identity after {@code lethe.requests.identity-retention} (Art. 5(1)(e)). */
  @Bean
  @ConditionalOnMissingBean
  RequestIdentityRetention letheRequestIdentityRetention(LetheProperties properties, RequestStore requests,
      AuditTrail audit, Clock clock) {
    return RequestIdentityRetention.of(requests, audit, properties.requests().identityRetention(), clock,
        zone(properties));
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(RetentionSweeper.class)
  RetentionEnforcer letheRetentionEnforcer(LetheProperties properties, PersonalDataModel model,
      RetentionSweeper sweeper, LegalHoldStore legalHolds, RetentionRunLog runLog, Clock clock,
      ApplicationEventPublisher events) {
    return RetentionEnforcer.builder(model, sweeper)
        .clock(clock)
        .zone(zone(properties))
        .legalHolds(legalHolds)
        .runLog(runLog)
        .batchSize(properties.retention().batchSize())
        .runListener(events::publishEvent)
        .build();
  }

  @Bean
  @ConditionalOnMissingBean
  Controller letheController(LetheProperties properties) {
    LetheProperties.ControllerProperties described = properties.controller();
    Contact contact = Contact.of(described.email());
    if (described.phone() != null) {
      contact = contact.withPhone(described.phone());
    }
    Controller controller = Controller.of(described.name(), described.address(), contact,
            SupervisoryAuthority.of(described.authorityName(), described.authorityWebsite()))
        .withRecipients(described.recipients().stream()
            .map(LetheProperties.RecipientProperties::toRecipient)
            .toArray(Recipient[]::new))
        .withTransfers(described.transfers().stream()
            .map(transfer -> new Transfer(transfer.recipient(), transfer.country(), transfer.safeguard(), transfer.reference()))
            .toArray(Transfer[]::new))
        .withSecurityMeasures(described.securityMeasures().toArray(String[]::new));
    return described.dpoEmail() == null ? controller : controller.withDataProtectionOfficer(Contact.of(described.dpoEmail()));
  }

  @Bean
  @ConditionalOnMissingBean
  RecordOfProcessing letheRecordOfProcessing(PersonalDataModel model, Controller controller,
      ObjectProvider<PersonalDataStore> store) {
    // The copies the store found at start-up and cannot erase belong in the record (Art. 17(2), 30(1)).
    PersonalDataStore unique = store.getIfUnique();
    return RecordOfProcessing.of(model, controller)
        .withOtherCopies(unique == null ? List.of() : unique.otherCopies());
  }

  @Bean
  @ConditionalOnMissingBean
  PrivacyNotice lethePrivacyNotice(LetheProperties properties, PersonalDataModel model, Controller controller,
      ConsentStore consents, Clock clock) {
    PrivacyNotice notice = PrivacyNotice.of(model, controller);
    // The version is the content's fingerprint; the day it applies from is the first start with it, kept.
    notice = consents.noticeVersionAppliesFrom(notice.version(), LocalDate.now(clock)).map(notice::withDate)
        .orElse(notice);
    for (var period : properties.deadlines().entrySet()) {
      // Consent is withdrawn at once (Art. 7(3)), not answered within a period.
      if (period.getKey() != RequestType.CONSENT_WITHDRAWAL) {
        notice = notice.withResponseTime(period.getKey().right(), period.getValue());
      }
    }
    return notice;
  }

  /** The scaffold of the data protection impact assessment, generated from the model (Art. 35). */
  @Bean
  @ConditionalOnMissingBean
  ImpactAssessment letheImpactAssessment(PersonalDataModel model, Controller controller) {
    return ImpactAssessment.of(model, controller);
  }

  @Bean
  @ConditionalOnMissingBean
  DataMap letheDataMap(PersonalDataModel model) {
    return DataMap.of(model);
  }

  static ZoneId zone(LetheProperties properties) {
    return properties.zone() != null ? properties.zone() : ZoneId.systemDefault();
  }
}
