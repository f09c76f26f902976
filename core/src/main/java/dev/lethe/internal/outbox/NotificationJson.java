package dev.lethe.internal.outbox;

import dev.lethe.rights.RequestId;
import dev.lethe.rights.RequestType;
import dev.lethe.rights.SubjectIdentifier;
import dev.lethe.spi.Notification;
import java.util.Map;

/**
 * An Art. 19 notice as the outbox carries it: a flat JSON object of the request, the change and the
 * subject's identity, which the recipient needs to find its copy of the data.
 */
public final class NotificationJson {

  private NotificationJson() {
  }

  /** {@code notification} as JSON. */
  public static String write(Notification notification) {
    return FlatJson.write(json -> {
      json.writeStringProperty("requestId", notification.requestId().toString());
      json.writeStringProperty("change", notification.change().name());
      json.writeBooleanProperty("restrictionLifted", notification.restrictionLifted());
      json.writeStringProperty("subjectType", notification.subject().subjectType());
      json.writeStringProperty("identity", notification.subject().identity());
      json.writeStringProperty("value", notification.subject().value());
    });
  }

  /**
   * The notice {@code text} holds.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static Notification read(String text) {
    Map<String, String> fields = FlatJson.read(text, "an Art. 19 notice");
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
