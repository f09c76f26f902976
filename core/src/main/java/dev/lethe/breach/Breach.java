package dev.lethe.breach;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A personal-data breach as the register documents it (Art. 33(5)): what was reported, and whether
 * and when the supervisory authority (Art. 33(1)) and the subjects (Art. 34(1)) were notified.
 * Immutable: {@link BreachRegister} moves it along by saving a changed copy from the version it read.
 *
 * @param id the breach's id
 * @param report what the controller knows of it
 * @param recordedAt when it was entered in the register
 * @param authorityNotifiedAt when the supervisory authority was notified, once it is
 * @param delayReasons why the authority was notified later than 72 hours after awareness (Art. 33(1))
 * @param subjectsNotifiedAt when notices to the subjects were first written, once they are (Art. 34(1))
 * @param subjectsNotified how many subjects were sent a notice
 * @param version how many times the stored breach was changed: a store changes it only from the
 *     version it was read at, so that of two replicas moving one breach at once exactly one wins
 */
public record Breach(
    UUID id,
    BreachReport report,
    Instant recordedAt,
    Optional<Instant> authorityNotifiedAt,
    Optional<String> delayReasons,
    Optional<Instant> subjectsNotifiedAt,
    long subjectsNotified,
    long version) {

  /** The time Art. 33(1) gives to notify the supervisory authority, from awareness. */
  public static final Duration AUTHORITY_DEADLINE = Duration.ofHours(72);

  public Breach {
    requireNonNull(id, "id");
    requireNonNull(report, "report");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(authorityNotifiedAt, "authorityNotifiedAt");
    requireNonNull(delayReasons, "delayReasons");
    requireNonNull(subjectsNotifiedAt, "subjectsNotifiedAt");
    if (subjectsNotified < 0 || version < 0) {
      throw new IllegalArgumentException(
          "Breach " + id + " needs counts and a version of 0 or more");
    }
    if (delayReasons.isPresent() && authorityNotifiedAt.isEmpty()) {
      throw new IllegalArgumentException(
          "Breach " + id + " states reasons for a delay but no notification");
    }
  }

  /** When the supervisory authority must be notified by: 72 hours after awareness (Art. 33(1)). */
  public Instant authorityDeadline() {
    return report.awareAt().plus(AUTHORITY_DEADLINE);
  }

  /**
   * Whether the authority is not notified yet although it must be and the deadline has passed at
   * {@code now} (Art. 33(1)): a breach unlikely to result in a risk need not be notified.
   */
  public boolean isAuthorityOverdue(Instant now) {
    return report.risk() != Risk.UNLIKELY
        && authorityNotifiedAt.isEmpty()
        && now.isAfter(authorityDeadline());
  }

  /** Whether the authority was notified after the deadline (Art. 33(1)). */
  public boolean wasNotifiedLate() {
    return authorityNotifiedAt.map(at -> at.isAfter(authorityDeadline())).orElse(false);
  }

  /** This breach at {@code version}: the next version is what a store's conditional update writes. */
  public Breach withVersion(long version) {
    return new Breach(
        id,
        report,
        recordedAt,
        authorityNotifiedAt,
        delayReasons,
        subjectsNotifiedAt,
        subjectsNotified,
        version);
  }

  /** The risk the controller assesses the breach to pose to people's rights and freedoms (Art. 33(1), 34(1)). */
  public enum Risk {
    /** Unlikely to result in a risk: documented (Art. 33(5)), notified to no one (Art. 33(1)). */
    UNLIKELY,
    /** A risk: the supervisory authority is notified (Art. 33(1)). */
    RISK,
    /** A high risk: the authority and the subjects are notified (Art. 33(1), 34(1)). */
    HIGH
  }
}
