package dev.lethe.records;

import static java.util.Objects.requireNonNull;

/** Argument checks shared by the controller description's values. */
final class Checks {

  private Checks() {
  }

  static String requireText(String value, String name) {
    requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
