package dev.lethe.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.law.RestrictionGround;
import dev.lethe.request.RequestId;
import dev.lethe.restriction.Restriction;
import dev.lethe.restriction.RestrictionStore;
import dev.lethe.subject.SubjectPseudonym;
import java.time.Instant;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RestrictionStore} must do. Extend it with {@link #createStore()} returning an
 * empty store; the tests run against it.
 */
public abstract class RestrictionStoreCompatibilityKit {

  private static final SubjectPseudonym ADA = new SubjectPseudonym("a".repeat(64));
  private static final SubjectPseudonym GRACE = new SubjectPseudonym("b".repeat(64));
  private static final Instant AT = Instant.parse("2025-03-03T09:00:00.123456789Z");

  protected RestrictionStore store;

  /** A new, empty store of the implementation under test. */
  protected abstract RestrictionStore createStore();

  @BeforeEach
  void createEmptyStore() {
    store = createStore();
  }

  @Test
  void anEmptyStoreFindsNothingAndRemovesNothing() {
    assertThat(store.find(ADA)).isEmpty();
    assertThat(store.remove(ADA)).isFalse();
  }

  @Test
  @DisplayName(
      "Art. 18(2): a store that says no restriction stands never says so while one it saved stands")
  void isEmptyNeverHidesARestrictionItSaved() {
    store.isEmpty();
    store.save(
        new Restriction(
            ADA, RequestId.random(), RestrictionGround.ACCURACY_CONTESTED, AT, Optional.empty()));

    assertThat(store.isEmpty()).as("a restriction was just saved through this store").isFalse();
  }

  @Test
  @DisplayName("Art. 18: a restriction is found by its subject, with every part")
  void findsARestrictionByItsSubject() {
    Restriction restriction =
        new Restriction(
            ADA,
            RequestId.random(),
            RestrictionGround.ACCURACY_CONTESTED,
            AT,
            Optional.of(AT.plusSeconds(86_400)));
    Restriction open =
        new Restriction(
            GRACE,
            RequestId.random(),
            RestrictionGround.NEEDED_FOR_LEGAL_CLAIMS,
            AT,
            Optional.empty());

    store.save(restriction);
    store.save(open);

    assertThat(store.find(ADA)).contains(restriction);
    assertThat(store.find(GRACE)).contains(open);
  }

  @Test
  void savingAgainReplacesTheSubjectsRestriction() {
    store.save(
        new Restriction(
            ADA, RequestId.random(), RestrictionGround.ACCURACY_CONTESTED, AT, Optional.empty()));
    Restriction replacement =
        new Restriction(
            ADA, RequestId.random(), RestrictionGround.OBJECTION_PENDING, AT, Optional.empty());

    store.save(replacement);

    assertThat(store.find(ADA)).contains(replacement);
  }

  @Test
  @DisplayName("Art. 18(3): removing lifts the subject's restriction only")
  void removingLiftsOnlyThatSubjectsRestriction() {
    store.save(
        new Restriction(
            ADA, RequestId.random(), RestrictionGround.ACCURACY_CONTESTED, AT, Optional.empty()));
    store.save(
        new Restriction(
            GRACE, RequestId.random(), RestrictionGround.ACCURACY_CONTESTED, AT, Optional.empty()));

    assertThat(store.remove(ADA)).isTrue();

    assertThat(store.find(ADA)).isEmpty();
    assertThat(store.find(GRACE)).isPresent();
    assertThat(store.remove(ADA)).isFalse();
  }

  @Test
  @DisplayName(
      "Art. 18, 5(2): adding a restriction where one stands fails and keeps the standing one")
  void addingWhereOneStandsFails() {
    Restriction first =
        new Restriction(
            ADA, RequestId.random(), RestrictionGround.ACCURACY_CONTESTED, AT, Optional.empty());
    store.add(first);

    Assertions.assertThatThrownBy(
            () ->
                store.add(
                    new Restriction(
                        ADA,
                        RequestId.random(),
                        RestrictionGround.UNLAWFUL_ERASURE_OPPOSED,
                        AT,
                        Optional.empty())))
        .isInstanceOf(RuntimeException.class);

    assertThat(store.find(ADA)).contains(first);
  }
}
