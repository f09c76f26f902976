package dev.lethe.internal.housekeeping;

import dev.lethe.audit.AuditEntry;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import java.util.function.IntSupplier;

/** A clearing or deletion of Lethe's own records, audited by its count (Art. 5(1)(e), 5(2)). */
public final class AuditedHousekeeping {

  private AuditedHousekeeping() {}

  /**
   * Runs {@code change}, which returns how many records it changed, in one transaction of {@code
   * audit} with the event {@code type} counting them under {@code countName}; returns the count.
   */
  public static int run(
      AuditTrail audit, AuditEventType type, String countName, IntSupplier change) {
    return audit
        .transactions()
        .inTransaction(
            () -> {
              int count = change.getAsInt();
              // A run that changes nothing writes no event: the schedule runs daily on every
              // instance.
              if (count > 0) {
                audit.record(AuditEntry.of(type).withCount(countName, count));
              }
              return count;
            });
  }
}
