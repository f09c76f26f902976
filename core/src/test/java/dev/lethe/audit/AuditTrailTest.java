package dev.lethe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.testing.MutableClock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

  private static final SubjectIdentifier ADA =
      new SubjectIdentifier("customer", "email", "ada@example.com");
  private static final RequestId REQUEST =
      new RequestId(UUID.fromString("00000000-0000-0000-0000-000000000001"));

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
  void theHashIsTheHmacSha256OfTheDocumentedCanonicalEncodingUnderTheDerivedChainKey() {
    AuditEvent event =
        trail.record(
            AuditEntry.of(AuditEventType.REQUEST_SUBMITTED)
                .withRequest(REQUEST, RequestType.ERASURE)
                .withCount("rows", 3)
                .withAttribute("channel", "WEB"));

    // Computed independently in Python from the encoding described in AuditHash: length-prefixed
    // UTF-8 texts, big-endian numbers, a presence byte before each optional part, maps by size then
    // name order; HMAC-SHA256 under HMAC-SHA256(pseudonymisation key, "lethe-audit-chain-key-v1").
    assertThat(event.hash())
        .isEqualTo("0ff3c6229f7e960b060cc555e9c04a4ec092d90be2aca0473c4bc9a7b96e19fe");
  }

  @Test
  @DisplayName("Art. 4(5): the recorded event names the subject by its pseudonym only")
  void theSubjectIsRecordedByPseudonym() {
    AuditEvent event = trail.record(AuditEntry.of(AuditEventType.SUBJECT_ERASED).withSubject(ADA));

    assertThat(event.subject())
        .contains(pseudonymizer.pseudonymize(ADA))
        .contains(trail.pseudonymOf(ADA));
    assertThat(event.toString()).doesNotContain("ada@example.com");
  }

  @Test
  void anEmptyOrUntouchedTrailIsIntact() {
    assertThat(trail.verify()).isEqualTo(AuditVerification.intact(0));

    trail.record(AuditEntry.of(AuditEventType.DATA_EXPORTED));
    trail.record(
        AuditEntry.of(AuditEventType.SUBJECT_ERASED).withSubject(ADA).withCount("rows", 2));

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
  @DisplayName(
      "Art. 5(2): two trails on one sink, as two replicas have, extend one chain without a fork")
  void twoTrailsOnOneSinkExtendOneChain() {
    AuditTrail other = AuditTrail.of(sink, pseudonymizer, clock);

    AuditEvent first = trail.record(AuditEntry.of(AuditEventType.REQUEST_SUBMITTED));
    AuditEvent second = other.record(AuditEntry.of(AuditEventType.REQUEST_CANCELLED));
    AuditEvent third = trail.record(AuditEntry.of(AuditEventType.REQUEST_SUBMITTED));

    assertThat(List.of(first.sequence(), second.sequence(), third.sequence()))
        .containsExactly(1L, 2L, 3L);
    assertThat(second.previousHash()).isEqualTo(first.hash());
    assertThat(third.previousHash()).isEqualTo(second.hash());
    assertThat(trail.verify()).isEqualTo(AuditVerification.intact(3));
    assertThat(other.verify()).isEqualTo(AuditVerification.intact(3));
  }

  @Test
  @DisplayName("Art. 5(2): a trail with another chain key finds every event altered")
  void anotherChainKeyDoesNotVerify() {
    trail.record(AuditEntry.of(AuditEventType.REQUEST_SUBMITTED));

    AuditTrail otherKey =
        AuditTrail.builder(sink, pseudonymizer)
            .clock(clock)
            .chainKey(
                new byte[] {
                  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
                  24, 25, 26, 27, 28, 29, 30, 31, 32
                })
            .build();

    assertThat(otherKey.verify().firstBreak())
        .contains(new AuditVerification.Break(1, AuditVerification.Kind.ALTERED));
    assertThatThrownBy(() -> AuditTrail.builder(sink, pseudonymizer).chainKey(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }

  @Test
  @DisplayName(
      "Art. 5(2): after a restart, a checkpoint kept elsewhere shows events removed from the end")
  void aCheckpointShowsTruncationAfterARestart() {
    TamperableAuditSink tamperable = new TamperableAuditSink();
    AuditTrail before = AuditTrail.of(tamperable, pseudonymizer, clock);
    before.record(AuditEntry.of(AuditEventType.REQUEST_SUBMITTED));
    before.record(AuditEntry.of(AuditEventType.REQUEST_FULFILLED));
    AuditCheckpoint published = AuditCheckpoint.parse(before.checkpoint().toString());
    tamperable.remove(1);

    AuditTrail restarted = AuditTrail.of(tamperable, pseudonymizer, clock);

    assertThat(published.sequence()).isEqualTo(2);
    assertThat(restarted.verify().isIntact()).isTrue();
    assertThat(restarted.verify(published).firstBreak())
        .contains(new AuditVerification.Break(2, AuditVerification.Kind.TRUNCATED));
  }

  @Test
  @DisplayName("Art. 5(2): a checkpoint shows a suffix re-chained by someone holding the key")
  void aCheckpointShowsARechainedSuffix() {
    TamperableAuditSink tamperable = new TamperableAuditSink();
    AuditTrail before = AuditTrail.of(tamperable, pseudonymizer, clock);
    before.record(AuditEntry.of(AuditEventType.REQUEST_SUBMITTED));
    AuditCheckpoint published = before.checkpoint();
    // An insider with the key drops the event and writes another in its place, validly chained.
    tamperable.remove(0);
    AuditTrail.of(tamperable, pseudonymizer, clock)
        .record(AuditEntry.of(AuditEventType.REQUEST_CANCELLED));

    AuditTrail restarted = AuditTrail.of(tamperable, pseudonymizer, clock);

    assertThat(restarted.verify().isIntact()).isTrue();
    assertThat(restarted.verify(published).firstBreak())
        .contains(new AuditVerification.Break(1, AuditVerification.Kind.ALTERED));
  }

  @Test
  @DisplayName(
      "Art. 5(2): verification resumes from a checkpoint and checks only the events after it")
  void verificationResumesFromACheckpoint() {
    trail.record(AuditEntry.of(AuditEventType.REQUEST_SUBMITTED));
    AuditCheckpoint checkpoint = trail.checkpoint();
    trail.record(AuditEntry.of(AuditEventType.REQUEST_FULFILLED));
    trail.record(AuditEntry.of(AuditEventType.REQUEST_COMPLETED));

    assertThat(trail.verifyFrom(checkpoint)).isEqualTo(AuditVerification.intact(3));
    assertThat(trail.checkpoint().sequence()).isEqualTo(3);
    assertThat(trail.verifyFrom(new AuditCheckpoint(1, "e".repeat(64))).firstBreak())
        .contains(new AuditVerification.Break(2, AuditVerification.Kind.CHAIN_BROKEN));
  }

  @Test
  void aCheckpointReadsBackFromItsText() {
    AuditCheckpoint checkpoint = new AuditCheckpoint(42, "ab".repeat(32));

    assertThat(AuditCheckpoint.parse(checkpoint.toString())).isEqualTo(checkpoint);
    assertThatThrownBy(() -> AuditCheckpoint.parse("nonsense"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditCheckpoint.parse("x:" + "a".repeat(64)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countsAndAttributesAreCheckedAndSortedByName() {
    AuditEntry entry =
        AuditEntry.of(AuditEventType.SUBJECT_ERASED).withCount("zeta", 1).withCount("alpha", 2);

    assertThat(List.copyOf(entry.counts().keySet())).containsExactly("alpha", "zeta");
    assertThatThrownBy(() -> entry.withCount("rows", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rows");
    assertThatThrownBy(() -> entry.withAttribute(" ", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(entry.requestId()).isEqualTo(Optional.empty());
  }
}
