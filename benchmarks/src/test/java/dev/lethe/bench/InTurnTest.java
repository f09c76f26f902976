package dev.lethe.bench;

import static dev.lethe.bench.ResultsReport.EXPORT_IN_TURN;
import static dev.lethe.bench.ResultsReport.LISTENERS_IN_TURN;
import static dev.lethe.bench.ResultsReport.OUTBOX_IN_TURN;
import static dev.lethe.bench.ResultsReport.RETENTION_IN_TURN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lethe.bench.ResultsReport.InTurn;
import dev.lethe.bench.ResultsReport.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verdict of pairs timed in turn: a median and the sign test's interval around it. */
class InTurnTest {

  @TempDir Path dir;

  /** Pairs whose baseline took 100 ms and Lethe {@code 100 / speed} ms. */
  private static List<Pair> pairs(double... speeds) {
    return IntStream.range(0, speeds.length)
        .mapToObj(i -> new Pair(Math.round(100e6 / speeds[i]), 100_000_000L))
        .toList();
  }

  @Test
  void tenPairsGiveTheSecondAndNinthRatiosAsTheInterval() {
    InTurn inTurn =
        InTurn.of(
            pairs(0.95, 0.70, 0.85, 0.88, 1.10, 0.82, 0.90, 0.84, 0.60, 0.91), RETENTION_IN_TURN);

    assertThat(inTurn.pairs()).isEqualTo(10);
    assertThat(inTurn.median()).isCloseTo((0.85 + 0.88) / 2, within(1e-6));
    // P(at most one of ten ratios below the median) is 1.1 %, of at most two 5.5 %.
    assertThat(inTurn.low()).isCloseTo(0.70, within(1e-6));
    assertThat(inTurn.high()).isCloseTo(0.95, within(1e-6));
    assertThat(inTurn.verdict()).startsWith("undecided: 0.80×");
  }

  @Test
  void theWholeIntervalDecidesAMinimumSpeed() {
    assertThat(InTurn.of(pairs(0.81, 0.90, 0.95, 0.85, 0.99, 0.88), RETENTION_IN_TURN).verdict())
        .isEqualTo("met");
    assertThat(InTurn.of(pairs(0.61, 0.70, 0.75, 0.65, 0.79, 0.68), RETENTION_IN_TURN).verdict())
        .isEqualTo("**missed**");
    assertThat(RETENTION_IN_TURN.text()).isEqualTo("≥ 0.80× its rows/s");
    assertThat(OUTBOX_IN_TURN.text()).isEqualTo("≥ 0.50× its notices/s");
  }

  @Test
  void aTimeTargetTakesLethesTimeOverTheBaselines() {
    // Lethe at 1/0.8 = 1.25× the baseline's time and faster: within 1.30×.
    InTurn met = InTurn.of(pairs(0.80, 0.90, 1.00, 0.85, 0.95, 0.78), EXPORT_IN_TURN);
    assertThat(met.median()).isCloseTo((1 / 0.90 + 1 / 0.85) / 2, within(1e-6));
    assertThat(met.verdict()).isEqualTo("met");
    assertThat(InTurn.of(pairs(0.70, 0.72, 0.60, 0.65, 0.74, 0.70), EXPORT_IN_TURN).verdict())
        .isEqualTo("**missed**");
    assertThat(InTurn.of(pairs(0.70, 0.90, 0.76, 0.80, 0.74, 0.85), EXPORT_IN_TURN).verdict())
        .startsWith("undecided: 1.30×");
    assertThat(LISTENERS_IN_TURN.text()).isEqualTo("≤ 1.05× its time");
  }

  @Test
  void fewerThanSixPairsGiveNoInterval() {
    InTurn inTurn = InTurn.of(pairs(0.9, 0.9, 0.9, 0.9, 0.9), RETENTION_IN_TURN);

    assertThat(inTurn.decides()).isFalse();
    assertThat(inTurn.interval()).contains("too few pairs");
  }

  @Test
  void pairsTimedWhileNoRestrictionStandsDecideTheListenersOverheadOverSeparateForks()
      throws IOException {
    // Separate forks: +6.5 % with errors of a third; twenty pairs: 5.1 ms against 5.0 ms, 1.02x.
    String report =
        ReportInputs.report(
            dir,
            List.of(listenerUpdate("none", 17.0, 6.2), listenerUpdate("lethe", 18.1, 8.1)),
            "listeners.inTurn",
            "h2/update",
            20,
            5_100_000,
            5_000_000);

    assertThat(report)
        .contains(
            "| update with Lethe's listeners while no restriction stands, both sides in turn | h2 |"
                + " 500 updates, a transaction each | 5.1 ms (median of 20 pairs) | without Lethe:"
                + " 5.0 ms | 1.02× [1.02×–1.02×] | ≤ 1.05× its time | met |")
        .contains(
            "| update with Lethe's listeners, no restriction standing | h2 | one row | 18.1 ± 8.1 us/op"
                + " (noisy) | without: 17.0 ± 6.2 us/op (noisy) | +6.5 % | ≤ 5 % overhead | separate"
                + " forks, minutes apart: the in-turn row decides |")
        .contains(
            "| ListenerOverheadBenchmark.update | h2 |  | lethe | avgt | 18.100 | 8.100 | us/op |"
                + " noisy; timed again in pairs: see its section |");
  }

  /** One {@code ListenerOverheadBenchmark.update} result on H2, as JMH's JSON output writes it. */
  private static String listenerUpdate(String listeners, double micros, double error) {
    return """
        {"benchmark": "dev.lethe.bench.ListenerOverheadBenchmark.update", "mode": "avgt", "forks": 2,
         "warmupIterations": 2, "warmupTime": "2 s", "measurementIterations": 10,
         "measurementTime": "1 s", "jvmArgs": [], "params": {"db": "h2", "listeners": "%s"},
         "primaryMetric": {"score": %s, "scoreError": %s, "scoreUnit": "us/op",
                           "scorePercentiles": {"50.0": %s}}}"""
        .formatted(listeners, micros, error, micros);
  }

  @Test
  void pairsOfTheFanOutAndItsBaselineDecideTheFanOutsTarget() throws IOException {
    // Separate forks: 57.0 ms against 20.4 + 10.5 ms, 1.84x +- 0.2 or so; twenty pairs: 56 against
    // 31 ms.
    String report =
        ReportInputs.report(
            dir,
            List.of(
                fanOut("fanOut", 57.0, 5.0),
                fanOut("slowestLocalErasure", 20.4, 1.0),
                fanOut("kafkaRoundTrip", 10.5, 1.0)),
            "fanout.inTurn",
            "h2/3",
            20,
            56_000_000,
            31_000_000);

    assertThat(report)
        .contains(
            "| erasure fanned out to 3 participants over Kafka, both sides in turn | h2 | 10, 100, 1,000"
                + " rows | 56.0 ms (median of 20 pairs) | slowest local erasure + Kafka round trip:"
                + " 31.0 ms | 1.81× [1.81×–1.81×] | ≤ 2.00× its time | met |")
        .contains("| ≤ 2× their sum | separate forks, minutes apart: the in-turn row decides |")
        .contains("| h2 | 3 | 20 | 56.0 ms | 31.0 ms | 1.81× [1.81×–1.81×] |");
  }

  /** One {@code FanOutBenchmark} result on H2, as JMH's JSON output writes it. */
  private static String fanOut(String method, double millis, double error) {
    return """
        {"benchmark": "dev.lethe.bench.FanOutBenchmark.%s", "mode": "ss", "forks": 2,
         "warmupIterations": 20, "warmupTime": "1 s", "measurementIterations": 60,
         "measurementTime": "1 s", "jvmArgs": [], "params": {"db": "h2"},
         "primaryMetric": {"score": %s, "scoreError": %s, "scoreUnit": "ms/op",
                           "scorePercentiles": {"50.0": %s}}}"""
        .formatted(method, millis, error, millis);
  }
}
