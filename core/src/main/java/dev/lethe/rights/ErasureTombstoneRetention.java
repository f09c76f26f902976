package dev.lethe.rights;

import static java.util.Objects.requireNonNull;

import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.internal.housekeeping.AuditedHousekeeping;
import dev.lethe.spi.ErasureTombstoneStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage limitation of the erasures' tombstones (Art. 5(1)(e)): a tombstone, the keyed
 * pseudonym of an erased subject, is kept only while a backup taken before its erasure may still be
 * restored, for {@link DataSubjectRights#reapplyErasures} to erase the subject again (Art. 17(1));
 * then it is deleted. Give the age of the oldest backup your backup policy may restore: a tombstone
 * deleted while an older backup can still be restored lets that subject come back unnoticed.
 *
 * <p>Run it as part of the retention run; several instances may run it at once, as it is one
 * delete. Each run that deletes something is audited ({@link
 * AuditEventType#ERASURE_TOMBSTONES_DELETED}, counts only) in one transaction with the delete.
 *
 * <pre>{@code
 * ErasureTombstoneRetention.of(tombstoneStore, auditTrail, Duration.ofDays(35), clock).run();
 * }</pre>
 */
public final class ErasureTombstoneRetention {

  private static final Logger LOG = LoggerFactory.getLogger(ErasureTombstoneRetention.class);

  private final ErasureTombstoneStore store;
  private final AuditTrail audit;
  private final Duration restorableFor;
  private final Clock clock;

  private ErasureTombstoneRetention(
      ErasureTombstoneStore store, AuditTrail audit, Duration restorableFor, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.restorableFor = restorableFor;
    this.clock = clock;
  }

  /**
   * Deletes the tombstones in {@code store} of erasures older than {@code restorableFor}, as {@code
   * clock} tells, audited in {@code audit}.
   *
   * @param restorableFor how old a backup may be and still be restored
   * @param audit records each deletion (Art. 5(2)), and carries the transactions it runs in
   * @throws IllegalArgumentException if {@code restorableFor} is negative
   */
  public static ErasureTombstoneRetention of(
      ErasureTombstoneStore store, AuditTrail audit, Duration restorableFor, Clock clock) {
    requireNonNull(restorableFor, "restorableFor");
    if (restorableFor.isNegative()) {
      throw new IllegalArgumentException(
          "How long a backup may be restored cannot be negative: " + restorableFor);
    }
    return new ErasureTombstoneRetention(
        requireNonNull(store, "store"),
        requireNonNull(audit, "audit"),
        restorableFor,
        requireNonNull(clock, "clock"));
  }

  /**
   * Deletes every tombstone of an erasure before now minus the restorable age, and audits how many,
   * in one transaction; returns how many.
   */
  public int run() {
    Instant erasedBefore = clock.instant().minus(restorableFor);
    int deleted =
        AuditedHousekeeping.run(
            audit,
            AuditEventType.ERASURE_TOMBSTONES_DELETED,
            "tombstones",
            () -> store.deleteErasedBefore(erasedBefore));
    LOG.info("Lethe deleted {} erasure tombstone(s) of erasures before {}", deleted, erasedBefore);
    return deleted;
  }

  /** How old a backup may be and still be restored. */
  public Duration restorableFor() {
    return restorableFor;
  }
}
