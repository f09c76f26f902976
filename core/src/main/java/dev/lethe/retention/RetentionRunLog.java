package dev.lethe.retention;

import java.util.List;

/**
 * Where retention runs are recorded, as proof that storage limitation is enforced (Art. 5(2)
 * accountability for Art. 5(1)(e)).
 *
 * <p>Implementations must pass {@code RetentionRunLogCompatibilityKit} from the lethe-core test-jar.
 */
public interface RetentionRunLog {

  /** Records a finished run. */
  void record(RetentionReport run);

  /** The latest {@code limit} runs, newest first. */
  List<RetentionReport> latest(int limit);

  /** A log that keeps runs in memory. */
  static RetentionRunLog inMemory() {
    return new InMemoryRetentionRunLog();
  }
}
