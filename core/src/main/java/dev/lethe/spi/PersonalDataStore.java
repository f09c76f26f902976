package dev.lethe.spi;

import static java.util.Objects.requireNonNull;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.erasure.OtherCopy;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.request.Rectification;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Where personal data lives, seen through the model: Lethe plans, a store executes. The JPA module
 * implements it over an {@code EntityManagerFactory}; {@link #inMemory} keeps plain objects.
 *
 * <p>Designed for a database that streams: records come as a {@link Stream} that the caller closes,
 * so that a subject with a hundred thousand rows is exported in flat memory, and erasure takes one
 * plan so that a store can run it as a few set-based statements in one transaction.
 *
 * <p>Implementations must pass {@code PersonalDataStoreCompatibilityKit} from lethe-tck.
 */
public interface PersonalDataStore {

  /**
   * The keys of the subjects that {@code identifier} names; empty when it names nobody
   * (Art. 15(1): the answer is then that no data is processed, not an error).
   */
  Set<SubjectKey> resolve(SubjectIdentifier identifier);

  /**
   * The subject's rows of {@code entity}, found along the entity's route to the subject, each with
   * its personal-data values (Art. 15(3), 20(1)). The caller closes the stream.
   */
  Stream<SubjectRecord> records(SubjectKey subject, EntityDescriptor entity);

  /**
   * The personal-data values of the subject's rows of {@code entity}, as {@link #records} gives them
   * but without the rows' identifiers: what an access or portability report writes (Art. 15(3),
   * 20(1)). By default the records' values; a store that reads less without the identifiers (no
   * identifier column, no record per row) overrides it. The caller closes the stream.
   */
  default Stream<Map<String, @Nullable Object>> values(
      SubjectKey subject, EntityDescriptor entity) {
    return records(subject, entity).map(SubjectRecord::values);
  }

  /**
   * Runs {@code work}, whose reads may share one connection and transaction of the store: the
   * records and values streams it opens one after another, such as the sections of one access or
   * portability report (Art. 15(3), 20(1)), which then cost the database one transaction instead of
   * one per stream. A stream must be closed inside {@code work}, where it was opened. By default the
   * work just runs, each stream reading as it would outside; a store whose streams each take a
   * connection of their own overrides it. Nested calls run inside the outermost one.
   *
   * @return what {@code work} returns
   * @throws E what {@code work} throws, after the store has released what the work's reads held
   */
  default <T, E extends Exception> T readingTogether(ReadWork<T, E> work) throws E {
    requireNonNull(work, "work");
    return work.run();
  }

  /**
   * Executes {@code plan} atomically: every step is applied, or on any failure none is
   * (Art. 17(1)). Returns the rows touched per entity class; running a plan again touches none.
   */
  Map<Class<?>, ErasurePlan.RowCount> erase(ErasurePlan plan);

  /**
   * Applies a rectification to one row (Art. 16). Lethe has validated the values against the
   * entity's constraints before; a store that writes through the entity runs them again.
   *
   * @throws IllegalArgumentException if the row does not exist or does not belong to the subject
   */
  void rectify(SubjectKey subject, Rectification rectification);

  /**
   * The identifiers of every root row of {@code subjectType}, rows hidden from the application
   * (soft-deleted, filtered) included, so that erasures can be carried out again on data restored
   * from a backup (Art. 17(1)): the caller compares each with its erasures' tombstones. Streams; the
   * caller closes the stream. An unknown subject type has none.
   *
   * @throws UnsupportedOperationException if the store cannot list its subjects (the default)
   */
  default Stream<Object> subjectIds(String subjectType) {
    throw new UnsupportedOperationException(
        getClass().getName()
            + " cannot list its subjects, so erasures cannot be"
            + " reapplied on it: implement PersonalDataStore.subjectIds");
  }

  /**
   * The subjects that have a row of {@code entity} whose {@code attribute} lies in {@code [from, to)},
   * along each of the entity's routes (a subject root's own rows included): the subjects a
   * personal-data breach of those rows affects (Art. 33(3)(a), 34(1)). {@code attribute} is a date or
   * time attribute the entity declares ({@code Instant}, {@code LocalDateTime}, {@code LocalDate},
   * {@code OffsetDateTime}, {@code ZonedDateTime}, {@code Date}, {@code Calendar}), such as when the
   * row was written; a row whose attribute is null is in no window. A date is the instant its day
   * starts, and dates and local date-times are read in the system's zone. Rows hidden from the
   * application (soft-deleted, filtered) count: a breach exposes them as well.
   *
   * @throws IllegalArgumentException if {@code attribute} is not a date or time attribute of the
   *     entity: the message names the entity and the attributes it could be, or how to add one
   * @throws UnsupportedOperationException if the store cannot search its rows by time (the default)
   */
  default Set<SubjectKey> subjectsWithRowsBetween(
      EntityDescriptor entity, String attribute, Instant from, Instant to) {
    throw new UnsupportedOperationException(
        getClass().getName()
            + " cannot find the subjects of rows by time, so a"
            + " breach's subjects must be listed: implement PersonalDataStore.subjectsWithRowsBetween");
  }

  /**
   * The copies of the model's personal data this store knows of and cannot erase, as found when it
   * started (Art. 17(1), 17(2), 30(1)): triggers, materialized views, publications, history tables,
   * caches, unmapped tables. Empty by default: a store that looks for none finds none.
   */
  default List<OtherCopy> otherCopies() {
    return List.of();
  }

  /**
   * Work whose reads of a subject's data may share one transaction of the store, such as writing an
   * access or portability report (Art. 15(3), 20(1)); see {@link #readingTogether}.
   *
   * @param <T> what the work returns
   * @param <E> what it may throw besides unchecked exceptions, such as the report's output failing
   */
  @FunctionalInterface
  interface ReadWork<T, E extends Exception> {
    /** Does the work. */
    T run() throws E;
  }

  /** A store over objects held in memory, for tests and applications without a database. */
  static InMemoryStore inMemory(PersonalDataModel model, Pseudonymizer hashKey) {
    return new InMemoryPersonalDataStore(model, hashKey);
  }

  /** A {@link PersonalDataStore} that holds plain objects added to it, and sweeps them for retention. */
  interface InMemoryStore extends PersonalDataStore, RetentionSweeper {
    /** Adds objects of model classes; they are held by reference and changed in place by erasure. */
    InMemoryStore add(Object... entities);
  }
}
