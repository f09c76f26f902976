package dev.lethe.internal.util;

import static java.util.Objects.requireNonNull;

/** Checks for text arguments. */
public final class Texts {

  private Texts() {}

  /**
   * Returns {@code value} if it is neither null nor blank. The message names the parameter only,
   * never the value, because the value may be personal data.
   */
  public static String requireNonBlank(String value, String name) {
    requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
