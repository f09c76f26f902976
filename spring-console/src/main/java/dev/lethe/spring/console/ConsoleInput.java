package dev.lethe.spring.console;

import dev.lethe.request.RequestId;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads the console's form fields and parameters, refusing bad ones with a message that echoes nothing. */
final class ConsoleInput {

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** A short label, such as how an identity was checked. */
  static final int LABEL_LENGTH = 100;

  private final int maxTextLength;
  private final int maxIdentityLength;

  ConsoleInput(int maxTextLength, int maxIdentityLength) {
    this.maxTextLength = maxTextLength;
    this.maxIdentityLength = maxIdentityLength;
  }

  static RequestId requestId(String text) {
    return new RequestId(uuid(text, "request"));
  }

  /** The id of a {@code thing}, such as a request or a legal hold. */
  static UUID uuid(String text, String thing) {
    if (!UUID_TEXT.matcher(text).matches()) {
      throw new ConsoleInputException(
          "That is not a "
              + thing
              + " id: a "
              + thing
              + " id is a UUID such as"
              + " 123e4567-e89b-12d3-a456-426614174000.");
    }
    return UUID.fromString(text);
  }

  /** {@code text} if it is one of {@code choices}, as a form's list offers them. */
  static String oneOf(@Nullable String text, List<String> choices, String field) {
    if (text == null || text.isBlank()) {
      throw new ConsoleInputException("Choose a " + field + ".");
    }
    if (!choices.contains(text)) {
      throw new ConsoleInputException("Unknown " + field + ": choose one of the list.");
    }
    return text;
  }

  /** The constant of {@code type} named {@code text}; null when blank, meaning "any". */
  static <E extends Enum<E>> @Nullable E choice(
      @Nullable String text, Class<E> type, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new ConsoleInputException("Unknown " + field + ": choose one of the list.");
    }
  }

  static <E extends Enum<E>> E required(@Nullable String text, Class<E> type, String field) {
    E value = choice(text, type, field);
    if (value == null) {
      throw new ConsoleInputException("Choose a " + field + ".");
    }
    return value;
  }

  /** A form's date and time ({@code 2026-12-01T09:30}, as {@code datetime-local} sends it), read in {@code zone}. */
  static Instant dateTime(@Nullable String text, String field, ZoneId zone) {
    if (text == null || text.isBlank()) {
      throw new ConsoleInputException("Fill in the " + field + ".");
    }
    try {
      return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new ConsoleInputException(
          "The " + field + " is not a date and time such as 2026-12-01T09:30.");
    }
  }

  /** A whole number of 0 or more, such as an approximate number of people. */
  static long count(@Nullable String text, String field) {
    if (text == null || text.isBlank()) {
      throw new ConsoleInputException("Fill in the " + field + ".");
    }
    try {
      long count = Long.parseLong(text.strip());
      if (count >= 0) {
        return count;
      }
    } catch (NumberFormatException e) {
      // Refused below, as a negative number is.
    }
    throw new ConsoleInputException("The " + field + " is not a whole number of 0 or more.");
  }

  String text(@Nullable String text, String field) {
    return text(text, field, maxTextLength);
  }

  /** An identity's value, such as an e-mail address, as long as a request may name one. */
  String identity(@Nullable String text, String field) {
    return text(text, field, maxIdentityLength);
  }

  static String label(@Nullable String text, String field) {
    return text(text, field, LABEL_LENGTH);
  }

  private static String text(@Nullable String text, String field, int max) {
    if (text == null || text.isBlank()) {
      throw new ConsoleInputException("Fill in the " + field + ".");
    }
    if (text.length() > max) {
      throw new ConsoleInputException(
          "The " + field + " is too long: at most " + max + " characters.");
    }
    return text.strip();
  }
}
