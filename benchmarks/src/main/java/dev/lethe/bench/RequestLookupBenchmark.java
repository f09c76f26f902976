package dev.lethe.bench;

import dev.lethe.jdbc.JdbcRequestStore;
import dev.lethe.jdbc.JdbcTransactions;
import dev.lethe.jdbc.LetheSchema;
import dev.lethe.model.IdentityMatch;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.subject.SubjectIdentifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Finding a subject's rights requests, as every erasure does (Art. 17): {@link
 * JdbcRequestStore#findBySubject}, which an erasure runs for the request's identity and for each of
 * the subject's identities so that every request made under them forgets it, against {@link
 * JdbcRequestStore#findLatest}, a lookup by primary key that locks its row as the erasure's does
 * ({@code select ... for update}: on PostgreSQL a locking read writes, and commits with a flush),
 * with {@code rows} requests stored, all of one subject type and identity, each of another subject.
 * The target: at most three times the lookup by key at every size, that is, an erasure's cost does
 * not grow with the requests Lethe has ever received. The lookup by identity descends two indexes
 * (the identity's, then the key's) and sorts what it finds by receipt, where the baseline descends
 * one: up to 1.5 times its time; the lookup before {@code identity_key}, which read every request
 * of the subject type, took 170 to 2,800 times as long at 100,000.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RequestLookupBenchmark {

  private static final Instant RECEIVED = Instant.parse("2026-01-05T09:00:00Z");

  /** The database: {@code h2}, {@code postgresql} or {@code mariadb}. */
  @Param({"h2"})
  public String db = "h2";

  /** How many requests are stored. */
  @Param({"1000"})
  public int rows = 1000;

  private BenchDatabase database;
  private JdbcRequestStore store;
  private List<RequestId> ids;
  private int next;

  /** Stores {@code rows} requests, each of its own subject, in one transaction. */
  @Setup(Level.Trial)
  public void store() {
    database = BenchDatabase.create(BenchDatabase.Kind.of(db));
    DataSource dataSource = database.autoCommitting();
    LetheSchema.migrate(dataSource);
    store = JdbcRequestStore.of(dataSource);
    ids =
        JdbcTransactions.of(dataSource)
            .inTransaction(
                () -> {
                  List<RequestId> stored = new ArrayList<>(rows);
                  for (int i = 0; i < rows; i++) {
                    RightsRequest request = request(i);
                    store.insert(request);
                    stored.add(request.id());
                  }
                  return stored;
                });
  }

  @TearDown(Level.Trial)
  public void close() {
    database.close();
  }

  /** The requests of one subject, by the identity it used, as an erasure finds them. */
  @Benchmark
  public List<RightsRequest> bySubject() {
    return store.findBySubject(subject(nextIndex()), IdentityMatch.IGNORE_CASE_AND_SPACE);
  }

  /** The baseline: one request by its primary key, locked. */
  @Benchmark
  public Optional<RightsRequest> byId() {
    return store.findLatest(ids.get(nextIndex()));
  }

  private int nextIndex() {
    next = (next + 7919) % rows;
    return next;
  }

  private static SubjectIdentifier subject(int index) {
    return new SubjectIdentifier("customer", "email", "Customer-" + index + "@Example.com");
  }

  private static RightsRequest request(int index) {
    return new RightsRequest(
        RequestId.random(),
        RequestType.ERASURE,
        subject(index),
        Channel.WEB,
        RECEIVED,
        LocalDate.parse("2026-02-05"),
        RequestStatus.SUBMITTED,
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
