package dev.lethe.spi;

import dev.lethe.erasure.RetentionTask;
import java.util.Optional;

/**
 * The store side of retention enforcement (Art. 5(1)(e)): finds expired rows and deletes or
 * anonymises them, one batch per call in an order the store keeps stable across calls, each batch in its own transaction, so that a
 * failure loses at most the batch in flight and the next run completes it.
 *
 * <p>Implementations must pass {@code RetentionSweeperCompatibilityKit} from the lethe-core test-jar.
 */
public interface RetentionSweeper {

  /**
   * Handles the next batch of at most {@code batchSize} expired rows of the task that come after
   * the position {@code after} (from the first when empty), within one transaction.
   *
   * @param after the {@link Batch#lastKey()} of the previous batch of this sweep, or empty
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
   * @param lastKey where the batch stopped, to pass as the next batch's {@code after}: opaque, of
   *     the store's choosing (the last row's key in memory; its clock and key in lethe-jpa); empty
   *     when there was nothing left
   */
  record Batch(long deleted, long anonymised, long heldBack, Optional<Object> lastKey) {

    /** Rows deleted or anonymised. */
    public long processed() {
      return deleted + anonymised;
    }
  }
}
