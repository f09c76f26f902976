package dev.lethe.internal.rights;

import dev.lethe.model.Placeholders;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Corrected values as a notice carries them between services, as text: written by the coordinator,
 * read by a participant as the type of its own attribute, which need not be the coordinator's.
 */
public final class CorrectedValues {

  private CorrectedValues() {}

  /** {@code value} as text: its ISO-8601 form for a date or time, the constant's name for an enum. */
  public static @Nullable String text(@Nullable Object value) {
    return value instanceof Enum<?> constant
        ? constant.name()
        : value == null ? null : value.toString();
  }

  /**
   * {@code text} read as a value of {@code type}, as placeholders are read: empty for a type other
   * than text, numbers, booleans, characters, UUIDs, dates and times and enums, or for text that is
   * not such a value.
   */
  public static Optional<Object> read(String text, Class<?> type) {
    return Placeholders.convert(text, type);
  }
}
