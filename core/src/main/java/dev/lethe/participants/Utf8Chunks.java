package dev.lethe.participants;

import static java.util.Objects.requireNonNull;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An output stream that cuts the UTF-8 text written to it into chunks of at most a given number of
 * bytes, never inside a UTF-8 sequence, and hands each to a {@link Sink} as text: a participant's
 * report travels this way, one chunk per message, so that neither a message nor the memory holding it
 * grows with the report. It holds one chunk at a time. A chunk is handed on only once more text follows
 * it, so that {@link #close()} can mark the final one {@code last}; text that is empty still gives one
 * (empty) chunk.
 */
final class Utf8Chunks extends OutputStream {

  /** Receives the chunks, in order. */
  @FunctionalInterface
  public interface Sink {
    /** Takes chunk {@code index}, numbered from 0; {@code last} on the final one. */
    void accept(int index, boolean last, String text);
  }

  /** The longest UTF-8 sequence: a chunk must hold at least one. */
  public static final int MIN_CHUNK_BYTES = 4;

  private final byte[] buffer;
  private final Sink sink;
  private int length;
  private int index;
  private boolean closed;

  public Utf8Chunks(int chunkBytes, Sink sink) {
    if (chunkBytes < MIN_CHUNK_BYTES) {
      throw new IllegalArgumentException(
          "A chunk holds at least " + MIN_CHUNK_BYTES + " bytes, not " + chunkBytes);
    }
    this.buffer = new byte[chunkBytes];
    this.sink = requireNonNull(sink, "sink");
  }

  @Override
  public void write(int b) {
    ensureOpen();
    if (length == buffer.length) {
      handOn();
    }
    buffer[length++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int offset, int count) {
    ensureOpen();
    Objects.checkFromIndexSize(offset, count, bytes.length);
    while (count > 0) {
      if (length == buffer.length) {
        handOn();
      }
      int copied = Math.min(count, buffer.length - length);
      System.arraycopy(bytes, offset, buffer, length, copied);
      length += copied;
      offset += copied;
      count -= copied;
    }
  }

  /** Hands on the final chunk. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      sink.accept(index, true, new String(buffer, 0, length, StandardCharsets.UTF_8));
      Arrays.fill(buffer, (byte) 0);
    }
  }

  /** The buffer is full and more follows: hands on its whole sequences, keeping a sequence cut short for the next chunk. */
  private void handOn() {
    int cut = endOfWholeSequences();
    sink.accept(index++, false, new String(buffer, 0, cut, StandardCharsets.UTF_8));
    System.arraycopy(buffer, cut, buffer, 0, length - cut);
    length -= cut;
  }

  private int endOfWholeSequences() {
    int lead = length - 1;
    while (lead > 0 && (buffer[lead] & 0xC0) == 0x80) {
      lead--;
    }
    int b = buffer[lead] & 0xFF;
    int sequence = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    return lead + sequence <= length ? length : lead;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("The chunks were handed on already");
    }
  }
}
