package dev.lethe.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Column conversions shared by the stores. */
public final class Columns {

  /** Nine fraction digits: exact to the nanosecond, and text order is time order. */
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Columns() {}

  /** An instant as stored. */
  public static String instant(Instant instant) {
    return INSTANT.format(instant);
  }

  /** An optional instant as stored, or null. */
  public static @Nullable String instant(Optional<Instant> instant) {
    return instant.map(Columns::instant).orElse(null);
  }

  /** The instant in {@code column}. */
  public static Instant instant(ResultSet row, String column) throws SQLException {
    return parse(row.getString(column));
  }

  /** The instant in {@code column}, if not null. */
  public static Optional<Instant> optionalInstant(ResultSet row, String column)
      throws SQLException {
    return Optional.ofNullable(row.getString(column)).map(Columns::parse);
  }

  /**
   * An instant as stored, read by position ({@code uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'}, 30
   * characters); any other text through {@link Instant#parse}. The general parser costs several
   * microseconds a value, and claiming the outbox reads three per row (issue 17).
   */
  static Instant parse(String text) {
    if (text.length() == 30
        && text.charAt(4) == '-'
        && text.charAt(7) == '-'
        && text.charAt(10) == 'T'
        && text.charAt(13) == ':'
        && text.charAt(16) == ':'
        && text.charAt(19) == '.'
        && text.charAt(29) == 'Z') {
      try {
        return LocalDateTime.of(
                digits(text, 0, 4),
                digits(text, 5, 7),
                digits(text, 8, 10),
                digits(text, 11, 13),
                digits(text, 14, 16),
                digits(text, 17, 19),
                digits(text, 20, 29))
            .toInstant(ZoneOffset.UTC);
      } catch (DateTimeException | NumberFormatException notStoredForm) {
        // Instant.parse says what is wrong with it.
      }
    }
    return Instant.parse(text);
  }

  private static int digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        throw new NumberFormatException();
      }
    }
    return Integer.parseInt(text, from, to, 10);
  }

  /** The date in {@code column}. */
  public static LocalDate date(ResultSet row, String column) throws SQLException {
    return row.getObject(column, LocalDate.class);
  }

  /** The text in {@code column}, if not null. */
  public static Optional<String> optionalText(ResultSet row, String column) throws SQLException {
    return Optional.ofNullable(row.getString(column));
  }
}
