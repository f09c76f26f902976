package dev.lethe.outbox;

import static java.util.Objects.requireNonNull;

import dev.lethe.audit.AuditEntry;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.internal.housekeeping.AuditedHousekeeping;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxEntry;
import dev.lethe.spi.OutboxStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is done to the {@link Outbox} besides delivering (Art. 19, Art. 5(1)(e), Art. 5(2)): an
 * administrator's retry of dead messages, and the outbox's own storage limitation, run on the same
 * schedule as the clearing of closed requests' identities.
 *
 * <p>An administrator's retries are audited ({@link AuditEventType#OUTBOX_MESSAGES_RETRIED}).
 *
 * <p>A dead message keeps its payload, which holds the subject's identity, so that an administrator
 * can retry it; {@link #clearDeadIdentities()} clears it once the message has been dead for {@link
 * #DEFAULT_DEAD_IDENTITY_RETENTION} (or the period configured). The message then stays dead, with its
 * key, destination and times, as the record of a notice that never arrived, and can no longer be
 * retried. Each clearing is audited ({@link AuditEventType#OUTBOX_IDENTITIES_CLEARED}, counts only),
 * in one transaction with the change. Delivered messages hold no personal data but would pile up for
 * ever: {@link #purgeDelivered()} deletes those delivered longer than {@link
 * #DEFAULT_DELIVERED_RETENTION} ago, in batches, and audits how many ({@link
 * AuditEventType#OUTBOX_DELIVERED_PURGED}).
 *
 * <p>Several instances may run it at once: clearing is one conditional update, and the outbox's
 * deletions skip the rows another instance holds. Thread-safe; keeps no state.
 *
 * <pre>{@code
 * OutboxAdministration administration = OutboxAdministration.builder(outbox, auditTrail).clock(clock).build();
 * administration.clearDeadIdentities();   // on a schedule, e.g. with the retention run
 * administration.purgeDelivered();
 * }</pre>
 */
public final class OutboxAdministration {

  /**
   * How long a dead message keeps its payload by default: 30 days. A message is dead only after the
   * dispatcher's maximum age (3 days by default) of failed attempts, and shows in the gauges, the
   * actuator endpoint and the admin API from then on; 30 days leave an administrator a month to
   * repair the recipient's side and retry, after which a notice held for a retry nobody made is no
   * reason to keep the identity (Art. 5(1)(e)).
   */
  public static final Duration DEFAULT_DEAD_IDENTITY_RETENTION = Duration.ofDays(30);

  /**
   * How long a delivered message stays by default: 30 days. It holds no personal data (its payload
   * is cleared on delivery), only its idempotency key, destination and times; while it stays, notifying
   * again of the same change writes no second message (Art. 19 is told once), so it is kept well past
   * the time an operation may be repeated, then deleted so that the table does not grow for ever. The
   * audit's {@link AuditEventType#RECIPIENT_NOTIFIED} events remain the proof of delivery (Art. 5(2)).
   */
  public static final Duration DEFAULT_DELIVERED_RETENTION = Duration.ofDays(30);

  private static final Logger LOG = LoggerFactory.getLogger(OutboxAdministration.class);

  private final Outbox outbox;
  private final AuditTrail audit;
  private final Clock clock;
  private final Duration deadIdentityRetention;
  private final Duration deliveredRetention;
  private final int batchSize;

  private OutboxAdministration(Builder builder) {
    this.outbox = builder.outbox;
    this.audit = builder.audit;
    this.clock = builder.clock;
    this.deadIdentityRetention = builder.deadIdentityRetention;
    this.deliveredRetention = builder.deliveredRetention;
    this.batchSize = builder.batchSize;
  }

  /**
   * A builder for the administration of {@code outbox}, audited in {@code audit}.
   *
   * @param audit records what is changed (Art. 5(2)), and carries the transactions it runs in
   */
  public static Builder builder(Outbox outbox, AuditTrail audit) {
    return new Builder(requireNonNull(outbox, "outbox"), requireNonNull(audit, "audit"));
  }

  /** What became of an administrator's retry of one dead message. */
  public enum RetryOutcome {
    /** The message is pending again, due at once, with a new maximum age. */
    RETRIED,
    /** No message has that id. */
    NOT_FOUND,
    /** The message is not dead: pending or delivered. */
    NOT_DEAD,
    /**
     * The message is dead and its payload, the subject's identity, was cleared after the retention of
     * dead messages: it can never be delivered again.
     */
    IDENTITY_CLEARED
  }

  /**
   * Makes the dead message {@code id} due again, with a new maximum age (Art. 19), unless its
   * payload was cleared; a retry is audited ({@link AuditEventType#OUTBOX_MESSAGES_RETRIED}) in one
   * transaction with it.
   */
  public RetryOutcome retryDead(UUID id) {
    requireNonNull(id, "id");
    return audit
        .transactions()
        .inTransaction(
            () -> {
              if (outbox.retryDead(id, clock.instant())) {
                // The outbox's own random id names the message: no personal data, and the key's
                // request id stays out.
                audit.record(
                    AuditEntry.of(AuditEventType.OUTBOX_MESSAGES_RETRIED)
                        .withCount("messages", 1)
                        .withAttribute("message", id.toString()));
                return RetryOutcome.RETRIED;
              }
              Optional<OutboxEntry> entry = outbox.find(id);
              if (entry.isEmpty()) {
                return RetryOutcome.NOT_FOUND;
              }
              return entry.get().status() == OutboxStatus.DEAD
                  ? RetryOutcome.IDENTITY_CLEARED
                  : RetryOutcome.NOT_DEAD;
            });
  }

  /**
   * Makes every dead message that still has its payload due again (Art. 19), and audits how many in
   * one transaction with it; returns how many.
   */
  public int retryAllDead() {
    return audit
        .transactions()
        .inTransaction(
            () -> {
              int retried = outbox.retryAllDead(clock.instant());
              if (retried > 0) {
                audit.record(
                    AuditEntry.of(AuditEventType.OUTBOX_MESSAGES_RETRIED)
                        .withCount("messages", retried));
              }
              return retried;
            });
  }

  /**
   * Clears the payload of every message dead for longer than the retention of dead messages (Art.
   * 5(1)(e)), and audits how many, in one transaction; returns how many.
   */
  public int clearDeadIdentities() {
    Instant deadBefore = clock.instant().minus(deadIdentityRetention);
    int cleared =
        AuditedHousekeeping.run(
            audit,
            AuditEventType.OUTBOX_IDENTITIES_CLEARED,
            "messages",
            () -> outbox.clearDeadPayloads(deadBefore));
    LOG.info(
        "Lethe cleared the identity of {} dead outbox message(s) dead since before {}",
        cleared,
        deadBefore);
    return cleared;
  }

  /**
   * Deletes every message delivered longer than the retention of delivered messages ago, batch by
   * batch, each batch in a transaction of its own that skips rows another instance is deleting; then
   * audits how many (counts only). Returns how many.
   */
  public int purgeDelivered() {
    Instant deliveredBefore = clock.instant().minus(deliveredRetention);
    int purged = 0;
    int batch;
    do {
      batch = outbox.deleteDelivered(deliveredBefore, batchSize);
      purged += batch;
    } while (batch == batchSize);
    if (purged > 0) {
      audit.record(
          AuditEntry.of(AuditEventType.OUTBOX_DELIVERED_PURGED).withCount("messages", purged));
    }
    LOG.info("Lethe deleted {} outbox message(s) delivered before {}", purged, deliveredBefore);
    return purged;
  }

  /** How long a dead message keeps its payload for a retry. */
  public Duration deadIdentityRetention() {
    return deadIdentityRetention;
  }

  /** How long a delivered message stays before {@link #purgeDelivered()} deletes it. */
  public Duration deliveredRetention() {
    return deliveredRetention;
  }

  /**
   * Configures {@link OutboxAdministration}. By default: the system UTC clock, dead messages keep
   * their payload {@link #DEFAULT_DEAD_IDENTITY_RETENTION}, delivered messages stay {@link
   * #DEFAULT_DELIVERED_RETENTION}, deleted 1000 per batch.
   */
  public static final class Builder {

    private final Outbox outbox;
    private final AuditTrail audit;
    private Clock clock = Clock.systemUTC();
    private Duration deadIdentityRetention = DEFAULT_DEAD_IDENTITY_RETENTION;
    private Duration deliveredRetention = DEFAULT_DELIVERED_RETENTION;
    private int batchSize = 1000;

    private Builder(Outbox outbox, AuditTrail audit) {
      this.outbox = outbox;
      this.audit = audit;
    }

    /** The clock that stamps retries and decides what is old enough. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long a dead message keeps its payload, the subject's identity, for an administrator's
     * retry, counted from when it was declared dead (Art. 5(1)(e)).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder deadIdentityRetention(Duration retention) {
      this.deadIdentityRetention = requireNotNegative(retention, "deadIdentityRetention");
      return this;
    }

    /**
     * How long a delivered message stays, counted from its delivery, before it is deleted.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder deliveredRetention(Duration retention) {
      this.deliveredRetention = requireNotNegative(retention, "deliveredRetention");
      return this;
    }

    /**
     * How many delivered messages one transaction deletes.
     *
     * @throws IllegalArgumentException if less than 1
     */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1, but is " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /** The administration, configured. */
    public OutboxAdministration build() {
      return new OutboxAdministration(this);
    }

    private static Duration requireNotNegative(Duration duration, String name) {
      requireNonNull(duration, name);
      if (duration.isNegative()) {
        throw new IllegalArgumentException(name + " cannot be negative, but is " + duration);
      }
      return duration;
    }
  }
}
