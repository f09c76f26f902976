package dev.lethe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which noisy rows {@code run.sh --rerun-noisy} runs again, and how. */
class NoisyRerunsTest {

  @TempDir Path dir;

  /** One JMH result as its JSON output writes it. */
  private static String result(
      String method, String mode, int forks, String time, String db, String rows, double error) {
    return """
        {"benchmark": "dev.lethe.bench.%s", "mode": "%s", "forks": %d,
         "warmupIterations": 2, "warmupTime": "%s", "measurementIterations": 5, "measurementTime": "%s",
         "jvmArgs": [], "params": {"db": "%s", "rows": "%s"},
         "primaryMetric": {"score": 100.0, "scoreError": %s, "scoreUnit": "ms/op",
                           "scorePercentiles": {"50.0": 100.0}}}"""
        .formatted(method, mode, forks, time, time, db, rows, error);
  }

  private List<String> reruns(List<String> results, String extras) throws IOException {
    Path json =
        Files.writeString(dir.resolve("results.json"), "[" + String.join(",", results) + "]");
    Path extrasFile = Files.writeString(dir.resolve("extras.tsv"), extras, StandardCharsets.UTF_8);
    return ResultsReport.noisyReruns(List.of(json), extrasFile);
  }

  /** Ten pairs of erasure at {@code key} in which both sides took 100 ms: the target met, decided. */
  private static String erasurePairs(String key) {
    return IntStream.range(0, 10)
        .mapToObj(
            i ->
                "erasure.inTurn\t"
                    + key
                    + "\tpair.lethe\t100000000\n"
                    + "erasure.inTurn\t"
                    + key
                    + "\tpair.baseline\t100000000\n")
        .collect(Collectors.joining());
  }

  @Test
  void aNoisyRowRunsAgainWithTwiceItsForksEachAsBefore() throws IOException {
    List<String> reruns =
        reruns(
            List.of(
                result("ErasureBenchmark.loadThenRemove", "ss", 1, "single-shot", "h2", "10", 30),
                result("ErasureBenchmark.handWrittenSql", "avgt", 1, "1 s", "h2", "10", 30),
                result("ErasureBenchmark.handWrittenSql", "avgt", 1, "1 s", "h2", "1000", 5)),
            "");

    assertThat(reruns)
        .containsExactly(
            "\\.ErasureBenchmark\\.loadThenRemove$ -bm ss -p db=h2 -p rows=10 -f 2 -wi 2 -i 5",
            "\\.ErasureBenchmark\\.handWrittenSql$ -bm avgt -p db=h2 -p rows=10 -f 2 -wi 2 -i 5"
                + " -w 1s -r 1s");
  }

  @Test
  void aComparisonThatPairsDecidedIsNotRunAgainUnlessItsRowIsColderThanThePairs()
      throws IOException {
    List<String> reruns =
        reruns(
            List.of(
                result("ErasureBenchmark.lethe", "ss", 1, "single-shot", "h2", "100000", 30),
                result(
                    "ErasureBenchmark.handWrittenJpql", "ss", 1, "single-shot", "h2", "100000", 30),
                result("ErasureBenchmark.lethe", "avgt", 1, "1 s", "h2", "10", 30),
                // A cold shot of a size whose warmed-up row the pairs decide: they did not time it.
                result("ErasureBenchmark.lethe", "ss", 1, "single-shot", "h2", "10", 30),
                // No pairs at this database.
                result("ErasureBenchmark.lethe", "ss", 1, "single-shot", "mariadb", "100000", 30)),
            erasurePairs("h2/100000") + erasurePairs("h2/10"));

    assertThat(reruns)
        .containsExactly(
            "\\.ErasureBenchmark\\.lethe$ -bm ss -p db=h2 -p rows=10 -f 2 -wi 2 -i 5",
            "\\.ErasureBenchmark\\.lethe$ -bm ss -p db=mariadb -p rows=100000 -f 2 -wi 2 -i 5");
  }
}
