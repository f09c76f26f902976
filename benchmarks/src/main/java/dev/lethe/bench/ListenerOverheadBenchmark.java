package dev.lethe.bench;

import dev.lethe.Lethe;
import dev.lethe.LetheStores;
import dev.lethe.audit.AuditTrail;
import dev.lethe.bench.shop.Address;
import dev.lethe.bench.shop.Customer;
import dev.lethe.jdbc.JdbcRestrictionStore;
import dev.lethe.jdbc.LetheSchema;
import dev.lethe.jpa.JpaPersonalDataStore;
import dev.lethe.law.RestrictionGround;
import dev.lethe.request.RequestId;
import dev.lethe.restriction.Restriction;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What Lethe's Hibernate listeners cost an application's ordinary work: one insert, one update or
 * one load, each in its own transaction through an {@link EntityManager}, on a factory without
 * Lethe ({@code listeners=none}) and on one where a {@link JpaPersonalDataStore} enforces
 * restrictions (Art. 18(2)) kept in Lethe's JDBC restriction store on the same database, as the
 * Spring Boot starter wires it ({@code listeners=lethe}); no subject is restricted, the common
 * case. With {@code listeners=lethe-restricting}, one other subject's processing is restricted, so
 * that every update must find its row's subject and look its restriction up.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class ListenerOverheadBenchmark {

  private static final int CUSTOMERS = 100;

  /** The database: {@code h2} or {@code postgresql}. */
  @Param({"h2", "postgresql"})
  public String db = "h2";

  /**
   * Without Lethe ({@code none}), with its listeners installed ({@code lethe}), or with them while
   * another subject is restricted ({@code lethe-restricting}).
   */
  @Param({"none", "lethe", "lethe-restricting"})
  public String listeners = "none";

  private @Nullable BenchDatabase database;
  private @Nullable EntityManagerFactory emf;
  private List<Long> addresses = List.of();
  private long nextId = 100_000_000;
  private int next;
  private long writes;

  /** Opens a private database with customers and their rows, and installs Lethe if asked to. */
  @Setup(Level.Trial)
  public void open() throws SQLException {
    database = BenchDatabase.create(BenchDatabase.Kind.of(db));
    emf = database.open(ShopData.ENTITIES);
    if (listeners.startsWith("lethe")) {
      enforceRestrictions(database, emf, listeners.equals("lethe-restricting"));
    } else if (!listeners.equals("none")) {
      throw new IllegalArgumentException(
          "listeners is none, lethe or lethe-restricting, not " + listeners);
    }
    ShopData data = new ShopData();
    try (Connection connection = database.connection()) {
      for (long customer = 1; customer <= CUSTOMERS; customer++) {
        data.insert(connection, customer, 10);
      }
    }
    addresses =
        inTransaction(
            em ->
                em.createQuery("select a.id from Address a order by a.id", Long.class)
                    .getResultList());
    // The statements of one operation each, the listeners' own included, counted once after a first
    // run.
    BenchDatabase opened = ErasureBenchmark.open(database);
    String params = db + "/" + listeners;
    opened.recordStatements("listeners.insert", params, this::insert);
    // Updates come round to every customer's address in turn: the one counted comes after a round,
    // as in the
    // benchmark's steady state, where the guard keeps each subject's identity pseudonyms for the
    // store's 1 s.
    addresses.forEach(ignored -> update());
    opened.recordStatements("listeners.update", params, this::update);
    opened.recordStatements("listeners.load", params, this::load);
  }

  /**
   * Builds Lethe over a store on {@code emf}, as an application does, so that its listeners enforce
   * restrictions kept in Lethe's JDBC restriction store on {@code database}; with {@code
   * restrictAnother}, restricts a subject with no rows here: every change is then checked, none is
   * refused.
   */
  static void enforceRestrictions(
      BenchDatabase database, EntityManagerFactory emf, boolean restrictAnother) {
    LetheSchema.migrate(database.autoCommitting());
    JdbcRestrictionStore restrictions = JdbcRestrictionStore.of(database.autoCommitting());
    Pseudonymizer pseudonymizer = Pseudonymizer.withKey(new byte[32]);
    JpaPersonalDataStore store = JpaPersonalDataStore.of(emf, pseudonymizer);
    // Built over the store, Lethe hands it its restrictions, as an application's Lethe does.
    AuditTrail audit =
        Lethe.builder(store.model(), pseudonymizer)
            .stores(clock -> LetheStores.builder(clock).restrictions(restrictions).build())
            .personalData(store)
            .build()
            .audit();
    if (restrictAnother) {
      restrictions.save(
          new Restriction(
              audit.pseudonymOf(new SubjectIdentifier("customer", "id", "999999")),
              RequestId.random(),
              RestrictionGround.ACCURACY_CONTESTED,
              Instant.now(),
              Optional.empty()));
    }
  }

  /** Drops the private database. */
  @TearDown(Level.Trial)
  public void close() {
    if (database != null) {
      database.close();
    }
  }

  /** Inserts a new address of an existing customer. */
  @Benchmark
  public long insert() {
    long id = nextId++;
    long customer = 1 + id % CUSTOMERS;
    return inTransaction(
        em -> {
          em.persist(new Address(id, em.getReference(Customer.class, customer), "street " + id));
          return id;
        });
  }

  /** Loads an address and changes it: the update the listeners see. */
  @Benchmark
  public long update() {
    long id = nextAddress();
    return inTransaction(
        em -> {
          // A value never written before: the same one again would leave the entity clean, with no
          // update to check.
          em.find(Address.class, id).street = "street " + ++writes;
          return id;
        });
  }

  /** Loads an address with its customer. */
  @Benchmark
  public int load() {
    long id = nextAddress();
    return inTransaction(em -> loadWithCustomer(em, id));
  }

  /** Loads address {@code id} with its customer; returns the length of the customer's name. */
  static int loadWithCustomer(EntityManager em, long id) {
    Customer customer =
        em.createQuery(
                "select a from Address a join fetch a.customer where a.id = :id", Address.class)
            .setParameter("id", id)
            .getSingleResult()
            .customer;
    return customer == null || customer.name == null ? 0 : customer.name.length();
  }

  private long nextAddress() {
    next = (next + 1) % addresses.size();
    return addresses.get(next);
  }

  private <T> T inTransaction(Function<EntityManager, T> work) {
    return BenchDatabase.inTransaction(emf, work);
  }
}
