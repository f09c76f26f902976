package dev.lethe.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * The receipts a participant service sent for the notices it carried out (Art. 17(2), 19), by the
 * notice's idempotency key, so that a notice delivered again is answered with the same receipt
 * instead of being carried out twice. Written in the transaction of the change: a participant that
 * crashes mid-erasure keeps no receipt, and the redelivered notice carries the change out. Receipts
 * hold no personal data; they are kept as long as the coordinator may deliver a notice again, then
 * deleted. Implementations must pass {@code ReceiptStoreCompatibilityKit} from the lethe-core test-jar.
 */
public interface ReceiptStore {

  /** The receipt sent for the notice with {@code noticeKey}, if it was carried out. */
  Optional<ParticipantReceipt> find(String noticeKey);

  /**
   * Keeps {@code receipt} unless one for its notice is kept already: of two replicas carrying out one
   * notice at once, exactly one adds its receipt, and the other rolls back.
   *
   * @return whether it was added
   * @throws IllegalArgumentException if the receipt is {@link ParticipantReceipt.Outcome#FAILED}: a
   *     notice that failed is carried out again when delivered again, so its receipt is not kept
   */
  boolean add(ParticipantReceipt receipt, Instant receivedAt);

  /** Deletes the receipts of notices received before {@code cutoff} (Art. 5(1)(e)); returns how many. */
  int deleteReceivedBefore(Instant cutoff);

  /** A store in memory: for tests and for plain use where nothing must survive a restart. */
  static ReceiptStore inMemory() {
    return new InMemoryReceiptStore();
  }
}
