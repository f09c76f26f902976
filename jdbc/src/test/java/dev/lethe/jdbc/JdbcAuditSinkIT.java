package dev.lethe.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.lethe.audit.AuditEntry;
import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditSink;
import dev.lethe.audit.AuditTrail;
import dev.lethe.audit.AuditVerification;
import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.tck.AuditSinkCompatibilityKit;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcAuditSinkIT extends AuditSinkCompatibilityKit {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  private static final Pseudonymizer KEY = Pseudonymizer.withKey(new byte[32]);

  @Override
  protected AuditSink createSink() {
    new Jdbc(DATABASE.emptied("lethe_audit_event"))
        .update(
            "reset the audit head",
            "update lethe_audit_head set sequence_number = 0, hash = ? where id = 1",
            AuditEvent.GENESIS_HASH);
    return JdbcAuditSink.of(DATABASE.dataSource());
  }

  /** Another replica: its own sink over the same tables. */
  @Override
  protected AuditSink anotherSinkOnTheSameStorage() {
    return JdbcAuditSink.of(DATABASE.dataSource());
  }

  @Test
  @DisplayName(
      "Art. 5(2): appends after the first in one transaction move the head it left, in two statements")
  void laterAppendsInATransactionStartFromTheHeadItLeft() {
    AtomicInteger statements = new AtomicInteger();
    DataSource counted = counting(DATABASE.dataSource(), statements);
    JdbcTransactions transactions = JdbcTransactions.of(counted);
    AuditTrail trail = trail(JdbcAuditSink.of(counted), transactions);
    trail.record(AuditEntry.of(AuditEventType.REQUEST_SUBMITTED));

    statements.set(0);
    transactions.inTransaction(
        () -> {
          for (int n = 0; n < 4; n++) {
            trail.record(AuditEntry.of(AuditEventType.IDENTITY_VERIFIED).withCount("n", n));
          }
          return null;
        });

    // The first locks and reads the head, inserts, moves it; each of the other three moves it on
    // condition and inserts.
    assertThat(statements).hasValue(3 + 3 * 2);
    assertThat(trail.verify()).isEqualTo(AuditVerification.intact(5));
  }

  @Test
  @DisplayName(
      "Art. 5(2): an append rolled back to a savepoint leaves no gap: the next one reads the head again")
  void anAppendRolledBackToASavepointIsFollowedFromTheHeadItLeft() {
    JdbcTransactions transactions = JdbcTransactions.of(DATABASE.dataSource());
    AuditTrail trail = trail(sink, transactions);
    transactions.inTransaction(
        () -> {
          trail.record(AuditEntry.of(AuditEventType.REQUEST_SUBMITTED));
          Connection connection = transactions.currentConnection().orElseThrow();
          try {
            Savepoint savepoint = connection.setSavepoint();
            trail.record(AuditEntry.of(AuditEventType.IDENTITY_VERIFIED));
            connection.rollback(savepoint);
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
          trail.record(AuditEntry.of(AuditEventType.REQUEST_FULFILLED));
          return null;
        });

    try (Stream<AuditEvent> events = sink.events()) {
      assertThat(events.toList())
          .extracting(AuditEvent::sequence, AuditEvent::type)
          .containsExactly(
              tuple(1L, AuditEventType.REQUEST_SUBMITTED),
              tuple(2L, AuditEventType.REQUEST_FULFILLED));
    }
    assertThat(trail.verify()).isEqualTo(AuditVerification.intact(2));
  }

  @Test
  @DisplayName(
      "Art. 5(2): replicas appending several events per transaction at once keep one chain")
  void replicasAppendingSeveralEventsPerTransactionKeepOneChain() throws Exception {
    int writers = 4;
    int transactionsEach = 10;
    int eventsPerTransaction = 3;
    List<Callable<Void>> replicas = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      // Each writer a replica: its own sink and transactions over the same tables.
      JdbcTransactions transactions = JdbcTransactions.of(DATABASE.dataSource());
      AuditTrail trail = trail(anotherSinkOnTheSameStorage(), transactions);
      String writer = "writer-" + w;
      replicas.add(
          () -> {
            for (int t = 0; t < transactionsEach; t++) {
              AuditEntry entry =
                  AuditEntry.of(AuditEventType.REQUEST_SUBMITTED)
                      .withAttribute("writer", writer)
                      .withCount("transaction", t);
              transactions.inTransaction(
                  () -> {
                    for (int n = 0; n < eventsPerTransaction; n++) {
                      trail.record(entry.withCount("n", n));
                    }
                    return null;
                  });
            }
            return null;
          });
    }
    ExecutorService threads = Executors.newFixedThreadPool(writers);
    try {
      for (Future<Void> replica : threads.invokeAll(replicas, 120, TimeUnit.SECONDS)) {
        replica.get();
      }
    } finally {
      threads.shutdownNow();
    }

    int total = writers * transactionsEach * eventsPerTransaction;
    try (Stream<AuditEvent> events = sink.events()) {
      List<AuditEvent> all = events.toList();
      assertThat(all)
          .extracting(AuditEvent::sequence)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
      // A transaction's events are consecutive: it held the head from its first to its commit.
      for (int i = 0; i < total; i += eventsPerTransaction) {
        AuditEvent first = all.get(i);
        assertThat(all.subList(i, i + eventsPerTransaction))
            .extracting(
                event -> event.attributes().get("writer") + "#" + event.counts().get("transaction"))
            .containsOnly(
                first.attributes().get("writer") + "#" + first.counts().get("transaction"));
      }
    }
    assertThat(trail(sink, JdbcTransactions.of(DATABASE.dataSource())).verify())
        .isEqualTo(AuditVerification.intact(total));
  }

  private static AuditTrail trail(AuditSink sink, JdbcTransactions transactions) {
    return AuditTrail.builder(sink, KEY)
        .clock(Clock.systemUTC())
        .transactions(transactions)
        .build();
  }

  /** {@code target}, counting every statement its connections prepare. */
  private static DataSource counting(DataSource target, AtomicInteger statements) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, arguments) -> {
              Object result = invoke(method, target, arguments);
              if (!(result instanceof Connection connection)) {
                return result;
              }
              return Proxy.newProxyInstance(
                  Connection.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (connectionProxy, connectionMethod, connectionArguments) -> {
                    if (connectionMethod.getName().equals("prepareStatement")) {
                      statements.incrementAndGet();
                    }
                    return invoke(connectionMethod, connection, connectionArguments);
                  });
            });
  }

  private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
