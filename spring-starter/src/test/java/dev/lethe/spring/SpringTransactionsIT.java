package dev.lethe.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.audit.AuditCheckpoint;
import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditSink;
import dev.lethe.audit.AuditTrail;
import dev.lethe.jdbc.JdbcAuditSink;
import dev.lethe.jdbc.testing.TestDatabase;
import dev.lethe.law.ErasureGround;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.spi.Transactions;
import dev.lethe.spring.LetheStoreConfigurations.LetheDataSource;
import dev.lethe.spring.shop.Customer;
import dev.lethe.spring.shop.ShopApplication;
import dev.lethe.subject.SubjectIdentifier;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lethe inside a Spring Boot application with JPA: each operation runs in a Spring transaction, and
 * Lethe's JDBC stores use its connection.
 */
@SpringBootTest(
    classes = {ShopApplication.class, SpringTransactionsIT.FailingAudit.class},
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.jpa.hibernate.ddl-auto=create")
@DirtiesContext
class SpringTransactionsIT {

  private static final SubjectIdentifier ADA =
      new SubjectIdentifier("customer", "email", "ada@example.com");
  static final AtomicBoolean AUDIT_DOWN = new AtomicBoolean();
  private static @Nullable TestDatabase database;

  @Autowired DataSubjectRights rights;
  @Autowired AuditTrail audit;
  @Autowired Transactions transactions;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired EntityManagerFactory entityManagerFactory;

  static synchronized TestDatabase database() {
    if (database == null) {
      database = TestDatabase.create();
    }
    return database;
  }

  @BeforeAll
  static void selectDatabase() {
    database();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> database().jdbcUrl());
    registry.add("spring.datasource.username", () -> database().user());
    registry.add("spring.datasource.password", () -> "");
    registry.add("lethe.pseudonym-key", () -> Base64.getEncoder().encodeToString(new byte[32]));
    for (String recipient : LetheAutoConfigurationTest.RECIPIENTS) {
      String[] property = recipient.split("=", 2);
      registry.add(property[0], () -> property[1]);
    }
  }

  @BeforeEach
  void auditUp() {
    AUDIT_DOWN.set(false);
    new JdbcTemplate(dataSource).update("delete from customer");
  }

  @Test
  void theStarterRunsOperationsInSpringTransactions() {
    assertThat(transactions).isInstanceOf(SpringTransactions.class);
    assertThat(audit.transactions()).isSameAs(transactions);
  }

  @Test
  @DisplayName(
      "Art. 5(2): when the audit fails, the submitted request is rolled back with it: no orphan request")
  void aFailingAuditLeavesNoOrphanRequest() {
    long before = requests();
    AUDIT_DOWN.set(true);

    assertThatThrownBy(() -> rights.submit(RequestType.ACCESS, ADA, Channel.WEB))
        .hasMessageContaining("audit is down");

    assertThat(requests()).isEqualTo(before);
  }

  @Test
  @DisplayName(
      "Art. 5(2): Lethe's request and event commit with the application's own change, or roll back with it")
  void letheJoinsTheApplicationsTransaction() {
    long requestsBefore = requests();
    AuditCheckpoint checkpointBefore = audit.checkpoint();
    TransactionTemplate application = new TransactionTemplate(transactionManager);

    assertThatThrownBy(
            () ->
                application.executeWithoutResult(
                    status -> {
                      new JdbcTemplate(dataSource)
                          .update(
                              "insert into customer (id, email, name) values (7, 'x@example.com', 'X')");
                      rights.submit(RequestType.ACCESS, ADA, Channel.WEB);
                      throw new IllegalStateException("the application's own work fails");
                    }))
        .hasMessageContaining("own work fails");

    assertThat(requests()).isEqualTo(requestsBefore);
    assertThat(
            new JdbcTemplate(dataSource)
                .queryForObject("select count(*) from customer", Long.class))
        .isZero();
    assertThat(audit.checkpoint())
        .as("a rolled-back event is no checkpoint")
        .isEqualTo(checkpointBefore);

    application.executeWithoutResult(
        status -> {
          new JdbcTemplate(dataSource)
              .update("insert into customer (id, email, name) values (7, 'x@example.com', 'X')");
          rights.submit(RequestType.ACCESS, ADA, Channel.WEB);
        });

    assertThat(requests()).isEqualTo(requestsBefore + 1);
    assertThat(audit.checkpoint().sequence()).isEqualTo(checkpointBefore.sequence() + 1);
    assertThat(audit.verify(checkpointBefore).isIntact()).isTrue();
  }

  @Test
  @DisplayName(
      "Art. 5(1)(f), 17: when the audit fails during an erasure, the JPA rows are not erased and the request stays verified")
  void aFailingAuditRollsTheJpaErasureBack() {
    insertAda();
    RightsRequest request =
        rights.verify(rights.submit(RequestType.ERASURE, ADA, Channel.WEB).id(), "email-link");
    AUDIT_DOWN.set(true);

    assertThatThrownBy(() -> rights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN))
        .hasMessageContaining("audit is down");

    assertThat(
            new JdbcTemplate(dataSource)
                .queryForObject("select email from customer where id = 1", String.class))
        .isEqualTo("ada@example.com");
    assertThat(
            new JdbcTemplate(dataSource)
                .queryForObject("select name from customer where id = 1", String.class))
        .isEqualTo("Ada");
    RightsRequest stored = rights.find(request.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(RequestStatus.VERIFIED);
    assertThat(stored.version()).isEqualTo(request.version());
  }

  @Test
  @DisplayName(
      "Art. 17: the JPA erasure, the fulfilled request and its events commit in the operation's one transaction")
  void theJpaErasureCommitsWithTheRequest() {
    insertAda();
    RightsRequest request =
        rights.verify(rights.submit(RequestType.ERASURE, ADA, Channel.WEB).id(), "email-link");

    rights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);

    assertThat(
            new JdbcTemplate(dataSource)
                .queryForObject("select email from customer where id = 1", String.class))
        .isNotEqualTo("ada@example.com");
    assertThat(rights.find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.FULFILLED);
  }

  @Test
  @DisplayName(
      "Art. 17: an erasure inside the application's transaction detaches the subject's loaded entity, so that a later change cannot write the erased values back")
  void anErasureInsideTheApplicationsTransactionCannotBeUndoneByItsEntities() {
    insertAda();
    RightsRequest request =
        rights.verify(rights.submit(RequestType.ERASURE, ADA, Channel.WEB).id(), "email-link");
    TransactionTemplate application = new TransactionTemplate(transactionManager);

    application.executeWithoutResult(
        status -> {
          EntityManager em =
              EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory);
          Customer ada = em.find(Customer.class, 1L);
          rights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);
          assertThat(em.contains(ada)).isFalse();
          ada.name = "Changed after the erasure";
        });

    assertThat(
            new JdbcTemplate(dataSource)
                .queryForObject("select email from customer where id = 1", String.class))
        .isNotEqualTo("ada@example.com");
    assertThat(rights.find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.FULFILLED);
  }

  @Test
  void theJpaStoreJoinsTheTransactionsEntityManager() {
    assertThat(transactionManager).isInstanceOf(JpaTransactionManager.class);
    TransactionTemplate application = new TransactionTemplate(transactionManager);

    application.executeWithoutResult(
        status -> {
          assertThat(SpringJpaJoin.entityManager(entityManagerFactory)).isPresent();
          assertThat(
                  SpringJpaJoin.entityManager(entityManagerFactory)
                      .orElseThrow()
                      .isJoinedToTransaction())
              .isTrue();
        });
    assertThat(SpringJpaJoin.entityManager(entityManagerFactory)).isEmpty();
  }

  @Test
  void underADataSourceTransactionManagerTheJpaStoreJoinsTheBoundConnection() {
    TransactionTemplate jdbcOnly =
        new TransactionTemplate(new DataSourceTransactionManager(dataSource));

    jdbcOnly.executeWithoutResult(
        status -> {
          assertThat(SpringJpaJoin.entityManager(entityManagerFactory)).isEmpty();
          assertThat(SpringJpaJoin.connection(dataSource))
              .contains(DataSourceUtils.getConnection(dataSource));
        });
    assertThat(SpringJpaJoin.connection(dataSource)).isEmpty();
  }

  private void insertAda() {
    new JdbcTemplate(dataSource)
        .update("insert into customer (id, email, name) values (1, 'ada@example.com', 'Ada')");
  }

  private long requests() {
    return new JdbcTemplate(dataSource)
        .queryForObject("select count(*) from lethe_rights_request", Long.class);
  }

  /** The JDBC audit sink, which a test can take down. */
  @TestConfiguration(proxyBeanMethods = false)
  static class FailingAudit {

    @Bean
    AuditSink letheAuditSink(LetheDataSource dataSource) {
      JdbcAuditSink sink = JdbcAuditSink.of(dataSource.dataSource());
      return new AuditSink() {
        @Override
        public void append(AuditEvent event) {
          check();
          sink.append(event);
        }

        @Override
        public AuditEvent appendNext(Function<AuditCheckpoint, AuditEvent> next) {
          check();
          return sink.appendNext(next);
        }

        @Override
        public Stream<AuditEvent> events() {
          return sink.events();
        }

        @Override
        public Stream<AuditEvent> eventsFrom(long sequence) {
          return sink.eventsFrom(sequence);
        }

        private void check() {
          if (AUDIT_DOWN.get()) {
            throw new IllegalStateException("The audit is down");
          }
        }
      };
    }

    /** Drops the test's schema when the context closes. */
    @Bean
    DisposableBean dropTestDatabase() {
      return () -> {
        if (database().kind() != TestDatabase.Kind.H2) {
          database().close();
        }
      };
    }
  }
}
