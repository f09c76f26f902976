package dev.lethe.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Receipts in a map, guarded by its monitor: one JVM only, gone on restart. */
final class InMemoryReceiptStore implements ReceiptStore {

  private record Kept(ParticipantReceipt receipt, Instant receivedAt) {}

  private final Map<String, Kept> receipts = new LinkedHashMap<>();

  @Override
  public synchronized Optional<ParticipantReceipt> find(String noticeKey) {
    return Optional.ofNullable(receipts.get(requireNonNull(noticeKey, "noticeKey")))
        .map(Kept::receipt);
  }

  @Override
  public synchronized boolean add(ParticipantReceipt receipt, Instant receivedAt) {
    requireNonNull(receipt, "receipt");
    requireNonNull(receivedAt, "receivedAt");
    if (receipt.outcome() == ParticipantReceipt.Outcome.FAILED) {
      throw new IllegalArgumentException(
          "A failed notice is carried out again when delivered again: its receipt is"
              + " not kept");
    }
    return receipts.putIfAbsent(receipt.noticeKey(), new Kept(receipt, receivedAt)) == null;
  }

  @Override
  public synchronized int deleteReceivedBefore(Instant cutoff) {
    requireNonNull(cutoff, "cutoff");
    int before = receipts.size();
    receipts.values().removeIf(kept -> kept.receivedAt().isBefore(cutoff));
    return before - receipts.size();
  }
}
