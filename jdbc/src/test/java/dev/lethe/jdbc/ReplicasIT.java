package dev.lethe.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.audit.AuditCheckpoint;
import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditSink;
import dev.lethe.audit.AuditTrail;
import dev.lethe.audit.AuditVerification;
import dev.lethe.erasure.ErasureReceipt;
import dev.lethe.erasure.SuppressionList;
import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.law.ErasureGround;
import dev.lethe.objection.Objection;
import dev.lethe.objection.Objections;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.IdentityVerifier;
import dev.lethe.rights.IllegalRequestTransitionException;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.testing.club.Club;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several replicas of an application over one database: each has its own DataSubjectRights, audit
 * trail and stores, over the same tables, with {@link JdbcTransactions}.
 */
class ReplicasIT {

  private static final byte[] KEY =
      "a test key of thirty-two bytes!!".getBytes(StandardCharsets.UTF_8);
  private static final SubjectIdentifier ADA =
      new SubjectIdentifier("member", "email", "ada@example.com");

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  private final AtomicInteger erasures = new AtomicInteger();
  private DataSource dataSource;

  @BeforeEach
  void emptyTables() {
    dataSource = DATABASE.emptied("lethe_audit_event", "lethe_rights_request");
    new Jdbc(dataSource)
        .update(
            "reset the audit head",
            "update lethe_audit_head set sequence_number = 0, hash = ?" + " where id = 1",
            AuditEvent.GENESIS_HASH);
  }

  @Test
  @DisplayName(
      "Art. 5(2): two replicas on one audit and request table take turns for ever, with one chain")
  void twoReplicasShareOneAuditAndOneRequestTable() {
    DataSubjectRights a = replica(sink -> sink);
    DataSubjectRights b = replica(sink -> sink);

    RightsRequest first = a.submit(RequestType.ACCESS, ADA, Channel.WEB);
    RightsRequest second = b.submit(RequestType.ACCESS, ADA, Channel.EMAIL);
    b.verify(first.id(), "email-link");
    a.cancel(second.id(), "withdrawn");
    b.submit(RequestType.OBJECTION, ADA, Channel.WEB);

    assertThat(requestCount()).isEqualTo(3);
    assertThat(a.find(first.id()).orElseThrow().status()).isEqualTo(RequestStatus.VERIFIED);
    assertThat(trail(sink -> sink).verify()).isEqualTo(AuditVerification.intact(5));
  }

  @Test
  @DisplayName(
      "Art. 5(2): when the audit fails, the submitted request is rolled back with it: no orphan request")
  void aFailingAuditLeavesNoOrphanRequest() {
    DataSubjectRights failing = replica(FailingSink::new);

    assertThatThrownBy(() -> failing.submit(RequestType.ACCESS, ADA, Channel.WEB))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("audit is down");

    assertThat(requestCount()).isZero();
    assertThat(trail(sink -> sink).verify()).isEqualTo(AuditVerification.intact(0));
  }

  @Test
  @DisplayName(
      "Art. 12(3), 5(2): when the audit fails, a transition is rolled back: the request keeps its state")
  void aFailingAuditLeavesTheRequestAsItWas() {
    RightsRequest request = replica(sink -> sink).submit(RequestType.ACCESS, ADA, Channel.WEB);

    assertThatThrownBy(() -> replica(FailingSink::new).verify(request.id(), "email-link"))
        .isInstanceOf(IllegalStateException.class);

    RightsRequest found = replica(sink -> sink).find(request.id()).orElseThrow();
    assertThat(found.status()).isEqualTo(RequestStatus.SUBMITTED);
    assertThat(found.version()).isZero();
  }

  @Test
  @DisplayName(
      "Art. 12(6): two replicas verifying one request at once: exactly one wins, audited once")
  void concurrentVerificationsHaveOneWinner() throws Exception {
    RequestId id = replica(sink -> sink).submit(RequestType.ACCESS, ADA, Channel.WEB).id();

    List<Optional<RightsRequest>> outcomes =
        race((rights, n) -> rights.verify(id, "email-link-" + n));

    assertThat(outcomes.stream().filter(Optional::isPresent)).hasSize(1);
    assertThat(events(AuditEventType.IDENTITY_VERIFIED)).isEqualTo(1);
    assertThat(trail(sink -> sink).verify().isIntact()).isTrue();
  }

  @Test
  @DisplayName("Art. 12(3): two replicas extending one request at once: it is extended once")
  void concurrentExtensionsHaveOneWinner() throws Exception {
    RequestId id = replica(sink -> sink).submit(RequestType.ACCESS, ADA, Channel.WEB).id();

    List<Optional<RightsRequest>> outcomes =
        race((rights, n) -> rights.extend(id, Period.ofMonths(1), "complex"));

    assertThat(outcomes.stream().filter(Optional::isPresent)).hasSize(1);
    assertThat(events(AuditEventType.REQUEST_EXTENDED)).isEqualTo(1);
  }

  @Test
  @DisplayName("Art. 12(3): two replicas fulfilling one request at once: it is fulfilled once")
  void concurrentFulfilmentsHaveOneWinner() throws Exception {
    DataSubjectRights tracking =
        DataSubjectRights.builder(trail(sink -> sink))
            .identityVerifier(IdentityVerifier.never())
            .requestStore(JdbcRequestStore.of(dataSource))
            .build();
    RequestId id = tracking.submit(RequestType.OBJECTION, ADA, Channel.WEB).id();

    List<Optional<RightsRequest>> outcomes =
        race(
            (rights, n) ->
                DataSubjectRights.builder(trail(sink -> sink))
                    .identityVerifier(IdentityVerifier.never())
                    .requestStore(JdbcRequestStore.of(dataSource))
                    .build()
                    .fulfil(id));

    assertThat(outcomes.stream().filter(Optional::isPresent)).hasSize(1);
    assertThat(events(AuditEventType.REQUEST_FULFILLED)).isEqualTo(1);
  }

  @Test
  @DisplayName("Art. 17: two replicas erasing one request at once: the erasure runs once")
  void concurrentErasuresRunOnce() throws Exception {
    RequestId id = replica(sink -> sink).submit(RequestType.ERASURE, ADA, Channel.WEB).id();
    replica(sink -> sink).verify(id, "email-link");

    List<Optional<ErasureReceipt>> outcomes =
        race((rights, n) -> rights.erase(id, ErasureGround.CONSENT_WITHDRAWN));

    assertThat(outcomes.stream().filter(Optional::isPresent)).hasSize(1);
    assertThat(erasures).hasValue(1);
    // The personal-data store holds nobody, so the erasure ends NO_DATA_HELD: fulfilled once, no
    // SUBJECT_ERASED.
    assertThat(events(AuditEventType.REQUEST_FULFILLED)).isEqualTo(1);
    RightsRequest erased = replica(sink -> sink).find(id).orElseThrow();
    assertThat(erased.status()).isEqualTo(RequestStatus.FULFILLED);
    assertThat(erased.subject().value()).startsWith(DataSubjectRights.ERASED_IDENTITY_PREFIX);
    assertThat(trail(sink -> sink).verify().isIntact()).isTrue();
  }

  @Test
  @DisplayName(
      "Art. 21, 5(2): two replicas recording one subject's objection at once: it is recorded and audited once")
  void concurrentObjectionsAreRecordedOnce() throws Exception {
    new Jdbc(dataSource).update("empty the objections", "delete from lethe_objection");
    List<Objections> replicas = List.of(objections(), objections());
    ExecutorService threads = Executors.newFixedThreadPool(replicas.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Optional<Objection>>> attempts = new ArrayList<>();
    try {
      for (Objections replica : replicas) {
        attempts.add(
            threads.submit(
                () -> {
                  start.await();
                  try {
                    return Optional.of(replica.object(ADA, "fraud-prevention"));
                  } catch (IllegalStateException lost) {
                    assertThat(lost).hasMessageContaining("at the same moment");
                    return Optional.<Objection>empty();
                  }
                }));
      }
      start.countDown();
      List<Optional<Objection>> outcomes = new ArrayList<>();
      for (Future<Optional<Objection>> attempt : attempts) {
        outcomes.add(attempt.get(120, TimeUnit.SECONDS));
      }

      // A replica that reads the other's objection once committed returns it, as objecting again
      // does; one that read before is refused. Either way one objection, recorded once.
      Objection stands = objections().objection(ADA, "fraud-prevention").orElseThrow();
      assertThat(stands.stands()).isTrue();
      assertThat(outcomes.stream().flatMap(Optional::stream)).isNotEmpty().containsOnly(stands);
      assertThat(events(AuditEventType.OBJECTION_RECORDED)).isEqualTo(1);
      assertThat(trail(sink -> sink).verify().isIntact()).isTrue();
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  @DisplayName("Art. 5(2): the checkpoint of a trail follows committed events only")
  void theCheckpointFollowsCommittedEventsOnly() {
    AuditTrail trail = trail(sink -> sink);
    DataSubjectRights rights =
        DataSubjectRights.builder(trail).requestStore(JdbcRequestStore.of(dataSource)).build();
    rights.submit(RequestType.ACCESS, ADA, Channel.WEB);
    AuditCheckpoint committed = trail.checkpoint();

    assertThatThrownBy(
            () ->
                JdbcTransactions.of(dataSource)
                    .inTransaction(
                        () -> {
                          rights.submit(RequestType.ACCESS, ADA, Channel.WEB);
                          throw new IllegalStateException(
                              "the application's own work fails after the submission");
                        }))
        .hasMessageContaining("application's own work");

    assertThat(trail.checkpoint()).isEqualTo(committed);
    assertThat(requestCount()).isEqualTo(1);
    assertThat(trail.verify(committed)).isEqualTo(AuditVerification.intact(1));
  }

  /** Runs {@code action} on four replicas at once, each on its own thread; an empty result is a lost race. */
  private <T> List<Optional<T>> race(BiFunction<DataSubjectRights, Integer, T> action)
      throws Exception {
    int replicas = 4;
    List<DataSubjectRights> rights = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      rights.add(replica(sink -> sink));
    }
    ExecutorService threads = Executors.newFixedThreadPool(replicas);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Optional<T>>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < replicas; i++) {
        DataSubjectRights replica = rights.get(i);
        int n = i;
        futures.add(
            threads.submit(
                () -> {
                  start.await();
                  try {
                    return Optional.of(action.apply(replica, n));
                  } catch (IllegalRequestTransitionException lost) {
                    return Optional.<T>empty();
                  }
                }));
      }
      start.countDown();
      List<Optional<T>> outcomes = new ArrayList<>();
      for (Future<Optional<T>> future : futures) {
        outcomes.add(future.get(120, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      threads.shutdownNow();
    }
  }

  private DataSubjectRights replica(Function<AuditSink, AuditSink> sink) {
    Pseudonymizer pseudonymizer = Pseudonymizer.withKey(KEY);
    return DataSubjectRights.builder(trail(sink))
        .requestStore(JdbcRequestStore.of(dataSource))
        .personalData(Club.MODEL, PersonalDataStore.inMemory(Club.MODEL, pseudonymizer))
        .erasureListener(receipt -> erasures.incrementAndGet())
        .build();
  }

  private Objections objections() {
    AuditTrail trail = trail(sink -> sink);
    return Objections.builder(
            Club.MODEL,
            trail,
            SuppressionList.of(
                JdbcSuppressionStore.of(dataSource), Pseudonymizer.withKey(KEY), Clock.systemUTC()))
        .store(JdbcObjectionStore.of(dataSource))
        .build();
  }

  private AuditTrail trail(Function<AuditSink, AuditSink> sink) {
    return AuditTrail.builder(sink.apply(JdbcAuditSink.of(dataSource)), Pseudonymizer.withKey(KEY))
        .clock(Clock.systemUTC())
        .transactions(JdbcTransactions.of(dataSource))
        .build();
  }

  private long requestCount() {
    return new Jdbc(dataSource)
        .query("count requests", "select count(*) from lethe_rights_request", row -> row.getLong(1))
        .get(0);
  }

  private long events(AuditEventType type) {
    try (Stream<AuditEvent> events = JdbcAuditSink.of(dataSource).events()) {
      return events.filter(event -> event.type() == type).count();
    }
  }

  /** A sink whose storage is down: every append fails after the request was written. */
  private static final class FailingSink implements AuditSink {
    private final AuditSink delegate;

    FailingSink(AuditSink delegate) {
      this.delegate = delegate;
    }

    @Override
    public void append(AuditEvent event) {
      throw new IllegalStateException("The audit is down");
    }

    @Override
    public AuditEvent appendNext(Function<AuditCheckpoint, AuditEvent> next) {
      throw new IllegalStateException("The audit is down");
    }

    @Override
    public Stream<AuditEvent> events() {
      return delegate.events();
    }
  }
}
