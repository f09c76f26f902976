package dev.lethe.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;

/** Turns the value of a retention clock attribute into an instant. */
public final class ClockValues {

  private ClockValues() {}

  /** {@code value} as an instant; dates and local date-times are read in {@code zone}. */
  public static Instant toInstant(Object value, ZoneId zone) {
    if (value instanceof Instant instant) {
      return instant;
    } else if (value instanceof LocalDate date) {
      return date.atStartOfDay(zone).toInstant();
    } else if (value instanceof LocalDateTime dateTime) {
      return dateTime.atZone(zone).toInstant();
    } else if (value instanceof OffsetDateTime dateTime) {
      return dateTime.toInstant();
    } else if (value instanceof ZonedDateTime dateTime) {
      return dateTime.toInstant();
    } else if (value instanceof Date date) {
      // Not toInstant(): java.sql.Date refuses it.
      return Instant.ofEpochMilli(date.getTime());
    } else if (value instanceof Calendar calendar) {
      return calendar.toInstant();
    }
    throw new IllegalArgumentException(
        "A retention clock cannot be a " + value.getClass().getSimpleName());
  }
}
