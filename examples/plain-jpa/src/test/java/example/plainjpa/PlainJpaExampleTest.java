package example.plainjpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.erasure.ErasureReceipt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlainJpaExampleTest {

  @Test
  @DisplayName(
      "Art. 15(3), 17: without Spring, the example prints Ada's data and nobody else's, then erases her")
  void runs() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    ErasureReceipt receipt =
        PlainJpaExample.run(new PrintStream(out, true, StandardCharsets.UTF_8));

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("ada@example.com", "Ada Lovelace", "Vegetarian lunch, please")
        .doesNotContain("Grace Hopper")
        .contains("Erased: 2 rows touched");
    assertThat(receipt.rowsTouched()).isEqualTo(2);
  }
}
