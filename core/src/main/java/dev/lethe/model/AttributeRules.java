package dev.lethe.model;

import static dev.lethe.model.ProblemText.MALFORMED_CATEGORY;
import static dev.lethe.model.ProblemText.PUBLIC_DATA_WITHOUT_SOURCE;

import dev.lethe.annotation.PersonalData;
import dev.lethe.law.DataCategory;
import dev.lethe.law.DataOrigin;
import dev.lethe.model.AnnotationReader.DeclaredAttribute;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns each declared attribute into its {@link FieldDescriptor}: checks its data category
 * (Art. 30(1)(c)) and, for data from public sources, its named source (Art. 14(2)(f)); its erasure
 * and its sensitivity are checked by their own rules.
 */
final class AttributeRules {

  private final ErasureRules erasure;
  private final SensitivityRules sensitivity;
  private final Problems problems;
  private final Map<String, Optional<DataCategory>> categories = new HashMap<>();

  AttributeRules(ErasureRules erasure, SensitivityRules sensitivity, Problems problems) {
    this.erasure = erasure;
    this.sensitivity = sensitivity;
    this.problems = problems;
  }

  /** The attribute as the model describes it; an invalid category counts as {@code identity} meanwhile. */
  FieldDescriptor describe(DeclaredAttribute attribute) {
    Field field = attribute.field();
    Optional<PersonalData> declared = attribute.declared();
    // Read by the reader only with @PersonalData or @SpecialCategory, so one of them is there.
    String code =
        declared
            .map(PersonalData::category)
            .orElseGet(() -> attribute.special().orElseThrow().value().dataCategory().code());
    DataCategory category =
        categoryOf(code)
            .orElseGet(
                () -> {
                  problems.report(MALFORMED_CATEGORY, AnnotationReader.location(field), code);
                  return DataCategory.IDENTITY;
                });
    DataOrigin origin = declared.map(PersonalData::origin).orElse(DataOrigin.PROVIDED);
    Optional<String> source = declared.map(PersonalData::source).filter(text -> !text.isBlank());
    if (origin == DataOrigin.PUBLICLY_AVAILABLE && source.isEmpty()) {
      problems.report(PUBLIC_DATA_WITHOUT_SOURCE, AnnotationReader.location(field));
    }
    Class<?> type = AnnotationReader.valueType(field);
    ErasureRule rule = erasure.declared(field, type, declared, category);
    // A class-level annotation's label is refused by the reader, so a label here is the attribute's
    // own.
    return new FieldDescriptor(
        attribute.path(),
        type,
        category,
        origin,
        source,
        rule,
        attribute.special().map(special -> sensitivity.of(special, field)),
        Collection.class.isAssignableFrom(field.getType()),
        attribute.owner(),
        declared.map(PersonalData::label).orElse(""));
  }

  /** The category a code names, if well-formed. Few codes recur on many attributes: each is checked once. */
  private Optional<DataCategory> categoryOf(String code) {
    return categories.computeIfAbsent(
        code,
        key ->
            DataCategory.isValidCode(key) ? Optional.of(DataCategory.of(key)) : Optional.empty());
  }
}
