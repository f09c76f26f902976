package dev.lethe.internal.util;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks and copies the values of audit entries and events; counts and attributes are sorted by name for a stable order. */
public final class AuditValues {

  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

  private AuditValues() {}

  /** An immutable, name-sorted copy of {@code counts}; names are not blank and counts not negative. */
  public static Map<String, Long> counts(Map<String, Long> counts) {
    requireNonNull(counts, "counts")
        .forEach(
            (name, count) -> {
              requireNonBlank(name, "count name");
              requireNonNull(count, "count");
              if (count < 0) {
                throw new IllegalArgumentException("The count '" + name + "' must not be negative");
              }
            });
    return ImmutableSortedMap.copyOf(counts);
  }

  /** An immutable, name-sorted copy of {@code attributes}; names are not blank and values not null. */
  public static Map<String, String> attributes(Map<String, String> attributes) {
    requireNonNull(attributes, "attributes")
        .forEach(
            (name, value) -> {
              requireNonBlank(name, "attribute name");
              requireNonNull(value, "attribute value");
            });
    return ImmutableSortedMap.copyOf(attributes);
  }

  /** Returns {@code value} if it is a 256-bit hash in 64 lowercase hexadecimal digits. */
  public static String requireSha256Hex(String value, String name) {
    requireNonNull(value, name);
    if (!HEX_SHA256.matcher(value).matches()) {
      throw new IllegalArgumentException(
          name + " must be 64 lowercase hexadecimal digits (256 bits)");
    }
    return value;
  }
}
