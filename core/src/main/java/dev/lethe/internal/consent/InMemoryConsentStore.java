package dev.lethe.internal.consent;

import static java.util.Objects.requireNonNull;

import dev.lethe.audit.SubjectPseudonym;
import dev.lethe.consent.ConsentRecord;
import dev.lethe.spi.ConsentStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link ConsentStore} in memory: one list per subject and purpose. Thread-safe. */
public final class InMemoryConsentStore implements ConsentStore {

  private final Map<Key, List<ConsentRecord>> histories = new HashMap<>();

  @Override
  public synchronized void append(ConsentRecord record) {
    requireNonNull(record, "record");
    histories.computeIfAbsent(new Key(record.subject(), record.purpose()), key -> new ArrayList<>()).add(record);
  }

  @Override
  public synchronized boolean appendAfter(ConsentRecord record, Optional<ConsentRecord> latest) {
    // Under the store's lock: the check and the append are one step.
    return ConsentStore.super.appendAfter(record, latest);
  }

  @Override
  public synchronized List<ConsentRecord> history(SubjectPseudonym subject, String purpose) {
    Key key = new Key(requireNonNull(subject, "subject"), requireNonNull(purpose, "purpose"));
    return List.copyOf(histories.getOrDefault(key, List.of()));
  }

  private record Key(SubjectPseudonym subject, String purpose) {}
}
