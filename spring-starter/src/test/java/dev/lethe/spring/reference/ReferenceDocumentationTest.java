package dev.lethe.spring.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReferenceDocumentationTest {

  @Test
  @DisplayName(
      "docs/reference.md is what the code generates: every property, category, erasure strategy and request type")
  void checkedInReferenceMatchesTheCode() throws Exception {
    Path root = ReferenceDocumentation.repositoryRoot();
    Path file = root.resolve(ReferenceDocumentation.FILE);
    String generated = ReferenceDocumentation.of(root).generate();
    if (Boolean.getBoolean("lethe.reference.write")) {
      Files.writeString(file, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "")
        .as(
            "%s is out of date; regenerate it with%n  %s",
            ReferenceDocumentation.FILE, ReferenceDocumentation.REGENERATE)
        .isEqualTo(generated);
  }
}
