package dev.lethe.bench;

import dev.lethe.bench.shop.Address;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.IterationParams;

/**
 * Issue 17's target for the listeners: what they cost an update or a delete while another subject's
 * processing is restricted (Art. 18(2)), so that each write must find its row's subject and look its
 * restriction up. Two factories over one database: one without Lethe, one with its listeners
 * enforcing restrictions from Lethe's JDBC restriction store on the same database, as the Spring
 * Boot starter wires it, while one subject with no rows here is restricted. Each invocation runs
 * {@link #OPERATIONS} writes, each in its own transaction, through one factory, then as many through
 * the other, in {@link Turns}: {@code ListenerOverheadBenchmark}'s separate forks time a write of
 * tens of microseconds with errors of ±15–30 %, which cannot settle 5 %.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Two hundred pairs of warm-up, not thirty: after thirty, 16,000 calls, the guard's methods still
// ran
// as profiled C1 code on this 2-core machine, where C2 is busy with Hibernate's and H2's, and took
// 2-4 µs a write instead of under 1 (FINDINGS, fourteenth session).
@Warmup(iterations = 200, batchSize = 1)
@Measurement(iterations = 60, batchSize = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RestrictedWritesBenchmark {

  /** Writes per side and pair. */
  static final int OPERATIONS = 500;

  /**
   * Untimed writes through each factory before a pair: without them, whichever side ran first after
   * JMH's pause between invocations took longer on H2 (FINDINGS, thirteenth and fourteenth sessions).
   */
  private static final int PRIMING = 50;

  private static final int CUSTOMERS = 100;

  /** The database: {@code h2} or {@code postgresql}. */
  @Param({"h2", "postgresql"})
  public String db = "h2";

  /** The write timed: {@code update} (an address's street) or {@code delete} (an address). */
  @Param({"update", "delete"})
  public String operation = "update";

  private @Nullable BenchDatabase database;
  private @Nullable EntityManagerFactory withLethe;
  private @Nullable EntityManagerFactory without;
  private List<Long> addresses = List.of();
  private List<Long> letheDeletes = List.of();
  private List<Long> plainDeletes = List.of();
  private long nextId = 100_000_000;
  private int next;
  private long writes;
  private final Turns turns = new Turns("restricted.inTurn");

  /**
   * Opens a private database with both factories, the restriction and customers with their rows,
   * and records the statements of one write through each factory.
   */
  @Setup(Level.Trial)
  public void open() throws SQLException {
    database = BenchDatabase.create(BenchDatabase.Kind.of(db));
    // Both factories before any row: each (re)creates the tables.
    without = database.open(ShopData.ENTITIES);
    withLethe = database.open(ShopData.ENTITIES);
    ListenerOverheadBenchmark.enforceRestrictions(database, withLethe, true);
    ShopData data = new ShopData();
    try (Connection connection = database.connection()) {
      for (long customer = 1; customer <= CUSTOMERS; customer++) {
        data.insert(connection, customer, 10);
      }
    }
    addresses =
        BenchDatabase.inTransaction(
            without,
            em ->
                em.createQuery("select a.id from Address a order by a.id", Long.class)
                    .getResultList());
    String params = db + "/" + operation;
    if (operation.equals("update")) {
      database.recordStatements(
          "restricted.lethe", params, () -> write(withLethe, addresses.subList(0, 1)));
      database.recordStatements(
          "restricted.baseline", params, () -> write(without, addresses.subList(0, 1)));
    } else if (operation.equals("delete")) {
      database.recordStatements(
          "restricted.lethe", params, () -> write(withLethe, freshAddresses(1)));
      database.recordStatements(
          "restricted.baseline", params, () -> write(without, freshAddresses(1)));
    } else {
      throw new IllegalArgumentException("operation is update or delete, not " + operation);
    }
  }

  /** Notes whether the coming iteration is measured: only then are pairs recorded. */
  @Setup(Level.Iteration)
  public void iteration(IterationParams params) {
    turns.iteration(params);
  }

  /** For deletes, each side's fresh addresses; then a few writes through each factory: untimed. */
  @Setup(Level.Invocation)
  public void rowsToDeleteAndPriming() {
    if (operation.equals("delete")) {
      letheDeletes = freshAddresses(OPERATIONS);
      plainDeletes = freshAddresses(OPERATIONS);
    }
    for (EntityManagerFactory factory : List.of(withLethe, without)) {
      write(factory, operation.equals("update") ? nextAddresses(PRIMING) : freshAddresses(PRIMING));
    }
  }

  /** Drops the private database. */
  @TearDown(Level.Trial)
  public void close() {
    if (database != null) {
      database.close();
    }
  }

  /** {@link #OPERATIONS} writes with Lethe's listeners, and as many without, in turn. */
  @Benchmark
  public long inTurn() throws Exception {
    return turns.pair(
        db + "/" + operation,
        () ->
            write(withLethe, operation.equals("update") ? nextAddresses(OPERATIONS) : letheDeletes),
        () -> write(without, operation.equals("update") ? nextAddresses(OPERATIONS) : plainDeletes),
        () -> {});
  }

  /** One transaction per address: its street changed, or the address deleted. */
  private long write(@Nullable EntityManagerFactory factory, List<Long> ids) {
    for (long id : ids) {
      BenchDatabase.inTransaction(
          factory,
          em -> {
            Address address = em.find(Address.class, id);
            if (operation.equals("update")) {
              // A value never written before: the same one again would leave the entity clean.
              address.street = "street " + ++writes;
            } else {
              em.remove(address);
            }
            return id;
          });
    }
    return ids.size();
  }

  /** The next {@code count} of the customers' addresses, round the list. */
  private List<Long> nextAddresses(int count) {
    List<Long> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      next = (next + 1) % addresses.size();
      ids.add(addresses.get(next));
    }
    return ids;
  }

  /** Inserts {@code count} addresses of the customers, in one JDBC batch; returns their keys. */
  private List<Long> freshAddresses(int count) {
    List<Long> ids = new ArrayList<>(count);
    try (Connection connection = ErasureBenchmark.open(database).connection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into address (id, customer_id, street) values (?, ?, ?)")) {
      for (int i = 0; i < count; i++) {
        long id = nextId++;
        insert.setLong(1, id);
        insert.setLong(2, 1 + id % CUSTOMERS);
        insert.setString(3, "street " + id);
        insert.addBatch();
        ids.add(id);
      }
      insert.executeBatch();
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ids;
  }
}
