package dev.lethe.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditSink;
import dev.lethe.audit.AuditTrail;
import dev.lethe.law.ErasureGround;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.testing.club.Club;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Several DataSubjectRights over one request store and one audit sink, as replicas have them. */
class ExactlyOnceTransitionsTest {

  private static final SubjectIdentifier ADA =
      new SubjectIdentifier("member", "email", "ada@example.com");

  private final RequestStore store = RequestStore.inMemory();
  private final AuditSink sink = AuditSink.inMemory();
  private final Pseudonymizer pseudonymizer = Pseudonymizer.withKey(new byte[32]);
  private final AtomicInteger erasures = new AtomicInteger();

  @Test
  @DisplayName(
      "Art. 12(3): a stale copy of a request cannot move it: the second move is refused and changes nothing")
  void aMoveFromAStaleVersionIsRefused() {
    DataSubjectRights rights = replica();
    RightsRequest submitted = rights.submit(RequestType.ACCESS, ADA, Channel.WEB);
    RightsRequest verified = rights.verify(submitted.id(), "email-link");

    assertThat(verified.version()).isEqualTo(1);
    assertThat(store.update(submitted.withVersion(0))).isEmpty();
    assertThatThrownBy(() -> rights.verify(submitted.id(), "again"))
        .isInstanceOf(IllegalRequestTransitionException.class);
    assertThat(rights.find(submitted.id())).contains(verified);
  }

  @Test
  @DisplayName(
      "Art. 17: replicas erasing one request at once: the erasure runs once and is audited once")
  void concurrentErasuresRunOnce() throws Exception {
    RequestId id = replica().submit(RequestType.ERASURE, ADA, Channel.WEB).id();
    replica().verify(id, "email-link");

    int winners = race(rights -> rights.erase(id, ErasureGround.CONSENT_WITHDRAWN));

    assertThat(winners).isEqualTo(1);
    assertThat(erasures).hasValue(1);
    // The store holds nobody, so the erasure ends NO_DATA_HELD: fulfilled once, with no
    // SUBJECT_ERASED event.
    assertThat(events(AuditEventType.REQUEST_FULFILLED)).isEqualTo(1);
    assertThat(replica().find(id).orElseThrow().status()).isEqualTo(RequestStatus.FULFILLED);
    assertThat(AuditTrail.of(sink, pseudonymizer, Clock.systemUTC()).verify().isIntact()).isTrue();
  }

  @Test
  @DisplayName("Art. 12(3): replicas completing one request at once: it is completed once")
  void concurrentCompletionsHaveOneWinner() throws Exception {
    RequestId id = replica().submit(RequestType.ERASURE, ADA, Channel.WEB).id();
    replica().verify(id, "email-link");
    replica().erase(id, ErasureGround.CONSENT_WITHDRAWN);

    int winners = race(rights -> rights.complete(id));

    assertThat(winners).isEqualTo(1);
    assertThat(events(AuditEventType.REQUEST_COMPLETED)).isEqualTo(1);
  }

  private int race(Function<DataSubjectRights, ?> action) throws Exception {
    int replicas = 4;
    List<DataSubjectRights> rights = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      rights.add(replica());
    }
    ExecutorService threads = Executors.newFixedThreadPool(replicas);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> outcomes = new ArrayList<>();
    try {
      for (DataSubjectRights replica : rights) {
        outcomes.add(
            threads.submit(
                () -> {
                  start.await();
                  try {
                    action.apply(replica);
                    return true;
                  } catch (IllegalRequestTransitionException lost) {
                    return false;
                  }
                }));
      }
      start.countDown();
      int winners = 0;
      for (Future<Boolean> outcome : outcomes) {
        winners += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }
      return winners;
    } finally {
      threads.shutdownNow();
    }
  }

  private DataSubjectRights replica() {
    return DataSubjectRights.builder(AuditTrail.of(sink, pseudonymizer, Clock.systemUTC()))
        .requestStore(store)
        .personalData(Club.MODEL, PersonalDataStore.inMemory(Club.MODEL, pseudonymizer))
        .erasureListener(receipt -> erasures.incrementAndGet())
        .build();
  }

  private long events(AuditEventType type) {
    try (Stream<AuditEvent> events = sink.events()) {
      return events.filter(event -> event.type() == type).count();
    }
  }
}
