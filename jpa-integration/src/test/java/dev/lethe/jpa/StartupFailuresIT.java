package dev.lethe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.SubjectLink;
import dev.lethe.jpa.broken.PersonalAssociation;
import dev.lethe.jpa.broken.PersonalFormula;
import dev.lethe.jpa.broken.Root;
import dev.lethe.jpa.broken.Unreachable;
import dev.lethe.jpa.broken.WithAny;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.model.ModelProblem;
import dev.lethe.model.ModelValidationException;
import dev.lethe.subject.Pseudonymizer;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A mapping the store cannot handle fails when the store is created, never silently skipped. */
class StartupFailuresIT {

  private static TestDatabase database;

  @BeforeAll
  static void openDatabase() {
    database = TestDatabase.create();
  }

  @AfterAll
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  @DisplayName(
      "Art. 17: an @Any association, personal data on an association and on a transient field fail at start-up, each named")
  void unsupportedMappingsFail() {
    UnsupportedMappingException refusal =
        refusal(database.open(Root.class, WithAny.class, PersonalAssociation.class));
    assertThat(attributes(refusal))
        .containsExactlyInAnyOrder(
            "WithAny.target", "PersonalAssociation.member", "PersonalAssociation.displayName");
    assertThat(refusal.getMessage())
        .contains("dev.lethe.jpa.broken.WithAny.target: is an @Any association");
  }

  /** The refusal of a store over {@code emf} at start-up. */
  private static UnsupportedMappingException refusal(EntityManagerFactory emf) {
    UnsupportedMappingException refusal =
        catchThrowableOfType(
            UnsupportedMappingException.class,
            () -> JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey()));
    assertThat(refusal).as("the refusal at start-up").isNotNull();
    return refusal;
  }

  /** The attributes a refusal names, as {@code Entity.attribute}. */
  private static List<String> attributes(UnsupportedMappingException refusal) {
    return refusal.problems().stream()
        .map(problem -> problem.entity().getSimpleName() + "." + problem.attribute())
        .toList();
  }

  @Test
  @DisplayName(
      "Art. 17: an extra class with personal data that is no entity of the factory fails at start-up, named")
  void extraClassThatIsNoEntityFails() {
    var emf = database.open(Root.class);
    assertThatThrownBy(
            () ->
                JpaPersonalDataStore.builder(emf, Pseudonymizer.withRandomKey())
                    .classes(NotAnEntity.class)
                    .build())
        .isInstanceOfSatisfying(
            UnsupportedMappingException.class,
            e ->
                assertThat(e.problems())
                    .extracting(
                        problem -> problem.entity().getSimpleName() + "." + problem.attribute())
                    .containsExactly("NotAnEntity.note"));
  }

  /** Annotated, linked to a subject, but unknown to JPA. */
  static class NotAnEntity {
    @SubjectLink(subject = "member", identity = "id")
    Long member;

    @PersonalData(category = "communication.content")
    String note;
  }

  @Test
  @DisplayName(
      "Art. 17: personal data in a @Formula that the erasure would write in place fails at start-up, each attribute named")
  void formulaErasedInPlaceFails() {
    UnsupportedMappingException refusal = refusal(database.open(Root.class, PersonalFormula.class));
    assertThat(attributes(refusal))
        .containsExactlyInAnyOrder("PersonalFormula.shouted", "PersonalFormula.whispered");
    assertThat(refusal.getMessage())
        .contains("PersonalFormula.shouted: is a @Formula")
        .contains("cannot be erased in place with REPLACE")
        .contains("cannot be erased in place with NULLIFY");
  }

  @Test
  @DisplayName("Art. 30: personal data that reaches no subject fails at start-up naming the entity")
  void unreachablePersonalDataFails() {
    var emf = database.open(Root.class, Unreachable.class);
    assertThatThrownBy(() -> JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey()))
        .isInstanceOfSatisfying(
            ModelValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ModelProblem::location)
                    .contains(Unreachable.class.getName()));
  }
}
