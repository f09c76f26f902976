package dev.lethe.internal.access;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/** Writes attribute values as JSON: numbers and booleans as such, binary as Base64, the rest as text. */
public final class JsonValues {

  private JsonValues() {
  }

  /** Writes {@code value} as the next JSON value. */
  public static void write(JsonGenerator json, @Nullable Object value) {
    if (value instanceof String text) {
      // Most personal data is text: the common case first.
      json.writeString(text);
    } else if (value == null) {
      json.writeNull();
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigDecimal decimal) {
      json.writeNumber(decimal);
    } else if (value instanceof BigInteger integer) {
      json.writeNumber(integer);
    } else if (value instanceof Double || value instanceof Float) {
      json.writeNumber(((Number) value).doubleValue());
    } else {
      json.writeString(text(value));
    }
  }

  /** A value as text: ISO-8601 for dates, Base64 for binary, {@code toString()} otherwise. */
  public static String text(Object value) {
    return value instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes) : value.toString();
  }
}
