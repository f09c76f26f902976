package dev.lethe.internal.outbox;

import dev.lethe.rights.RequestId;
import dev.lethe.rights.RequestType;
import dev.lethe.rights.SubjectIdentifier;
import dev.lethe.spi.Notification;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * An Art. 19 notice as the outbox carries it: a flat JSON object of the request, the change and the
 * subject's identity, which the recipient needs to find its copy of the data.
 */
public final class NotificationJson {

  private static final JsonFactory JSON = new JsonFactory();

  private NotificationJson() {
  }

  /** {@code notification} as JSON. */
  public static String write(Notification notification) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      json.writeStartObject();
      json.writeStringProperty("requestId", notification.requestId().toString());
      json.writeStringProperty("change", notification.change().name());
      json.writeBooleanProperty("restrictionLifted", notification.restrictionLifted());
      json.writeStringProperty("subjectType", notification.subject().subjectType());
      json.writeStringProperty("identity", notification.subject().identity());
      json.writeStringProperty("value", notification.subject().value());
      json.writeEndObject();
    }
    return out.toString();
  }

  /**
   * The notice {@code text} holds.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static Notification read(String text) {
    Map<String, String> fields = new HashMap<>();
    try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), text)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("An Art. 19 notice is a JSON object");
      }
      while (json.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = json.currentName();
        json.nextToken();
        fields.put(name, json.getString());
      }
    }
    try {
      return new Notification(RequestId.parse(fields.get("requestId")), RequestType.valueOf(fields.get("change")),
          new SubjectIdentifier(fields.get("subjectType"), fields.get("identity"), fields.get("value")),
          Boolean.parseBoolean(fields.get("restrictionLifted")));
    } catch (RuntimeException e) {
      // The text holds an identity: the exception names only what is missing, never quotes it.
      throw new IllegalArgumentException("Not an Art. 19 notice: fields " + fields.keySet(), e);
    }
  }
}
