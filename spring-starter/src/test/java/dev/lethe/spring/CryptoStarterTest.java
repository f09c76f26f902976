package dev.lethe.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.crypto.KeyEncryptionKey;
import dev.lethe.crypto.SubjectKeys;
import dev.lethe.erasure.ErasurePlan;
import dev.lethe.jpa.JpaPersonalDataStore;
import dev.lethe.law.ErasureGround;
import dev.lethe.spring.clinic.ClinicPackage;
import dev.lethe.spring.clinic.Patient;
import dev.lethe.spring.shop.ShopPackage;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectKey;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Crypto-shredding in the starter (Art. 17(1), 32(1)(a)): {@code lethe.crypto.*} gives the JPA store
 * a {@link SubjectKeys} bean, and an application with {@code @Encrypted} attributes but no
 * key-encryption key does not start.
 */
@ExtendWith(OutputCaptureExtension.class)
class CryptoStarterTest {

  private static final String KEY =
      "lethe.pseudonym-key=" + Base64.getEncoder().encodeToString(new byte[32]);

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PropertyPlaceholderAutoConfiguration.class,
                  DataSourceAutoConfiguration.class,
                  DataSourceTransactionManagerAutoConfiguration.class,
                  HibernateJpaAutoConfiguration.class,
                  LetheAutoConfiguration.class))
          .withPropertyValues(
              "spring.datasource.url=jdbc:h2:mem:crypto-${random.uuid};DB_CLOSE_DELAY=-1",
              "spring.jpa.hibernate.ddl-auto=create-drop",
              KEY);

  @Test
  @DisplayName(
      "Art. 32(1)(a): a keyset file in lethe.crypto.keyset-path gives the store its keys; values are stored encrypted, and erasure shreds them")
  void keysetFileEncryptsAndErasureShreds(@TempDir Path directory) throws Exception {
    Path keyset =
        Files.writeString(directory.resolve("kek.json"), KeyEncryptionKey.generateKeyset());
    runner
        .withUserConfiguration(ClinicPackage.class)
        .withPropertyValues(
            "lethe.crypto.keyset-path=" + keyset,
            "lethe.crypto.kek-id=kek-2026",
            "lethe.crypto.cache-for=0s")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(SubjectKeys.class);
              assertThat(context.getBean(SubjectKeys.class))
                  .hasToString("SubjectKeys[kek=kek-2026]");
              EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
              emf.runInTransaction(em -> em.persist(new Patient(1L, "P-1", "Ada Lovelace")));

              String stored =
                  single(
                      context.getBean(DataSource.class), "select name from patient where id = 1");
              assertThat(stored).startsWith("lethe1.").doesNotContain("Ada");
              String loaded = emf.callInTransaction(em -> em.find(Patient.class, 1L).name);
              assertThat(loaded).isEqualTo("Ada Lovelace");

              JpaPersonalDataStore store = context.getBean(JpaPersonalDataStore.class);
              ErasurePlan plan =
                  ErasurePlan.of(
                      store.model(),
                      new SubjectKey("patient", 1L),
                      ErasureGround.CONSENT_WITHDRAWN,
                      List.of());
              store.erase(plan);
              assertThat(context.getBean(SubjectKeys.class).decrypt(stored))
                  .as("the old copy is shredded")
                  .isEmpty();
            });
  }

  @Test
  @DisplayName(
      "Art. 32(1)(a): an inline keyset in lethe.crypto.keyset works as well, and is never printed")
  void inlineKeyset() {
    String json = KeyEncryptionKey.generateKeyset();
    runner
        .withUserConfiguration(ClinicPackage.class)
        .withPropertyValues("lethe.crypto.keyset=" + json)
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(SubjectKeys.class);
              assertThat(context.getBean(LetheProperties.class).toString())
                  .contains("keyset=<secret>")
                  .doesNotContain(json);
            });
  }

  @Test
  @DisplayName(
      "Art. 17(1), 32(1)(a): @Encrypted attributes without a key-encryption key refuse to start, saying which and how to fix it")
  void encryptedAttributesWithoutKeyRefused() {
    runner
        .withUserConfiguration(ClinicPackage.class)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(MissingKeyEncryptionKeyException.class)
                  .hasMessageContaining(
                      "[Patient.name] is @Encrypted, but no key-encryption key is configured")
                  .hasMessageContaining("lethe.crypto.keyset-path")
                  .hasMessageContaining("lethe.development=true");
            });
  }

  @Test
  @DisplayName(
      "Art. 17(1): without lethe-crypto on the class path, @Encrypted attributes refuse to start and name the dependency")
  void encryptedAttributesWithoutCryptoModuleRefused() {
    runner
        .withClassLoader(new FilteredClassLoader("dev.lethe.crypto"))
        .withUserConfiguration(ClinicPackage.class)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(MissingKeyEncryptionKeyException.class)
                  .hasMessageContaining("dev.lethe:lethe-crypto");
            });
  }

  @Test
  @DisplayName("In development a random key-encryption key is used, with a warning")
  void developmentUsesRandomKeyWithWarning(CapturedOutput output) {
    runner
        .withUserConfiguration(ClinicPackage.class)
        .withPropertyValues("lethe.development=true")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(SubjectKeys.class);
              assertThat(output)
                  .contains("random key-encryption key because lethe.development=true");
            });
  }

  @Test
  @DisplayName(
      "Without @Encrypted attributes and without a key, nothing is asked for and no keys are made")
  void noEncryptedAttributesNoKeys() {
    runner
        .withUserConfiguration(ShopPackage.class)
        .withPropertyValues(LetheAutoConfigurationTest.RECIPIENTS)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SubjectKeys.class));
  }

  @Test
  @DisplayName(
      "An application's own SubjectKeys (a KMS, a rotation) replaces the starter's and reaches the store")
  void ownSubjectKeysBean() {
    runner
        .withUserConfiguration(ClinicPackage.class, OwnKeys.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(SubjectKeys.class);
              assertThat(context.getBean(SubjectKeys.class)).hasToString("SubjectKeys[kek=kms-1]");
              EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
              emf.runInTransaction(em -> em.persist(new Patient(2L, "P-2", "Grace Hopper")));
              assertThat(
                      single(
                          context.getBean(DataSource.class),
                          "select name from patient where id = 2"))
                  .startsWith("lethe1.");
            });
  }

  private static String single(DataSource dataSource, String sql) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnKeys {
    @Bean
    SubjectKeys ownSubjectKeys(DataSource dataSource, Pseudonymizer pseudonymizer) {
      return SubjectKeys.builder(dataSource, KeyEncryptionKey.random("kms-1"), pseudonymizer)
          .build();
    }
  }
}
