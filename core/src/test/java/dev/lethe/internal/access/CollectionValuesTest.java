package dev.lethe.internal.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

class CollectionValuesTest {

  private static final List<Object> PHONES = List.of("+44 20, ext. 7", "say \"hi\"", 42L);

  @Test
  @DisplayName(
      "Art. 15(3): an element collection is exported as a JSON array of its elements, never its toString")
  void jsonWritesCollectionsAsArrays() {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
      JsonValues.write(json, PHONES);
    }

    assertThat(out.toString()).isEqualTo("[\"+44 20, ext. 7\",\"say \\\"hi\\\"\",42]");
  }

  @Test
  @DisplayName(
      "Art. 20: in CSV an element collection is one cell holding its JSON array, so elements with commas stay apart")
  void csvWritesCollectionsAsOneJsonArrayCell() {
    Map<String, @Nullable Object> values = new LinkedHashMap<>();
    values.put("name", "Ada");
    values.put("phones", PHONES);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    CsvSectionWriter.write(List.of("name", "phones"), Stream.of(values), out);

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "name,phones\n" + "Ada,\"[\"\"+44 20, ext. 7\"\",\"\"say \\\"\"hi\\\"\"\"\",42]\"\n");
  }
}
