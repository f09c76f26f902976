package dev.lethe.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.request.RequestId;
import dev.lethe.spi.ParticipantReceipt;
import dev.lethe.spi.ReceiptStore;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The contract of {@link ReceiptStore}: extend it with a factory for an empty store of your implementation. */
public abstract class ReceiptStoreCompatibilityKit {

  private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00.123456789Z");
  private static final Instant TUESDAY = Instant.parse("2026-03-03T09:00:00Z");

  /** An empty store. */
  protected abstract ReceiptStore createStore();

  @Test
  @DisplayName("Art. 17(2): a receipt is found by its notice's key exactly as added")
  void findsAReceiptByItsNotice() {
    ReceiptStore store = createStore();
    ParticipantReceipt receipt =
        ParticipantReceipt.acted("art19:a:erasure:b", RequestId.random(), "billing", 7);

    assertThat(store.add(receipt, MONDAY)).isTrue();

    assertThat(store.find("art19:a:erasure:b")).contains(receipt);
    assertThat(store.find("art19:other")).isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 17(2): a second receipt for one notice is refused and the first stays, so one of two replicas wins")
  void keepsTheFirstReceipt() {
    ReceiptStore store = createStore();
    RequestId request = RequestId.random();
    ParticipantReceipt first = ParticipantReceipt.acted("key", request, "billing", 3);

    store.add(first, MONDAY);

    assertThat(store.add(ParticipantReceipt.acted("key", request, "billing", 0), TUESDAY))
        .isFalse();
    assertThat(store.find("key")).contains(first);
  }

  @Test
  @DisplayName(
      "Art. 17(2): a FAILED receipt is not kept, so that the notice is carried out when delivered again")
  void refusesAFailedReceipt() {
    ReceiptStore store = createStore();

    assertThatThrownBy(
            () ->
                store.add(
                    ParticipantReceipt.failed("key", RequestId.random(), "billing", "X"), MONDAY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find("key")).isEmpty();
  }

  @Test
  @DisplayName("Art. 5(1)(e): receipts received before the cutoff are deleted, later ones stay")
  void deletesReceiptsBeforeTheCutoff() {
    ReceiptStore store = createStore();
    store.add(ParticipantReceipt.acted("monday", RequestId.random(), "billing", 1), MONDAY);
    store.add(ParticipantReceipt.acted("tuesday", RequestId.random(), "billing", 1), TUESDAY);

    assertThat(store.deleteReceivedBefore(TUESDAY)).isEqualTo(1);

    assertThat(store.find("monday")).isEmpty();
    assertThat(store.find("tuesday"))
        .map(ParticipantReceipt::noticeKey)
        .isEqualTo(Optional.of("tuesday"));
  }
}
