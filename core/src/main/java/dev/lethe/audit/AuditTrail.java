package dev.lethe.audit;

import static java.util.Objects.requireNonNull;

import dev.lethe.audit.AuditVerification.Kind;
import dev.lethe.request.RequestId;
import dev.lethe.spi.Transactions;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectPseudonym;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only, hash-chained audit trail that shows what the controller did and when (Art.
 * 5(2) accountability). {@link #record} numbers each entry, stamps it with the clock's time,
 * replaces its subject by a keyed pseudonym (Art. 4(5)) and chains it to the event before with
 * HMAC-SHA256 under a key kept apart from the sink; {@link #verify()} finds a changed, removed or
 * reordered event, and nobody without the key can re-chain a rewritten suffix.
 *
 * <p>Any number of trails, in one process or in several replicas, may write to one sink at once:
 * the sink serialises their appends ({@link AuditSink#appendNext}), and the chain stays one,
 * without gaps. Each trail knows the latest head it wrote or read as a {@link #checkpoint()}, and
 * logs it at INFO every {@linkplain Builder#checkpointEvery(int) n-th} event; keep checkpoints
 * outside the audit's storage (a log, a metric), and {@link #verify(AuditCheckpoint)} shows after a
 * restart whether events up to one were removed or rewritten. Thread-safe.
 *
 * <p>The trail also carries the {@link Transactions} in which the services that audit run each
 * operation, so that the operation and its event commit together.
 */
public final class AuditTrail {

  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
  private static final String CHAIN_KEY_LABEL = "lethe-audit-chain-key-v1";

  private final AuditSink sink;
  private final Pseudonymizer pseudonymizer;
  private final Clock clock;
  private final AuditHash chain;
  private final Transactions transactions;
  private final int checkpointEvery;
  // The latest committed head this trail wrote or read.
  private final AtomicReference<AuditCheckpoint> head;

  private AuditTrail(Builder builder) {
    this.sink = builder.sink;
    this.pseudonymizer = builder.pseudonymizer;
    this.clock = builder.clock;
    this.chain =
        AuditHash.keyed(
            builder.chainKey != null
                ? builder.chainKey
                : builder.pseudonymizer.deriveKey(CHAIN_KEY_LABEL));
    this.transactions = builder.transactions;
    this.checkpointEvery = builder.checkpointEvery;
    AuditCheckpoint opened =
        sink.lastEvent().map(AuditCheckpoint::of).orElse(AuditCheckpoint.GENESIS);
    this.head = new AtomicReference<>(opened);
    LOG.info("Audit trail opened at checkpoint {}", opened);
  }

  /** Every how many events a checkpoint is logged, unless the builder says otherwise. */
  public static final int DEFAULT_CHECKPOINT_INTERVAL = 1000;

  /**
   * A trail that writes to {@code sink}, continuing the chain of the events it already holds, with
   * the chain key derived from the pseudonymizer's and no transactions of its own.
   *
   * @param pseudonymizer turns subjects into pseudonyms; keep its key for the life of the sink
   * @param clock stamps each event
   */
  public static AuditTrail of(AuditSink sink, Pseudonymizer pseudonymizer, Clock clock) {
    return builder(sink, pseudonymizer).clock(clock).build();
  }

  /**
   * A builder for a trail that writes to {@code sink}, pseudonymising subjects with {@code
   * pseudonymizer} (Art. 4(5)); keep its key for the life of the sink.
   */
  public static Builder builder(AuditSink sink, Pseudonymizer pseudonymizer) {
    return new Builder(
        requireNonNull(sink, "sink"), requireNonNull(pseudonymizer, "pseudonymizer"));
  }

  /** A trail in memory, with a random pseudonymisation key: for tests and for plain use without durable audit. */
  public static AuditTrail inMemory(Clock clock) {
    return of(AuditSink.inMemory(), Pseudonymizer.withRandomKey(), clock);
  }

  /**
   * Appends {@code entry} as the next event of the chain (Art. 5(2)): numbered, stamped with the
   * clock's time, with its subject pseudonymised and its hash chained to the event before, whichever
   * trail wrote that one. Inside an open transaction, the event commits with it.
   *
   * @return the event as recorded
   */
  public AuditEvent record(AuditEntry entry) {
    requireNonNull(entry, "entry");
    Optional<SubjectPseudonym> subject = entry.subject().map(pseudonymizer::pseudonymize);
    AuditEvent event =
        sink.appendNext(
            previous -> {
              long sequence = previous.sequence() + 1;
              Instant occurredAt = clock.instant();
              String hash =
                  chain.of(
                      sequence,
                      occurredAt,
                      entry.type(),
                      entry.requestId(),
                      entry.requestType(),
                      subject,
                      entry.counts(),
                      entry.attributes(),
                      previous.hash());
              return new AuditEvent(
                  sequence,
                  occurredAt,
                  entry.type(),
                  entry.requestId(),
                  entry.requestType(),
                  subject,
                  entry.counts(),
                  entry.attributes(),
                  previous.hash(),
                  hash);
            });
    // Only a committed event may become a checkpoint: a rolled-back sequence is written again by
    // the next event.
    transactions.afterCommit(() -> committed(AuditCheckpoint.of(event)));
    return event;
  }

  private void committed(AuditCheckpoint checkpoint) {
    // Two committed events never share a sequence; two appends of one transaction do where the
    // first was rolled back to a savepoint, and then the later one, committed after it, is kept.
    AuditCheckpoint now =
        head.accumulateAndGet(
            checkpoint, (known, seen) -> seen.sequence() >= known.sequence() ? seen : known);
    if (now == checkpoint && checkpoint.sequence() % checkpointEvery == 0) {
      // The sequence and a keyed hash: no personal data. Ship it where the audit's writers cannot
      // reach.
      LOG.info("Audit checkpoint {}", checkpoint);
    }
  }

  /**
   * The latest head this trail wrote or read, committed (Art. 5(2)): publish it outside the audit's
   * storage, and verify against it after a restart with {@link #verify(AuditCheckpoint)}.
   */
  public AuditCheckpoint checkpoint() {
    return head.get();
  }

  /**
   * The transactions the services that audit run each operation in, so that the operation and its
   * event commit together (Art. 5(2)).
   */
  public Transactions transactions() {
    return transactions;
  }

  /** Every event in sequence order (Art. 5(2)). The caller closes the stream. */
  public Stream<AuditEvent> events() {
    return sink.events();
  }

  /** The events of the rights request {@code id}, oldest first: how it was answered (Art. 5(2), 12(3)). */
  public List<AuditEvent> eventsOf(RequestId id) {
    return sink.eventsOf(requireNonNull(id, "id"));
  }

  /** The pseudonym under which {@code subject}'s events are recorded, to find them (Art. 4(5)). */
  public SubjectPseudonym pseudonymOf(SubjectIdentifier subject) {
    return pseudonymizer.pseudonymize(requireNonNull(subject, "subject"));
  }

  /**
   * Checks the whole chain (Art. 5(2)): that the events are numbered 1, 2, 3 without gaps, that each
   * one's content matches its keyed hash and links to the one before, and that none this trail
   * wrote or read is gone from the end. Streams: memory stays flat however long the chain.
   *
   * @return intact, or the sequence of the first event that was changed, removed or moved
   */
  public AuditVerification verify() {
    return verify(AuditCheckpoint.GENESIS, head.get());
  }

  /**
   * Checks the whole chain as {@link #verify()} does, and also against {@code known}, a checkpoint
   * kept outside the audit's storage: the event at its sequence must still carry its hash (else
   * {@link Kind#ALTERED}) and the chain must reach it (else {@link Kind#TRUNCATED}). After a restart,
   * this shows what the trail alone cannot (Art. 5(2)).
   */
  public AuditVerification verify(AuditCheckpoint known) {
    requireNonNull(known, "known");
    return verify(AuditCheckpoint.GENESIS, later(known, head.get()));
  }

  /**
   * Resumes a verification from {@code start}, a checkpoint an earlier verification or the log
   * vouched for: checks only the events after it, the first of which must link to its hash (Art.
   * 5(2)). The result counts the events up to {@code start} as intact.
   */
  public AuditVerification verifyFrom(AuditCheckpoint start) {
    requireNonNull(start, "start");
    return verify(start, head.get());
  }

  private static AuditCheckpoint later(AuditCheckpoint one, AuditCheckpoint other) {
    return other.sequence() > one.sequence() ? other : one;
  }

  private AuditVerification verify(AuditCheckpoint start, AuditCheckpoint known) {
    long expectedSequence = start.sequence() + 1;
    String previousHash = start.hash();
    @Nullable AuditCheckpoint reached = null;
    try (Stream<AuditEvent> events = sink.eventsFrom(expectedSequence)) {
      for (Iterator<AuditEvent> it = events.iterator(); it.hasNext(); expectedSequence++) {
        AuditEvent event = it.next();
        long checked = expectedSequence - 1;
        if (event.sequence() != expectedSequence) {
          return AuditVerification.broken(checked, expectedSequence, Kind.OUT_OF_SEQUENCE);
        }
        if (!event.previousHash().equals(previousHash)) {
          return AuditVerification.broken(checked, event.sequence(), Kind.CHAIN_BROKEN);
        }
        // The head check catches the last event replaced together with its hash: no successor links
        // to it.
        boolean replacedHead =
            event.sequence() == known.sequence() && !event.hash().equals(known.hash());
        if (!event.hash().equals(chain.of(event)) || replacedHead) {
          return AuditVerification.broken(checked, event.sequence(), Kind.ALTERED);
        }
        previousHash = event.hash();
        reached = AuditCheckpoint.of(event);
      }
    }
    long checked = expectedSequence - 1;
    if (checked < known.sequence()) {
      return AuditVerification.broken(checked, expectedSequence, Kind.TRUNCATED);
    }
    if (reached != null) {
      committed(reached);
    }
    return AuditVerification.intact(checked);
  }

  /**
   * Configures an {@link AuditTrail}. Defaults: the system UTC clock, a chain key derived from the
   * pseudonymizer's key, no transactions of its own, and a checkpoint logged every 1000 events.
   */
  public static final class Builder {

    private final AuditSink sink;
    private final Pseudonymizer pseudonymizer;
    private Clock clock = Clock.systemUTC();
    private byte @Nullable [] chainKey;
    private Transactions transactions = Transactions.direct();
    private int checkpointEvery = DEFAULT_CHECKPOINT_INTERVAL;

    private Builder(AuditSink sink, Pseudonymizer pseudonymizer) {
      this.sink = sink;
      this.pseudonymizer = pseudonymizer;
    }

    /** The clock that stamps each event. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The secret key of the chain's HMAC-SHA256, which is copied; at least 32 bytes. Keep it apart
     * from the sink, like the pseudonymisation key (Art. 32), and for the life of the sink. Without
     * it, a key derived from the pseudonymizer's under a label of its own is used.
     *
     * @throws IllegalArgumentException if the key is shorter than 32 bytes
     */
    public Builder chainKey(byte[] chainKey) {
      requireNonNull(chainKey, "chainKey");
      AuditHash.keyed(chainKey);
      this.chainKey = chainKey.clone();
      return this;
    }

    /**
     * The transactions in which services that audit run each operation, so that the operation and
     * its event commit together (Art. 5(2)): such as {@code JdbcTransactions} over the sink's DataSource.
     */
    public Builder transactions(Transactions transactions) {
      this.transactions = requireNonNull(transactions, "transactions");
      return this;
    }

    /**
     * Logs the head as a checkpoint at INFO whenever an event's sequence is a multiple of {@code
     * events}, so that the log keeps the chain's head outside the audit's storage (Art. 5(2)).
     *
     * @throws IllegalArgumentException if {@code events} is not positive
     */
    public Builder checkpointEvery(int events) {
      if (events < 1) {
        throw new IllegalArgumentException("checkpointEvery must be positive, but is " + events);
      }
      this.checkpointEvery = events;
      return this;
    }

    /** The trail, continuing the chain the sink holds. */
    public AuditTrail build() {
      return new AuditTrail(this);
    }
  }
}
