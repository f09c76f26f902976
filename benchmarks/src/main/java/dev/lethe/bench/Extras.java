package dev.lethe.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Figures a benchmark observes besides its time (statement counts, heap, bytes written): kept in
 * memory for the smoke test, and appended as tab-separated lines to the file the environment
 * variable {@code LETHE_BENCH_EXTRAS} names, since JMH runs each benchmark in a forked JVM.
 * Each line is {@code benchmark, params, figure, value}; the last value of a key wins.
 */
public final class Extras {

  private static final Map<String, Long> RECORDED = new ConcurrentHashMap<>();

  private Extras() {}

  /** Records {@code value} for {@code figure} of {@code benchmark} with {@code params} (such as {@code h2/1000}). */
  public static void record(String benchmark, String params, String figure, long value) {
    RECORDED.put(key(benchmark, params, figure), value);
    String file = System.getenv("LETHE_BENCH_EXTRAS");
    if (file != null && !file.isBlank()) {
      try {
        Files.writeString(
            Path.of(file),
            benchmark + "\t" + params + "\t" + figure + "\t" + value + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** What was recorded in this JVM, by {@link #key}. */
  public static Map<String, Long> recorded() {
    return Map.copyOf(RECORDED);
  }

  /** The simple name of the benchmark method running, such as {@code lethe}. */
  public static String method(BenchmarkParams params) {
    return params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
  }

  /** The key of a figure in {@link #recorded()}. */
  public static String key(String benchmark, String params, String figure) {
    return benchmark + "\t" + params + "\t" + figure;
  }
}
