package dev.lethe.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.LoggerFactory;

/**
 * What Lethe logged during part of a test, read back from the file slf4j-simple writes in tests (as
 * {@code simplelogger.properties} configures it): mark, run the flow, read what came after the mark.
 */
public final class TestLog {

  private static final Path LOG = Path.of("target", "lethe-tests.log");

  private final long start;

  private TestLog(long start) {
    this.start = start;
  }

  /** Marks the end of the log as it is now. */
  public static TestLog mark() {
    // Logging once makes sure the file exists before its size is read.
    LoggerFactory.getLogger(TestLog.class).info("Test log mark");
    try {
      return new TestLog(Files.size(LOG));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything logged since the mark. */
  public String since() {
    try {
      byte[] all = Files.readAllBytes(LOG);
      return new String(Arrays.copyOfRange(all, (int) start, all.length), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
