package dev.lethe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.rights.RequestId;
import dev.lethe.rights.RequestType;
import dev.lethe.rights.SubjectIdentifier;
import dev.lethe.spi.AuditSink;
import dev.lethe.testing.MutableClock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

  private static final SubjectIdentifier ADA = new SubjectIdentifier("customer", "email", "ada@example.com");
  private static final RequestId REQUEST = new RequestId(UUID.fromString("00000000-0000-0000-0000-000000000001"));

  private final MutableClock clock = MutableClock.at("2025-01-31T09:00:00Z");
  private final Pseudonymizer pseudonymizer = Pseudonymizer.withKey(new byte[32]);
  private final AuditSink sink = AuditSink.inMemory();
  private final AuditTrail trail = AuditTrail.of(sink, pseudonymizer, clock);

  @Test
  @DisplayName("Art. 5(2): events are numbered from 1 and each links to the hash of the one before")
  void eventsAreNumberedAndChained() {
    AuditEvent first = trail.record(AuditEntry.of(AuditEventType.REQUEST_SUBMITTED));
    clock.advanceDays(1);
    AuditEvent second = trail.record(AuditEntry.of(AuditEventType.REQUEST_CANCELLED));

    assertThat(first.sequence()).isEqualTo(1);
    assertThat(first.previousHash()).isEqualTo(AuditEvent.GENESIS_HASH).isEqualTo("0".repeat(64));
    assertThat(second.sequence()).isEqualTo(2);
    assertThat(second.previousHash()).isEqualTo(first.hash());
    assertThat(second.occurredAt()).isEqualTo("2025-02-01T09:00:00Z");
    assertThat(trail.events()).containsExactly(first, second);
  }

  @Test
  void theHashIsTheSha256OfTheDocumentedCanonicalEncoding() {
    AuditEvent event = trail.record(AuditEntry.of(AuditEventType.REQUEST_SUBMITTED)
        .withRequest(REQUEST, RequestType.ERASURE)
        .withCount("rows", 3)
        .withAttribute("channel", "WEB"));

    // Computed independently in Python from the encoding described in AuditHash: length-prefixed UTF-8
    // texts, big-endian numbers, a presence byte before each optional part, maps by size then name order.
    assertThat(event.hash()).isEqualTo("30697c413e2e519e419dd941b3c5315f8ec37d03d79b5308e5d194382019f16e");
  }

  @Test
  @DisplayName("Art. 4(5): the recorded event names the subject by its pseudonym only")
  void theSubjectIsRecordedByPseudonym() {
    AuditEvent event = trail.record(AuditEntry.of(AuditEventType.SUBJECT_ERASED).withSubject(ADA));

    assertThat(event.subject()).contains(pseudonymizer.pseudonymize(ADA)).contains(trail.pseudonymOf(ADA));
    assertThat(event.toString()).doesNotContain("ada@example.com");
  }

  @Test
  void anEmptyOrUntouchedTrailIsIntact() {
    assertThat(trail.verify()).isEqualTo(AuditVerification.intact(0));

    trail.record(AuditEntry.of(AuditEventType.DATA_EXPORTED));
    trail.record(AuditEntry.of(AuditEventType.SUBJECT_ERASED).withSubject(ADA).withCount("rows", 2));

    assertThat(trail.verify()).isEqualTo(AuditVerification.intact(2));
    assertThat(trail.verify().isIntact()).isTrue();
  }

  @Test
  void aReopenedTrailContinuesTheChain() {
    AuditEvent first = trail.record(AuditEntry.of(AuditEventType.REQUEST_SUBMITTED));

    AuditTrail reopened = AuditTrail.of(sink, pseudonymizer, clock);
    AuditEvent second = reopened.record(AuditEntry.of(AuditEventType.REQUEST_FULFILLED));

    assertThat(second.sequence()).isEqualTo(2);
    assertThat(second.previousHash()).isEqualTo(first.hash());
    assertThat(reopened.verify().isIntact()).isTrue();
  }

  @Test
  void aSecondWriterCannotForkTheChain() {
    AuditTrail stale = AuditTrail.of(sink, pseudonymizer, clock);
    trail.record(AuditEntry.of(AuditEventType.REQUEST_SUBMITTED));

    assertThatThrownBy(() -> stale.record(AuditEntry.of(AuditEventType.REQUEST_CANCELLED)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sequence 1");
    assertThat(trail.events()).hasSize(1);
    assertThat(trail.verify().isIntact()).isTrue();
  }

  @Test
  void countsAndAttributesAreCheckedAndSortedByName() {
    AuditEntry entry = AuditEntry.of(AuditEventType.SUBJECT_ERASED).withCount("zeta", 1).withCount("alpha", 2);

    assertThat(List.copyOf(entry.counts().keySet())).containsExactly("alpha", "zeta");
    assertThatThrownBy(() -> entry.withCount("rows", -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rows");
    assertThatThrownBy(() -> entry.withAttribute(" ", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThat(entry.requestId()).isEqualTo(Optional.empty());
  }
}
