package dev.lethe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.Lethe;
import dev.lethe.LetheStores;
import dev.lethe.audit.AuditTrail;
import dev.lethe.jdbc.JdbcRestrictionStore;
import dev.lethe.jdbc.LetheSchema;
import dev.lethe.jpa.testing.StatementCounter;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.law.RestrictionGround;
import dev.lethe.request.RequestId;
import dev.lethe.restriction.Restriction;
import dev.lethe.restriction.RestrictionStore;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.tck.shop.Customer;
import dev.lethe.tck.shop.LoginEvent;
import dev.lethe.tck.shop.OrderNote;
import dev.lethe.tck.shop.PurchaseOrder;
import dev.lethe.tck.shop.Shop;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Restriction checks (Art. 18(2)) answered from {@link JdbcRestrictionStore}'s snapshot, as the
 * starter wires them: what they cost an application's update or delete while another subject is
 * restricted (counted below the pool), that they still refuse along every kind of route, and how
 * a restriction placed or lifted by another replica reaches this one within the store's bound.
 */
class RestrictionSnapshotIT {

  private static final SubjectIdentifier CUSTOMER_1 =
      new SubjectIdentifier("customer", "email", "customer1@example.com");
  private static final SubjectIdentifier CUSTOMER_2 =
      new SubjectIdentifier("customer", "email", "customer2@example.com");

  /** The bound of the replica whose restrictions arrive from another one; short, so the test waits little. */
  private static final Duration SHORT_BOUND = Duration.ofMillis(300);

  private static TestDatabase database;
  private static StatementCounter statements;
  private static AuditTrail audit;

  /** A factory whose store trusts its snapshot for an hour: only its own changes refresh it. */
  private static EntityManagerFactory trusting;

  private static JdbcRestrictionStore trustingRestrictions;

  /** A factory whose store trusts its snapshot for {@link #SHORT_BOUND}. */
  private static EntityManagerFactory replica;

  /** Another replica's store over the same table. */
  private static JdbcRestrictionStore elsewhere;

  @BeforeAll
  static void open() {
    database = TestDatabase.create();
    statements = database.statements();
    DataSource dataSource = database.autoCommitDataSource();
    LetheSchema.migrate(dataSource);
    Pseudonymizer pseudonymizer = Pseudonymizer.withRandomKey();
    trusting = database.open(Shop.ENTITIES.toArray(Class<?>[]::new));
    trustingRestrictions = JdbcRestrictionStore.of(dataSource, Duration.ofHours(1));
    audit = enforcing(trusting, pseudonymizer, trustingRestrictions);
    replica = database.open(Shop.ENTITIES.toArray(Class<?>[]::new));
    enforcing(replica, pseudonymizer, JdbcRestrictionStore.of(dataSource, SHORT_BOUND));
    elsewhere = JdbcRestrictionStore.of(dataSource);
  }

  /**
   * Builds Lethe over a store of {@code factory} whose restrictions {@code restrictions} keeps, so
   * that the store enforces them; its audit trail keys them by the pseudonyms the test writes.
   */
  private static AuditTrail enforcing(
      EntityManagerFactory factory, Pseudonymizer pseudonymizer, RestrictionStore restrictions) {
    JpaPersonalDataStore store = JpaPersonalDataStore.of(factory, pseudonymizer);
    return Lethe.builder(store.model(), pseudonymizer)
        .stores(clock -> LetheStores.builder(clock).restrictions(restrictions).build())
        .personalData(store)
        .build()
        .audit();
  }

  @AfterAll
  static void close() {
    if (database != null) {
      database.close();
    }
  }

  @BeforeEach
  void populate() {
    trusting.getSchemaManager().truncate();
    database.execute("delete from lethe_restriction");
    trusting.runInTransaction(em -> Shop.population(2, 1).forEach(em::persist));
    // Both stores see the emptied table at once.
    trustingRestrictions.remove(audit.pseudonymOf(CUSTOMER_1));
  }

  private static Restriction restriction(SubjectIdentifier subject, RestrictionGround ground) {
    return new Restriction(
        audit.pseudonymOf(subject), RequestId.random(), ground, Instant.now(), Optional.empty());
  }

  private static void inTransaction(EntityManagerFactory factory, Consumer<EntityManager> change) {
    factory.runInTransaction(
        em -> {
          change.accept(em);
          em.flush();
        });
  }

  /** The statements {@code change} sends, in a transaction of its own, begin and commit excluded. */
  private static List<String> statementsOf(
      EntityManagerFactory factory, Consumer<EntityManager> change) {
    statements.reset();
    inTransaction(factory, change);
    return statements.statements();
  }

  private static void updateOrder(EntityManager em, long id) {
    em.find(PurchaseOrder.class, id).deliveryAddress = "changed " + System.nanoTime();
  }

  private static void assertRefused(
      EntityManagerFactory factory, Consumer<EntityManager> change, RestrictionGround ground) {
    assertThatThrownBy(() -> inTransaction(factory, change))
        .satisfies(
            thrown -> {
              Throwable cause = thrown;
              while (cause != null && !(cause instanceof ProcessingRestrictedException)) {
                cause = cause.getCause();
              }
              assertThat(cause).as("a ProcessingRestrictedException in %s", thrown).isNotNull();
              assertThat(((ProcessingRestrictedException) cause).ground()).isEqualTo(ground);
            });
  }

  @Test
  @DisplayName(
      "Art. 18(2): while another subject is restricted, an update or delete sends the application's statements only")
  void art18_checksCostNoStatementWhileAnotherSubjectIsRestricted() {
    // Each first check after a change of the table reads it once.
    statementsOf(trusting, em -> updateOrder(em, 1L));
    List<String> updateWithoutRestrictions = statementsOf(trusting, em -> updateOrder(em, 1L));
    trustingRestrictions.save(restriction(CUSTOMER_2, RestrictionGround.ACCURACY_CONTESTED));
    // And customer 1's identities, once.
    statementsOf(trusting, em -> updateOrder(em, 1L));

    List<String> update = statementsOf(trusting, em -> updateOrder(em, 1L));
    List<String> updateOfRoot =
        statementsOf(
            trusting, em -> em.find(Customer.class, 1L).name = "Renamed " + System.nanoTime());
    trusting.runInTransaction(
        em ->
            em.persist(
                new PurchaseOrder(
                    100L,
                    em.find(Customer.class, 1L),
                    Instant.now(),
                    "1 Spare Street",
                    BigDecimal.ONE)));
    List<String> delete =
        statementsOf(trusting, em -> em.remove(em.find(PurchaseOrder.class, 100L)));

    assertThat(updateWithoutRestrictions).as("find and update").hasSize(2);
    assertThat(update)
        .as("an order's update, its customer found from the loaded association")
        .isEqualTo(updateWithoutRestrictions);
    assertThat(updateOfRoot).as("the root's own update").hasSize(2);
    assertThat(delete).as("an order's deletion").hasSize(2);
  }

  @Test
  @DisplayName(
      "Art. 18(2): from the snapshot, changes along every route to a restricted subject are refused, others pass")
  void art18_refusesAlongEveryRouteFromTheSnapshot() {
    trustingRestrictions.save(restriction(CUSTOMER_1, RestrictionGround.NEEDED_FOR_LEGAL_CLAIMS));
    RestrictionGround ground = RestrictionGround.NEEDED_FOR_LEGAL_CLAIMS;

    assertRefused(trusting, em -> updateOrder(em, 1L), ground);
    assertRefused(trusting, em -> em.find(Customer.class, 1L).phone = "+44 7700 900999", ground);
    assertRefused(trusting, em -> em.find(OrderNote.class, 2L).text = "two hops away", ground);
    assertRefused(trusting, em -> em.remove(em.find(LoginEvent.class, 3L)), ground);
    inTransaction(trusting, em -> updateOrder(em, 5L));

    trustingRestrictions.remove(audit.pseudonymOf(CUSTOMER_1));
    inTransaction(trusting, em -> updateOrder(em, 1L));
  }

  @Test
  @DisplayName(
      "Art. 18(2): a restriction placed under the subject's id protects the rows found from the loaded state")
  void art18_restrictionUnderTheIdFromTheLoadedState() {
    trustingRestrictions.save(
        restriction(
            new SubjectIdentifier("customer", "id", "1"), RestrictionGround.OBJECTION_PENDING));

    assertRefused(trusting, em -> updateOrder(em, 1L), RestrictionGround.OBJECTION_PENDING);
    assertRefused(
        trusting,
        em -> em.find(Customer.class, 1L).name = "Other",
        RestrictionGround.OBJECTION_PENDING);
  }

  @Test
  @DisplayName(
      "Art. 18(1): a restriction placed or lifted by another replica counts here within the store's bound")
  void art18_anotherReplicasRestrictionCountsWithinTheBound() throws InterruptedException {
    inTransaction(replica, em -> updateOrder(em, 1L));
    elsewhere.save(restriction(CUSTOMER_1, RestrictionGround.ACCURACY_CONTESTED));
    Thread.sleep(SHORT_BOUND.toMillis() + 50);
    assertRefused(replica, em -> updateOrder(em, 1L), RestrictionGround.ACCURACY_CONTESTED);

    elsewhere.remove(audit.pseudonymOf(CUSTOMER_1));
    Thread.sleep(SHORT_BOUND.toMillis() + 50);
    inTransaction(replica, em -> updateOrder(em, 1L));
  }
}
