package dev.lethe.model;

import static dev.lethe.model.ProblemText.CRIMINAL_DATA_WITHOUT_A_PURPOSE;
import static dev.lethe.model.ProblemText.CRIMINAL_DATA_WITHOUT_LAW;
import static dev.lethe.model.ProblemText.EXPLICIT_CONSENT_FOR_OTHER_BASIS;
import static dev.lethe.model.ProblemText.SPECIAL_CATEGORY_CONDITIONS;
import static dev.lethe.model.ProblemText.SPECIAL_CATEGORY_WITHOUT_A_PURPOSE;

import dev.lethe.annotation.SpecialCategory;
import dev.lethe.law.Article9Condition;
import dev.lethe.law.LawfulBasis;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Optional;

/**
 * Special categories (Art. 9) and criminal-offence data (Art. 10): each needs its one Art. 9(2)
 * condition or its authorising law, and a purpose with its Art. 6 basis besides.
 */
final class SensitivityRules {

  private final Problems problems;

  SensitivityRules(Problems problems) {
    this.problems = problems;
  }

  /** The sensitivity {@code special} declares on {@code field}, checked for its condition or law. */
  Sensitivity of(SpecialCategory special, Field field) {
    if (special.value().isCriminalOffenceData()) {
      if (special.authorisedBy().isBlank()) {
        problems.report(CRIMINAL_DATA_WITHOUT_LAW, AnnotationReader.location(field));
      }
    } else if (special.condition().length != 1) {
      problems.report(
          SPECIAL_CATEGORY_CONDITIONS,
          AnnotationReader.location(field),
          special.value(),
          special.condition().length);
    }
    return new Sensitivity(
        special.value(),
        Arrays.stream(special.condition()).findFirst(),
        Optional.of(special.authorisedBy()).filter(text -> !text.isBlank()));
  }

  /**
   * Special-category and criminal-offence data is processed only for a purpose, with its Art. 6
   * basis, besides its Art. 9(2) condition or Art. 10 authorisation; data under explicit consent
   * (Art. 9(2)(a)) only for purposes resting on consent, so that the consent ledger records it.
   */
  void checkPurposes(EntityDescriptor entity) {
    for (FieldDescriptor field : entity.fields()) {
      if (field.sensitivity().isEmpty()) {
        continue;
      }
      Sensitivity sensitivity = field.sensitivity().get();
      String location = entity.type().getName() + "." + field.name();
      if (entity.purposes().isEmpty()) {
        problems.report(
            sensitivity.category().isCriminalOffenceData()
                ? CRIMINAL_DATA_WITHOUT_A_PURPOSE
                : SPECIAL_CATEGORY_WITHOUT_A_PURPOSE,
            location,
            sensitivity.category(),
            sensitivity.category().article(),
            entity.name());
      }
      if (sensitivity.condition().filter(Article9Condition.EXPLICIT_CONSENT::equals).isPresent()) {
        entity.purposes().stream()
            .filter(purpose -> purpose.basis().kind() != LawfulBasis.Kind.CONSENT)
            .forEach(
                purpose ->
                    problems.report(
                        EXPLICIT_CONSENT_FOR_OTHER_BASIS,
                        location,
                        purpose.name(),
                        purpose.basis().kind().title()));
      }
    }
  }
}
