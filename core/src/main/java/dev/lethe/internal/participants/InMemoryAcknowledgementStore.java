package dev.lethe.internal.participants;

import static java.util.Objects.requireNonNull;

import dev.lethe.rights.RequestId;
import dev.lethe.spi.AcknowledgementStore;
import dev.lethe.spi.RecipientAcknowledgement;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Acknowledgements in a map, guarded by its monitor: one JVM only, gone on restart. */
public final class InMemoryAcknowledgementStore implements AcknowledgementStore {

  private final Map<String, RecipientAcknowledgement> entries = new LinkedHashMap<>();
  private final Map<String, Instant> expectedAt = new LinkedHashMap<>();
  private final Map<String, String> sections = new LinkedHashMap<>();

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
  public synchronized boolean attachSection(String noticeKey, String section) {
    requireNonNull(section, "section");
    if (!entries.containsKey(requireNonNull(noticeKey, "noticeKey"))) {
      return false;
    }
    sections.put(noticeKey, section);
    return true;
  }

  @Override
  public synchronized Map<String, String> sections(RequestId requestId) {
    Map<String, String> found = new LinkedHashMap<>();
    forRequest(requestId).stream().filter(entry -> sections.containsKey(entry.noticeKey()))
        .forEach(entry -> found.put(entry.recipient(), sections.get(entry.noticeKey())));
    return found;
  }

  @Override
  public synchronized int clearSections(RequestId requestId) {
    int before = sections.size();
    forRequest(requestId).forEach(entry -> sections.remove(entry.noticeKey()));
    return before - sections.size();
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
    sections.keySet().retainAll(entries.keySet());
    return before - entries.size();
  }
}
