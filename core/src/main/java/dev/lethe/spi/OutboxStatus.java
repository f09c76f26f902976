package dev.lethe.spi;

/** Where a message stands in the {@link Outbox} (Art. 19: a notice is kept until it is delivered). */
public enum OutboxStatus {
  /** Not delivered yet: due now or at its next attempt. */
  PENDING,
  /** Delivered; its payload is cleared, so that no identity stays behind. */
  DELIVERED,
  /**
   * Every attempt failed until the maximum age: waits for an administrator's retry, until its payload
   * is cleared after the retention of dead messages; then it stays dead for good.
   */
  DEAD
}
