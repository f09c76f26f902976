package dev.lethe.bench;

import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Runs Lethe's side of a benchmark and its baseline's one after the other in one invocation, Lethe
 * first in every other pair, and records each measured pair's two times as {@link Extras}: {@code
 * pair.lethe}, then {@code pair.baseline} (ns), which {@link ResultsReport} reads in that order.
 *
 * <p>Why: this machine's speed drifts by a third within minutes, so two methods' separate forks,
 * minutes apart, can settle no 10 % difference; the two sides of one pair run seconds apart.
 */
final class Turns {

  /** One side of a pair: returns what it did (rows swept, bytes written), for JMH to consume. */
  @FunctionalInterface
  interface Side {
    long run() throws Exception;
  }

  /** What must happen between the two sides, untimed: fresh rows for the second, a check. */
  @FunctionalInterface
  interface Between {
    void run() throws Exception;
  }

  private final String benchmark;
  private boolean measuring;
  private int pairs;

  /** Pairs recorded under {@code benchmark}, such as {@code retention.inTurn}. */
  Turns(String benchmark) {
    this.benchmark = benchmark;
  }

  /** Notes whether the coming iteration is measured: only then are pairs recorded. */
  void iteration(IterationParams params) {
    measuring = params.getType() == IterationType.MEASUREMENT;
  }

  /** Runs one pair for {@code params} (such as {@code h2/100000}); returns both sides' results. */
  long pair(String params, Side lethe, Side baseline, Between between) throws Exception {
    boolean letheFirst = pairs % 2 == 0;
    long firstNanos = System.nanoTime();
    long done = letheFirst ? lethe.run() : baseline.run();
    long secondNanos = System.nanoTime();
    between.run();
    long thirdNanos = System.nanoTime();
    done += letheFirst ? baseline.run() : lethe.run();
    long endNanos = System.nanoTime();
    long first = secondNanos - firstNanos;
    long second = endNanos - thirdNanos;
    if (measuring) {
      Extras.record(benchmark, params, "pair.lethe", letheFirst ? first : second);
      Extras.record(benchmark, params, "pair.baseline", letheFirst ? second : first);
    }
    pairs++;
    return done;
  }
}
