package dev.lethe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.SubjectLink;
import dev.lethe.model.BrokenFixtures.Customer;
import dev.lethe.model.BrokenFixtures.Expect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModelValidationTest {

  @Property(tries = 300)
  @Label(
      "Any combination of invalid annotations yields exactly the expected problems, all listed at once")
  void everyCombinationReportsExactlyItsProblems(
      @ForAll("brokenFixtureSets") List<Class<?>> fixtures) {
    List<Class<?>> classes = new ArrayList<>(fixtures);
    classes.add(Customer.class);

    List<ModelProblem> problems =
        PersonalDataModel.builder().add(classes.toArray(Class<?>[]::new)).validate();

    assertThat(problems.stream().map(ModelValidationTest::kindAtClass).toList())
        .containsExactlyInAnyOrderElementsOf(expectedProblems(fixtures));
    if (!fixtures.isEmpty()) {
      ModelValidationException failure =
          catchThrowableOfType(
              ModelValidationException.class,
              () -> PersonalDataModel.scan(classes.toArray(Class<?>[]::new)));
      assertThat(failure.problems()).isEqualTo(problems);
      assertThat(failure.getMessage())
          .contains(problems.stream().map(ModelProblem::toString).toList());
    }
  }

  @Provide
  Arbitrary<List<Class<?>>> brokenFixtureSets() {
    return Arbitraries.of(BrokenFixtures.COMBINABLE)
        .list()
        .uniqueElements()
        .ofMaxSize(BrokenFixtures.COMBINABLE.size());
  }

  @Test
  @DisplayName(
      "The broken fixture set produces this exact message, every problem with its location and fix")
  void fullMessage() throws IOException {
    List<Class<?>> classes = new ArrayList<>(BrokenFixtures.COMBINABLE);
    classes.addAll(
        List.of(
            Customer.class,
            BrokenFixtures.FirstMemberRoot.class,
            BrokenFixtures.SecondMemberRoot.class,
            BrokenFixtures.NewsletterAsConsent.class,
            BrokenFixtures.NewsletterAsContract.class));

    ModelValidationException failure =
        catchThrowableOfType(
            ModelValidationException.class,
            () -> PersonalDataModel.scan(classes.toArray(Class<?>[]::new)));

    assertThat(failure.getMessage()).isEqualTo(resource("broken-model-message.txt").strip());
  }

  @Test
  @DisplayName("Two roots for one subject type are reported once, naming both")
  void severalRoots() {
    assertThat(
            PersonalDataModel.builder()
                .add(BrokenFixtures.SecondMemberRoot.class, BrokenFixtures.FirstMemberRoot.class)
                .validate())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.kind()).isEqualTo(BrokenFixtures.SEVERAL_ROOTS);
              assertThat(problem.problem()).contains("FirstMemberRoot", "SecondMemberRoot");
            });
  }

  @Test
  @DisplayName("Art. 6(1): one purpose declared with two bases is a problem")
  void conflictingBases() {
    assertThat(
            PersonalDataModel.builder()
                .add(
                    Customer.class,
                    BrokenFixtures.NewsletterAsConsent.class,
                    BrokenFixtures.NewsletterAsContract.class)
                .validate())
        .extracting(ModelProblem::kind)
        .containsExactly(BrokenFixtures.TWO_BASES);
  }

  @Test
  @DisplayName(
      "A malformed category code is reported at every attribute that uses it, not only the first")
  void malformedCategoryOnEveryAttribute() {
    assertThat(
            PersonalDataModel.builder()
                .add(Customer.class, BrokenFixtures.BadCategory.class, SameBadCategoryTwice.class)
                .validate())
        .filteredOn(problem -> problem.kind() == ModelProblem.Kind.INVALID_CATEGORY)
        .extracting(ModelProblem::location)
        .containsExactly(
            BrokenFixtures.BadCategory.class.getName() + ".email",
            SameBadCategoryTwice.class.getName() + ".email",
            SameBadCategoryTwice.class.getName() + ".name");
  }

  static class SameBadCategoryTwice {
    @SubjectLink(subject = "customer")
    Long customerId;

    @PersonalData(category = "Contact Email")
    String email;

    @PersonalData(category = "Contact Email")
    String name;
  }

  @Test
  @DisplayName("Valid classes give no problems and a model")
  void validModel() {
    assertThat(PersonalDataModel.builder().add(Customer.class).validate()).isEmpty();
    assertThat(PersonalDataModel.scan(Customer.class).subjectTypes()).hasSize(1);
  }

  @Test
  @DisplayName("A validation failure needs at least one problem")
  void emptyFailureRefused() {
    assertThatThrownBy(() -> new ModelValidationException(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Map.Entry<ModelProblem.Kind, String> kindAtClass(ModelProblem problem) {
    String location = problem.location();
    String className =
        Arrays.stream(BrokenFixtures.class.getDeclaredClasses())
            .map(Class::getName)
            .filter(name -> location.equals(name) || location.startsWith(name + "."))
            .findFirst()
            .orElse(location);
    return Map.entry(problem.kind(), className);
  }

  private static List<Map.Entry<ModelProblem.Kind, String>> expectedProblems(
      List<Class<?>> fixtures) {
    return fixtures.stream()
        .flatMap(
            fixture ->
                Arrays.stream(fixture.getAnnotation(Expect.class).value())
                    .map(kind -> Map.entry(kind, fixture.getName())))
        .toList();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ModelValidationTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @SuppressWarnings("unused")
  private static Set<String> names(List<Class<?>> classes) {
    return classes.stream().map(Class::getName).collect(Collectors.toCollection(HashSet::new));
  }
}
