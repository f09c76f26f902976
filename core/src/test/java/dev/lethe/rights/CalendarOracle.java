package dev.lethe.rights;

import java.time.LocalDate;

/**
 * Calendar arithmetic written independently of {@code java.time}'s, to check deadlines against: a
 * month later is the same day of the month, or the month's last day when it is shorter.
 */
final class CalendarOracle {

  private CalendarOracle() {}

  static LocalDate plusMonths(LocalDate date, int months) {
    int monthIndex = date.getYear() * 12 + date.getMonthValue() - 1 + months;
    int year = Math.floorDiv(monthIndex, 12);
    int month = Math.floorMod(monthIndex, 12) + 1;
    return LocalDate.of(year, month, Math.min(date.getDayOfMonth(), daysIn(year, month)));
  }

  static LocalDate plusDays(LocalDate date, long days) {
    return LocalDate.ofEpochDay(date.toEpochDay() + days);
  }

  private static int daysIn(int year, int month) {
    return switch (month) {
      case 2 -> isLeapYear(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static boolean isLeapYear(int year) {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  }
}
