package dev.lethe.bench;

import dev.lethe.audit.AuditEntry;
import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.jdbc.JdbcAuditSink;
import dev.lethe.jdbc.LetheSchema;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Audit appends per second when replicas share one chain (Art. 5(2)): each JMH thread is a replica
 * with its own {@link AuditTrail} over its own {@link JdbcAuditSink}, all on one database, so every
 * append locks the chain's head row in its own transaction. JMH sums the threads' throughput: the
 * target is four writers at least half of one writer's rate, that is, serialising through the
 * database costs contention, not collapse.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class AuditAppendBenchmark {

  private static final AuditEntry ENTRY =
      AuditEntry.of(AuditEventType.REQUEST_SUBMITTED)
          .withSubject(new SubjectIdentifier("customer", "email", "ada@example.com"))
          .withAttribute("channel", "WEB")
          .withCount("rows", 3);
  private static final byte[] KEY =
      "lethe-benchmark-pseudonym-key-0123456789".getBytes(StandardCharsets.UTF_8);

  /** One database with Lethe's tables, shared by every writer. */
  @State(Scope.Benchmark)
  public static class Database {

    @Param({"postgresql"})
    public String db;

    BenchDatabase database;
    DataSource dataSource;

    @Setup(Level.Trial)
    public void open() {
      database = BenchDatabase.create(BenchDatabase.Kind.of(db));
      dataSource = database.autoCommitting();
      LetheSchema.migrate(dataSource);
    }

    @TearDown(Level.Trial)
    public void close() {
      database.close();
    }
  }

  /** One replica: its own trail and sink over the shared database. */
  @State(Scope.Thread)
  public static class Replica {

    AuditTrail trail;

    @Setup(Level.Trial)
    public void open(Database database) {
      trail =
          AuditTrail.builder(JdbcAuditSink.of(database.dataSource), Pseudonymizer.withKey(KEY))
              .clock(Clock.systemUTC())
              .build();
    }
  }

  /** The baseline: one replica appending alone. */
  @Benchmark
  @Threads(1)
  public AuditEvent oneWriter(Replica replica) {
    return replica.trail.record(ENTRY);
  }

  /** Two replicas appending to one chain at once. */
  @Benchmark
  @Threads(2)
  public AuditEvent twoWriters(Replica replica) {
    return replica.trail.record(ENTRY);
  }

  /** Four replicas appending to one chain at once. */
  @Benchmark
  @Threads(4)
  public AuditEvent fourWriters(Replica replica) {
    return replica.trail.record(ENTRY);
  }
}
