package dev.lethe.spi;

import static java.util.Objects.requireNonNull;

import dev.lethe.request.RequestId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Acknowledgements in a map, guarded by its monitor: one JVM only, gone on restart. */
final class InMemoryAcknowledgementStore implements AcknowledgementStore {

  private final Map<String, RecipientAcknowledgement> entries = new LinkedHashMap<>();
  private final Map<String, Instant> expectedAt = new LinkedHashMap<>();
  private final Map<String, Map<Integer, String>> chunks = new HashMap<>();
  private final Map<String, Integer> chunkCounts = new HashMap<>();

  @Override
  public synchronized void expect(RecipientAcknowledgement pending) {
    requireNonNull(pending, "pending");
    if (entries.putIfAbsent(pending.noticeKey(), pending) == null) {
      expectedAt.put(pending.noticeKey(), pending.since());
    }
  }

  @Override
  public synchronized Optional<RecipientAcknowledgement> find(String noticeKey) {
    return Optional.ofNullable(entries.get(requireNonNull(noticeKey, "noticeKey")));
  }

  @Override
  public synchronized boolean update(RecipientAcknowledgement updated) {
    requireNonNull(updated, "updated");
    RecipientAcknowledgement current = entries.get(updated.noticeKey());
    if (current == null || current.status().settled()) {
      return false;
    }
    entries.put(updated.noticeKey(), updated);
    return true;
  }

  @Override
  public synchronized boolean keepSectionChunk(
      String noticeKey, int index, boolean last, String text) {
    requireNonNull(text, "text");
    if (index < 0) {
      throw new IllegalArgumentException("A chunk's index is at least 0, not " + index);
    }
    if (!entries.containsKey(requireNonNull(noticeKey, "noticeKey"))) {
      return false;
    }
    Map<Integer, String> kept = chunks.computeIfAbsent(noticeKey, key -> new TreeMap<>());
    if (kept.putIfAbsent(index, text) != null) {
      return false;
    }
    if (last) {
      chunkCounts.put(noticeKey, index + 1);
    }
    return isWhole(noticeKey);
  }

  private boolean isWhole(String noticeKey) {
    Integer count = chunkCounts.get(noticeKey);
    return count != null && chunks.getOrDefault(noticeKey, Map.of()).size() == count;
  }

  @Override
  public synchronized List<ReportSection> sections(RequestId requestId) {
    return forRequest(requestId).stream()
        .filter(entry -> isWhole(entry.noticeKey()))
        .map(
            entry ->
                new ReportSection(
                    entry.noticeKey(), entry.recipient(), chunkCounts.get(entry.noticeKey())))
        .toList();
  }

  @Override
  public synchronized Optional<String> sectionChunk(String noticeKey, int index) {
    return Optional.ofNullable(
        chunks.getOrDefault(requireNonNull(noticeKey, "noticeKey"), Map.of()).get(index));
  }

  @Override
  public synchronized int clearSections(RequestId requestId) {
    int cleared = 0;
    for (RecipientAcknowledgement entry : forRequest(requestId)) {
      Map<Integer, String> kept = chunks.remove(entry.noticeKey());
      chunkCounts.remove(entry.noticeKey());
      cleared += kept == null ? 0 : kept.size();
    }
    return cleared;
  }

  @Override
  public synchronized List<RecipientAcknowledgement> forRequest(RequestId requestId) {
    requireNonNull(requestId, "requestId");
    return entries.values().stream()
        .filter(entry -> entry.requestId().equals(requestId))
        .sorted(Comparator.comparing(entry -> expectedAt.get(entry.noticeKey())))
        .toList();
  }

  @Override
  public synchronized long countUnsettled() {
    return entries.values().stream().filter(entry -> !entry.status().settled()).count();
  }

  @Override
  public synchronized List<RecipientAcknowledgement> unsettled(int limit) {
    return entries.values().stream()
        .filter(entry -> !entry.status().settled())
        .sorted(Comparator.comparing(RecipientAcknowledgement::since))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized int deleteSettledBefore(Instant cutoff) {
    requireNonNull(cutoff, "cutoff");
    int before = entries.size();
    entries.values().removeIf(entry -> entry.status().settled() && entry.since().isBefore(cutoff));
    expectedAt.keySet().retainAll(entries.keySet());
    chunks.keySet().retainAll(entries.keySet());
    chunkCounts.keySet().retainAll(entries.keySet());
    return before - entries.size();
  }
}
