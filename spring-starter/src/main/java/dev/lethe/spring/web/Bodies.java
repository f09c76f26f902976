package dev.lethe.spring.web;

import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Checks on request bodies. A missing or malformed field is refused by its name alone: the value
 * sent is never echoed back, as it may be personal data.
 */
final class Bodies {

  private Bodies() {}

  /** {@code value}, or an {@link IllegalArgumentException} naming the field if it is missing or blank. */
  static <T> T required(@Nullable T value, String field) {
    if (value == null || value instanceof String text && text.isBlank()) {
      throw new IllegalArgumentException("The request body needs the field '" + field + "'");
    }
    return value;
  }

  /** The ISO-8601 instant in {@code field}, such as {@code 2025-03-03T09:00:00Z}. */
  static Instant instant(@Nullable String value, String field) {
    try {
      return Instant.parse(required(value, field));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "The field '"
              + field
              + "' must be an ISO-8601 instant, such as"
              + " 2025-03-03T09:00:00Z");
    }
  }

  /** The constant of {@code type} named in {@code field}. */
  static <E extends Enum<E>> E constant(Class<E> type, @Nullable String value, String field) {
    String name = required(value, field);
    return Arrays.stream(type.getEnumConstants())
        .filter(constant -> constant.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "The field '"
                        + field
                        + "' must be one of "
                        + Arrays.toString(type.getEnumConstants())));
  }

  /** The ISO-8601 period in {@code field}, such as {@code P2M}. */
  static Period period(@Nullable String value, String field) {
    try {
      return Period.parse(required(value, field));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "The field '" + field + "' must be an ISO-8601 period, such as P2M");
    }
  }
}
