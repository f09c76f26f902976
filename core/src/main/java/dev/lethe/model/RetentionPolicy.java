package dev.lethe.model;

import static java.util.Objects.requireNonNull;

import dev.lethe.annotation.RetentionAction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;

/**
 * How long an entity's rows are kept (Art. 5(1)(e)): the clock starts at the value of a temporal
 * attribute and the row expires one period later, in calendar terms: a month from 31 January is
 * the last day of February. A null clock value means the clock has not started.
 *
 * @param period the positive retention period
 * @param clockAttribute the temporal attribute that starts the clock
 * @param action what happens at expiry
 * @param reason why the period is what it is, as a notice states it (Art. 13(2)(a))
 */
public record RetentionPolicy(
    Period period, String clockAttribute, RetentionAction action, String reason) {

  public RetentionPolicy {
    requireNonNull(period, "period");
    requireNonNull(clockAttribute, "clockAttribute");
    requireNonNull(action, "action");
    requireNonNull(reason, "reason");
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("Retention period " + period + " must be positive");
    }
  }

  /** The day a row expires whose clock started on {@code start}. */
  public LocalDate expiresOn(LocalDate start) {
    return start.plus(period);
  }

  /** The moment a row expires whose clock started at {@code start}. */
  public LocalDateTime expiresAt(LocalDateTime start) {
    return start.plus(period);
  }

  /** The instant a row expires whose clock started at {@code start}, counting calendar days in {@code zone}. */
  public Instant expiresAt(Instant start, ZoneId zone) {
    return start.atZone(zone).plus(period).toInstant();
  }
}
