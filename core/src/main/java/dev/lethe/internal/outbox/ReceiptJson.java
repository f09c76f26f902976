package dev.lethe.internal.outbox;

import dev.lethe.rights.RequestId;
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

/** A participant's receipt as the outbox carries it: a flat JSON object, with no personal data. */
public final class ReceiptJson {

  private static final JsonFactory JSON = new JsonFactory();

  private ReceiptJson() {
  }

  /** {@code receipt} as JSON. */
  public static String write(ParticipantReceipt receipt) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      json.writeStartObject();
      json.writeStringProperty("noticeKey", receipt.noticeKey());
      json.writeStringProperty("requestId", receipt.requestId().toString());
      json.writeStringProperty("participant", receipt.participant());
      json.writeStringProperty("outcome", receipt.outcome().name());
      json.writeStringProperty("rowsTouched", Long.toString(receipt.rowsTouched()));
      if (receipt.failure().isPresent()) {
        json.writeStringProperty("failure", receipt.failure().get());
      }
      json.writeEndObject();
    }
    return out.toString();
  }

  /**
   * The receipt {@code text} holds.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static ParticipantReceipt read(String text) {
    Map<String, String> fields = new HashMap<>();
    try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), text)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("A participant's receipt is a JSON object");
      }
      while (json.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = json.currentName();
        json.nextToken();
        fields.put(name, json.getString());
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not a participant's receipt: not a flat JSON object", e);
    }
    try {
      return new ParticipantReceipt(fields.get("noticeKey"), RequestId.parse(fields.get("requestId")),
          fields.get("participant"), ParticipantReceipt.Outcome.valueOf(fields.get("outcome")),
          Long.parseLong(fields.get("rowsTouched")), Optional.ofNullable(fields.get("failure")));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not a participant's receipt: fields " + fields.keySet(), e);
    }
  }
}
