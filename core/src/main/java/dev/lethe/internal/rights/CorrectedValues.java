package dev.lethe.internal.rights;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Corrected values as a notice carries them between services, as text: written by the coordinator,
 * read by a participant as the type of its own attribute, which need not be the coordinator's.
 */
public final class CorrectedValues {

  private static final Map<Class<?>, Function<String, Object>> READERS = Map.ofEntries(
      Map.entry(Integer.class, Integer::valueOf), Map.entry(int.class, Integer::valueOf),
      Map.entry(Long.class, Long::valueOf), Map.entry(long.class, Long::valueOf),
      Map.entry(Short.class, Short::valueOf), Map.entry(short.class, Short::valueOf),
      Map.entry(Double.class, Double::valueOf), Map.entry(double.class, Double::valueOf),
      Map.entry(Float.class, Float::valueOf), Map.entry(float.class, Float::valueOf),
      Map.entry(Boolean.class, CorrectedValues::bool), Map.entry(boolean.class, CorrectedValues::bool),
      Map.entry(BigDecimal.class, BigDecimal::new), Map.entry(BigInteger.class, BigInteger::new),
      Map.entry(LocalDate.class, LocalDate::parse), Map.entry(LocalDateTime.class, LocalDateTime::parse),
      Map.entry(LocalTime.class, LocalTime::parse), Map.entry(Instant.class, Instant::parse),
      Map.entry(OffsetDateTime.class, OffsetDateTime::parse), Map.entry(ZonedDateTime.class, ZonedDateTime::parse),
      Map.entry(UUID.class, UUID::fromString));

  private CorrectedValues() {
  }

  /** {@code value} as text: its ISO-8601 form for a date or time, the constant's name for an enum. */
  public static @Nullable String text(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    return value.toString();
  }

  /**
   * {@code text} read as a value of {@code type}, or empty if it cannot be: a type other than text,
   * numbers, booleans, UUIDs, dates and times and enums, or text that is not such a value.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Optional<Object> read(String text, Class<?> type) {
    try {
      if (type == String.class || type == CharSequence.class || type == Object.class) {
        return Optional.of(text);
      }
      if (type.isEnum()) {
        return Optional.of(Enum.valueOf((Class) type, text));
      }
      if ((type == Character.class || type == char.class) && text.length() == 1) {
        return Optional.of(text.charAt(0));
      }
      return Optional.ofNullable(READERS.get(type)).map(reader -> reader.apply(text));
    } catch (RuntimeException e) {
      // Not chained or quoted: the text is personal data.
      return Optional.empty();
    }
  }

  private static Boolean bool(String text) {
    if (!text.equals("true") && !text.equals("false")) {
      throw new IllegalArgumentException("not a boolean");
    }
    return Boolean.valueOf(text);
  }
}
