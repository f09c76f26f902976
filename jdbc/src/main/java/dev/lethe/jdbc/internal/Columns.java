package dev.lethe.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
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
    return Instant.parse(row.getString(column));
  }

  /** The instant in {@code column}, if not null. */
  public static Optional<Instant> optionalInstant(ResultSet row, String column)
      throws SQLException {
    return Optional.ofNullable(row.getString(column)).map(Instant::parse);
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
