package dev.lethe.internal.outbox;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The flat JSON objects the outbox carries between services: notices, receipts, access requests and
 * report sections. One level of properties; values are read as text.
 */
public final class FlatJson {

  private static final JsonFactory JSON = new JsonFactory();

  private FlatJson() {}

  /** The object whose properties {@code properties} writes. */
  public static String write(Consumer<JsonGenerator> properties) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      json.writeStartObject();
      properties.accept(json);
      json.writeEndObject();
    }
    return out.toString();
  }

  /**
   * The properties of the object {@code text} holds, each value as text.
   *
   * @param what what the object should be, for the exception, which never quotes the text
   * @throws IllegalArgumentException if it is not a flat JSON object
   */
  public static Map<String, @Nullable String> read(String text, String what) {
    Map<String, String> fields = new HashMap<>();
    try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), text)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException(what + " is a JSON object");
      }
      while (json.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = json.currentName();
        json.nextToken();
        fields.put(name, json.currentToken() == JsonToken.VALUE_NULL ? null : json.getString());
      }
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      // Not chained: a parser's message quotes the token it stopped at, which may be personal data.
      throw new IllegalArgumentException(
          "Not " + what + ": not a flat JSON object (" + e.getClass().getSimpleName() + ")");
    }
    return fields;
  }
}
