package dev.lethe.internal.outbox;

import dev.lethe.request.RequestId;
import dev.lethe.spi.ParticipantReceipt;
import java.util.Map;
import java.util.Optional;

/** A participant's receipt as the outbox carries it: a flat JSON object, with no personal data. */
public final class ReceiptJson {

  private ReceiptJson() {}

  /** {@code receipt} as JSON. */
  public static String write(ParticipantReceipt receipt) {
    return FlatJson.write(
        json -> {
          json.writeStringProperty("noticeKey", receipt.noticeKey());
          json.writeStringProperty("requestId", receipt.requestId().toString());
          json.writeStringProperty("participant", receipt.participant());
          json.writeStringProperty("outcome", receipt.outcome().name());
          json.writeStringProperty("rowsTouched", Long.toString(receipt.rowsTouched()));
          receipt.failure().ifPresent(failure -> json.writeStringProperty("failure", failure));
        });
  }

  /**
   * The receipt {@code text} holds.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static ParticipantReceipt read(String text) {
    Map<String, String> fields = FlatJson.read(text, "a participant's receipt");
    try {
      return new ParticipantReceipt(
          fields.get("noticeKey"),
          RequestId.parse(fields.get("requestId")),
          fields.get("participant"),
          ParticipantReceipt.Outcome.valueOf(fields.get("outcome")),
          Long.parseLong(fields.get("rowsTouched")),
          Optional.ofNullable(fields.get("failure")));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "Not a participant's receipt: fields " + fields.keySet(), e);
    }
  }
}
