package dev.lethe.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.audit.AuditVerification.Kind;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectPseudonym;
import dev.lethe.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class AuditChainPropertiesTest {

  @Property
  @Label("Art. 5(2): the chain verifies after any sequence of recorded events")
  void anUntouchedChainVerifies(@ForAll("entries") @Size(max = 30) List<AuditEntry> entries) {
    TamperableAuditSink sink = new TamperableAuditSink();
    record(entries, sink);

    assertThat(
            AuditTrail.of(
                    sink,
                    Pseudonymizer.withKey(new byte[32]),
                    MutableClock.at("2025-01-01T00:00:00Z"))
                .verify())
        .isEqualTo(AuditVerification.intact(entries.size()));
  }

  @Property
  @Label("Art. 5(2): changing, removing or reordering any one event is detected where it happened")
  void anyTamperingIsDetected(
      @ForAll("entries") @Size(min = 2, max = 30) List<AuditEntry> entries,
      @ForAll Tampering tampering,
      @ForAll Change change,
      @ForAll @IntRange(max = 1000) int position,
      @ForAll @IntRange(max = 1000) int offset) {
    TamperableAuditSink sink = new TamperableAuditSink();
    AuditTrail trail = record(entries, sink);
    int last = sink.size() - 1;
    int at = position % sink.size();

    AuditVerification.Break expected =
        switch (tampering) {
          case CHANGE -> {
            sink.replace(at, change::apply);
            yield new AuditVerification.Break(at + 1, Kind.ALTERED);
          }
          case CHANGE_AND_REHASH -> {
            // Without the chain key, the rewritten event's own hash no longer checks out.
            sink.replace(at, event -> rehash(change.apply(event)));
            yield new AuditVerification.Break(at + 1, Kind.ALTERED);
          }
          case RECHAIN_SUFFIX -> {
            // Rewriting an event and re-chaining every later one needs the key, too.
            sink.replace(at, event -> rehash(change.apply(event)));
            for (int i = at + 1; i <= last; i++) {
              String previous = sink.get(i - 1).hash();
              sink.replace(i, event -> rehash(withPrevious(event, previous)));
            }
            yield new AuditVerification.Break(at + 1, Kind.ALTERED);
          }
          case REMOVE -> {
            sink.remove(at);
            yield new AuditVerification.Break(
                at + 1, at == last ? Kind.TRUNCATED : Kind.OUT_OF_SEQUENCE);
          }
          case SWAP -> {
            int other = (at + 1 + offset % last) % sink.size();
            sink.swap(at, other);
            yield new AuditVerification.Break(Math.min(at, other) + 1, Kind.OUT_OF_SEQUENCE);
          }
        };

    AuditVerification verification = trail.verify();
    assertThat(verification.isIntact()).isFalse();
    assertThat(verification.firstBreak()).contains(expected);
    assertThat(verification.checkedEvents()).isEqualTo(expected.sequence() - 1);
  }

  private static AuditTrail record(List<AuditEntry> entries, TamperableAuditSink sink) {
    MutableClock clock = MutableClock.at("2025-01-01T00:00:00Z");
    AuditTrail trail = AuditTrail.of(sink, Pseudonymizer.withKey(new byte[32]), clock);
    for (AuditEntry entry : entries) {
      trail.record(entry);
      clock.advance(Duration.ofMinutes(7));
    }
    return trail;
  }

  enum Tampering {
    CHANGE,
    CHANGE_AND_REHASH,
    RECHAIN_SUFFIX,
    REMOVE,
    SWAP
  }

  /** Ways to change one event's content. */
  enum Change {
    TIME {
      @Override
      AuditEvent apply(AuditEvent e) {
        return copy(
            e, e.occurredAt().plusNanos(1), e.type(), e.subject(), e.counts(), e.attributes());
      }
    },
    TYPE {
      @Override
      AuditEvent apply(AuditEvent e) {
        AuditEventType other =
            AuditEventType.values()[(e.type().ordinal() + 1) % AuditEventType.values().length];
        return copy(e, e.occurredAt(), other, e.subject(), e.counts(), e.attributes());
      }
    },
    SUBJECT {
      @Override
      AuditEvent apply(AuditEvent e) {
        Optional<SubjectPseudonym> other =
            e.subject().isPresent()
                ? Optional.empty()
                : Optional.of(new SubjectPseudonym("f".repeat(64)));
        return copy(e, e.occurredAt(), e.type(), other, e.counts(), e.attributes());
      }
    },
    COUNT {
      @Override
      AuditEvent apply(AuditEvent e) {
        Map<String, Long> counts = new HashMap<>(e.counts());
        counts.merge("rows", 1L, Long::sum);
        return copy(e, e.occurredAt(), e.type(), e.subject(), counts, e.attributes());
      }
    },
    ATTRIBUTE {
      @Override
      AuditEvent apply(AuditEvent e) {
        Map<String, String> attributes = new HashMap<>(e.attributes());
        attributes.merge("note", "tampered", String::concat);
        return copy(e, e.occurredAt(), e.type(), e.subject(), e.counts(), attributes);
      }
    };

    abstract AuditEvent apply(AuditEvent event);

    private static AuditEvent copy(
        AuditEvent e,
        Instant occurredAt,
        AuditEventType type,
        Optional<SubjectPseudonym> subject,
        Map<String, Long> counts,
        Map<String, String> attributes) {
      return new AuditEvent(
          e.sequence(),
          occurredAt,
          type,
          e.requestId(),
          e.requestType(),
          subject,
          counts,
          attributes,
          e.previousHash(),
          e.hash());
    }
  }

  // The attacker can edit the sink but does not hold the chain key: they hash with a key of their
  // own.
  private static final AuditHash ATTACKERS_HASH =
      AuditHash.keyed("attacker's own key, not the trail's".getBytes(StandardCharsets.UTF_8));

  private static AuditEvent rehash(AuditEvent e) {
    return new AuditEvent(
        e.sequence(),
        e.occurredAt(),
        e.type(),
        e.requestId(),
        e.requestType(),
        e.subject(),
        e.counts(),
        e.attributes(),
        e.previousHash(),
        ATTACKERS_HASH.of(e));
  }

  private static AuditEvent withPrevious(AuditEvent e, String previousHash) {
    return new AuditEvent(
        e.sequence(),
        e.occurredAt(),
        e.type(),
        e.requestId(),
        e.requestType(),
        e.subject(),
        e.counts(),
        e.attributes(),
        previousHash,
        e.hash());
  }

  @Provide
  Arbitrary<List<AuditEntry>> entries() {
    Arbitrary<Optional<RequestId>> requestIds =
        Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
            .as((high, low) -> new RequestId(new UUID(high, low)))
            .optional(0.7);
    Arbitrary<Optional<SubjectIdentifier>> subjects =
        Arbitraries.of("ada@example.com", "bob@example.com", "42")
            .map(
                value ->
                    new SubjectIdentifier("customer", value.contains("@") ? "email" : "id", value))
            .optional(0.7);
    Arbitrary<Map<String, Long>> counts =
        Arbitraries.maps(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
                Arbitraries.longs().between(0, 1_000_000))
            .ofMaxSize(3);
    Arbitrary<Map<String, String>> attributes =
        Arbitraries.maps(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().ofMaxLength(12))
            .ofMaxSize(3);
    return Combinators.combine(
            Arbitraries.of(AuditEventType.class),
            requestIds,
            Arbitraries.of(RequestType.class),
            subjects,
            counts,
            attributes)
        .as(
            (type, requestId, requestType, subject, countMap, attributeMap) ->
                new AuditEntry(
                    type,
                    requestId,
                    requestId.map(id -> requestType),
                    subject,
                    countMap,
                    attributeMap))
        .list();
  }
}
