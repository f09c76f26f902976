package dev.lethe.spi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Delivers messages of the {@link Outbox} to where they go: a recipient's API (Art. 19), a broker, a
 * webhook. The dispatcher calls it outside any transaction, at least once per message, with the same
 * idempotency key every time; a receiver that applies each key once sees each message once in effect.
 */
public interface OutboxTransport {

  /**
   * Delivers {@code message}; returns only once the receiver has it.
   *
   * @throws RuntimeException when it could not be delivered; the dispatcher tries again later
   */
  void deliver(OutboxMessage message);

  /**
   * Starts delivering {@code message} and returns without waiting for the receiver: the stage
   * completes once the receiver has it, or exceptionally when it could not be delivered, within the
   * transport's own timeout. The dispatcher starts every message of a claimed batch before it waits
   * for the first, so a transport that keeps several messages in flight (Kafka's producer) waits for
   * its receiver about once a batch rather than once a message. By default it delivers at once
   * through {@link #deliver}.
   */
  default CompletionStage<Void> startDelivery(OutboxMessage message) {
    try {
      deliver(message);
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Whether anyone can receive messages now. While not, the dispatcher leaves every message pending
   * without counting an attempt: a transport without a receiver must never report a delivery.
   */
  default boolean ready() {
    return true;
  }

  /**
   * Called once {@code message} was delivered, after {@code attempts} attempts, in the transaction
   * that marks it so: what it records commits only with the mark, so a dispatcher whose claim another
   * one took over records nothing.
   */
  default void delivered(OutboxMessage message, int attempts) {}

  /**
   * The transaction {@link #delivered} runs in together with the outbox's mark,
   * such as the audit's ({@code AuditTrail.transactions()}); by default none.
   */
  default Transactions transactions() {
    return Transactions.direct();
  }

  /**
   * Called when delivering {@code message} failed, before it is marked so; a failure here does not
   * stop the marking, so that a failing record never stops the retries.
   *
   * @param failure the failure's type, never its message
   * @param dead whether the message is now given up on until an administrator retries it
   */
  default void failed(OutboxMessage message, int attempts, String failure, boolean dead) {}
}
