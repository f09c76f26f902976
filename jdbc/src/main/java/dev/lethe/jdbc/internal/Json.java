package dev.lethe.jdbc.internal;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON for the few columns that hold structured values: audit counts and attributes, retention policy runs. */
public final class Json {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  /** {@code value} as JSON text. */
  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  /** The value {@code json} holds, as {@code type}. */
  public static <T> T read(String json, TypeReference<T> type) {
    return MAPPER.readValue(json, type);
  }
}
