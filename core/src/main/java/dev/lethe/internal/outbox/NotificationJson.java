package dev.lethe.internal.outbox;

import dev.lethe.law.ErasureGround;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.spi.Notification;
import dev.lethe.subject.SubjectIdentifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A notice to a recipient as the outbox carries it: a flat JSON object of the request, the change,
 * the subject's identity, which the recipient needs to find its copy of the data, and what the change
 * states: the erasure's ground, the purpose objected to or no longer consented to, and each corrected
 * attribute as a property {@code correction.<attribute>}.
 */
public final class NotificationJson {

  private static final String CORRECTION = "correction.";

  private NotificationJson() {}

  /** {@code notification} as JSON. */
  public static String write(Notification notification) {
    return FlatJson.write(
        json -> {
          json.writeStringProperty("requestId", notification.requestId().toString());
          json.writeStringProperty("change", notification.change().name());
          json.writeBooleanProperty("restrictionLifted", notification.restrictionLifted());
          json.writeStringProperty("subjectType", notification.subject().subjectType());
          json.writeStringProperty("identity", notification.subject().identity());
          json.writeStringProperty("value", notification.subject().value());
          notification
              .erasureGround()
              .ifPresent(ground -> json.writeStringProperty("erasureGround", ground.name()));
          notification.purpose().ifPresent(purpose -> json.writeStringProperty("purpose", purpose));
          notification
              .corrections()
              .forEach(
                  (attribute, value) -> json.writeStringProperty(CORRECTION + attribute, value));
        });
  }

  /**
   * The notice {@code text} holds.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static Notification read(String text) {
    Map<String, @Nullable String> fields = FlatJson.read(text, "a notice to a recipient");
    try {
      Map<String, @Nullable String> corrections = new LinkedHashMap<>();
      fields.forEach(
          (name, value) -> {
            if (name.startsWith(CORRECTION)) {
              corrections.put(name.substring(CORRECTION.length()), value);
            }
          });
      return new Notification(
          RequestId.parse(fields.get("requestId")),
          RequestType.valueOf(fields.get("change")),
          new SubjectIdentifier(
              fields.get("subjectType"), fields.get("identity"), fields.get("value")),
          Boolean.parseBoolean(fields.get("restrictionLifted")),
          Optional.ofNullable(fields.get("erasureGround")).map(ErasureGround::valueOf),
          corrections,
          Optional.ofNullable(fields.get("purpose")));
    } catch (RuntimeException e) {
      // The text holds an identity, and may hold corrected values: the exception names only the
      // fields, never quotes them.
      throw new IllegalArgumentException(
          "Not a notice to a recipient: fields " + fields.keySet(), e);
    }
  }
}
