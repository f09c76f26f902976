package dev.lethe.testing;

import static java.util.Objects.requireNonNull;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.erasure.OtherCopy;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.request.Rectification;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PersonalDataStore} that hands every call to another (Art. 15–17 alike), for a test to
 * override what it watches or changes.
 */
public class ForwardingPersonalDataStore implements PersonalDataStore {

  private final PersonalDataStore store;

  /** A store handing every call to {@code store}. */
  public ForwardingPersonalDataStore(PersonalDataStore store) {
    this.store = requireNonNull(store, "store");
  }

  @Override
  public Set<SubjectKey> resolve(SubjectIdentifier identifier) {
    return store.resolve(identifier);
  }

  @Override
  public Stream<SubjectRecord> records(SubjectKey subject, EntityDescriptor entity) {
    return store.records(subject, entity);
  }

  @Override
  public Stream<Map<String, @Nullable Object>> values(SubjectKey subject, EntityDescriptor entity) {
    return store.values(subject, entity);
  }

  @Override
  public <T, E extends Exception> T readingTogether(ReadWork<T, E> work) throws E {
    return store.readingTogether(work);
  }

  @Override
  public Map<Class<?>, ErasurePlan.RowCount> erase(ErasurePlan plan) {
    return store.erase(plan);
  }

  @Override
  public void rectify(SubjectKey subject, Rectification rectification) {
    store.rectify(subject, rectification);
  }

  @Override
  public Stream<Object> subjectIds(String subjectType) {
    return store.subjectIds(subjectType);
  }

  @Override
  public Set<SubjectKey> subjectsWithRowsBetween(
      EntityDescriptor entity, String attribute, Instant from, Instant to) {
    return store.subjectsWithRowsBetween(entity, attribute, from, to);
  }

  @Override
  public List<OtherCopy> otherCopies() {
    return store.otherCopies();
  }
}
