package dev.lethe.internal.outbox;

import dev.lethe.rights.RequestId;
import dev.lethe.rights.SubjectIdentifier;
import dev.lethe.spi.ParticipantReceipt;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Access across services (Art. 15) as the outbox carries it: the coordinator's request for a
 * participant's section, naming the subject, and the participant's answer, its receipt with its
 * report as text. Both hold personal data; the outbox clears them once delivered.
 */
public final class AccessJson {

  private static final JsonFactory JSON = new JsonFactory();

  /** The coordinator's request for a participant's report of {@code subject}. */
  public record Request(RequestId requestId, SubjectIdentifier subject) {
  }

  /** A participant's answer: its receipt and its report, a JSON document. */
  public record Section(ParticipantReceipt receipt, String report) {
  }

  private AccessJson() {
  }

  /** {@code request} as JSON. */
  public static String write(Request request) {
    return object(json -> {
      json.writeStringProperty("requestId", request.requestId().toString());
      json.writeStringProperty("subjectType", request.subject().subjectType());
      json.writeStringProperty("identity", request.subject().identity());
      json.writeStringProperty("value", request.subject().value());
    });
  }

  /** {@code section} as JSON: the receipt's fields and the report as a string. */
  public static String write(Section section) {
    ParticipantReceipt receipt = section.receipt();
    return object(json -> {
      json.writeStringProperty("noticeKey", receipt.noticeKey());
      json.writeStringProperty("requestId", receipt.requestId().toString());
      json.writeStringProperty("participant", receipt.participant());
      json.writeStringProperty("outcome", receipt.outcome().name());
      json.writeStringProperty("rowsTouched", Long.toString(receipt.rowsTouched()));
      json.writeStringProperty("report", section.report());
    });
  }

  /**
   * The request {@code text} holds.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static Request readRequest(String text) {
    Map<String, String> fields = fields(text);
    try {
      return new Request(RequestId.parse(fields.get("requestId")),
          new SubjectIdentifier(fields.get("subjectType"), fields.get("identity"), fields.get("value")));
    } catch (RuntimeException e) {
      // The text holds an identity: the exception names only the fields, never their values.
      throw new IllegalArgumentException("Not an access request: fields " + fields.keySet(), e);
    }
  }

  /**
   * The section {@code text} holds.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static Section readSection(String text) {
    Map<String, String> fields = fields(text);
    try {
      return new Section(new ParticipantReceipt(fields.get("noticeKey"), RequestId.parse(fields.get("requestId")),
          fields.get("participant"), ParticipantReceipt.Outcome.valueOf(fields.get("outcome")),
          Long.parseLong(fields.get("rowsTouched")), Optional.empty()), java.util.Objects.requireNonNull(
              fields.get("report"), "report"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not a participant's report section: fields " + fields.keySet(), e);
    }
  }

  private static String object(java.util.function.Consumer<JsonGenerator> properties) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      json.writeStartObject();
      properties.accept(json);
      json.writeEndObject();
    }
    return out.toString();
  }

  private static Map<String, String> fields(String text) {
    Map<String, String> fields = new HashMap<>();
    try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), text)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("Not a flat JSON object");
      }
      while (json.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = json.currentName();
        json.nextToken();
        fields.put(name, json.getString());
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not a flat JSON object of strings", e);
    }
    return fields;
  }
}
