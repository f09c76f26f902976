package dev.lethe.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.SubjectPseudonym;
import dev.lethe.rights.RequestId;
import dev.lethe.rights.RequestType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditSink} must do. Extend it with {@link #createSink()} returning an empty
 * sink; the tests run against it. A sink stores events as given: the hashes here are arbitrary,
 * because checking the chain is the trail's work, not the sink's.
 */
public abstract class AuditSinkCompatibilityKit {

  private static final Instant AT = Instant.parse("2025-02-01T10:15:30.123456789Z");

  protected AuditSink sink;

  /** A new, empty sink of the implementation under test. */
  protected abstract AuditSink createSink();

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
    List<AuditEvent> appended = List.of(event(1, 'a', 'b'), bareEvent(2, 'b', 'c'), event(3, 'c', 'd'));

    appended.forEach(sink::append);

    assertThat(events()).containsExactlyElementsOf(appended);
    assertThat(sink.lastEvent()).contains(appended.get(2));
  }

  @Test
  void refusesASequenceItAlreadyHolds() {
    AuditEvent first = event(1, 'a', 'b');
    sink.append(first);

    assertThatThrownBy(() -> sink.append(bareEvent(1, 'a', 'c'))).isInstanceOf(IllegalStateException.class);

    assertThat(events()).containsExactly(first);
  }

  @Test
  void eachReadIsAFreshStream() {
    sink.append(event(1, 'a', 'b'));

    assertThat(events()).hasSize(1);
    sink.append(event(2, 'b', 'c'));
    assertThat(events()).hasSize(2);
  }

  private List<AuditEvent> events() {
    try (Stream<AuditEvent> events = sink.events()) {
      return events.toList();
    }
  }

  private static AuditEvent event(long sequence, char previous, char hash) {
    return new AuditEvent(sequence, AT.plusSeconds(sequence), AuditEventType.SUBJECT_ERASED,
        Optional.of(RequestId.random()), Optional.of(RequestType.ERASURE),
        Optional.of(new SubjectPseudonym("ab".repeat(32))), Map.of("rows", 3L, "entities", 2L),
        Map.of("dueDate", "2025-03-01", "note", "ünïcödé ✓"), String.valueOf(previous).repeat(64),
        String.valueOf(hash).repeat(64));
  }

  private static AuditEvent bareEvent(long sequence, char previous, char hash) {
    return new AuditEvent(sequence, AT, AuditEventType.REQUEST_SUBMITTED, Optional.empty(), Optional.empty(),
        Optional.empty(), Map.of(), Map.of(), String.valueOf(previous).repeat(64), String.valueOf(hash).repeat(64));
  }
}
