package dev.lethe.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditSink;
import dev.lethe.audit.AuditTrail;
import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.rights.RecipientNotifications;
import dev.lethe.spi.Notification;
import dev.lethe.spi.OutboxCounts;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.OutboxTransport;
import dev.lethe.spi.RecipientNotifier;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several dispatchers, as in several replicas, on one JDBC outbox: each notice reaches an
 * idempotent receiver exactly once in effect, whatever fails on the way.
 */
class OutboxDispatchIT {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  private static final List<String> RECIPIENTS = List.of("crm", "mail-host");
  private static final int DISPATCHERS = 3;

  private final Clock clock = Clock.systemUTC();
  // Pooled, as an application's DataSource is: a connection per statement would measure the
  // server's log-in.
  private final ReusedConnections dataSource =
      new ReusedConnections(DATABASE.emptied("lethe_outbox"));
  private final IdempotentReceiver receiver = new IdempotentReceiver();
  private final AuditTrail audit =
      AuditTrail.of(AuditSink.inMemory(), Pseudonymizer.withKey(new byte[32]), clock);
  // One RecipientNotifications per replica, each over its own JdbcOutbox on the shared database.
  private final List<RecipientNotifications> replicas =
      Stream.generate(
              () ->
                  RecipientNotifications.builder(receiver, audit)
                      .outbox(JdbcOutbox.of(dataSource))
                      .clock(clock)
                      .build())
          .limit(DISPATCHERS)
          .toList();

  @AfterEach
  void closeConnections() throws Exception {
    dataSource.close();
  }

  @Test
  @DisplayName(
      "Art. 19: several dispatchers deliver every notice exactly once in effect, including those written while the receiver was down")
  void everyNoticeIsDeliveredOnceInEffect() throws Exception {
    receiver.down.set(true);
    List<Notification> whileDown = notices(0, 10);
    whileDown.forEach(notice -> replicas.get(0).notifyRecipients(notice, RECIPIENTS));
    List<OutboxDispatcher> dispatchers = replicas.stream().map(this::dispatcher).toList();
    dispatchers.forEach(OutboxDispatcher::dispatch);
    assertThat(receiver.applied).as("nothing arrives while the receiver is down").isEmpty();
    assertThat(JdbcOutbox.of(dataSource).counts().pending()).isEqualTo(20);

    receiver.down.set(false);
    List<Notification> whileRunning = notices(10, 30);
    ExecutorService pool = Executors.newFixedThreadPool(DISPATCHERS + 1);
    AtomicBoolean writing = new AtomicBoolean(true);
    try {
      List<Future<?>> workers = new ArrayList<>();
      workers.add(
          pool.submit(
              () -> {
                try {
                  for (int i = 0; i < whileRunning.size(); i++) {
                    replicas.get(i % DISPATCHERS).notifyRecipients(whileRunning.get(i), RECIPIENTS);
                  }
                } finally {
                  writing.set(false);
                }
                return null;
              }));
      for (OutboxDispatcher dispatcher : dispatchers) {
        workers.add(
            pool.submit(
                () -> {
                  long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
                  while (System.nanoTime() < deadline
                      && (writing.get() || JdbcOutbox.of(dataSource).counts().pending() > 0)) {
                    dispatcher.dispatch();
                    Thread.sleep(5);
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }

    Set<String> expected = ConcurrentHashMap.newKeySet();
    Stream.concat(whileDown.stream(), whileRunning.stream())
        .forEach(
            notice ->
                RECIPIENTS.forEach(
                    recipient ->
                        expected.add(RecipientNotifications.idempotencyKey(notice, recipient))));
    assertThat(receiver.applied.keySet()).isEqualTo(expected);
    assertThat(receiver.redeliveries.get())
        .as("the crash after delivery forces redeliveries, which are ignored")
        .isPositive();
    assertThat(JdbcOutbox.of(dataSource).counts()).isEqualTo(new OutboxCounts(0, 0));
    assertThat(
            new Jdbc(dataSource)
                .query(
                    "count payloads kept",
                    "select count(*) from lethe_outbox" + " where payload is not null",
                    row -> row.getLong(1)))
        .as("no identity kept once delivered")
        .containsExactly(0L);
    try (Stream<AuditEvent> events = audit.events()) {
      assertThat(
              events
                  .filter(event -> event.type() == AuditEventType.RECIPIENT_NOTIFIED)
                  .map(event -> event.attributes().get("idempotencyKey"))
                  .distinct()
                  .count())
          .isEqualTo(expected.size());
    }
  }

  private OutboxDispatcher dispatcher(RecipientNotifications replica) {
    OutboxTransport art19 = replica.transport();
    // Every tenth delivery "crashes" after the receiver has the notice and before it is marked: the
    // dispatcher sees a failure and delivers again later, as one would after a replica's death.
    AtomicInteger deliveries = new AtomicInteger();
    OutboxTransport crashing =
        new OutboxTransport() {
          @Override
          public void deliver(OutboxMessage message) {
            art19.deliver(message);
            if (deliveries.incrementAndGet() % 10 == 0) {
              throw new IllegalStateException("replica died after delivering");
            }
          }

          @Override
          public void delivered(OutboxMessage message, int attempts) {
            art19.delivered(message, attempts);
          }

          @Override
          public void failed(OutboxMessage message, int attempts, String failure, boolean dead) {
            art19.failed(message, attempts, failure, dead);
          }
        };
    return OutboxDispatcher.builder(replica.outbox(), crashing)
        .clock(clock)
        .batchSize(7)
        .backOff(Duration.ofMillis(10), Duration.ofMillis(50))
        .maxAge(Duration.ofHours(1))
        .lease(Duration.ofMinutes(1))
        .build();
  }

  private static List<Notification> notices(int from, int to) {
    List<Notification> notices = new ArrayList<>();
    for (int i = from; i < to; i++) {
      notices.add(
          new Notification(
              RequestId.random(),
              RequestType.ERASURE,
              new SubjectIdentifier("customer", "email", "member" + i + "@example.com")));
    }
    return notices;
  }

  /** Applies each idempotency key once, as a receiver of at-least-once delivery must. */
  private static final class IdempotentReceiver implements RecipientNotifier {
    final AtomicBoolean down = new AtomicBoolean();
    final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
    final AtomicInteger redeliveries = new AtomicInteger();

    @Override
    public void notifyRecipient(String recipient, Notification notification) {
      if (down.get()) {
        throw new IllegalStateException("receiver down");
      }
      String key = RecipientNotifications.idempotencyKey(notification, recipient);
      if (applied.putIfAbsent(key, new AtomicInteger(1)) != null) {
        redeliveries.incrementAndGet();
      }
    }
  }
}
