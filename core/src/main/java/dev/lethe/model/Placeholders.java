package dev.lethe.model;

import dev.lethe.law.DataCategory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns a {@code REPLACE} placeholder into a value of the attribute's type, and supplies a default
 * placeholder per type that still passes common constraints: an erased e-mail is still an e-mail.
 * Part of the SPI: a store writer erases by replacement (Art. 17(1)) with it.
 */
public final class Placeholders {

  /** The default for an erased e-mail address: well-formed, and in a domain that can never receive mail (RFC 2606). */
  public static final String ERASED_EMAIL = "erased@erased.invalid";

  /** The default for erased text. */
  public static final String ERASED_TEXT = "[erased]";

  private static final Map<Class<?>, Function<String, Object>> PARSERS =
      Map.ofEntries(
          Map.entry(String.class, text -> text),
          Map.entry(CharSequence.class, text -> text),
          Map.entry(int.class, Integer::valueOf),
          Map.entry(Integer.class, Integer::valueOf),
          Map.entry(long.class, Long::valueOf),
          Map.entry(Long.class, Long::valueOf),
          Map.entry(short.class, Short::valueOf),
          Map.entry(Short.class, Short::valueOf),
          Map.entry(byte.class, Byte::valueOf),
          Map.entry(Byte.class, Byte::valueOf),
          Map.entry(double.class, Double::valueOf),
          Map.entry(Double.class, Double::valueOf),
          Map.entry(float.class, Float::valueOf),
          Map.entry(Float.class, Float::valueOf),
          Map.entry(boolean.class, Placeholders::parseBoolean),
          Map.entry(Boolean.class, Placeholders::parseBoolean),
          Map.entry(char.class, Placeholders::parseChar),
          Map.entry(Character.class, Placeholders::parseChar),
          Map.entry(BigDecimal.class, BigDecimal::new),
          Map.entry(BigInteger.class, BigInteger::new),
          Map.entry(LocalDate.class, LocalDate::parse),
          Map.entry(LocalDateTime.class, LocalDateTime::parse),
          Map.entry(LocalTime.class, LocalTime::parse),
          Map.entry(Instant.class, Instant::parse),
          Map.entry(OffsetDateTime.class, OffsetDateTime::parse),
          Map.entry(ZonedDateTime.class, ZonedDateTime::parse),
          Map.entry(UUID.class, UUID::fromString));

  private static final Map<Class<?>, String> DEFAULTS =
      Map.ofEntries(
          Map.entry(String.class, ERASED_TEXT),
          Map.entry(CharSequence.class, ERASED_TEXT),
          Map.entry(int.class, "0"),
          Map.entry(Integer.class, "0"),
          Map.entry(long.class, "0"),
          Map.entry(Long.class, "0"),
          Map.entry(short.class, "0"),
          Map.entry(Short.class, "0"),
          Map.entry(byte.class, "0"),
          Map.entry(Byte.class, "0"),
          Map.entry(double.class, "0"),
          Map.entry(Double.class, "0"),
          Map.entry(float.class, "0"),
          Map.entry(Float.class, "0"),
          Map.entry(boolean.class, "false"),
          Map.entry(Boolean.class, "false"),
          Map.entry(char.class, "-"),
          Map.entry(Character.class, "-"),
          Map.entry(BigDecimal.class, "0"),
          Map.entry(BigInteger.class, "0"),
          Map.entry(LocalDate.class, "1970-01-01"),
          Map.entry(LocalDateTime.class, "1970-01-01T00:00"),
          Map.entry(LocalTime.class, "00:00"),
          Map.entry(Instant.class, Instant.EPOCH.toString()),
          Map.entry(OffsetDateTime.class, Instant.EPOCH.atOffset(ZoneOffset.UTC).toString()),
          Map.entry(ZonedDateTime.class, Instant.EPOCH.atZone(ZoneOffset.UTC).toString()),
          Map.entry(UUID.class, new UUID(0, 0).toString()));

  private Placeholders() {}

  /** {@code text} as a value of {@code type}, or empty if it cannot be one. */
  public static Optional<Object> convert(String text, Class<?> type) {
    if (type.isEnum()) {
      return enumConstant(text, type);
    }
    Function<String, Object> parser = PARSERS.get(type);
    if (parser == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(text));
    } catch (RuntimeException notOfThatType) {
      return Optional.empty();
    }
  }

  /** Whether {@link #convert} can turn text into values of {@code type}. */
  public static boolean parses(Class<?> type) {
    return type.isEnum() || PARSERS.containsKey(type);
  }

  /** The placeholder text used when none is stated, or empty if the type has no sensible default. */
  public static Optional<String> defaultText(Class<?> type, DataCategory category) {
    if ((type == String.class || type == CharSequence.class)
        && category.isWithin(DataCategory.EMAIL)) {
      return Optional.of(ERASED_EMAIL);
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants.length == 0
          ? Optional.empty()
          : Optional.of(((Enum<?>) constants[0]).name());
    }
    return Optional.ofNullable(DEFAULTS.get(type));
  }

  /** The value a {@code REPLACE} writes: the stated placeholder, or the type's default. */
  public static Optional<Object> replacement(
      Optional<String> placeholder, Class<?> type, DataCategory category) {
    return placeholder.or(() -> defaultText(type, category)).flatMap(text -> convert(text, type));
  }

  private static Optional<Object> enumConstant(String text, Class<?> type) {
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(text)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  private static Boolean parseBoolean(String text) {
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    throw new IllegalArgumentException("not a boolean");
  }

  private static Character parseChar(String text) {
    if (text.length() != 1) {
      throw new IllegalArgumentException("not a single character");
    }
    return text.charAt(0);
  }
}
