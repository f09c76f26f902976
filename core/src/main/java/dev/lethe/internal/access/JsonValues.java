package dev.lethe.internal.access;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes attribute values as JSON: numbers and booleans as such, binary as Base64, an element
 * collection as an array of its elements, the rest as text.
 */
public final class JsonValues {

  private JsonValues() {}

  /** Writes {@code value} as the next JSON value. */
  public static void write(JsonGenerator json, @Nullable Object value) {
    if (value instanceof String text) {
      // Most personal data is text: the common case first.
      json.writeString(text);
    } else if (value == null) {
      json.writeNull();
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigDecimal decimal) {
      json.writeNumber(decimal);
    } else if (value instanceof BigInteger integer) {
      json.writeNumber(integer);
    } else if (value instanceof Double || value instanceof Float) {
      json.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof Collection<?> elements) {
      json.writeStartArray();
      for (Object element : elements) {
        write(json, element);
      }
      json.writeEndArray();
    } else {
      json.writeString(text(value));
    }
  }

  /**
   * A value as one text cell, for CSV: ISO-8601 for dates, Base64 for binary, an element collection
   * as the JSON array {@link #write} writes (so that elements holding commas or quotes stay apart),
   * {@code toString()} otherwise.
   */
  public static String text(Object value) {
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof Collection<?>) {
      StringWriter array = new StringWriter();
      try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), array)) {
        write(json, value);
      }
      return array.toString();
    }
    return value.toString();
  }

  private static final JsonFactory JSON = new JsonFactory();
}
