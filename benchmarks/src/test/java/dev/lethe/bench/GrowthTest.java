package dev.lethe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.bench.ResultsReport.Growth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The growth table's verdict on one step from a size to the next. */
class GrowthTest {

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
}
