package dev.lethe.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A report's text cut into chunks (Art. 15 across services): whole characters, bounded, in order, complete. */
class Utf8ChunksTest {

  private record Chunk(int index, boolean last, String text) {}

  @Property(tries = 300)
  @Label(
      "Chunks are numbered from 0, only the final one is last, each fits its size, none splits a character, and together they are the text")
  void chunksAreBoundedWholeAndComplete(
      @ForAll("texts") String text,
      @ForAll @IntRange(min = 4, max = 64) int size,
      @ForAll @IntRange(min = 1, max = 50) int writeSize) {
    List<Chunk> chunks = new ArrayList<>();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try (Utf8Chunks out =
        new Utf8Chunks(size, (index, last, chunk) -> chunks.add(new Chunk(index, last, chunk)))) {
      // Written in pieces of any size, as a JSON generator flushes its buffer.
      for (int offset = 0; offset < bytes.length; offset += writeSize) {
        int count = Math.min(writeSize, bytes.length - offset);
        if (count == 1) {
          out.write(bytes[offset]);
        } else {
          out.write(bytes, offset, count);
        }
      }
    }

    assertThat(String.join("", chunks.stream().map(Chunk::text).toList())).isEqualTo(text);
    for (int i = 0; i < chunks.size(); i++) {
      Chunk chunk = chunks.get(i);
      assertThat(chunk.index()).isEqualTo(i);
      assertThat(chunk.last()).isEqualTo(i == chunks.size() - 1);
      byte[] encoded = chunk.text().getBytes(StandardCharsets.UTF_8);
      assertThat(encoded.length).isLessThanOrEqualTo(size);
      assertThat(new String(encoded, StandardCharsets.UTF_8)).isEqualTo(chunk.text());
      assertThat(chunk.text()).doesNotContain("\uFFFD");
      if (!chunk.last()) {
        assertThat(encoded.length)
            .as("a chunk before the last is full but for a character that did not fit")
            .isGreaterThan(size - 4);
      }
    }
  }

  @Provide
  Arbitrary<String> texts() {
    // ASCII, two-, three- and four-byte characters (surrogate pairs in Java), mixed.
    Arbitrary<String> characters =
        Arbitraries.of("a", "\"", "é", "ß", "€", "中", "😀", "𝄞", "\\", "\n");
    return characters.list().ofMaxSize(200).map(list -> String.join("", list));
  }

  @Test
  void emptyTextIsOneEmptyLastChunk() {
    List<Chunk> chunks = new ArrayList<>();
    new Utf8Chunks(4, (index, last, chunk) -> chunks.add(new Chunk(index, last, chunk))).close();

    assertThat(chunks).containsExactly(new Chunk(0, true, ""));
  }
}
