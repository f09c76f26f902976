package dev.lethe.outbox;

/**
 * What one {@link OutboxDispatcher#dispatch()} pass did (Art. 19, Art. 5(2)).
 *
 * @param delivered messages delivered
 * @param failed messages that failed and wait for their next attempt
 * @param dead messages given up on after their maximum age
 * @param lost claims that another dispatcher took over before this one could mark them (the message
 *     may have been delivered twice, which its idempotency key makes harmless)
 * @param transportReady false when the transport had no receiver, so that nothing was claimed
 */
public record DispatchResult(
    int delivered, int failed, int dead, int lost, boolean transportReady) {

  static DispatchResult notReady() {
    return new DispatchResult(0, 0, 0, 0, false);
  }
}
