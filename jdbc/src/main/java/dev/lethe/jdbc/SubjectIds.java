package dev.lethe.jdbc;

import java.util.UUID;

/** Subject identifiers as text and back, keeping their Java type so that keys compare equal. */
final class SubjectIds {

  private SubjectIds() {}

  static String typeName(Object id) {
    if (id instanceof Long || id instanceof Integer || id instanceof String || id instanceof UUID) {
      return id.getClass().getName();
    }
    throw new IllegalArgumentException(
        "A subject identifier of type "
            + id.getClass().getName()
            + " cannot be stored; use Long, Integer, String or UUID");
  }

  static Object parse(String text, String typeName) {
    return switch (typeName) {
      case "java.lang.Long" -> Long.valueOf(text);
      case "java.lang.Integer" -> Integer.valueOf(text);
      case "java.util.UUID" -> UUID.fromString(text);
      case "java.lang.String" -> text;
      default ->
          throw new IllegalStateException("Unknown stored subject identifier type " + typeName);
    };
  }
}
