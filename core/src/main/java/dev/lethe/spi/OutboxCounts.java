package dev.lethe.spi;

/**
 * How many messages of the {@link Outbox} wait (Art. 19: notices not yet passed on).
 *
 * @param pending not delivered yet, due now or later
 * @param dead given up on after the maximum age, until an administrator retries them
 * @param cleared given up on, and their payload cleared after the retention of dead messages: they
 *     can no longer be retried, and stay only as a record that they were never delivered
 */
public record OutboxCounts(long pending, long dead, long cleared) {

  public OutboxCounts {
    if (pending < 0 || dead < 0 || cleared < 0) {
      throw new IllegalArgumentException("Counts are not negative");
    }
  }

  /** Counts with no cleared dead messages. */
  public OutboxCounts(long pending, long dead) {
    this(pending, dead, 0);
  }
}
