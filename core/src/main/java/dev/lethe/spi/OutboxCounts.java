package dev.lethe.spi;

/**
 * How many messages of the {@link Outbox} wait (Art. 19: notices not yet passed on).
 *
 * @param pending not delivered yet, due now or later
 * @param dead given up on after the maximum age, until an administrator retries them
 */
public record OutboxCounts(long pending, long dead) {

  public OutboxCounts {
    if (pending < 0 || dead < 0) {
      throw new IllegalArgumentException("Counts are not negative");
    }
  }
}
