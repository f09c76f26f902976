package dev.lethe.internal.outbox;

import dev.lethe.request.RequestId;
import dev.lethe.spi.ParticipantReceipt;
import dev.lethe.subject.SubjectIdentifier;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Access across services (Art. 15) as the outbox carries it: the coordinator's request for a
 * participant's section, naming the subject, and the participant's answer, its report in chunks, each
 * a message with the receipt. Both hold personal data; the outbox clears them once delivered.
 */
public final class AccessJson {

  /** The coordinator's request for a participant's report of {@code subject}. */
  public record Request(RequestId requestId, SubjectIdentifier subject) {}

  /**
   * One chunk of a participant's answer: its receipt, and the text of its report (a JSON document)
   * from chunk {@code index}, numbered from 0; {@code last} on the final one.
   */
  public record Chunk(ParticipantReceipt receipt, int index, boolean last, String text) {}

  private AccessJson() {}

  /** {@code request} as JSON. */
  public static String write(Request request) {
    return FlatJson.write(
        json -> {
          json.writeStringProperty("requestId", request.requestId().toString());
          json.writeStringProperty("subjectType", request.subject().subjectType());
          json.writeStringProperty("identity", request.subject().identity());
          json.writeStringProperty("value", request.subject().value());
        });
  }

  /**
   * {@code chunk} as JSON: the receipt's fields, the chunk's place and its text as a string. Escaping
   * at most doubles the text's UTF-8 size: a report is JSON already, so its own control characters
   * are escaped and only its quotes and backslashes are escaped again.
   */
  public static String write(Chunk chunk) {
    ParticipantReceipt receipt = chunk.receipt();
    return FlatJson.write(
        json -> {
          json.writeStringProperty("noticeKey", receipt.noticeKey());
          json.writeStringProperty("requestId", receipt.requestId().toString());
          json.writeStringProperty("participant", receipt.participant());
          json.writeStringProperty("outcome", receipt.outcome().name());
          json.writeStringProperty("rowsTouched", Long.toString(receipt.rowsTouched()));
          json.writeStringProperty("index", Integer.toString(chunk.index()));
          json.writeStringProperty("last", Boolean.toString(chunk.last()));
          json.writeStringProperty("text", chunk.text());
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
      return new Request(
          RequestId.parse(fields.get("requestId")),
          new SubjectIdentifier(
              fields.get("subjectType"), fields.get("identity"), fields.get("value")));
    } catch (RuntimeException e) {
      // The text holds an identity: the exception names only the fields, never their values.
      throw new IllegalArgumentException("Not an access request: fields " + fields.keySet(), e);
    }
  }

  /**
   * The chunk of a participant's report {@code text} holds.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static Chunk readChunk(String text) {
    Map<String, String> fields = FlatJson.read(text, "a chunk of a participant's report");
    try {
      int index = Integer.parseInt(fields.get("index"));
      if (index < 0 || !List.of("true", "false").contains(fields.get("last"))) {
        throw new IllegalArgumentException("index or last out of range");
      }
      return new Chunk(
          new ParticipantReceipt(
              fields.get("noticeKey"),
              RequestId.parse(fields.get("requestId")),
              fields.get("participant"),
              ParticipantReceipt.Outcome.valueOf(fields.get("outcome")),
              Long.parseLong(fields.get("rowsTouched")),
              Optional.empty()),
          index,
          Boolean.parseBoolean(fields.get("last")),
          Objects.requireNonNull(fields.get("text"), "text"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "Not a chunk of a participant's report: fields " + fields.keySet(), e);
    }
  }
}
