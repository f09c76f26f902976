package dev.lethe.bench;

import dev.lethe.bench.shop.Address;
import dev.lethe.bench.shop.Customer;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 * restriction up ({@code listeners=lethe-restricting}); and what they cost an insert, an update or a
 * load while no restriction stands, the common case, where they send no query ({@code
 * listeners=lethe}). Two factories over one database: one without Lethe, one with its listeners
 * enforcing restrictions from Lethe's JDBC restriction store on the same database, as the Spring
 * Boot starter wires it; where one stands, the restricted subject has no rows here. Each invocation
 * runs {@link #OPERATIONS} operations, each in its own transaction, through one factory, then as
 * many through the other, in {@link Turns}: {@code ListenerOverheadBenchmark}'s separate forks time
 * an operation of tens of microseconds with errors of ±15–30 %, which cannot settle 5 %.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Two hundred pairs of warm-up, not thirty: after thirty, 16,000 calls, the guard's methods still
// ran
// as profiled C1 code on this 2-core machine, where C2 is busy with Hibernate's and H2's, and took
// 2-4 µs a write instead of under 1 (FINDINGS, fourteenth session).
@Warmup(iterations = 200, batchSize = 1)
// A hundred and twenty measured pairs, not sixty: with sixty, three rows' intervals still reached
// 1.05-1.06x around medians of 1.02-1.04x (FINDINGS, twentieth session).
@Measurement(iterations = 120, batchSize = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RestrictedWritesBenchmark {

  /** Operations (writes or loads) per side and pair. */
  static final int OPERATIONS = 500;

  /**
   * Untimed operations through each factory before a pair: without them, whichever side ran first after
   * JMH's pause between invocations took longer on H2 (FINDINGS, thirteenth and fourteenth sessions).
   */
  private static final int PRIMING = 50;

  private static final int CUSTOMERS = 100;

  /** The database: {@code h2} or {@code postgresql}. */
  @Param({"h2", "postgresql"})
  public String db = "h2";

  /**
   * The operation timed: {@code update} (an address's street), {@code delete} (an address), {@code
   * insert} (a new address of a customer) or {@code load} (an address with its customer).
   */
  @Param({"update", "delete", "insert", "load"})
  public String operation = "update";

  /**
   * Lethe's side: its listeners while another subject is restricted ({@code lethe-restricting},
   * recorded as {@code restricted.inTurn}), or while none is ({@code lethe}, recorded as {@code
   * listeners.inTurn}).
   */
  @Param({"lethe-restricting", "lethe"})
  public String listeners = "lethe-restricting";

  private @Nullable BenchDatabase database;
  private @Nullable EntityManagerFactory withLethe;
  private @Nullable EntityManagerFactory without;
  private List<Long> addresses = List.of();
  private List<Long> letheDeletes = List.of();
  private List<Long> plainDeletes = List.of();
  private long nextId = 100_000_000;
  private int next;
  private long writes;
  private Turns turns = new Turns("restricted.inTurn");

  /**
   * Opens a private database with both factories, the restriction if one stands, and customers with
   * their rows, and records the statements of one operation through each factory.
   */
  @Setup(Level.Trial)
  public void open() throws SQLException {
    if (!List.of("update", "delete", "insert", "load").contains(operation)) {
      throw new IllegalArgumentException(
          "operation is update, delete, insert or load, not " + operation);
    }
    boolean restricting = listeners.equals("lethe-restricting");
    if (!restricting && !listeners.equals("lethe")) {
      throw new IllegalArgumentException(
          "listeners is lethe-restricting or lethe, not " + listeners);
    }
    String benchmark = restricting ? "restricted" : "listeners";
    turns = new Turns(benchmark + ".inTurn");
    database = BenchDatabase.create(BenchDatabase.Kind.of(db));
    // Both factories before any row: each (re)creates the tables.
    without = database.open(ShopData.ENTITIES);
    withLethe = database.open(ShopData.ENTITIES);
    ListenerOverheadBenchmark.enforceRestrictions(database, withLethe, restricting);
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
    // The statements of one operation, counted on its second run: an update or a load of the same
    // address again, whose subject Lethe then knows, as in the steady state; a new row otherwise.
    String params = db + "/" + operation;
    boolean newRows = operation.equals("insert") || operation.equals("delete");
    Supplier<List<Long>> one = () -> newRows ? addressesFor(1) : addresses.subList(0, 1);
    database.recordStatements(benchmark + ".lethe", params, () -> run(withLethe, one.get()));
    database.recordStatements(benchmark + ".baseline", params, () -> run(without, one.get()));
  }

  /** Notes whether the coming iteration is measured: only then are pairs recorded. */
  @Setup(Level.Iteration)
  public void iteration(IterationParams params) {
    turns.iteration(params);
  }

  /** For deletes, each side's fresh addresses; then a few operations through each factory: untimed. */
  @Setup(Level.Invocation)
  public void rowsToDeleteAndPriming() {
    if (operation.equals("delete")) {
      letheDeletes = freshAddresses(OPERATIONS);
      plainDeletes = freshAddresses(OPERATIONS);
    }
    for (EntityManagerFactory factory : List.of(withLethe, without)) {
      run(factory, addressesFor(PRIMING));
    }
  }

  /** Drops the private database. */
  @TearDown(Level.Trial)
  public void close() {
    if (database != null) {
      database.close();
    }
  }

  /** {@link #OPERATIONS} operations with Lethe's listeners, and as many without, in turn. */
  @Benchmark
  public long inTurn() throws Exception {
    return turns.pair(
        db + "/" + operation,
        () -> run(withLethe, operation.equals("delete") ? letheDeletes : addressesFor(OPERATIONS)),
        () -> run(without, operation.equals("delete") ? plainDeletes : addressesFor(OPERATIONS)),
        () -> {});
  }

  /**
   * The addresses of {@code count} operations: the customers' own, round the list, to update or
   * load; new keys to insert; fresh rows to delete.
   */
  private List<Long> addressesFor(int count) {
    return switch (operation) {
      case "insert" -> newKeys(count);
      case "delete" -> freshAddresses(count);
      default -> nextAddresses(count);
    };
  }

  /** One transaction per address: inserted, its street changed, deleted, or loaded with its customer. */
  private long run(@Nullable EntityManagerFactory factory, List<Long> ids) {
    long done = 0;
    for (long id : ids) {
      done +=
          BenchDatabase.inTransaction(
              factory,
              em -> {
                switch (operation) {
                  case "insert" ->
                      em.persist(
                          new Address(
                              id,
                              em.getReference(Customer.class, 1 + id % CUSTOMERS),
                              "street " + id));
                  // A value never written before: the same one again would leave the entity clean.
                  case "update" -> em.find(Address.class, id).street = "street " + ++writes;
                  case "delete" -> em.remove(em.find(Address.class, id));
                  default -> {
                    return (long) ListenerOverheadBenchmark.loadWithCustomer(em, id);
                  }
                }
                return 1L;
              });
    }
    return done;
  }

  /** {@code count} keys no address has. */
  private List<Long> newKeys(int count) {
    List<Long> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(nextId++);
    }
    return ids;
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
    List<Long> ids = newKeys(count);
    try (Connection connection = ErasureBenchmark.open(database).connection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into address (id, customer_id, street) values (?, ?, ?)")) {
      for (long id : ids) {
        insert.setLong(1, id);
        insert.setLong(2, 1 + id % CUSTOMERS);
        insert.setString(3, "street " + id);
        insert.addBatch();
      }
      insert.executeBatch();
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ids;
  }
}
