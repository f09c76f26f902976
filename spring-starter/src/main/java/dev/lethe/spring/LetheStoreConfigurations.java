package dev.lethe.spring;

import dev.lethe.annotation.Encrypted;
import dev.lethe.audit.AuditSink;
import dev.lethe.breach.BreachStore;
import dev.lethe.consent.ConsentStore;
import dev.lethe.crypto.KeyEncryptionKey;
import dev.lethe.crypto.SubjectKeys;
import dev.lethe.erasure.LegalHoldStore;
import dev.lethe.erasure.SuppressionStore;
import dev.lethe.jdbc.JdbcAcknowledgementStore;
import dev.lethe.jdbc.JdbcAuditSink;
import dev.lethe.jdbc.JdbcBreachStore;
import dev.lethe.jdbc.JdbcConsentStore;
import dev.lethe.jdbc.JdbcErasureTombstoneStore;
import dev.lethe.jdbc.JdbcLegalHoldStore;
import dev.lethe.jdbc.JdbcMutex;
import dev.lethe.jdbc.JdbcObjectionStore;
import dev.lethe.jdbc.JdbcOutbox;
import dev.lethe.jdbc.JdbcReceiptStore;
import dev.lethe.jdbc.JdbcRequestStore;
import dev.lethe.jdbc.JdbcRestrictionStore;
import dev.lethe.jdbc.JdbcRetentionRunLog;
import dev.lethe.jdbc.JdbcSuppressionStore;
import dev.lethe.jpa.JpaPersonalDataStore;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.objection.ObjectionStore;
import dev.lethe.restriction.RestrictionStore;
import dev.lethe.retention.RetentionRunLog;
import dev.lethe.rights.RequestStore;
import dev.lethe.spi.AcknowledgementStore;
import dev.lethe.spi.ErasureTombstoneStore;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.ReceiptStore;
import dev.lethe.spi.Transactions;
import dev.lethe.subject.Pseudonymizer;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.ManagedType;
import java.lang.reflect.Field;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.ClassUtils;

/** Where Lethe keeps what it knows: the personal-data store, and the durable or in-memory SPI stores. */
final class LetheStoreConfigurations {

  private static final Logger LOG = LoggerFactory.getLogger(LetheStoreConfigurations.class);

  /** The application brings Hibernate ORM with spring-boot-starter-data-jpa; the starter does not. */
  private static final String HIBERNATE = "org.hibernate.SessionFactory";

  private LetheStoreConfigurations() {}

  /**
   * With JPA: the model is discovered from the EntityManagerFactory; erasure and retention run
   * set-based on the database, and, once Lethe is built over the store, Hibernate listeners refuse
   * changes to a restricted subject's rows (Art. 18).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {
        "dev.lethe.jpa.JpaPersonalDataStore",
        "jakarta.persistence.EntityManagerFactory",
        HIBERNATE
      })
  @ConditionalOnBean(type = "jakarta.persistence.EntityManagerFactory")
  static class Jpa {

    @Bean
    @ConditionalOnMissingBean(PersonalDataStore.class)
    JpaPersonalDataStore lethePersonalDataStore(
        EntityManagerFactory entityManagerFactory,
        Pseudonymizer pseudonymizer,
        ObjectProvider<DataSource> dataSource,
        LetheProperties properties,
        ObjectProvider<StoreEncryption> encryption) {
      // Lethe hands the store its restrictions when it is built over it (Art. 18(2)).
      JpaPersonalDataStore.Builder builder =
          JpaPersonalDataStore.builder(entityManagerFactory, pseudonymizer)
              .refuseOtherCopies(properties.copies().refuse())
              .acceptCopies(properties.copies().accepted().toArray(String[]::new));
      StoreEncryption keys = encryption.getIfAvailable();
      if (keys == null || !keys.encrypt(builder)) {
        // Said here, in the starter's terms, before the store refuses @Encrypted attributes without
        // keys.
        List<String> encrypted = encryptedAttributes(entityManagerFactory);
        if (!encrypted.isEmpty()) {
          // The encryption's bean is there exactly when lethe-crypto is on the class path.
          throw new MissingKeyEncryptionKeyException(encrypted, keys != null);
        }
      }
      ClassLoader loader = LetheStoreConfigurations.class.getClassLoader();
      if (ClassUtils.isPresent("org.springframework.orm.jpa.EntityManagerFactoryUtils", loader)
          && ClassUtils.isPresent("org.springframework.jdbc.datasource.ConnectionHolder", loader)) {
        // The erasure joins the operation's Spring transaction: it commits with the request and its
        // audit event.
        DataSource application = dataSource.getIfUnique();
        builder
            .currentEntityManager(() -> SpringJpaJoin.entityManager(entityManagerFactory))
            .currentConnection(() -> SpringJpaJoin.connection(application));
      }
      return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    PersonalDataModel lethePersonalDataModel(JpaPersonalDataStore store) {
      return store.model();
    }
  }

  /**
   * With lethe-crypto and JPA: crypto-shredding (Art. 17(1), 32(1)(a)). The subjects' keys live in
   * Lethe's table on the application's DataSource, wrapped by the key-encryption key of
   * {@code lethe.crypto.*}; the JPA store stores {@code @Encrypted} attributes encrypted with them, and
   * erasure destroys them. Without a configured KEK there are no keys (in development, a random KEK).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {"dev.lethe.crypto.SubjectKeys", "dev.lethe.jpa.JpaPersonalDataStore", HIBERNATE})
  @ConditionalOnBean(DataSource.class)
  @DependsOn(LetheSchemaInitializer.BEAN_NAME)
  static class Crypto {

    /**
     * The keys, on the application's own DataSource rather than the transaction-aware one. With JPA a
     * new subject's key is written in the transaction of the row that needs it, on the session's
     * connection; only outside a transaction does it commit on a connection of its own.
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(KeyEncryptionKeyConfigured.class)
    SubjectKeys letheSubjectKeys(
        DataSource dataSource, Pseudonymizer pseudonymizer, LetheProperties properties) {
      KeyEncryptionKey kek =
          KeyEncryptionKeys.keyEncryptionKey(properties)
              .orElseThrow(() -> new IllegalStateException("No key-encryption key is configured"));
      return SubjectKeys.builder(dataSource, kek, pseudonymizer)
          .cacheFor(properties.crypto().cacheFor())
          .build();
    }

    @Bean
    StoreEncryption letheStoreEncryption(ObjectProvider<SubjectKeys> keys) {
      return builder -> {
        SubjectKeys subjectKeys = keys.getIfAvailable();
        if (subjectKeys == null) {
          return false;
        }
        builder.encryption(subjectKeys);
        return true;
      };
    }
  }

  /** A KEK is configured, inline or by file, or development allows a random one. */
  static final class KeyEncryptionKeyConfigured extends AnyNestedCondition {

    KeyEncryptionKeyConfigured() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty("lethe.crypto.keyset-path")
    static final class ByFile {}

    @ConditionalOnProperty("lethe.crypto.keyset")
    static final class Inline {}

    @ConditionalOnProperty(name = "lethe.development", havingValue = "true")
    static final class Development {}
  }

  /** The {@code @Encrypted} attributes of the factory's entities and embeddables, as {@code Type.attribute}. */
  private static List<String> encryptedAttributes(EntityManagerFactory entityManagerFactory) {
    List<String> found = new ArrayList<>();
    for (ManagedType<?> type : entityManagerFactory.getMetamodel().getManagedTypes()) {
      for (Class<?> current = type.getJavaType();
          current != null && current != Object.class;
          current = current.getSuperclass()) {
        for (Field field : current.getDeclaredFields()) {
          String name = type.getJavaType().getSimpleName() + "." + field.getName();
          if (field.isAnnotationPresent(Encrypted.class) && !found.contains(name)) {
            found.add(name);
          }
        }
      }
    }
    return found;
  }

  /**
   * Without JPA: the model is scanned from the application's packages and the data kept in memory,
   * with one WARN saying what is missing, since Lethe then cannot reach the application's database.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(type = "jakarta.persistence.EntityManagerFactory")
  static class InMemory {

    @Bean
    @ConditionalOnMissingBean
    PersonalDataModel lethePersonalDataModel(BeanFactory beanFactory) {
      List<String> packages =
          AutoConfigurationPackages.has(beanFactory)
              ? AutoConfigurationPackages.get(beanFactory)
              : List.of();
      return PersonalDataModel.scanPackages(packages.toArray(String[]::new));
    }

    @Bean
    @ConditionalOnMissingBean(PersonalDataStore.class)
    PersonalDataStore.InMemoryStore lethePersonalDataStore(
        PersonalDataModel model,
        Pseudonymizer pseudonymizer,
        ConfigurableListableBeanFactory beanFactory) {
      LOG.warn(
          "Lethe found no JPA EntityManagerFactory ({}): it cannot reach the application's database and keeps"
              + " personal data in an in-memory store. Add spring-boot-starter-data-jpa for Lethe to discover the model"
              + " from your entities and act on their tables.",
          missingJpa(beanFactory.getBeanClassLoader()));
      return PersonalDataStore.inMemory(model, pseudonymizer);
    }

    private static String missingJpa(@Nullable ClassLoader loader) {
      if (!ClassUtils.isPresent("jakarta.persistence.EntityManagerFactory", loader)) {
        return "Jakarta Persistence is not on the class path";
      }
      return ClassUtils.isPresent(HIBERNATE, loader)
          ? "no EntityManagerFactory bean is defined"
          : "Hibernate ORM is not on the class path";
    }
  }

  /** With a DataSource: Lethe's tables, created or upgraded before anything uses them. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(DataSource.class)
  static class Schema {

    @Bean(LetheSchemaInitializer.BEAN_NAME)
    LetheSchemaInitializer letheSchemaInitializer(
        DataSource dataSource, LetheProperties properties) {
      return new LetheSchemaInitializer(dataSource, properties.schema().migrate());
    }

    /** Lethe's tables come first: the application's migrations and JPA wait for them. */
    @Bean
    static BeanFactoryPostProcessor letheSchemaFirst() {
      return LetheStoreConfigurations::migrationsDependOnLethe;
    }
  }

  /**
   * With a DataSource: requests, audit, consent and the rest survive restarts, in Lethe's own
   * tables. Every store is made by this configuration, which waits for the schema.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnClass(name = "org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy")
  @DependsOn(LetheSchemaInitializer.BEAN_NAME)
  static class Jdbc {

    /**
     * The application's DataSource as Lethe's stores see it: inside a Spring transaction, its
     * connection, so that requests, audit and the rest commit with the application's changes.
     */
    @Bean
    @ConditionalOnMissingBean
    LetheDataSource letheDataSource(DataSource dataSource) {
      return new LetheDataSource(new TransactionAwareDataSourceProxy(dataSource));
    }

    /** Each Lethe operation in one Spring transaction, which the stores join (Art. 5(2)). */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(PlatformTransactionManager.class)
    Transactions letheTransactions(
        PlatformTransactionManager transactionManager, LetheDataSource letheDataSource) {
      return new SpringTransactions(transactionManager, letheDataSource.dataSource());
    }

    @Bean
    @ConditionalOnMissingBean
    RequestStore letheRequestStore(LetheDataSource dataSource, Clock clock) {
      return JdbcRequestStore.of(dataSource.dataSource(), clock);
    }

    /** Where replicas take turns for work that must not interleave, such as taking in one subject's requests. */
    @Bean
    @ConditionalOnMissingBean
    JdbcMutex letheMutex(LetheDataSource dataSource) {
      return JdbcMutex.of(dataSource.dataSource());
    }

    @Bean
    @ConditionalOnMissingBean
    AuditSink letheAuditSink(LetheDataSource dataSource) {
      return JdbcAuditSink.of(dataSource.dataSource());
    }

    @Bean
    @ConditionalOnMissingBean
    LegalHoldStore letheLegalHoldStore(LetheDataSource dataSource) {
      return JdbcLegalHoldStore.of(dataSource.dataSource());
    }

    @Bean
    @ConditionalOnMissingBean
    BreachStore letheBreachStore(LetheDataSource dataSource) {
      return JdbcBreachStore.of(dataSource.dataSource());
    }

    @Bean
    @ConditionalOnMissingBean
    SuppressionStore letheSuppressionStore(LetheDataSource dataSource) {
      return JdbcSuppressionStore.of(dataSource.dataSource());
    }

    @Bean
    @ConditionalOnMissingBean
    ErasureTombstoneStore letheErasureTombstoneStore(LetheDataSource dataSource) {
      return JdbcErasureTombstoneStore.of(dataSource.dataSource());
    }

    @Bean
    @ConditionalOnMissingBean
    AcknowledgementStore letheAcknowledgementStore(LetheDataSource dataSource) {
      return JdbcAcknowledgementStore.of(dataSource.dataSource());
    }

    @Bean
    @ConditionalOnMissingBean
    ReceiptStore letheReceiptStore(LetheDataSource dataSource) {
      return JdbcReceiptStore.of(dataSource.dataSource());
    }

    @Bean
    @ConditionalOnMissingBean
    ConsentStore letheConsentStore(LetheDataSource dataSource) {
      return JdbcConsentStore.of(dataSource.dataSource());
    }

    @Bean
    @ConditionalOnMissingBean
    ObjectionStore letheObjectionStore(LetheDataSource dataSource) {
      return JdbcObjectionStore.of(dataSource.dataSource());
    }

    @Bean
    @ConditionalOnMissingBean
    RestrictionStore letheRestrictionStore(LetheDataSource dataSource, LetheProperties properties) {
      return JdbcRestrictionStore.of(
          dataSource.dataSource(), properties.restrictions().maxStaleness());
    }

    @Bean
    @ConditionalOnMissingBean
    RetentionRunLog letheRetentionRunLog(LetheDataSource dataSource) {
      return JdbcRetentionRunLog.of(dataSource.dataSource());
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox letheOutbox(LetheDataSource dataSource) {
      return JdbcOutbox.of(dataSource.dataSource());
    }
  }

  /**
   * With the application's own Flyway: Lethe's tables come first, so the schema is no longer empty
   * when the application's first migration runs. Flyway would then refuse to start ("non-empty
   * schema without history"); a baseline at version 0 lets every application migration run as before.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = "org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer")
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnProperty(name = "lethe.schema.migrate", havingValue = "true", matchIfMissing = true)
  static class ApplicationFlyway {

    @Bean
    FlywayConfigurationCustomizer letheBaselineBeforeApplicationMigrations(
        Environment environment) {
      return configuration -> {
        if (!environment.containsProperty("spring.flyway.baseline-on-migrate")) {
          configuration.baselineOnMigrate(true).baselineVersion("0");
        }
      };
    }
  }

  /** Without a DataSource, or for whatever the application left out: in-memory stores. */
  @Configuration(proxyBeanMethods = false)
  static class Fallbacks {

    @Bean
    @ConditionalOnMissingBean
    RequestStore letheRequestStore(Clock clock) {
      LOG.info(
          "Lethe found no DataSource: rights requests, the audit, consent and the other records are kept in"
              + " memory and lost on restart.");
      return RequestStore.inMemory(clock);
    }

    @Bean
    @ConditionalOnMissingBean
    AuditSink letheAuditSink() {
      return AuditSink.inMemory();
    }

    @Bean
    @ConditionalOnMissingBean
    LegalHoldStore letheLegalHoldStore() {
      return LegalHoldStore.inMemory();
    }

    @Bean
    @ConditionalOnMissingBean
    BreachStore letheBreachStore() {
      return BreachStore.inMemory();
    }

    @Bean
    @ConditionalOnMissingBean
    SuppressionStore letheSuppressionStore() {
      return SuppressionStore.inMemory();
    }

    @Bean
    @ConditionalOnMissingBean
    ErasureTombstoneStore letheErasureTombstoneStore() {
      return ErasureTombstoneStore.inMemory();
    }

    @Bean
    @ConditionalOnMissingBean
    AcknowledgementStore letheAcknowledgementStore() {
      return AcknowledgementStore.inMemory();
    }

    @Bean
    @ConditionalOnMissingBean
    ReceiptStore letheReceiptStore() {
      return ReceiptStore.inMemory();
    }

    @Bean
    @ConditionalOnMissingBean
    ConsentStore letheConsentStore() {
      return ConsentStore.inMemory();
    }

    @Bean
    @ConditionalOnMissingBean
    ObjectionStore letheObjectionStore() {
      return ObjectionStore.inMemory();
    }

    @Bean
    @ConditionalOnMissingBean
    RestrictionStore letheRestrictionStore() {
      return RestrictionStore.inMemory();
    }

    @Bean
    @ConditionalOnMissingBean
    RetentionRunLog letheRetentionRunLog() {
      return RetentionRunLog.inMemory();
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox letheOutbox() {
      LOG.info(
          "Lethe found no DataSource: Art. 19 notices to recipients wait in memory and are lost on restart.");
      return Outbox.inMemory();
    }

    /** Without a transaction manager: each store commits on its own. */
    @Bean
    @ConditionalOnMissingBean
    Transactions letheTransactions() {
      return Transactions.direct();
    }
  }

  /**
   * The DataSource Lethe's JDBC stores are built over: the application's, made transaction-aware.
   * A holder rather than a DataSource bean, so that the application's DataSource stays the only one.
   *
   * @param dataSource the transaction-aware DataSource
   */
  record LetheDataSource(DataSource dataSource) {}

  private static void migrationsDependOnLethe(ConfigurableListableBeanFactory beanFactory) {
    for (String type :
        List.of(
            "org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer",
            "jakarta.persistence.EntityManagerFactory")) {
      if (!ClassUtils.isPresent(type, beanFactory.getBeanClassLoader())) {
        continue;
      }
      Class<?> beanType = ClassUtils.resolveClassName(type, beanFactory.getBeanClassLoader());
      for (String name : beanFactory.getBeanNamesForType(beanType, true, false)) {
        BeanDefinition definition = beanFactory.getBeanDefinition(name);
        String[] dependsOn =
            definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
        if (!Arrays.asList(dependsOn).contains(LetheSchemaInitializer.BEAN_NAME)) {
          String[] extended = Arrays.copyOf(dependsOn, dependsOn.length + 1);
          extended[dependsOn.length] = LetheSchemaInitializer.BEAN_NAME;
          definition.setDependsOn(extended);
        }
      }
    }
  }
}
