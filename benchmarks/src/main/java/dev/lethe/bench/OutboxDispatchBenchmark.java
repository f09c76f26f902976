package dev.lethe.bench;

import dev.lethe.jdbc.JdbcOutbox;
import dev.lethe.jdbc.LetheSchema;
import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.spi.OutboxTransport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * Art. 19 notices dispatched per second from {@code lethe_outbox} by 1, 2 and 4 dispatchers at once,
 * as replicas run them: Lethe's {@link OutboxDispatcher} over {@link JdbcOutbox} (a claim
 * transaction per batch that takes due rows with {@code FOR UPDATE SKIP LOCKED} and leases them,
 * delivery outside any transaction, then the batch's conditional updates in one transaction and one
 * JDBC batch) against the
 * hand-written loop a team would write: one transaction per batch that selects the due rows with
 * the same lock, marks each delivered in one JDBC batch and commits (delivery inside the
 * transaction, no lease, no retry bookkeeping). Both sides run the same number of threads over the
 * same rows in the same run, so their ratio and each side's scaling from one dispatcher are read
 * from one run. On H2, which cannot skip locked rows, both take each row by a conditional update
 * instead.
 *
 * <p>The transport only counts: this measures the outbox, not a receiver. Through {@code
 * RecipientNotifications.transport()} each delivery also appends one audit event ({@code
 * AuditAppendBenchmark} measures that). Each invocation drains {@code notices} rows inserted just
 * before it, untimed; rates are {@code notices} over the time.
 *
 * <p>{@link #inTurn} runs both sides one after the other in each invocation ({@link Turns}), with
 * fresh rows for the second: those pairs decide the target, since separate forks minutes apart
 * stray by more than the difference.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, batchSize = 1)
@Measurement(iterations = 15, batchSize = 1)
@Fork(1)
@State(Scope.Benchmark)
public class OutboxDispatchBenchmark {

  /** Rows per claim on both sides: the dispatcher's default. */
  static final int BATCH = 100;

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** The database: {@code h2} or {@code postgresql}. */
  @Param({"h2", "postgresql"})
  public String db = "h2";

  /** How many dispatchers run at once, each on its own thread, as one per replica. */
  @Param({"1", "2", "4"})
  public int dispatchers = 1;

  /** The pending notices each invocation drains, as run.sh runs it. */
  static final int NOTICES = 2000;

  /** The pending notices each invocation drains. */
  @Param({"" + NOTICES})
  public int notices = NOTICES;

  private @Nullable BenchDatabase database;
  private @Nullable OutboxDispatcher dispatcher;
  private @Nullable ExecutorService threads;
  private final AtomicLong delivered = new AtomicLong();
  private final Turns turns = Turns.onOtherThreads("outbox.inTurn");

  /** Opens a private database with Lethe's tables and the dispatchers' threads. */
  @Setup(Level.Trial)
  public void open() {
    database = BenchDatabase.create(BenchDatabase.Kind.of(db));
    LetheSchema.migrate(database.autoCommitting());
    OutboxTransport counting = message -> delivered.incrementAndGet();
    // One dispatcher is thread-safe and keeps no state: each thread running it is one replica's.
    dispatcher =
        OutboxDispatcher.builder(JdbcOutbox.of(database.autoCommitting()), counting)
            .clock(Clock.systemUTC())
            .batchSize(BATCH)
            .build();
    threads = Executors.newFixedThreadPool(dispatchers);
  }

  /** Replaces the outbox's rows with {@code notices} pending ones, all due: untimed. */
  @Setup(Level.Invocation)
  public void pendingNotices() throws SQLException {
    BenchDatabase database = ErasureBenchmark.open(this.database);
    String due = STAMP.format(Instant.now().minusSeconds(60));
    try (Connection connection = database.connection()) {
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("delete from lethe_outbox");
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into lethe_outbox (id, idempotency_key,"
                  + " destination, message_type, payload, status, attempts, enqueued_at, retry_since, next_attempt_at)"
                  + " values (?, ?, ?, 'lethe.recipient-notification', ?, 'PENDING', 0, ?, ?, ?)")) {
        for (int i = 0; i < notices; i++) {
          String id = UUID.randomUUID().toString();
          insert.setString(1, id);
          insert.setString(2, "art19:" + id + ":erasure:" + (i % 3));
          insert.setString(3, "recipient-" + (i % 3));
          insert.setString(
              4,
              "{\"subject\":{\"type\":\"customer\",\"identity\":\"email\",\"value\":\"customer"
                  + i
                  + "@example.com\"}}");
          insert.setString(5, due);
          insert.setString(6, due);
          insert.setString(7, due);
          insert.addBatch();
          if ((i + 1) % 500 == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      connection.commit();
      // Vacuumed too: the previous invocations' delivered rows must not be left for the claims to
      // skip, whether or not the server's autovacuum runs (it is off on some machines).
      database.settle(connection, List.of("lethe_outbox"));
    }
    delivered.set(0);
    database.resetStatements();
  }

  /** Notes whether the coming iteration is measured: only then are pairs recorded. */
  @Setup(Level.Iteration)
  public void iteration(IterationParams params) {
    turns.iteration(params);
  }

  /**
   * Checks that every notice was delivered exactly once and is marked so; records the statements of
   * a side timed alone (a pair's are both sides').
   */
  @TearDown(Level.Invocation)
  public void check(BenchmarkParams params) throws SQLException {
    String method = Extras.method(params);
    if (!method.equals("inTurn")) {
      Extras.record(
          "outbox." + method,
          db + "/" + dispatchers,
          "statements",
          ErasureBenchmark.open(database).statements());
    }
    drained();
  }

  /** Checks that every notice was delivered exactly once and is marked so. */
  private void drained() throws SQLException {
    BenchDatabase database = ErasureBenchmark.open(this.database);
    if (delivered.get() != notices) {
      throw new IllegalStateException(delivered.get() + " deliveries for " + notices + " notices");
    }
    try (Connection connection = database.connection();
        Statement statement = connection.createStatement();
        ResultSet left =
            statement.executeQuery(
                "select count(*) from lethe_outbox where status <> 'DELIVERED' or payload is not null")) {
      left.next();
      if (left.getLong(1) != 0) {
        throw new IllegalStateException(left.getLong(1) + " notices are not marked delivered");
      }
      connection.rollback();
    }
  }

  /** Stops the threads and drops the private database. */
  @TearDown(Level.Trial)
  public void close() {
    if (threads != null) {
      threads.shutdownNow();
    }
    if (database != null) {
      database.close();
    }
  }

  /** Lethe: each thread runs the dispatcher until a pass finds nothing due. */
  @Benchmark
  public long lethe() throws Exception {
    OutboxDispatcher dispatcher = ErasureBenchmark.open(this.dispatcher);
    return onEveryThread(
        () -> {
          long mine = 0;
          int pass;
          do {
            pass = dispatcher.dispatch().delivered();
            mine += pass;
          } while (pass > 0);
          return mine;
        });
  }

  /**
   * The baseline: each thread loops over batches of {@link #BATCH} due rows, each batch one
   * transaction that selects them locked, delivers them and marks them delivered in one JDBC batch.
   */
  @Benchmark
  public long rawJdbc() throws Exception {
    BenchDatabase database = ErasureBenchmark.open(this.database);
    boolean skipLocked = database.kind() == BenchDatabase.Kind.POSTGRESQL;
    return onEveryThread(
        () -> {
          long mine = 0;
          try (Connection connection = database.connection();
              PreparedStatement select =
                  connection.prepareStatement(
                      "select id, destination, payload from lethe_outbox"
                          + " where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at, id"
                          + (skipLocked ? " limit ? for update skip locked" : " limit ?"));
              PreparedStatement mark =
                  connection.prepareStatement(
                      "update lethe_outbox set status = 'DELIVERED',"
                          + " payload = null, attempts = attempts + 1, finished_at = ? where id = ? and status = 'PENDING'")) {
            int taken;
            boolean seen;
            do {
              String now = STAMP.format(Instant.now());
              List<String> ids = new ArrayList<>();
              select.setString(1, now);
              select.setInt(2, BATCH);
              try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                  ids.add(rows.getString(1));
                }
              }
              for (String id : ids) {
                mark.setString(1, now);
                mark.setString(2, id);
                mark.addBatch();
              }
              taken = 0;
              if (!ids.isEmpty()) {
                // Counted as delivered only where this thread's update won (always, where rows are
                // locked).
                for (int count : mark.executeBatch()) {
                  if (count == 1) {
                    delivered.incrementAndGet();
                    taken++;
                  }
                }
              }
              connection.commit();
              mine += taken;
              seen = !ids.isEmpty();
              // On H2 a batch whose rows another thread took first is not the end: look again.
            } while (taken > 0 || seen && !skipLocked);
          }
          return mine;
        });
  }

  /** Lethe's dispatchers and the loop in turn, each draining {@code notices} fresh rows. */
  @Benchmark
  public long inTurn() throws Exception {
    return turns.pair(
        db + "/" + dispatchers,
        this::lethe,
        this::rawJdbc,
        () -> {
          drained();
          pendingNotices();
        });
  }

  private long onEveryThread(Callable<Long> work) throws Exception {
    ExecutorService pool = ErasureBenchmark.open(threads);
    List<Future<Long>> running = new ArrayList<>();
    for (int i = 0; i < dispatchers; i++) {
      running.add(pool.submit(work));
    }
    long total = 0;
    for (Future<Long> one : running) {
      total += one.get();
    }
    return total;
  }
}
