package dev.lethe.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.audit.AuditCheckpoint;
import dev.lethe.audit.AuditEntry;
import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditSink;
import dev.lethe.audit.AuditTrail;
import dev.lethe.audit.AuditVerification;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectPseudonym;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditSink} must do. Extend it with {@link #createSink()} returning an empty
 * sink; the tests run against it. A sink stores events as given: the hashes here are arbitrary,
 * because checking the chain is the trail's work, not the sink's.
 *
 * <p>The concurrency contract: several trails, each on its own sink instance over the same storage
 * as several replicas have, appending from several threads at once, lose no event, duplicate none,
 * and leave one gap-free chain that verifies (Art. 5(2)).
 */
public abstract class AuditSinkCompatibilityKit {

  private static final Instant AT = Instant.parse("2025-02-01T10:15:30.123456789Z");

  protected AuditSink sink;

  /** A new, empty sink of the implementation under test. */
  protected abstract AuditSink createSink();

  /**
   * Another sink instance over the storage of {@link #sink}, as another replica would open it; by
   * default {@code sink} itself, for sinks whose storage is the instance.
   */
  protected AuditSink anotherSinkOnTheSameStorage() {
    return sink;
  }

  @BeforeEach
  void createEmptySink() {
    sink = createSink();
  }

  @Test
  void anEmptySinkHasNoEvents() {
    assertThat(events()).isEmpty();
    assertThat(sink.lastEvent()).isEmpty();
  }

  @Test
  @DisplayName("Art. 5(2): events come back in sequence order, exactly as appended")
  void returnsEventsInSequenceOrderUnchanged() {
    List<AuditEvent> appended =
        List.of(event(1, 'a', 'b'), bareEvent(2, 'b', 'c'), event(3, 'c', 'd'));

    appended.forEach(sink::append);

    assertThat(events()).containsExactlyElementsOf(appended);
    assertThat(sink.lastEvent()).contains(appended.get(2));
  }

  @Test
  void refusesASequenceItAlreadyHolds() {
    AuditEvent first = event(1, 'a', 'b');
    sink.append(first);

    assertThatThrownBy(() -> sink.append(bareEvent(1, 'a', 'c')))
        .isInstanceOf(IllegalStateException.class);

    assertThat(events()).containsExactly(first);
  }

  @Test
  void eachReadIsAFreshStream() {
    sink.append(event(1, 'a', 'b'));

    assertThat(events()).hasSize(1);
    sink.append(event(2, 'b', 'c'));
    assertThat(events()).hasSize(2);
  }

  @Test
  void appendNextComputesTheEventFromTheHead() {
    AuditEvent first =
        sink.appendNext(
            head -> {
              assertThat(head).isEqualTo(AuditCheckpoint.GENESIS);
              return event(1, '0', 'a');
            });
    AuditEvent second =
        sink.appendNext(
            head -> {
              assertThat(head).isEqualTo(new AuditCheckpoint(1, "a".repeat(64)));
              return bareEvent(2, 'a', 'b');
            });

    assertThat(events()).containsExactly(first, second);
    assertThat(sink.lastEvent()).contains(second);
  }

  @Test
  void readsFromASequenceOn() {
    List.of(event(1, 'a', 'b'), event(2, 'b', 'c'), event(3, 'c', 'd')).forEach(sink::append);

    try (Stream<AuditEvent> fromTwo = sink.eventsFrom(2)) {
      assertThat(fromTwo.map(AuditEvent::sequence)).containsExactly(2L, 3L);
    }
    try (Stream<AuditEvent> beyond = sink.eventsFrom(4)) {
      assertThat(beyond).isEmpty();
    }
  }

  @Test
  @DisplayName(
      "Art. 5(2): trails of several replicas appending at once lose nothing, duplicate nothing, fork nothing")
  void concurrentTrailsOnOneStorageKeepOneChain() throws Exception {
    int trails = 3;
    int threadsPerTrail = 2;
    int eventsPerThread = 15;
    Pseudonymizer key = Pseudonymizer.withKey(new byte[32]);
    List<AuditTrail> replicas = new ArrayList<>();
    for (int i = 0; i < trails; i++) {
      replicas.add(
          AuditTrail.of(i == 0 ? sink : anotherSinkOnTheSameStorage(), key, Clock.systemUTC()));
    }
    ExecutorService threads = Executors.newFixedThreadPool(trails * threadsPerTrail);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < trails * threadsPerTrail; t++) {
        AuditTrail trail = replicas.get(t % trails);
        String writer = "writer-" + t;
        done.add(
            threads.submit(
                () -> {
                  start.await();
                  for (int n = 0; n < eventsPerThread; n++) {
                    trail.record(
                        AuditEntry.of(AuditEventType.REQUEST_SUBMITTED)
                            .withAttribute("writer", writer)
                            .withCount("n", n));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(120, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    int total = trails * threadsPerTrail * eventsPerThread;
    List<AuditEvent> events = events();
    assertThat(events)
        .extracting(AuditEvent::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
    assertThat(events)
        .extracting(event -> event.attributes().get("writer") + "#" + event.counts().get("n"))
        .doesNotHaveDuplicates()
        .hasSize(total);
    for (AuditTrail trail : replicas) {
      assertThat(trail.verify()).isEqualTo(AuditVerification.intact(total));
    }
  }

  private List<AuditEvent> events() {
    try (Stream<AuditEvent> events = sink.events()) {
      return events.toList();
    }
  }

  private static AuditEvent event(long sequence, char previous, char hash) {
    return new AuditEvent(
        sequence,
        AT.plusSeconds(sequence),
        AuditEventType.SUBJECT_ERASED,
        Optional.of(RequestId.random()),
        Optional.of(RequestType.ERASURE),
        Optional.of(new SubjectPseudonym("ab".repeat(32))),
        Map.of("rows", 3L, "entities", 2L),
        Map.of("dueDate", "2025-03-01", "note", "ünïcödé ✓"),
        String.valueOf(previous).repeat(64),
        String.valueOf(hash).repeat(64));
  }

  private static AuditEvent bareEvent(long sequence, char previous, char hash) {
    return new AuditEvent(
        sequence,
        AT,
        AuditEventType.REQUEST_SUBMITTED,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        Map.of(),
        String.valueOf(previous).repeat(64),
        String.valueOf(hash).repeat(64));
  }
}
