package dev.lethe.jpa.replicas;

import dev.lethe.rights.IllegalRequestTransitionException;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One replica as its own JVM process: {@code ReplicaProcess <name> <jdbc-url> <user> <password>
 * <seed> <operations> <flaky-every>}. Two worker threads run the random operation mix from the seed
 * until {@code operations} were attempted, while a third dispatches the outbox, as a scheduled
 * dispatcher does in an application. Prints one summary line and exits 0, or exits 1 when anything
 * but a lost race or a refused move failed.
 */
public final class ReplicaProcess {

  private static final int WORKERS = 2;

  private ReplicaProcess() {}

  /** Runs the replica; see the class. */
  public static void main(String[] args) throws Exception {
    String name = args[0];
    long seed = Long.parseLong(args[4]);
    int operations = Integer.parseInt(args[5]);
    int flakyEvery = Integer.parseInt(args[6]);
    Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    AtomicInteger unexpected = new AtomicInteger();
    try (Replica replica = new Replica(name, args[1], args[2], args[3], flakyEvery)) {
      System.out.println("REPLICA " + name + " READY");
      AtomicBoolean working = new AtomicBoolean(true);
      Thread dispatcher =
          new Thread(
              () -> {
                while (working.get()) {
                  try {
                    replica.dispatcher.dispatch();
                  } catch (RuntimeException e) {
                    outcomes
                        .computeIfAbsent("dispatch failed: " + types(e), key -> new LongAdder())
                        .increment();
                    e.printStackTrace(System.out);
                  }
                  sleep(100);
                }
              },
              name + "-dispatcher");
      dispatcher.start();
      AtomicInteger attempted = new AtomicInteger();
      Thread[] workers = new Thread[WORKERS];
      for (int w = 0; w < WORKERS; w++) {
        Random random = new Random(seed * 31 + w);
        workers[w] =
            new Thread(
                () -> {
                  while (attempted.incrementAndGet() <= operations) {
                    String outcome;
                    try {
                      outcome = replica.runOperation(random);
                    } catch (IllegalRequestTransitionException lost) {
                      outcome = "lost a race";
                    } catch (RuntimeException e) {
                      outcome = "failed: " + types(e);
                      boolean first = !outcomes.containsKey(outcome);
                      if (!expected(e)) {
                        unexpected.incrementAndGet();
                        e.printStackTrace(System.out);
                      } else if (first) {
                        System.out.println("REPLICA " + name + " first " + describe(e));
                      }
                    }
                    outcomes.computeIfAbsent(outcome, key -> new LongAdder()).increment();
                  }
                },
                name + "-worker-" + w);
        workers[w].start();
      }
      for (Thread worker : workers) {
        worker.join();
      }
      working.set(false);
      dispatcher.join();
    }
    System.out.println(
        "REPLICA " + name + " DONE " + new TreeMap<>(outcomes) + " unexpected=" + unexpected.get());
    System.exit(unexpected.get() == 0 ? 0 : 1);
  }

  /**
   * Failures a replica meets in normal work and that change nothing: a consent or restriction that is
   * no longer in the state the caller read (Lethe's refusal, or the database's unique key when two
   * replicas wrote at once), and the database's own answers to contention (deadlock, lock timeout).
   */
  private static boolean expected(RuntimeException e) {
    String text = describe(e).toLowerCase(Locale.ROOT);
    // A deadlock the database detected rolled the whole operation back, whichever layer reports it.
    if (text.contains("deadlock")
        || text.contains("lockacquisition")
        || text.contains("lock wait timeout")) {
      return true;
    }
    return e instanceof IllegalStateException
        && (text.contains("consent")
            || text.contains("restrict")
            || text.contains("duplicate")
            || text.contains("unique")
            || text.contains("lock")
            || text.contains("serializ")
            || text.contains("concurrent"));
  }

  /** The exception and its causes, types and messages: the test's own data, so messages may be printed. */
  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      text.append(text.isEmpty() ? "" : " <- ")
          .append(cause.getClass().getSimpleName())
          .append(": ")
          .append(String.valueOf(cause.getMessage()).lines().findFirst().orElse(""));
    }
    return text.length() > 300 ? text.substring(0, 300) : text.toString();
  }

  private static String types(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      text.append(text.isEmpty() ? "" : " <- ").append(cause.getClass().getSimpleName());
    }
    return text.toString();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
