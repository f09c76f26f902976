package dev.lethe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.annotation.RetentionAction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.constraints.DateRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

  @Property(tries = 2000)
  @Label(
      "Art. 5(1)(e): expiry = clock start + months lands on the same day, or the month's last day when it is shorter")
  void monthsLandOnTheRightCalendarDay(
      @ForAll @DateRange(min = "1900-01-01", max = "2400-12-31") LocalDate start,
      @ForAll @IntRange(min = 1, max = 240) int months) {
    RetentionPolicy policy = policy(Period.ofMonths(months));

    LocalDate expiry = policy.expiresOn(start);

    // Oracle: count months on a YearMonth, then clamp the day to that month's length.
    YearMonth target = YearMonth.from(start).plusMonths(months);
    int day = Math.min(start.getDayOfMonth(), target.lengthOfMonth());
    assertThat(expiry).isEqualTo(target.atDay(day));
  }

  @Property(tries = 2000)
  @Label(
      "Art. 5(1)(e): expiry = clock start + years keeps the date, 29 February becoming 28 February outside leap years")
  void yearsLandOnTheRightCalendarDay(
      @ForAll @DateRange(min = "1900-01-01", max = "2400-12-31") LocalDate start,
      @ForAll @IntRange(min = 1, max = 30) int years) {
    LocalDate expiry = policy(Period.ofYears(years)).expiresOn(start);

    int year = start.getYear() + years;
    boolean leapDayLost =
        start.getMonthValue() == 2 && start.getDayOfMonth() == 29 && !Year.isLeap(year);
    assertThat(expiry)
        .isEqualTo(LocalDate.of(year, start.getMonth(), leapDayLost ? 28 : start.getDayOfMonth()));
  }

  @Property(tries = 1000)
  @Label(
      "Art. 5(1)(e): a day-based period adds exactly that many days, across month ends and leap days")
  void daysAreCountedExactly(
      @ForAll @DateRange(min = "1900-01-01", max = "2400-12-31") LocalDate start,
      @ForAll @IntRange(min = 1, max = 3000) int days) {
    assertThat(policy(Period.ofDays(days)).expiresOn(start).toEpochDay())
        .isEqualTo(start.toEpochDay() + days);
  }

  @Property(tries = 1000)
  @Label(
      "Art. 5(1)(e): date-times and instants expire on the same calendar day as their date, at the same time of day")
  void timeOfDayIsKept(
      @ForAll @DateRange(min = "1970-01-01", max = "2200-12-31") LocalDate start,
      @ForAll @IntRange(min = 0, max = 86_399) int secondOfDay,
      @ForAll @IntRange(min = 1, max = 60) int months) {
    RetentionPolicy policy = policy(Period.ofMonths(months));
    LocalDateTime startedAt = start.atTime(LocalTime.ofSecondOfDay(secondOfDay));

    assertThat(policy.expiresAt(startedAt))
        .isEqualTo(policy.expiresOn(start).atTime(startedAt.toLocalTime()));
    Instant instant = startedAt.toInstant(ZoneOffset.UTC);
    assertThat(policy.expiresAt(instant, ZoneOffset.UTC))
        .isEqualTo(policy.expiresAt(startedAt).toInstant(ZoneOffset.UTC));
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): one month from 31 January is 28 February, or 29 February in a leap year")
  void endOfJanuary() {
    RetentionPolicy oneMonth = policy(Period.ofMonths(1));
    assertThat(oneMonth.expiresOn(LocalDate.of(2025, 1, 31))).isEqualTo(LocalDate.of(2025, 2, 28));
    assertThat(oneMonth.expiresOn(LocalDate.of(2024, 1, 31))).isEqualTo(LocalDate.of(2024, 2, 29));
  }

  @Test
  @DisplayName(
      "Calendar arithmetic follows the controller's zone: a month from 31 Jan 23:30 in Berlin is 28 Feb there")
  void zoneDecidesTheCalendarDay() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Instant lateJanuary = LocalDateTime.of(2025, 1, 31, 23, 30).atZone(berlin).toInstant();
    assertThat(policy(Period.ofMonths(1)).expiresAt(lateJanuary, berlin))
        .isEqualTo(LocalDateTime.of(2025, 2, 28, 23, 30).atZone(berlin).toInstant());
  }

  @Test
  @DisplayName("A period that is not positive is refused")
  void nonPositivePeriodRefused() {
    assertThatThrownBy(() -> policy(Period.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("P0D");
    assertThatThrownBy(() -> policy(Period.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static RetentionPolicy policy(Period period) {
    return new RetentionPolicy(period, "closedOn", RetentionAction.DELETE, "test");
  }
}
