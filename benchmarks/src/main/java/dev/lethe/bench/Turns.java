package dev.lethe.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Runs Lethe's side of a benchmark and its baseline's one after the other in one invocation, Lethe
 * first in every other pair, and records each measured pair's two times as {@link Extras}: {@code
 * pair.lethe}, then {@code pair.baseline} (ns), then the CPU time each side took on this thread,
 * {@code cpu.lethe} and {@code cpu.baseline}, which {@link ResultsReport} reads in that order.
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

  /** The benchmark thread's CPU time; -1 where the JVM does not measure it. */
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private final String benchmark;
  private final boolean sidesOnThisThread;
  private boolean measuring;
  private int pairs;

  /** Pairs recorded under {@code benchmark}, such as {@code retention.inTurn}. */
  Turns(String benchmark) {
    this(benchmark, true);
  }

  private Turns(String benchmark, boolean sidesOnThisThread) {
    this.benchmark = benchmark;
    this.sidesOnThisThread = sidesOnThisThread;
  }

  /**
   * Pairs whose sides hand their work to other threads and wait: this thread's CPU time would say
   * nothing of theirs, so none is recorded.
   */
  static Turns onOtherThreads(String benchmark) {
    return new Turns(benchmark, false);
  }

  /** Notes whether the coming iteration is measured: only then are pairs recorded. */
  void iteration(IterationParams params) {
    measuring = params.getType() == IterationType.MEASUREMENT;
  }

  /**
   * Runs one pair for {@code params} (such as {@code h2/100000}); returns both sides' results. Also
   * records the CPU time each side took on this thread ({@code cpu.lethe}, {@code cpu.baseline}):
   * where the two sides' times differ by more than that, the rest is waiting.
   */
  long pair(String params, Side lethe, Side baseline, Between between) throws Exception {
    boolean letheFirst = pairs % 2 == 0;
    long firstCpu = CPU.getCurrentThreadCpuTime();
    long firstNanos = System.nanoTime();
    long done = letheFirst ? lethe.run() : baseline.run();
    long secondNanos = System.nanoTime();
    long secondCpu = CPU.getCurrentThreadCpuTime();
    between.run();
    long thirdCpu = CPU.getCurrentThreadCpuTime();
    long thirdNanos = System.nanoTime();
    done += letheFirst ? baseline.run() : lethe.run();
    long endNanos = System.nanoTime();
    long endCpu = CPU.getCurrentThreadCpuTime();
    long first = secondNanos - firstNanos;
    long second = endNanos - thirdNanos;
    if (measuring) {
      Extras.record(benchmark, params, "pair.lethe", letheFirst ? first : second);
      Extras.record(benchmark, params, "pair.baseline", letheFirst ? second : first);
      if (sidesOnThisThread && firstCpu >= 0) {
        long firstSide = secondCpu - firstCpu;
        long secondSide = endCpu - thirdCpu;
        Extras.record(benchmark, params, "cpu.lethe", letheFirst ? firstSide : secondSide);
        Extras.record(benchmark, params, "cpu.baseline", letheFirst ? secondSide : firstSide);
      }
    }
    pairs++;
    return done;
  }
}
