package dev.lethe.consent;

import static java.util.Objects.requireNonNull;

import dev.lethe.subject.SubjectPseudonym;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A {@link ConsentStore} in memory: one list per subject and purpose. Thread-safe. */
final class InMemoryConsentStore implements ConsentStore {

  private final Map<Key, List<ConsentRecord>> histories = new HashMap<>();
  private final Map<String, LocalDate> noticeVersions = new HashMap<>();

  @Override
  public synchronized void append(ConsentRecord record) {
    requireNonNull(record, "record");
    histories
        .computeIfAbsent(new Key(record.subject(), record.purpose()), key -> new ArrayList<>())
        .add(record);
  }

  @Override
  public synchronized boolean appendAfter(ConsentRecord record, Optional<ConsentRecord> latest) {
    // Under the store's lock: the check and the append are one step.
    return ConsentStore.super.appendAfter(record, latest);
  }

  @Override
  public synchronized Optional<LocalDate> noticeVersionAppliesFrom(
      String version, LocalDate today) {
    return Optional.of(
        noticeVersions.computeIfAbsent(
            requireNonNull(version, "version"), first -> requireNonNull(today, "today")));
  }

  @Override
  public synchronized List<ConsentRecord> history(SubjectPseudonym subject, String purpose) {
    Key key = new Key(requireNonNull(subject, "subject"), requireNonNull(purpose, "purpose"));
    return List.copyOf(histories.getOrDefault(key, List.of()));
  }

  @Override
  public synchronized Map<String, Long> countGivenUnderOtherNotice(
      String purpose, String currentVersion, Instant now) {
    return outdated(purpose, currentVersion, now)
        .collect(
            Collectors.groupingBy(
                ConsentRecord::noticeVersion, TreeMap::new, Collectors.counting()));
  }

  @Override
  public synchronized List<SubjectPseudonym> subjectsGivenUnderOtherNotice(
      String purpose,
      String currentVersion,
      Instant now,
      Optional<SubjectPseudonym> after,
      int limit) {
    return outdated(purpose, currentVersion, now)
        .map(ConsentRecord::subject)
        .filter(subject -> after.map(last -> subject.hex().compareTo(last.hex()) > 0).orElse(true))
        .sorted(Comparator.comparing(SubjectPseudonym::hex))
        .limit(limit)
        .toList();
  }

  /** The last record of each subject's history for {@code purpose}, if current and given under another version. */
  private Stream<ConsentRecord> outdated(String purpose, String currentVersion, Instant now) {
    return histories.entrySet().stream()
        .filter(entry -> entry.getKey().purpose().equals(purpose))
        .map(entry -> entry.getValue().get(entry.getValue().size() - 1))
        .filter(
            last ->
                last.stateAt(now) == ConsentState.GIVEN
                    && !last.noticeVersion().equals(currentVersion));
  }

  private record Key(SubjectPseudonym subject, String purpose) {}
}
