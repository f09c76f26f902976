package dev.lethe.consent;

import dev.lethe.subject.SubjectPseudonym;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the {@link ConsentLedger} keeps consent histories, so that the controller can demonstrate
 * each consent (Art. 7(1)). Append-only: a record is never changed or removed. Subjects appear only
 * as keyed pseudonyms (Art. 4(5)), never as identities. Shaped for a table with an index on
 * (subject, purpose, order of appending).
 *
 * <p>Implementations must pass {@code ConsentStoreCompatibilityKit} from the lethe-core test-jar.
 */
public interface ConsentStore {

  /** Appends {@code record} to the history of its subject and purpose. */
  void append(ConsentRecord record);

  /**
   * Appends {@code record} only if the last record of its subject and purpose is still
   * {@code latest} (empty: none yet), and returns whether it did: of two replicas withdrawing one
   * consent at once, exactly one records it (Art. 7(1), 7(3)). The default checks, then appends,
   * which is enough in one JVM only; a store shared by replicas must do both in one step.
   */
  default boolean appendAfter(ConsentRecord record, Optional<ConsentRecord> latest) {
    if (!latest(record.subject(), record.purpose()).equals(latest)) {
      return false;
    }
    append(record);
    return true;
  }

  /** The history of {@code subject} for {@code purpose}, in the order appended; empty if there is none. */
  List<ConsentRecord> history(SubjectPseudonym subject, String purpose);

  /**
   * The record last appended for {@code subject} and {@code purpose} (Art. 7(1)). The default reads
   * the whole history; a database answers it from its index.
   */
  default Optional<ConsentRecord> latest(SubjectPseudonym subject, String purpose) {
    List<ConsentRecord> history = history(subject, purpose);
    return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
  }

  /**
   * How many subjects' current consent to {@code purpose} was given under each notice version other
   * than {@code currentVersion}, by version in text order: a subject's consent is current when its
   * last record for the purpose is {@link ConsentState#GIVEN} and has not lapsed at {@code now} (Art.
   * 7(1), 13(3)). One set-based read, whatever the number of subjects.
   *
   * @throws UnsupportedOperationException if the store cannot report on every subject (the default)
   */
  default Map<String, Long> countGivenUnderOtherNotice(
      String purpose, String currentVersion, Instant now) {
    throw new UnsupportedOperationException(
        getClass().getName()
            + " cannot report consents given under an older"
            + " notice: implement ConsentStore.countGivenUnderOtherNotice and subjectsGivenUnderOtherNotice");
  }

  /**
   * Up to {@code limit} of the subjects counted by {@link #countGivenUnderOtherNotice}, whatever the
   * older version, in the order of their pseudonym and after {@code after} if given: a page, the next
   * one read after its last subject.
   *
   * @throws UnsupportedOperationException if the store cannot report on every subject (the default)
   */
  default List<SubjectPseudonym> subjectsGivenUnderOtherNotice(
      String purpose,
      String currentVersion,
      Instant now,
      Optional<SubjectPseudonym> after,
      int limit) {
    throw new UnsupportedOperationException(
        getClass().getName()
            + " cannot report consents given under an older"
            + " notice: implement ConsentStore.countGivenUnderOtherNotice and subjectsGivenUnderOtherNotice");
  }

  /**
   * The day the privacy notice's {@code version} applies from: the {@code today} of the first call
   * that names it, kept, so that every later call, on any replica and after restarts, answers the same
   * day, and a new version (a material change) gets a new one (Art. 7(1), 13(3)). Of replicas starting
   * a new version at once, the first to record it wins. The default keeps no versions and answers
   * empty: the notice then states no date.
   */
  default Optional<LocalDate> noticeVersionAppliesFrom(String version, LocalDate today) {
    return Optional.empty();
  }

  /** A store that keeps consent histories in memory, for tests and for applications without a durable store. */
  static ConsentStore inMemory() {
    return new InMemoryConsentStore();
  }
}
