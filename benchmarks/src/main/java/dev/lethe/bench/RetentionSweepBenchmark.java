package dev.lethe.bench;

import dev.lethe.bench.shop.Customer;
import dev.lethe.bench.shop.Visit;
import dev.lethe.jpa.JpaPersonalDataStore;
import dev.lethe.retention.RetentionEnforcer;
import dev.lethe.retention.RetentionReport;
import dev.lethe.subject.Pseudonymizer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * Enforcing a retention period over {@code rows} expired rows (Art. 5(1)(e)): Lethe's
 * {@link RetentionEnforcer} over {@link JpaPersonalDataStore} (batches in clock order, each one
 * ranged delete after the query for its last row, or on PostgreSQL for ten batches' last rows, one
 * transaction each) against raw JDBC deleting the same rows by
 * key range, one batch of the same size per transaction. One fresh row per hundred expired ones
 * is interleaved; both sides must leave exactly those.
 *
 * <p>{@link #inTurn} runs both sides in one fork, in {@link Turns}, each over fresh rows of its own.
 *
 * <p>Each invocation sweeps freshly inserted rows ({@link Mode#SingleShotTime}; the insert is the
 * invocation's untimed set-up). Six warm-up sweeps: after two, Lethe's next sweeps still got faster
 * one by one, and JMH runs Lethe's fork before the baseline's, so a short warm-up counted the JIT
 * against Lethe alone. The fork runs with {@code -Xmx64m}, which proves that the sweep
 * does not hold the rows in memory; the heap peaks are recorded as for the export.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6, batchSize = 1)
@Measurement(iterations = 10, batchSize = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
@State(Scope.Benchmark)
public class RetentionSweepBenchmark {

  /** Rows per batch and transaction on both sides: Lethe's default. */
  static final int BATCH = 1_000;

  private static final int CUSTOMERS = 100;
  private static final int FRESH_EVERY = 100;
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final Instant CUTOFF = NOW.minus(Duration.ofDays(90));

  /** The database: {@code h2}, {@code postgresql} or {@code mariadb}. */
  @Param({"h2", "postgresql", "mariadb"})
  public String db = "h2";

  /** The expired rows to sweep. */
  @Param({"100000", "1000000"})
  public int rows = 1_000_000;

  private @Nullable BenchDatabase database;
  private @Nullable RetentionEnforcer enforcer;
  private final HeapPeaks heap = new HeapPeaks();
  private long fresh;

  private final Turns turns = new Turns("retention.inTurn");

  /** Opens a private database with the customers the visits belong to. */
  @Setup(Level.Trial)
  public void open() throws SQLException {
    database = BenchDatabase.create(BenchDatabase.Kind.of(db));
    JpaPersonalDataStore store =
        JpaPersonalDataStore.of(
            database.open(Customer.class, Visit.class), Pseudonymizer.withKey(new byte[32]));
    enforcer =
        RetentionEnforcer.builder(store.model(), store)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .batchSize(BATCH)
            .build();
    try (Connection connection = database.connection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into customer (id, name, email) values (?, ?, ?)")) {
      for (long id = 1; id <= CUSTOMERS; id++) {
        insert.setLong(1, id);
        insert.setString(2, "Name " + id);
        insert.setString(3, ShopData.email(id));
        insert.addBatch();
      }
      insert.executeBatch();
      connection.commit();
    }
  }

  /** Notes whether the coming iteration is measured: only then does {@link #inTurn} record. */
  @Setup(Level.Iteration)
  public void iteration(IterationParams params) {
    turns.iteration(params);
  }

  /** Replaces the visits with {@code rows} expired ones and one fresh one per hundred: untimed. */
  @Setup(Level.Invocation)
  public void freshVisits() throws SQLException {
    heap.reset();
    BenchDatabase database = ErasureBenchmark.open(this.database);
    try (Connection connection = database.connection()) {
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("truncate table visit");
      }
      fresh = 0;
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into visit (id, customer_id, ip, visitedAt) values (?, ?, ?, ?)")) {
        long total = rows + rows / FRESH_EVERY;
        for (long id = 1; id <= total; id++) {
          boolean isFresh = id % (FRESH_EVERY + 1) == 0;
          fresh += isFresh ? 1 : 0;
          Instant visited =
              isFresh
                  ? NOW.minus(Duration.ofDays(1))
                  : CUTOFF.minus(Duration.ofDays(100)).plusSeconds(id);
          insert.setLong(1, id);
          insert.setLong(2, 1 + id % CUSTOMERS);
          insert.setString(3, "10." + (id >> 16 & 255) + "." + (id >> 8 & 255) + "." + (id & 255));
          insert.setObject(4, OffsetDateTime.ofInstant(visited, ZoneOffset.UTC));
          insert.addBatch();
          if (id % BATCH == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      connection.commit();
      // Statistics, as the database's own maintenance keeps them for a live table: without them a
      // planner may sort the whole table for each batch. Vacuumed too, so that PostgreSQL's
      // autovacuum, woken by the insert, does not land in the timed sweep.
      database.settle(connection, List.of("visit"));
    }
    database.resetStatements();
  }

  /** Records the statements, checks that exactly the expired rows are gone, and samples the heap. */
  @TearDown(Level.Invocation)
  public void check(BenchmarkParams params) throws SQLException {
    BenchDatabase database = ErasureBenchmark.open(this.database);
    Extras.record(
        "retention." + Extras.method(params), db + "/" + rows, "statements", database.statements());
    heap.sample();
    try (Connection connection = database.connection();
        Statement statement = connection.createStatement();
        ResultSet left = statement.executeQuery("select count(*) from visit")) {
      left.next();
      if (left.getLong(1) != fresh) {
        throw new IllegalStateException(
            left.getLong(1) + " visits are left where the " + fresh + " fresh ones should be");
      }
      connection.rollback();
    }
  }

  /** Records the heap and drops the private database. */
  @TearDown(Level.Trial)
  public void close(BenchmarkParams params) {
    heap.record("retention." + Extras.method(params), db + "/" + rows);
    if (database != null) {
      database.close();
    }
  }

  /** Lethe: one run of the enforcer over the model's one policy. */
  @Benchmark
  public long lethe() {
    RetentionReport report = ErasureBenchmark.open(enforcer).run();
    if (report.rowsProcessed() != rows) {
      throw new IllegalStateException("Lethe swept " + report.rowsProcessed() + " rows of " + rows);
    }
    return report.rowsProcessed();
  }

  /**
   * Both sides in {@link Turns}, each over fresh rows. JMH's own score for this method, which
   * includes the second side's insert, means nothing. Sixty pairs: even seconds apart, one pair's
   * ratio strays by a quarter, and the median's interval narrows with more pairs (ten gave
   * 0.82–1.05× around 0.90×; thirty left PostgreSQL's at 100,000 rows across 0.80×).
   */
  @Benchmark
  @Warmup(iterations = 4, batchSize = 1)
  @Measurement(iterations = 60, batchSize = 1)
  public long inTurn() throws Exception {
    return turns.pair(db + "/" + rows, this::lethe, this::rawJdbcBatchedDelete, this::freshVisits);
  }

  /**
   * The baseline: what a hand-written job does, deleting expired rows by ranges of {@link #BATCH}
   * keys, one transaction each, from the smallest key to the largest.
   */
  @Benchmark
  public long rawJdbcBatchedDelete() throws SQLException {
    long deleted = 0;
    try (Connection connection = ErasureBenchmark.open(database).connection()) {
      long first;
      long last;
      try (Statement statement = connection.createStatement();
          ResultSet range = statement.executeQuery("select min(id), max(id) from visit")) {
        range.next();
        first = range.getLong(1);
        last = range.getLong(2);
      }
      try (PreparedStatement delete =
          connection.prepareStatement(
              "delete from visit where id >= ? and id < ? and visitedAt < ?")) {
        for (long from = first; from <= last; from += BATCH) {
          delete.setLong(1, from);
          delete.setLong(2, from + BATCH);
          delete.setObject(3, OffsetDateTime.ofInstant(CUTOFF, ZoneOffset.UTC));
          deleted += delete.executeUpdate();
          connection.commit();
        }
      }
    }
    if (deleted != rows) {
      throw new IllegalStateException("The baseline deleted " + deleted + " rows of " + rows);
    }
    return deleted;
  }
}
