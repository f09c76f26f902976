package dev.lethe.internal.rights;

import dev.lethe.model.EntityDescriptor;
import dev.lethe.request.Rectification;
import dev.lethe.request.RectificationRejectedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jspecify.annotations.Nullable;

/**
 * Checks a rectification against the entity's own Bean Validation constraints with Hibernate
 * Validator, value by value, without an instance of the entity.
 */
public final class RectificationValidator {

  private final Validator validator;

  public RectificationValidator() {
    // The parameter interpolator needs no Expression Language implementation on the class path,
    // and, unlike EL, cannot echo the rejected value into a message.
    this.validator =
        Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
  }

  /**
   * Throws a {@link RectificationRejectedException} listing every violation, if there is any.
   * Only personal-data attributes of the entity may be rectified.
   */
  public void validate(EntityDescriptor entity, Rectification rectification) {
    List<RectificationRejectedException.Violation> violations = new ArrayList<>();
    rectification
        .changes()
        .forEach(
            (attribute, value) -> {
              if (entity.field(attribute).isEmpty()) {
                violations.add(
                    new RectificationRejectedException.Violation(
                        attribute, "is not a personal-data attribute of " + entity.name()));
                return;
              }
              check(entity, attribute, value, violations);
            });
    rejectIfAny(entity, violations);
  }

  /**
   * {@code changes} of personal-data attributes of {@code entity}, each value given as text for an
   * attribute of another type read as that type ({@link CorrectedValues#read}), checked as {@link
   * #validate} checks them.
   *
   * @throws RectificationRejectedException listing every violation and every value that cannot be read
   */
  public Map<String, @Nullable Object> read(
      EntityDescriptor entity, Map<String, @Nullable Object> changes) {
    List<RectificationRejectedException.Violation> violations = new ArrayList<>();
    Map<String, @Nullable Object> read = new LinkedHashMap<>();
    changes.forEach(
        (attribute, value) -> {
          Class<?> type = entity.field(attribute).orElseThrow().type();
          Object typed = value;
          if (value instanceof String text && !type.isInstance(text)) {
            typed = CorrectedValues.read(text, type).orElse(null);
            if (typed == null) {
              violations.add(
                  new RectificationRejectedException.Violation(
                      attribute, "cannot be read as a " + type.getSimpleName()));
              return;
            }
          }
          read.put(attribute, typed);
          check(entity, attribute, typed, violations);
        });
    rejectIfAny(entity, violations);
    return read;
  }

  private void check(
      EntityDescriptor entity,
      String attribute,
      @Nullable Object value,
      List<RectificationRejectedException.Violation> violations) {
    for (ConstraintViolation<?> violation : validateValue(entity.type(), attribute, value)) {
      violations.add(
          new RectificationRejectedException.Violation(attribute, violation.getMessage()));
    }
  }

  /**
   * The messages of the constraints {@code value} violates as {@code attribute} of {@code type}; the
   * messages name the constraint, never the value.
   */
  public List<String> violations(Class<?> type, String attribute, @Nullable Object value) {
    try {
      return validateValue(type, attribute, value).stream()
          .map(ConstraintViolation::getMessage)
          .toList();
    } catch (IllegalArgumentException | ValidationException e) {
      // An attribute that is no bean property of the type (a path into an embeddable) has no
      // constraints to check here.
      return List.of();
    }
  }

  private static void rejectIfAny(
      EntityDescriptor entity, List<RectificationRejectedException.Violation> violations) {
    if (!violations.isEmpty()) {
      throw new RectificationRejectedException(entity.type(), violations);
    }
  }

  private List<ConstraintViolation<?>> validateValue(
      Class<?> type, String attribute, @Nullable Object value) {
    return List.<ConstraintViolation<?>>copyOf(validator.validateValue(type, attribute, value));
  }
}
