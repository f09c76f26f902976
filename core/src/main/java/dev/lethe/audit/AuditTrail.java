package dev.lethe.audit;

import static java.util.Objects.requireNonNull;

import dev.lethe.audit.AuditVerification.Kind;
import dev.lethe.internal.audit.AuditHash;
import dev.lethe.rights.SubjectIdentifier;
import dev.lethe.spi.AuditSink;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The append-only, hash-chained audit trail that shows what the controller did and when (Art.
 * 5(2) accountability). {@link #record} numbers each entry, stamps it with the clock's time,
 * replaces its subject by a keyed pseudonym (Art. 4(5)) and chains it to the event before;
 * {@link #verify()} finds a changed, removed or reordered event.
 *
 * <p>The trail remembers the last event it wrote or found on opening, so that it also notices events
 * removed from the end. A trail reopened over a sink starts from the sink's last event; to detect
 * tampering across restarts, keep the latest hash somewhere else too. One trail should write to a
 * sink at a time: a second writer's append is refused by the sink. Thread-safe.
 */
public final class AuditTrail {

  private final AuditSink sink;
  private final Pseudonymizer pseudonymizer;
  private final Clock clock;
  // The last event this trail wrote or found: guarded by this.
  private long headSequence;
  private String headHash;

  private AuditTrail(AuditSink sink, Pseudonymizer pseudonymizer, Clock clock) {
    this.sink = sink;
    this.pseudonymizer = pseudonymizer;
    this.clock = clock;
    Optional<AuditEvent> last = sink.lastEvent();
    this.headSequence = last.map(AuditEvent::sequence).orElse(0L);
    this.headHash = last.map(AuditEvent::hash).orElse(AuditEvent.GENESIS_HASH);
  }

  /**
   * A trail that writes to {@code sink}, continuing the chain of the events it already holds.
   *
   * @param pseudonymizer turns subjects into pseudonyms; keep its key for the life of the sink
   * @param clock stamps each event
   */
  public static AuditTrail of(AuditSink sink, Pseudonymizer pseudonymizer, Clock clock) {
    return new AuditTrail(requireNonNull(sink, "sink"), requireNonNull(pseudonymizer, "pseudonymizer"),
        requireNonNull(clock, "clock"));
  }

  /** A trail in memory, with a random pseudonymisation key: for tests and for plain use without durable audit. */
  public static AuditTrail inMemory(Clock clock) {
    return of(AuditSink.inMemory(), Pseudonymizer.withRandomKey(), clock);
  }

  /**
   * Appends {@code entry} as the next event of the chain (Art. 5(2)): numbered, stamped with the
   * clock's time, with its subject pseudonymised and its hash chained to the event before.
   *
   * @return the event as recorded
   */
  public synchronized AuditEvent record(AuditEntry entry) {
    requireNonNull(entry, "entry");
    long sequence = headSequence + 1;
    Instant occurredAt = clock.instant();
    Optional<SubjectPseudonym> subject = entry.subject().map(pseudonymizer::pseudonymize);
    String hash = AuditHash.of(sequence, occurredAt, entry.type(), entry.requestId(), entry.requestType(), subject,
        entry.counts(), entry.attributes(), headHash);
    AuditEvent event = new AuditEvent(sequence, occurredAt, entry.type(), entry.requestId(), entry.requestType(),
        subject, entry.counts(), entry.attributes(), headHash, hash);
    sink.append(event);
    headSequence = sequence;
    headHash = hash;
    return event;
  }

  /** Every event in sequence order (Art. 5(2)). The caller closes the stream. */
  public Stream<AuditEvent> events() {
    return sink.events();
  }

  /** The pseudonym under which {@code subject}'s events are recorded, to find them (Art. 4(5)). */
  public SubjectPseudonym pseudonymOf(SubjectIdentifier subject) {
    return pseudonymizer.pseudonymize(requireNonNull(subject, "subject"));
  }

  /**
   * Checks the whole chain (Art. 5(2)): that the events are numbered 1, 2, 3 without gaps, that each
   * one's content matches its hash and links to the one before, and that none this trail recorded
   * is gone from the end.
   *
   * @return intact, or the sequence of the first event that was changed, removed or moved
   */
  public AuditVerification verify() {
    long knownHeadSequence;
    String knownHeadHash;
    synchronized (this) {
      knownHeadSequence = headSequence;
      knownHeadHash = headHash;
    }
    long expectedSequence = 1;
    String previousHash = AuditEvent.GENESIS_HASH;
    try (Stream<AuditEvent> events = sink.events()) {
      for (Iterator<AuditEvent> it = events.iterator(); it.hasNext(); expectedSequence++) {
        AuditEvent event = it.next();
        long checked = expectedSequence - 1;
        if (event.sequence() != expectedSequence) {
          return AuditVerification.broken(checked, expectedSequence, Kind.OUT_OF_SEQUENCE);
        }
        if (!event.previousHash().equals(previousHash)) {
          return AuditVerification.broken(checked, event.sequence(), Kind.CHAIN_BROKEN);
        }
        // The head check catches the last event replaced together with its hash: no successor links to it.
        boolean replacedHead = event.sequence() == knownHeadSequence && !event.hash().equals(knownHeadHash);
        if (!event.hash().equals(AuditHash.of(event)) || replacedHead) {
          return AuditVerification.broken(checked, event.sequence(), Kind.ALTERED);
        }
        previousHash = event.hash();
      }
    }
    long checked = expectedSequence - 1;
    if (checked < knownHeadSequence) {
      return AuditVerification.broken(checked, expectedSequence, Kind.TRUNCATED);
    }
    return AuditVerification.intact(checked);
  }
}
