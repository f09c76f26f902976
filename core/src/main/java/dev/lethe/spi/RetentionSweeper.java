package dev.lethe.spi;

import dev.lethe.retention.RetentionTask;
import java.util.Optional;

/**
 * The store side of retention enforcement (Art. 5(1)(e)): finds expired rows and deletes or
 * anonymises them, one key-ordered batch per call, each batch in its own transaction, so that a
 * failure loses at most the batch in flight and the next run completes it.
 *
 * <p>Implementations must pass {@code RetentionSweeperCompatibilityKit} from the lethe-core test-jar.
 */
public interface RetentionSweeper {

  /**
   * Handles the next batch of at most {@code batchSize} expired rows of the task whose keys come
   * after {@code after} in key order (from the first when empty), within one transaction.
   */
  Batch sweep(RetentionTask task, Optional<Object> after, int batchSize);

  /** What a sweep would do now, without changing anything: a dry run. */
  Batch count(RetentionTask task);

  /**
   * What one batch did.
   *
   * @param deleted rows deleted
   * @param anonymised rows anonymised in place
   * @param heldBack expired rows left because their subject is under legal hold
   * @param lastKey the greatest key the batch looked at; empty when there was nothing left
   */
  record Batch(long deleted, long anonymised, long heldBack, Optional<Object> lastKey) {

    /** Rows deleted or anonymised. */
    public long processed() {
      return deleted + anonymised;
    }
  }
}
