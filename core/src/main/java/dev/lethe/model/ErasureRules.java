package dev.lethe.model;

import static dev.lethe.model.ProblemText.EXEMPTION_ON_ERASING_STRATEGY;
import static dev.lethe.model.ProblemText.IDENTIFIER_OF_KEPT_ROW;
import static dev.lethe.model.ProblemText.KEEP_UNEXEMPTED;
import static dev.lethe.model.ProblemText.NEGATIVE_MASK;
import static dev.lethe.model.ProblemText.NO_DEFAULT_PLACEHOLDER;
import static dev.lethe.model.ProblemText.NULLIFY_PRIMITIVE;
import static dev.lethe.model.ProblemText.SEVERAL_EXEMPTIONS;
import static dev.lethe.model.ProblemText.TEXT_STRATEGY_ON_OTHER_TYPE;
import static dev.lethe.model.ProblemText.UNCONVERTIBLE_PLACEHOLDER;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.law.DataCategory;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What erasure does to each attribute (Art. 17): the strategy an attribute declares must work on its
 * type, and KEEP needs its one Art. 17(3) exemption; a row that keeps an attribute stays, so what
 * would have been deleted with it is erased in place.
 */
final class ErasureRules {

  private final Problems problems;

  ErasureRules(Problems problems) {
    this.problems = problems;
  }

  /**
   * The erasure {@code declared} states for {@code field}, whose values are of {@code type}, checked;
   * {@code NULLIFY} for an attribute that only {@code @SpecialCategory} marks.
   */
  ErasureRule declared(
      Field field, Class<?> type, Optional<PersonalData> declared, DataCategory category) {
    ErasureRule rule =
        declared
            .map(
                annotation ->
                    new ErasureRule(
                        annotation.erasure(),
                        Optional.of(annotation.placeholder()).filter(text -> !text.isEmpty()),
                        annotation.maskKeepFirst(),
                        annotation.maskKeepLast(),
                        Arrays.stream(annotation.exemption()).findFirst()))
            .orElseGet(() -> ErasureRule.of(ErasureStrategy.NULLIFY));
    check(
        AnnotationReader.location(field),
        type,
        rule,
        category,
        declared.map(PersonalData::exemption).map(exemptions -> exemptions.length).orElse(0));
    return rule;
  }

  private void check(
      String location, Class<?> type, ErasureRule rule, DataCategory category, int exemptions) {
    String typeName = type.getSimpleName();
    ErasureStrategy strategy = rule.strategy();
    switch (strategy) {
      case HASH, MASK -> {
        if (type != String.class) {
          problems.report(TEXT_STRATEGY_ON_OTHER_TYPE, location, strategy, typeName);
        }
        if (strategy == ErasureStrategy.MASK
            && (rule.maskKeepFirst() < 0 || rule.maskKeepLast() < 0)) {
          problems.report(NEGATIVE_MASK, location, rule.maskKeepFirst(), rule.maskKeepLast());
        }
      }
      case NULLIFY -> {
        if (type.isPrimitive()) {
          problems.report(
              NULLIFY_PRIMITIVE, location, typeName, AnnotationReader.boxed(type).getSimpleName());
        }
      }
      case REPLACE -> {
        if (Placeholders.replacement(rule.placeholder(), type, category).isEmpty()) {
          problems.report(
              rule.placeholder().isPresent() ? UNCONVERTIBLE_PLACEHOLDER : NO_DEFAULT_PLACEHOLDER,
              location,
              typeName,
              rule.placeholder().orElse(""));
        }
      }
      case KEEP -> {
        if (exemptions == 0) {
          problems.report(KEEP_UNEXEMPTED, location);
        }
      }
      case DELETE_ROW -> {}
    }
    if (exemptions > 1) {
      problems.report(SEVERAL_EXEMPTIONS, location, exemptions);
    } else if (exemptions == 1 && strategy != ErasureStrategy.KEEP) {
      problems.report(EXEMPTION_ON_ERASING_STRATEGY, location, strategy);
    }
  }

  /**
   * {@code described}, with {@code DELETE_ROW} attributes erased in place where another attribute
   * is kept: a kept attribute outlives its row only if the row stays (Art. 17(3)), so the row stays
   * and what would have gone with it is erased by {@code NULLIFY} ({@code REPLACE} with the type's
   * default for a primitive). The receipt then counts the rows as updated and names the kept
   * attributes with their exemption.
   */
  List<FieldDescriptor> keptRowsErasedInPlace(
      Class<?> type, List<FieldDescriptor> described, Optional<String> identifier) {
    List<FieldDescriptor> kept =
        described.stream()
            .filter(field -> field.erasure().strategy() == ErasureStrategy.KEEP)
            .toList();
    if (kept.isEmpty() || described.stream().noneMatch(ErasureRules::deletesRow)) {
      return described;
    }
    described.stream()
        .filter(field -> deletesRow(field) && field.name().equals(identifier.orElse(null)))
        .forEach(
            field ->
                problems.report(
                    IDENTIFIER_OF_KEPT_ROW,
                    type.getName() + "." + field.name(),
                    kept.get(0).name()));
    return described.stream()
        .map(
            field ->
                !deletesRow(field)
                    ? field
                    : new FieldDescriptor(
                        field.name(),
                        field.type(),
                        field.category(),
                        field.origin(),
                        field.source(),
                        inPlace(field.type()),
                        field.sensitivity(),
                        field.collection(),
                        field.owner(),
                        field.label()))
        .toList();
  }

  private static boolean deletesRow(FieldDescriptor field) {
    return field.erasure().strategy() == ErasureStrategy.DELETE_ROW;
  }

  /**
   * The erasure of a link attribute, which has no {@code @PersonalData} of its own: the class-level
   * declaration's row decision where that is {@code DELETE_ROW} or {@code KEEP}; else a link that
   * is the row's identifier, which cannot be overwritten, deletes its row; any other is erased in place.
   */
  static ErasureRule ofLink(Optional<PersonalData> covering, boolean identifier, Class<?> type) {
    return covering
        .filter(
            declared ->
                declared.erasure() == ErasureStrategy.DELETE_ROW
                    || declared.erasure() == ErasureStrategy.KEEP)
        .map(
            declared ->
                new ErasureRule(
                    declared.erasure(),
                    Optional.empty(),
                    0,
                    0,
                    Arrays.stream(declared.exemption()).findFirst()))
        .orElseGet(() -> identifier ? ErasureRule.of(ErasureStrategy.DELETE_ROW) : inPlace(type));
  }

  /**
   * Erasure in place of an attribute with no stated strategy: NULLIFY, or REPLACE with the default
   * where null cannot be.
   */
  static ErasureRule inPlace(Class<?> type) {
    return ErasureRule.of(type.isPrimitive() ? ErasureStrategy.REPLACE : ErasureStrategy.NULLIFY);
  }
}
