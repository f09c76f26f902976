package dev.lethe.spring;

import dev.lethe.Lethe;
import dev.lethe.LetheStores;
import dev.lethe.audit.AuditSink;
import dev.lethe.audit.AuditTrail;
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
import dev.lethe.spi.AcknowledgementStore;
import dev.lethe.spi.ErasureTombstoneStore;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.ReceiptStore;
import dev.lethe.spi.RecipientNotifier;
import dev.lethe.spi.RetentionSweeper;
import dev.lethe.spi.Transactions;
import dev.lethe.subject.Pseudonymizer;
import java.time.Clock;
import java.time.ZoneId;
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
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"
    },
    beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@EnableConfigurationProperties(LetheProperties.class)
@Import({
  LetheStoreConfigurations.Crypto.class,
  LetheStoreConfigurations.Jpa.class,
  LetheStoreConfigurations.InMemory.class,
  LetheStoreConfigurations.Schema.class,
  LetheStoreConfigurations.Jdbc.class,
  LetheStoreConfigurations.ApplicationFlyway.class,
  LetheStoreConfigurations.Fallbacks.class,
  LetheServicesConfiguration.class,
  LetheAmqpConfiguration.class,
  LetheKafkaConfiguration.class
})
public class LetheAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock letheClock(LetheProperties properties) {
    return Clock.system(zone(properties));
  }

  @Bean
  @ConditionalOnMissingBean
  Pseudonymizer lethePseudonymizer(
      LetheProperties properties,
      ObjectProvider<PersonalDataModel> model,
      ObjectProvider<DataSource> dataSource) {
    // One person, one pseudonym: values are hashed in the form their identity is compared in. The
    // model is looked up at each use, not now: with JPA it comes from the store, which needs this
    // pseudonymizer.
    return PseudonymKeys.pseudonymizer(properties, dataSource.getIfUnique())
        .withIdentityMatch(
            (subjectType, identity) -> model.getObject().identityMatch(subjectType, identity));
  }

  /**
   * Every Lethe service as one graph over one clock, one pseudonymizer and one audit trail, built as
   * plain Java builds it: the store beans, the notifiers and the {@code lethe.*} properties become
   * calls of {@link Lethe.Builder}. The services below are this graph's; to change one, replace the
   * store, notifier or property it is built from, or define a {@code Lethe} bean of your own.
   */
  @Bean
  @ConditionalOnMissingBean
  Lethe lethe(
      LetheProperties properties,
      PersonalDataModel model,
      Pseudonymizer pseudonymizer,
      Clock clock,
      PersonalDataStore personalData,
      Controller controller,
      RecipientNotifier recipientNotifier,
      ObjectProvider<SubjectNotifier> subjectNotifier,
      ObjectProvider<BreachNotifier> breachNotifier,
      ApplicationEventPublisher events,
      RequestStore requests,
      AuditSink audit,
      ConsentStore consents,
      ObjectionStore objections,
      RestrictionStore restrictions,
      LegalHoldStore legalHolds,
      SuppressionStore suppressions,
      BreachStore breaches,
      ErasureTombstoneStore tombstones,
      RetentionRunLog retentionRuns,
      Outbox outbox,
      AcknowledgementStore acknowledgements,
      ReceiptStore receipts,
      Transactions transactions) {
    LetheStores stores =
        LetheStores.builder(clock)
            .requests(requests)
            .audit(audit)
            .consents(consents)
            .objections(objections)
            .restrictions(restrictions)
            .legalHolds(legalHolds)
            .suppressions(suppressions)
            .breaches(breaches)
            .tombstones(tombstones)
            .retentionRuns(retentionRuns)
            .outbox(outbox)
            .acknowledgements(acknowledgements)
            .receipts(receipts)
            .transactions(transactions)
            .build();
    DeadlinePolicy deadlines = DeadlinePolicy.article12();
    for (var period : properties.deadlines().entrySet()) {
      deadlines = deadlines.withPeriod(period.getKey(), period.getValue());
    }
    Lethe.Builder lethe =
        Lethe.builder(model, pseudonymizer)
            .clock(clock)
            .zone(zone(properties))
            .stores(sameClock -> stores)
            .personalData(personalData)
            .controller(controller)
            .deadlines(deadlines)
            .recipientNotifier(recipientNotifier)
            // Receipts hold no personal data: fit to publish as application events.
            .erasureListener(events::publishEvent)
            .suppressAfterErasure(properties.suppressAfterErasure())
            .digitalConsentAge(properties.consent().digitalAge())
            .directMarketing(properties.directMarketingPurposes())
            .checkpointEvery(properties.audit().checkpointInterval());
    String name = properties.services().name();
    if (name != null && !name.isBlank()) {
      // Without a name the outbox's routes refuse the services' settings, listing every problem.
      lethe.serviceName(name).participants(properties.services().participants());
    }
    PseudonymKeys.chainKey(properties).ifPresent(lethe::chainKey);
    subjectNotifier.ifAvailable(lethe::subjectNotifier);
    breachNotifier.ifAvailable(lethe::breachNotifier);
    return lethe.build();
  }

  @Bean
  AuditTrail letheAuditTrail(Lethe lethe) {
    return lethe.audit();
  }

  @Bean
  DataSubjectRights letheDataSubjectRights(Lethe lethe) {
    return lethe.rights();
  }

  @Bean
  ConsentLedger letheConsentLedger(Lethe lethe) {
    return lethe.consent();
  }

  @Bean
  Objections letheObjections(Lethe lethe) {
    return lethe.objections();
  }

  @Bean
  Restrictions letheRestrictions(Lethe lethe) {
    return lethe.restrictions();
  }

  @Bean
  ProcessingGuard letheProcessingGuard(Lethe lethe) {
    return lethe.guard();
  }

  @Bean
  SuppressionList letheSuppressionList(Lethe lethe) {
    return lethe.suppressionList();
  }

  @Bean
  RecipientNotifications letheRecipientNotifications(Lethe lethe) {
    return lethe.recipientNotifications();
  }

  @Bean
  Acknowledgements letheAcknowledgements(Lethe lethe) {
    return lethe.acknowledgements();
  }

  /** The breach register (Art. 33(5)), with the subjects found in the model and told through the outbox (Art. 34). */
  @Bean
  BreachRegister letheBreachRegister(Lethe lethe) {
    return lethe.breaches();
  }

  /** Legal holds placed and lifted, audited, for the REST API, the console and the application (Art. 17(3)(e)). */
  @Bean
  LegalHolds letheLegalHolds(Lethe lethe) {
    return lethe.legalHolds();
  }

  @Bean
  @ConditionalOnMissingBean
  RecipientNotifier letheRecipientNotifier(
      ApplicationContext context,
      ObjectProvider<PersonalDataModel> model,
      LetheProperties properties) {
    return new SpringEventRecipientNotifier(
        context,
        () ->
            LetheServicesConfiguration.notifiedRecipients(
                model.getObject(), properties.services()));
  }

  /** Delivers the outbox's notices (Art. 19); {@code LetheOperationsAutoConfiguration} runs it on a schedule. */
  @Bean
  @ConditionalOnMissingBean
  OutboxDispatcher letheOutboxDispatcher(
      Lethe lethe,
      LetheProperties properties,
      ObjectProvider<LetheServicesConfiguration.ServicesTransport> broker) {
    LetheProperties.OutboxProperties outbox = properties.outbox();
    // Participants and the coordinator through the broker, processors through their webhooks; Lethe
    // adds breach notices to subjects (Art. 34) and every other recipient through the notifier.
    return lethe
        .dispatcher(LetheServicesConfiguration.routes(properties, lethe.model(), broker))
        .batchSize(outbox.batchSize())
        .backOff(outbox.initialBackOff(), outbox.maxBackOff())
        .maxAge(outbox.maxAge())
        .lease(outbox.lease())
        .build();
  }

  /** Administrators' retries of dead notices and the outbox's storage limitation, both audited (Art. 5(1)(e), 19). */
  @Bean
  @ConditionalOnMissingBean
  OutboxAdministration letheOutboxAdministration(Lethe lethe, LetheProperties properties) {
    return lethe
        .outboxAdministration()
        .deadIdentityRetention(properties.outbox().deadIdentityRetention())
        .deliveredRetention(properties.outbox().deliveredRetention())
        .build();
  }

  /** Closed requests lose their identity after {@code lethe.requests.identity-retention} (Art. 5(1)(e)). */
  @Bean
  @ConditionalOnMissingBean
  RequestIdentityRetention letheRequestIdentityRetention(Lethe lethe, LetheProperties properties) {
    return lethe.requestIdentityRetention(properties.requests().identityRetention());
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(RetentionSweeper.class)
  RetentionEnforcer letheRetentionEnforcer(
      Lethe lethe,
      LetheProperties properties,
      RetentionSweeper sweeper,
      ApplicationEventPublisher events) {
    return lethe
        .retention(sweeper)
        .batchSize(properties.retention().batchSize())
        // Retention reports hold no personal data: fit to publish as application events.
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
    Controller controller =
        Controller.of(
                described.name(),
                described.address(),
                contact,
                SupervisoryAuthority.of(described.authorityName(), described.authorityWebsite()))
            .withRecipients(
                described.recipients().stream()
                    .map(LetheProperties.RecipientProperties::toRecipient)
                    .toArray(Recipient[]::new))
            .withTransfers(
                described.transfers().stream()
                    .map(
                        transfer ->
                            new Transfer(
                                transfer.recipient(),
                                transfer.country(),
                                transfer.safeguard(),
                                transfer.reference()))
                    .toArray(Transfer[]::new))
            .withSecurityMeasures(described.securityMeasures().toArray(String[]::new));
    return described.dpoEmail() == null
        ? controller
        : controller.withDataProtectionOfficer(Contact.of(described.dpoEmail()));
  }

  @Bean
  @ConditionalOnMissingBean
  RecordOfProcessing letheRecordOfProcessing(Lethe lethe) {
    // The copies the store found at start-up and cannot erase belong in the record (Art. 17(2),
    // 30(1)).
    return lethe.records();
  }

  @Bean
  @ConditionalOnMissingBean
  PrivacyNotice lethePrivacyNotice(Lethe lethe) {
    // The version is the content's fingerprint; the day it applies from is the first start with it,
    // kept.
    return lethe.privacyNotice();
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
