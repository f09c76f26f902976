package dev.lethe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.bench.ResultsReport.Growth;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The growth table's verdict on one step from a size to the next. */
class GrowthTest {

  @TempDir Path dir;

  @Test
  void timeGrowingWithTheRowsIsLinearWhateverTheBaselineDid() {
    assertThat(Growth.of(110, 100, Optional.of(5.0))).isEqualTo(Growth.LINEAR);
    assertThat(Growth.of(125, 100, Optional.empty())).isEqualTo(Growth.LINEAR);
  }

  @Test
  void timeGrowingFasterThanTheRowsButNoFasterThanTheBaselineIsTheDatabases() {
    // Export on H2 in a 64 MiB heap, 1,000 to 100,000 rows (RESULTS.md of 2026-12-04).
    assertThat(Growth.of(863.2, 100, Optional.of(1014.0))).isEqualTo(Growth.AS_BASELINE);
    assertThat(Growth.of(1250, 100, Optional.of(1000.0))).isEqualTo(Growth.AS_BASELINE);
  }

  @Test
  void timeGrowingFasterThanTheRowsAndTheBaselineIsLethes() {
    assertThat(Growth.of(1260, 100, Optional.of(1000.0))).isEqualTo(Growth.FASTER);
    assertThat(Growth.of(200, 100, Optional.of(100.0))).isEqualTo(Growth.FASTER);
  }

  @Test
  void withoutTheBaselineTimedAlikeFasterThanTheRowsIsFaster() {
    assertThat(Growth.of(200, 100, Optional.empty())).isEqualTo(Growth.FASTER);
  }

  /** One export result at {@code rows} on H2, as JMH's JSON output writes it. */
  private static String export(String side, String mode, int warmups, int rows, double millis) {
    return """
        {"benchmark": "dev.lethe.bench.ExportBenchmark.%s", "mode": "%s", "forks": 1,
         "warmupIterations": %d, "warmupTime": "1 s", "measurementIterations": 1, "measurementTime": "1 s",
         "jvmArgs": [], "params": {"db": "h2", "rows": "%d"},
         "primaryMetric": {"score": %s, "scoreError": 0.0, "scoreUnit": "ms/op",
                           "scorePercentiles": {"50.0": %s}}}"""
        .formatted(side, mode, warmups, rows, millis, millis);
  }

  @Test
  void aSizeTimedOnlyInPairsIsJudgedAgainstAWarmedUpSingleShotAtTheNext() throws IOException {
    // Export: the average of warmed-up iterations at 1,000 and 100,000 rows, pairs in turn at
    // 100,000 (Lethe 200 ms, the baseline 180 ms), one shot after a warm-up at 1,000,000.
    String report =
        ReportInputs.report(
            dir,
            List.of(
                export("lethe", "avgt", 3, 1_000, 2),
                export("rawJdbcJackson", "avgt", 3, 1_000, 1.8),
                export("lethe", "avgt", 3, 100_000, 190),
                export("rawJdbcJackson", "avgt", 3, 100_000, 170),
                export("lethe", "ss", 1, 1_000_000, 3_000),
                export("rawJdbcJackson", "ss", 1, 1_000_000, 1_800)),
            "export.inTurn",
            "h2/100000",
            20,
            200_000_000,
            180_000_000);

    assertThat(report)
        .contains(
            "**grows faster than its rows** (100,000 → 1,000,000: 15.0× the time for 10× the rows,"
                + " the baseline's 10.0×) / statements not recorded");
  }
}
