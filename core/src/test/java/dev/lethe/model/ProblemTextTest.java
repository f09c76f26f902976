package dev.lethe.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProblemTextTest {

  @Test
  @DisplayName(
      "Every kind of problem names the article of the GDPR it serves and has a text in the catalogue")
  void everyKindHasItsArticleAndAText() {
    Set<ModelProblem.Kind> withText =
        Arrays.stream(ProblemText.values())
            .map(ProblemText::kind)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ModelProblem.Kind.class)));

    assertThat(withText).containsExactlyInAnyOrder(ModelProblem.Kind.values());
    assertThat(ModelProblem.Kind.values())
        .allSatisfy(
            kind ->
                assertThat(kind.article())
                    .matches("Art\\. \\d+(\\(\\w+\\))*(, \\d+(\\(\\w+\\))*)*"));
  }

  @Test
  @DisplayName(
      "Every text fills its problem and its fix with the values given, leaving no placeholder")
  void everyTemplateIsFilled() {
    assertThat(ProblemText.values())
        .allSatisfy(
            text -> {
              ModelProblem problem =
                  text.at("com.example.Customer.email", "first", "second", "third", "fourth");
              assertThat(problem.location()).isEqualTo("com.example.Customer.email");
              assertThat(problem.problem()).doesNotContain("%").isNotBlank();
              assertThat(problem.fix()).doesNotContain("%").isNotBlank();
            });
  }
}
