package dev.lethe.audit;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The outcome of {@link AuditTrail#verify()}: whether the audit trail is intact, and if not, where
 * it first breaks. An intact trail is evidence that no event was changed, removed or reordered
 * since it was recorded (Art. 5(2)).
 *
 * @param checkedEvents how many events, from the first, were found intact
 * @param firstBreak the first place where the trail breaks, or empty if it is intact
 */
public record AuditVerification(long checkedEvents, Optional<Break> firstBreak) {

  public AuditVerification {
    requireNonNull(firstBreak, "firstBreak");
  }

  /** An intact trail of {@code checkedEvents} events. */
  public static AuditVerification intact(long checkedEvents) {
    return new AuditVerification(checkedEvents, Optional.empty());
  }

  /** A trail that breaks at {@code sequence}, after {@code checkedEvents} intact events. */
  public static AuditVerification broken(long checkedEvents, long sequence, Kind kind) {
    return new AuditVerification(checkedEvents, Optional.of(new Break(sequence, kind)));
  }

  /** Whether every event is as recorded, in order, and none is missing. */
  public boolean isIntact() {
    return firstBreak.isEmpty();
  }

  /**
   * Where and how the trail breaks.
   *
   * @param sequence the sequence of the first event that is changed, missing or out of place
   * @param kind what is wrong there
   */
  public record Break(long sequence, Kind kind) {
    public Break {
      requireNonNull(kind, "kind");
    }
  }

  /** How an audit trail can break. */
  public enum Kind {
    /** The event's content no longer matches its hash: it was changed. */
    ALTERED,
    /** The event with this sequence is not where it belongs: an event was removed, inserted or reordered. */
    OUT_OF_SEQUENCE,
    /** The event does not link to the one before: that one was replaced together with its hash. */
    CHAIN_BROKEN,
    /** Events the trail recorded are gone from its end. */
    TRUNCATED
  }
}
