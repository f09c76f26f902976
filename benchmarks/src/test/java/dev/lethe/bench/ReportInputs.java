package dev.lethe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** {@link ResultsReport}'s inputs written to a directory, as a run leaves them. */
final class ReportInputs {

  private ReportInputs() {}

  /**
   * The report of JMH's {@code results} (JSON objects) and of {@code pairs} of {@code benchmark}
   * (such as {@code export.inTurn}) at {@code key} (such as {@code h2/100000}), each pair taking
   * {@code letheNanos} and {@code baselineNanos}.
   */
  static String report(
      Path dir,
      List<String> results,
      String benchmark,
      String key,
      int pairs,
      long letheNanos,
      long baselineNanos)
      throws IOException {
    Path json =
        Files.writeString(dir.resolve("results.json"), "[" + String.join(",", results) + "]");
    String prefix = benchmark + "\t" + key + "\t";
    Path extras =
        Files.writeString(
            dir.resolve("extras.tsv"),
            IntStream.range(0, pairs)
                .mapToObj(
                    i ->
                        prefix
                            + "pair.lethe\t"
                            + letheNanos
                            + "\n"
                            + prefix
                            + "pair.baseline\t"
                            + baselineNanos
                            + "\n")
                .collect(Collectors.joining()));
    return ResultsReport.report(List.of(json), extras, "run.sh", "");
  }
}
