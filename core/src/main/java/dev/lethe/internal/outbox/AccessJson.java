package dev.lethe.internal.outbox;

import dev.lethe.rights.RequestId;
import dev.lethe.rights.SubjectIdentifier;
import dev.lethe.spi.ParticipantReceipt;
import java.util.Map;
import java.util.Optional;

/**
 * Access across services (Art. 15) as the outbox carries it: the coordinator's request for a
 * participant's section, naming the subject, and the participant's answer, its receipt with its
 * report as text. Both hold personal data; the outbox clears them once delivered.
 */
public final class AccessJson {

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
    return FlatJson.write(json -> {
      json.writeStringProperty("requestId", request.requestId().toString());
      json.writeStringProperty("subjectType", request.subject().subjectType());
      json.writeStringProperty("identity", request.subject().identity());
      json.writeStringProperty("value", request.subject().value());
    });
  }

  /** {@code section} as JSON: the receipt's fields and the report as a string. */
  public static String write(Section section) {
    ParticipantReceipt receipt = section.receipt();
    return FlatJson.write(json -> {
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
    Map<String, String> fields = FlatJson.read(text, "an access request");
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
    Map<String, String> fields = FlatJson.read(text, "a participant's report section");
    try {
      return new Section(new ParticipantReceipt(fields.get("noticeKey"), RequestId.parse(fields.get("requestId")),
          fields.get("participant"), ParticipantReceipt.Outcome.valueOf(fields.get("outcome")),
          Long.parseLong(fields.get("rowsTouched")), Optional.empty()), java.util.Objects.requireNonNull(
              fields.get("report"), "report"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not a participant's report section: fields " + fields.keySet(), e);
    }
  }
}
