package dev.lethe.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.audit.AuditSink;
import dev.lethe.audit.AuditTrail;
import dev.lethe.consent.ConsentEvidence;
import dev.lethe.consent.ConsentLedger;
import dev.lethe.consent.ConsentMethod;
import dev.lethe.consent.ConsentState;
import dev.lethe.jdbc.JdbcAuditSink;
import dev.lethe.jdbc.JdbcRequestStore;
import dev.lethe.jdbc.JdbcRestrictionStore;
import dev.lethe.jdbc.LetheSchema;
import dev.lethe.jpa.JpaPersonalDataStore;
import dev.lethe.law.RestrictionGround;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.processing.ProcessingGuard;
import dev.lethe.records.Controller;
import dev.lethe.records.PrivacyNotice;
import dev.lethe.records.Recipient;
import dev.lethe.records.RecordOfProcessing;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.restriction.Restriction;
import dev.lethe.restriction.RestrictionStore;
import dev.lethe.retention.RetentionEnforcer;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.RequestIdentityRetention;
import dev.lethe.rights.RequestStore;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spring.shop.Customer;
import dev.lethe.spring.shop.ShopPackage;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectPseudonym;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
class LetheAutoConfigurationTest {

  static final String KEY =
      "lethe.pseudonym-key=" + Base64.getEncoder().encodeToString(new byte[32]);

  /** The shop's purposes name two recipients; the Art. 30 record refuses to leave them undescribed. */
  static final String[] RECIPIENTS = {
    "lethe.controller.recipients[0].name=payment-provider",
    "lethe.controller.recipients[0].description=Payments",
    "lethe.controller.recipients[0].country=NL",
    "lethe.controller.recipients[1].name=email-host",
    "lethe.controller.recipients[1].description=E-mail hosting",
    "lethe.controller.recipients[1].country=IE"
  };

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PropertyPlaceholderAutoConfiguration.class,
                  DataSourceAutoConfiguration.class,
                  DataSourceTransactionManagerAutoConfiguration.class,
                  HibernateJpaAutoConfiguration.class,
                  LetheAutoConfiguration.class))
          .withUserConfiguration(ShopPackage.class)
          .withPropertyValues(
              "spring.datasource.url=jdbc:h2:mem:starter-${random.uuid};DB_CLOSE_DELAY=-1",
              "spring.jpa.hibernate.ddl-auto=create-drop")
          .withPropertyValues(RECIPIENTS);

  @Test
  @DisplayName(
      "With JPA and a DataSource, every Lethe bean is there: JPA store, durable stores, rights, consent, guard, records")
  void wiresEverything() {
    runner
        .withPropertyValues(KEY)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context)
                  .getBean(PersonalDataStore.class)
                  .isInstanceOf(JpaPersonalDataStore.class);
              assertThat(context.getBean(PersonalDataModel.class).entity(Customer.class))
                  .isPresent();
              assertThat(context).getBean(RequestStore.class).isInstanceOf(JdbcRequestStore.class);
              assertThat(context).getBean(AuditSink.class).isInstanceOf(JdbcAuditSink.class);
              assertThat(context)
                  .hasSingleBean(DataSubjectRights.class)
                  .hasSingleBean(ConsentLedger.class)
                  .hasSingleBean(ProcessingGuard.class)
                  .hasSingleBean(RecordOfProcessing.class)
                  .hasSingleBean(PrivacyNotice.class)
                  .hasSingleBean(LetheSchemaInitializer.class)
                  .as("retention runs on the database")
                  .hasSingleBean(RetentionEnforcer.class);
            });
  }

  @Test
  @DisplayName(
      "Lethe's migrations run first, in their own history; the application's Flyway migrations still all run")
  void besideTheApplicationsFlyway() {
    runner
        .withPropertyValues(KEY)
        .withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              javax.sql.DataSource dataSource = context.getBean(javax.sql.DataSource.class);
              var application =
                  org.flywaydb.core.Flyway.configure()
                      .dataSource(dataSource)
                      .load()
                      .info()
                      .applied();
              assertThat(application)
                  .extracting(migration -> migration.getVersion().getVersion())
                  .contains("1");
              var lethe =
                  org.flywaydb.core.Flyway.configure()
                      .dataSource(dataSource)
                      .table(LetheSchema.HISTORY_TABLE)
                      .locations(LetheSchema.LOCATION)
                      .sqlMigrationPrefix(LetheSchema.MIGRATION_PREFIX)
                      .load()
                      .info()
                      .applied();
              assertThat(lethe)
                  .extracting(migration -> migration.getVersion().getVersion())
                  .contains("1", "2");
              assertThat(lethe[0].getInstalledOn())
                  .isBeforeOrEqualTo(application[application.length - 1].getInstalledOn());
            });
  }

  @Test
  @DisplayName(
      "Art. 28(3): a processor's contract declared in properties reaches the record of processing; a processor"
          + " without one stays a gap")
  void art28_processorContractsFromProperties() {
    runner
        .withPropertyValues(
            KEY,
            "lethe.controller.recipients[0].contract-reference=DPA-2021-07",
            "lethe.controller.recipients[0].contract-date=2021-07-01")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(Controller.class).recipients())
                  .filteredOn(recipient -> recipient.name().equals("payment-provider"))
                  .singleElement()
                  .satisfies(
                      recipient ->
                          assertThat(recipient.contract())
                              .contains(
                                  new Recipient.Contract("DPA-2021-07", LocalDate.of(2021, 7, 1))));
              assertThat(context.getBean(RecordOfProcessing.class).gaps())
                  .noneMatch(gap -> gap.contains("'payment-provider' has no contract"))
                  .anyMatch(
                      gap ->
                          gap.startsWith(
                              "Processor 'email-host' has no contract recorded (Art. 28(3))"));
            });
  }

  @Test
  @DisplayName(
      "Art. 28(3): a contract reference without its date, or a date that is not one, fails start-up naming the"
          + " recipient's property")
  void art28_halfAContractIsRefused() {
    runner
        .withPropertyValues(KEY, "lethe.controller.recipients[1].contract-reference=DPA-2021-07")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("recipients[1]")
                    .hasMessageContaining("contract-reference and contract-date go together"));
    runner
        .withPropertyValues(
            KEY,
            "lethe.controller.recipients[1].contract-reference=DPA-2021-07",
            "lethe.controller.recipients[1].contract-date=July 2021")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .hasStackTraceContaining("contract-date"));
  }

  @Test
  @DisplayName(
      "Art. 13(3): the privacy notice's version applies from the day of the first start with it, after restarts too")
  void art13_3_noticeDatedByItsFirstStart() {
    String database =
        "spring.datasource.url=jdbc:h2:mem:notice-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    LocalDate firstStart = LocalDate.of(2026, 3, 1);
    for (LocalDate today : List.of(firstStart, firstStart.plusMonths(1))) {
      runner
          .withPropertyValues(KEY, database)
          .withBean(
              Clock.class,
              () -> Clock.fixed(today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC))
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(PrivacyNotice.class).date())
                    .as("started on " + today)
                    .contains(firstStart);
              });
    }
  }

  @Test
  @DisplayName("An application's own bean replaces Lethe's")
  void userBeansWin() {
    runner
        .withPropertyValues(KEY)
        .withUserConfiguration(OwnRequestStore.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(RequestStore.class);
              assertThat(context.getBean(RequestStore.class)).isSameAs(OwnRequestStore.STORE);
            });
  }

  @Test
  @DisplayName("Without JPA on the class path, Lethe backs off to in-memory stores")
  void backsOffWithoutJpa() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(LetheAutoConfiguration.class))
        .withUserConfiguration(ShopPackage.class)
        .withClassLoader(
            new FilteredClassLoader("jakarta.persistence", "dev.lethe.jpa", "javax.sql"))
        .withPropertyValues(KEY)
        .withPropertyValues(RECIPIENTS)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context)
                  .getBean(PersonalDataStore.class)
                  .isInstanceOf(PersonalDataStore.InMemoryStore.class);
              assertThat(context.getBean(PersonalDataModel.class).subjectType("customer"))
                  .isPresent();
              assertThat(context).doesNotHaveBean(LetheSchemaInitializer.class);
            });
  }

  @Test
  @DisplayName(
      "Art. 4(5): the pseudonymizer follows the model's comparison of identities: one person, one pseudonym, whatever the e-mail's case")
  void onePersonOnePseudonym() {
    runner
        .withPropertyValues(KEY)
        .run(
            context -> {
              AuditTrail audit = context.getBean(AuditTrail.class);
              assertThat(
                      audit.pseudonymOf(
                          new SubjectIdentifier("customer", "email", " Ada@Example.com")))
                  .isEqualTo(
                      audit.pseudonymOf(
                          new SubjectIdentifier("customer", "email", "ada@example.com")));
              ConsentLedger ledger = context.getBean(ConsentLedger.class);
              ledger.give(
                  new SubjectIdentifier("customer", "email", "Ada@Example.com"),
                  "newsletter",
                  ConsentEvidence.of("v1", ConsentMethod.WEB_FORM_OPT_IN));
              assertThat(
                      ledger.state(
                          new SubjectIdentifier("customer", "email", "ada@example.com"),
                          "newsletter"))
                  .isEqualTo(ConsentState.GIVEN);
            });
  }

  @Test
  @DisplayName(
      "Without Hibernate (a JDBC application) Lethe backs off to an in-memory personal-data store, keeps its records in the database, and says in one WARN what is missing")
  void backsOffWithoutHibernate(CapturedOutput output) {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                PropertyPlaceholderAutoConfiguration.class,
                DataSourceAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class,
                HibernateJpaAutoConfiguration.class,
                LetheAutoConfiguration.class))
        .withUserConfiguration(ShopPackage.class)
        .withClassLoader(new FilteredClassLoader("org.hibernate"))
        .withPropertyValues(
            "spring.datasource.url=jdbc:h2:mem:starter-${random.uuid};DB_CLOSE_DELAY=-1", KEY)
        .withPropertyValues(RECIPIENTS)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context)
                  .getBean(PersonalDataStore.class)
                  .isInstanceOf(PersonalDataStore.InMemoryStore.class);
              assertThat(context).getBean(RequestStore.class).isInstanceOf(JdbcRequestStore.class);
              assertThat(
                      output
                          .getOut()
                          .lines()
                          .filter(
                              line ->
                                  line.contains(" WARN ")
                                      && line.contains(
                                          "Lethe found no JPA EntityManagerFactory (Hibernate ORM is not on the class path)")
                                      && line.contains("spring-boot-starter-data-jpa")))
                  .hasSize(1);
            });
  }

  @Test
  @DisplayName(
      "Art. 32: on an in-memory database without a pseudonym key, the application's own tests start: a random key for the run, said in one WARN")
  void inMemoryDatabaseRunsWithARandomKey(CapturedOutput output) {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed().hasSingleBean(DataSubjectRights.class);
          assertThat(
                  output
                      .getOut()
                      .lines()
                      .filter(
                          line ->
                              line.contains(" WARN ")
                                  && line.contains("random pseudonym key for this run")
                                  && line.contains("in-memory H2 database")
                                  && line.contains("will not survive a restart")))
              .hasSize(1);
        });
  }

  @Test
  @DisplayName(
      "Art. 32: on a database that outlives the run (PostgreSQL) without a pseudonym key the application does not start, and the message says how to set one")
  void missingKey() {
    // Never connected: the URL is read from the pool's configuration, and the refusal comes first.
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                PropertyPlaceholderAutoConfiguration.class,
                DataSourceAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class,
                LetheAutoConfiguration.class))
        .withUserConfiguration(ShopPackage.class)
        .withPropertyValues(
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere",
            "lethe.schema.migrate=false")
        .withPropertyValues(RECIPIENTS)
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(MissingPseudonymKeyException.class)
                    .hasMessageContaining("lethe.pseudonym-key")
                    .hasMessageContaining("openssl rand -base64 32")
                    .hasMessageContaining("lethe.development=true"));
  }

  @Test
  @DisplayName(
      "Art. 32: an H2 database in a file outlives the run: without a pseudonym key the application does not start")
  void missingKeyOnAFile(@TempDir Path directory) {
    runner
        .withPropertyValues("spring.datasource.url=jdbc:h2:file:" + directory.resolve("shop"))
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(MissingPseudonymKeyException.class));
  }

  @Test
  @DisplayName("In development a random key stands in for a missing one")
  void developmentKey() {
    runner
        .withPropertyValues("lethe.development=true")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  @DisplayName("A key too short or a bad property is refused at start-up, naming the property")
  void bindingErrors() {
    runner
        .withPropertyValues(
            "lethe.pseudonym-key=" + Base64.getEncoder().encodeToString(new byte[8]))
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("8 bytes"));
    runner
        .withPropertyValues(KEY, "lethe.retention.batch-size=-5")
        .run(
            context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("batchSize"));
    runner
        .withPropertyValues(KEY, "lethe.deadlines.restriction=P2M")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .hasStackTraceContaining("RESTRICTION"));
  }

  @Test
  @DisplayName(
      "Art. 30(1)(d): a purpose's recipient that the controller description leaves out fails start-up, naming it")
  void undescribedRecipient() {
    runner
        .withPropertyValues(KEY, "lethe.controller.recipients[1].name=other-host")
        .run(
            context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("email-host"));
  }

  @Test
  @DisplayName("Art. 12(3): per-type deadlines from the properties reach the rights service")
  void deadlines() {
    runner
        .withPropertyValues(KEY, "lethe.deadlines.restriction=P28D")
        .run(
            context -> {
              DataSubjectRights rights = context.getBean(DataSubjectRights.class);
              var request =
                  rights.submit(
                      RequestType.RESTRICTION,
                      new SubjectIdentifier("customer", "email", "ada@example.com"),
                      Channel.WEB);
              assertThat(
                      Period.between(
                          request.receivedAt().atZone(ZoneId.systemDefault()).toLocalDate(),
                          request.dueDate()))
                  .isEqualTo(Period.ofDays(28));
            });
  }

  @Test
  @DisplayName(
      "Art. 18(1): lethe.restrictions.max-staleness bounds how long another instance's restriction goes unseen")
  void restrictionBound() {
    Restriction restriction =
        new Restriction(
            new SubjectPseudonym("e".repeat(64)),
            RequestId.random(),
            RestrictionGround.ACCURACY_CONTESTED,
            Instant.parse("2026-01-01T00:00:00Z"),
            Optional.empty());
    runner
        .withPropertyValues(KEY, "lethe.restrictions.max-staleness=1h")
        .run(
            context -> {
              RestrictionStore store = context.getBean(RestrictionStore.class);
              assertThat(store.isEmpty()).isTrue();
              JdbcRestrictionStore.of(context.getBean(javax.sql.DataSource.class))
                  .save(restriction);
              assertThat(store.isEmpty()).as("trusted empty for the configured hour").isTrue();
              // The runner's contexts share one in-memory database: leave it as found.
              store.remove(restriction.subject());
            });
    runner
        .withPropertyValues(KEY, "lethe.restrictions.max-staleness=0s")
        .run(
            context -> {
              RestrictionStore store = context.getBean(RestrictionStore.class);
              assertThat(store.isEmpty()).isTrue();
              JdbcRestrictionStore.of(context.getBean(javax.sql.DataSource.class))
                  .save(restriction);
              assertThat(store.isEmpty()).as("looked up every time").isFalse();
              // The runner's contexts share one in-memory database: leave it as found.
              store.remove(restriction.subject());
            });
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): closed requests keep their identity three months by default, as lethe.requests.identity-retention says")
  void requestIdentityRetention() {
    runner
        .withPropertyValues(KEY)
        .run(
            context ->
                assertThat(context.getBean(RequestIdentityRetention.class).period())
                    .isEqualTo(Period.ofMonths(3)));
    runner
        .withPropertyValues(KEY, "lethe.requests.identity-retention=P10D")
        .run(
            context ->
                assertThat(context.getBean(RequestIdentityRetention.class).period())
                    .isEqualTo(Period.ofDays(10)));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnRequestStore {
    static final RequestStore STORE = RequestStore.inMemory();

    @Bean
    RequestStore ownRequestStore() {
      return STORE;
    }
  }
}
