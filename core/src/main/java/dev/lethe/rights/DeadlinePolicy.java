package dev.lethe.rights;

import static java.util.Objects.requireNonNull;

import dev.lethe.request.RequestType;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * When a rights request is due (Art. 12(3)): within one month of receipt by default, or within a
 * shorter period the controller promises for a request type; extendable once by up to two further
 * months.
 *
 * <p>A month is a calendar month counted from the day of receipt, as {@link LocalDate#plusMonths}
 * counts it: a request received on 31 January is due on the last day of February. Immutable; the
 * {@code withX} methods return changed copies.
 */
public final class DeadlinePolicy {

  private static final Period ONE_MONTH = Period.ofMonths(1);
  private static final Period TWO_MONTHS = Period.ofMonths(2);

  /** The longest period in days that never ends after one calendar month, whatever the receipt day. */
  private static final int SHORTEST_MONTH_DAYS = 28;

  private final Map<RequestType, Period> periods;

  private DeadlinePolicy(Map<RequestType, Period> periods) {
    this.periods = periods;
  }

  /** Art. 12(3) as written: every request type is due one calendar month after receipt. */
  public static DeadlinePolicy article12() {
    Map<RequestType, Period> periods = new EnumMap<>(RequestType.class);
    for (RequestType type : RequestType.values()) {
      periods.put(type, ONE_MONTH);
    }
    return new DeadlinePolicy(periods);
  }

  /**
   * A copy in which requests of {@code type} are due {@code period} after receipt, such as a
   * promise to decide restriction requests within 28 days. Art. 12(3) sets one month as the
   * limit, so the period must be positive and never end later than one calendar month: at most one
   * month, or at most 28 days.
   *
   * @throws IllegalArgumentException if the period is not positive or could exceed one month
   */
  public DeadlinePolicy withPeriod(RequestType type, Period period) {
    requireNonNull(type, "type");
    requireNonNull(period, "period");
    if (!withinOneMonth(period)) {
      throw new IllegalArgumentException(
          "The period for "
              + type
              + " requests must be positive and end within one"
              + " calendar month of receipt (Art. 12(3)): one month or at most "
              + SHORTEST_MONTH_DAYS
              + " days, not "
              + period);
    }
    Map<RequestType, Period> changed = new EnumMap<>(periods);
    changed.put(type, period);
    return new DeadlinePolicy(changed);
  }

  private static boolean withinOneMonth(Period period) {
    if (period.isNegative() || period.isZero()) {
      return false;
    }
    long months = period.toTotalMonths();
    return months == 0
        ? period.getDays() <= SHORTEST_MONTH_DAYS
        : months == 1 && period.getDays() == 0;
  }

  /** The period within which requests of {@code type} are due (Art. 12(3)). */
  public Period period(RequestType type) {
    return periods.get(requireNonNull(type, "type"));
  }

  /** The date a request of {@code type} received on {@code receivedOn} is due (Art. 12(3)). */
  public LocalDate dueDate(RequestType type, LocalDate receivedOn) {
    return requireNonNull(receivedOn, "receivedOn").plus(period(type));
  }

  /** The longest extension Art. 12(3) allows: two further months. */
  public Period maximumExtension() {
    return TWO_MONTHS;
  }

  /** The latest date an extension may move a request due on {@code originalDueDate} to (Art. 12(3)). */
  public LocalDate latestExtendedDueDate(LocalDate originalDueDate) {
    return requireNonNull(originalDueDate, "originalDueDate").plus(TWO_MONTHS);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof DeadlinePolicy policy && periods.equals(policy.periods);
  }

  @Override
  public int hashCode() {
    return periods.hashCode();
  }

  @Override
  public String toString() {
    return "DeadlinePolicy" + periods;
  }
}
