package dev.lethe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.audit.AuditCheckpoint;
import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditSink;
import dev.lethe.audit.AuditTrail;
import dev.lethe.jdbc.JdbcAuditSink;
import dev.lethe.jdbc.JdbcRequestStore;
import dev.lethe.jdbc.JdbcTransactions;
import dev.lethe.jdbc.LetheSchema;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.law.ErasureGround;
import dev.lethe.request.Channel;
import dev.lethe.request.Rectification;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.IdentityVerifier;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.tck.shop.Customer;
import dev.lethe.tck.shop.Shop;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One transaction per operation in plain Java, on the selected database: with
 * {@link JdbcTransactions} over the application's DataSource, the JPA store's erasure and
 * rectification run on the operation's connection, so they commit with the request's new state and
 * its audit event, or roll back with them.
 */
class OperationTransactionIT {

  private static final SubjectIdentifier ADA =
      new SubjectIdentifier("customer", "email", "customer1@example.com");

  private static TestDatabase database;
  private static EntityManagerFactory emf;
  private static DataSource dataSource;
  private static DataSubjectRights rights;
  private static JdbcRequestStore requests;
  private static final AtomicBoolean AUDIT_DOWN = new AtomicBoolean();

  @BeforeAll
  static void openDatabase() {
    database = TestDatabase.create();
    emf = database.open(Shop.ENTITIES.toArray(Class<?>[]::new));
    dataSource = database.autoCommitDataSource();
    LetheSchema.migrate(dataSource);
    JdbcTransactions transactions = JdbcTransactions.of(dataSource);
    Pseudonymizer key = Pseudonymizer.withRandomKey();
    JpaPersonalDataStore store =
        JpaPersonalDataStore.builder(emf, key)
            .currentConnection(transactions::currentConnection)
            .build();
    AuditTrail audit =
        AuditTrail.builder(new SwitchableSink(JdbcAuditSink.of(dataSource)), key)
            .transactions(transactions)
            .build();
    requests = JdbcRequestStore.of(dataSource);
    rights =
        DataSubjectRights.builder(audit)
            .requestStore(requests)
            .identityVerifier(IdentityVerifier.always())
            .personalData(store.model(), store)
            .build();
  }

  @AfterAll
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @BeforeEach
  void populate() {
    emf.getSchemaManager().truncate();
    emf.runInTransaction(em -> Shop.population(2, 1).forEach(em::persist));
  }

  @AfterEach
  void auditUp() {
    AUDIT_DOWN.set(false);
  }

  @Test
  @DisplayName(
      "Art. 5(1)(f), 17: when the audit fails during an erasure, the subject's rows are not erased and the request stays verified")
  void failedAuditRollsTheErasureBack() {
    RightsRequest request = verifiedErasure();
    AUDIT_DOWN.set(true);

    assertThatThrownBy(() -> rights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN))
        .hasMessageContaining("The audit is down");

    Customer ada = customer(1L);
    assertThat(ada.email).isEqualTo("customer1@example.com");
    assertThat(ada.name).isEqualTo("Name 1");
    RightsRequest stored = requests.find(request.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(RequestStatus.VERIFIED);
    assertThat(stored.version()).isEqualTo(request.version());
    assertThat(stored.subject()).isEqualTo(ADA);
  }

  @Test
  @DisplayName("Art. 17: with the audit up, the erasure and the fulfilled request commit together")
  void erasureCommitsWithTheRequest() {
    RightsRequest request = verifiedErasure();

    rights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);

    assertThat(customer(1L).email).isNotEqualTo("customer1@example.com");
    assertThat(customer(2L).email).isEqualTo("customer2@example.com");
    assertThat(requests.find(request.id()).orElseThrow().status())
        .isEqualTo(RequestStatus.FULFILLED);
  }

  @Test
  @DisplayName(
      "Art. 16: when the audit fails during a rectification, the row keeps its value and the request stays verified")
  void failedAuditRollsTheRectificationBack() {
    RightsRequest request =
        rights.verify(
            rights.submit(RequestType.RECTIFICATION, ADA, Channel.WEB).id(), "email-link");
    AUDIT_DOWN.set(true);

    assertThatThrownBy(
            () ->
                rights.rectify(
                    request.id(),
                    new Rectification(Customer.class, 1L, Map.of("name", "Ada Lovelace"))))
        .hasMessageContaining("The audit is down");

    assertThat(customer(1L).name).isEqualTo("Name 1");
    assertThat(requests.find(request.id()).orElseThrow().status())
        .isEqualTo(RequestStatus.VERIFIED);
  }

  @Test
  @DisplayName("Art. 16: with the audit up, the rectification commits with the request")
  void rectificationCommitsWithTheRequest() {
    RightsRequest request =
        rights.verify(
            rights.submit(RequestType.RECTIFICATION, ADA, Channel.WEB).id(), "email-link");

    rights.rectify(
        request.id(), new Rectification(Customer.class, 1L, Map.of("name", "Ada Lovelace")));

    assertThat(customer(1L).name).isEqualTo("Ada Lovelace");
    assertThat(requests.find(request.id()).orElseThrow().status())
        .isEqualTo(RequestStatus.FULFILLED);
  }

  private static RightsRequest verifiedErasure() {
    return rights.verify(rights.submit(RequestType.ERASURE, ADA, Channel.WEB).id(), "email-link");
  }

  /** The customer as the database holds it now, read by a new entity manager. */
  private static Customer customer(long id) {
    return emf.callInTransaction(
        em -> {
          List<Customer> found =
              em.createQuery("select c from Customer c where c.id = :id", Customer.class)
                  .setParameter("id", id)
                  .getResultList();
          assertThat(found).hasSize(1);
          return found.get(0);
        });
  }

  /** A sink whose storage goes down on demand: every append then fails. */
  private static final class SwitchableSink implements AuditSink {
    private final AuditSink delegate;

    SwitchableSink(AuditSink delegate) {
      this.delegate = delegate;
    }

    @Override
    public void append(AuditEvent event) {
      up();
      delegate.append(event);
    }

    @Override
    public AuditEvent appendNext(Function<AuditCheckpoint, AuditEvent> next) {
      up();
      return delegate.appendNext(next);
    }

    @Override
    public Stream<AuditEvent> events() {
      return delegate.events();
    }

    private static void up() {
      if (AUDIT_DOWN.get()) {
        throw new IllegalStateException("The audit is down");
      }
    }
  }
}
