package dev.lethe.bench;

import dev.lethe.access.SubjectReport;
import dev.lethe.access.SubjectReportWriter;
import dev.lethe.internal.rights.SubjectReports;
import dev.lethe.jpa.JpaPersonalDataStore;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
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
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Exporting one customer's rows to JSON (Art. 15(3), 20): Lethe's {@link SubjectReports} and
 * {@link SubjectReportWriter#writeJson} against raw JDBC plus Jackson streaming writing the same
 * personal-data columns, both to a null stream.
 *
 * <p>The fork runs with {@code -Xmx64m}: that it completes at all proves the export streams in
 * under 64 MiB (with Hibernate, the pool and, for H2, the embedded database in the same heap).
 * Per iteration the peak of the heap pools and the heap used after a full GC are recorded.
 * {@link #inTurn} runs both sides in one fork, in {@link Turns}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
@State(Scope.Benchmark)
public class ExportBenchmark {

  private static final JsonFactory JSON = new JsonFactory();
  private static final long SUBJECT = 1_000;

  /** The database: {@code h2} or {@code postgresql}. */
  @Param({"h2", "postgresql"})
  public String db = "h2";

  /** The subject's rows in all, spread over its ten entity types. */
  @Param({"1000", "100000"})
  public int rows = 100_000;

  private @Nullable BenchDatabase database;
  private @Nullable SubjectReports reports;
  private final HeapPeaks heap = new HeapPeaks();
  private final CountingStream letheOut = new CountingStream();
  private final CountingStream rawOut = new CountingStream();
  private final Turns turns = new Turns("export.inTurn");

  /**
   * Opens a private database holding the subject and one other customer, and records the
   * statements one export of this trial's benchmark sends.
   */
  @Setup(Level.Trial)
  public void open(BenchmarkParams params) throws SQLException {
    database = BenchDatabase.create(BenchDatabase.Kind.of(db));
    JpaPersonalDataStore store =
        JpaPersonalDataStore.of(
            database.open(ShopData.ENTITIES), Pseudonymizer.withKey(new byte[32]));
    reports = new SubjectReports(store.model(), store, Clock.systemUTC());
    ShopData data = new ShopData();
    try (Connection connection = database.connection()) {
      data.insert(connection, 1, 1_000);
      data.insert(connection, SUBJECT, rows);
      database.settle(connection, ShopData.tableNames());
    }
    String benchmark = Extras.method(params);
    if (benchmark.equals("inTurn")) {
      return;
    }
    database.recordStatements(
        "export." + benchmark,
        db + "/" + rows,
        () -> {
          try {
            long unused = benchmark.equals("lethe") ? lethe() : rawJdbcJackson();
          } catch (IOException | SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** Starts the heap peaks afresh, and notes whether the coming iteration is measured. */
  @Setup(Level.Iteration)
  public void resetPeaks(IterationParams params) {
    heap.reset();
    turns.iteration(params);
  }

  /** Samples the heap: the sum of the heap pools' peaks, and what is used after a full GC. */
  @TearDown(Level.Iteration)
  public void sampleHeap() {
    heap.sample();
  }

  /** Records heap and bytes, and drops the private database. */
  @TearDown(Level.Trial)
  public void close(BenchmarkParams params) {
    String benchmark = Extras.method(params);
    String key = db + "/" + rows;
    heap.record("export." + benchmark, key);
    CountingStream out = benchmark.equals("lethe") ? letheOut : rawOut;
    Extras.record("export." + benchmark, key, "jsonBytes", out.last);
    if (database != null) {
      database.close();
    }
  }

  /** Lethe: the Art. 15 report of the subject, written as JSON. */
  @Benchmark
  public long lethe() throws IOException {
    SubjectReport report =
        ErasureBenchmark.open(reports)
            .access(new SubjectIdentifier("customer", "email", ShopData.email(SUBJECT)));
    letheOut.start();
    SubjectReportWriter.writeJson(report, letheOut);
    return letheOut.finish();
  }

  /**
   * Both sides in {@link Turns}, one export each: the target's verdict. Single shots, sixty pairs
   * after twenty to warm up; at 100,000 rows a pair takes under a second.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 20, batchSize = 1)
  @Measurement(iterations = 60, batchSize = 1)
  public long inTurn() throws Exception {
    return turns.pair(db + "/" + rows, this::lethe, this::rawJdbcJackson, () -> {});
  }

  /** The baseline: one JDBC query per table, streamed, each row written with Jackson's generator. */
  @Benchmark
  public long rawJdbcJackson() throws SQLException {
    rawOut.start();
    try (Connection connection = ErasureBenchmark.open(database).connection();
        JsonGenerator json =
            JSON.createGenerator(ObjectWriteContext.empty(), rawOut, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeObjectPropertyStart("data");
      json.writeArrayPropertyStart("Customer");
      try (PreparedStatement query =
          connection.prepareStatement("select name, email from customer where id = ?")) {
        query.setLong(1, SUBJECT);
        write(query, json, "name", "email");
      }
      json.writeEndArray();
      for (ShopData.Table table : ShopData.TABLES) {
        json.writeArrayPropertyStart(table.name());
        String sql =
            table.parent().equals("order_id")
                ? "select l."
                    + table.column()
                    + " from order_line l join purchase_order o on o.id = l.order_id"
                    + " where o.customer_id = ?"
                : "select " + table.column() + " from " + table.name() + " where customer_id = ?";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
          query.setFetchSize(JpaPersonalDataStore.Builder.DEFAULT_FETCH_SIZE);
          query.setLong(1, SUBJECT);
          write(query, json, table.column());
        }
        json.writeEndArray();
      }
      json.writeEndObject();
      json.writeEndObject();
      connection.rollback();
    }
    return rawOut.finish();
  }

  private static void write(PreparedStatement query, JsonGenerator json, String... columns)
      throws SQLException {
    try (ResultSet result = query.executeQuery()) {
      while (result.next()) {
        json.writeStartObject();
        for (int i = 0; i < columns.length; i++) {
          json.writeStringProperty(columns[i], result.getString(i + 1));
        }
        json.writeEndObject();
      }
    }
  }

  /** A null stream that counts the bytes written, so that both sides can be seen to write as much. */
  static final class CountingStream extends OutputStream {
    private long bytes;
    private long last;

    void start() {
      bytes = 0;
    }

    long finish() {
      last = bytes;
      return bytes;
    }

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }
}
