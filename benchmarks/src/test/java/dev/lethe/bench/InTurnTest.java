package dev.lethe.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lethe.bench.ResultsReport.InTurn;
import dev.lethe.bench.ResultsReport.Pair;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The verdict of the retention sweep's pairs: a median and the sign test's interval around it. */
class InTurnTest {

  /** Pairs whose baseline took 100 ms and Lethe {@code 100 / ratio} ms, so that each has its ratio. */
  private static List<Pair> pairs(double... ratios) {
    return IntStream.range(0, ratios.length)
        .mapToObj(i -> new Pair(Math.round(100e6 / ratios[i]), 100_000_000L))
        .toList();
  }

  @Test
  void tenPairsGiveTheSecondAndNinthRatiosAsTheInterval() {
    InTurn inTurn = InTurn.of(pairs(0.95, 0.70, 0.85, 0.88, 1.10, 0.82, 0.90, 0.84, 0.60, 0.91));

    assertThat(inTurn.pairs()).isEqualTo(10);
    assertThat(inTurn.median()).isCloseTo((0.85 + 0.88) / 2, within(1e-6));
    // P(at most one of ten ratios below the median) is 1.1 %, of at most two 5.5 %.
    assertThat(inTurn.low()).isCloseTo(0.70, within(1e-6));
    assertThat(inTurn.high()).isCloseTo(0.95, within(1e-6));
    assertThat(inTurn.verdict()).startsWith("undecided");
  }

  @Test
  void theWholeIntervalDecides() {
    assertThat(InTurn.of(pairs(0.81, 0.90, 0.95, 0.85, 0.99, 0.88)).verdict()).isEqualTo("met");
    assertThat(InTurn.of(pairs(0.61, 0.70, 0.75, 0.65, 0.79, 0.68)).verdict())
        .isEqualTo("**missed**");
  }

  @Test
  void fewerThanSixPairsGiveNoInterval() {
    InTurn inTurn = InTurn.of(pairs(0.9, 0.9, 0.9, 0.9, 0.9));

    assertThat(inTurn.decides()).isFalse();
    assertThat(inTurn.interval()).contains("too few pairs");
  }
}
