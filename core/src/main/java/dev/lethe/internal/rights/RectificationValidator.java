package dev.lethe.internal.rights;

import dev.lethe.model.EntityDescriptor;
import dev.lethe.rights.Rectification;
import dev.lethe.rights.RectificationRejectedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks a rectification against the entity's own Bean Validation constraints with Hibernate
 * Validator, value by value, without an instance of the entity.
 */
public final class RectificationValidator {

  private final Validator validator;

  public RectificationValidator() {
    // The parameter interpolator needs no Expression Language implementation on the class path,
    // and, unlike EL, cannot echo the rejected value into a message.
    this.validator = Validation.byDefaultProvider().configure()
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
    rectification.changes().forEach((attribute, value) -> {
      if (entity.field(attribute).isEmpty()) {
        violations.add(new RectificationRejectedException.Violation(attribute,
            "is not a personal-data attribute of " + entity.name()));
        return;
      }
      for (ConstraintViolation<?> violation : validateValue(entity.type(), attribute, value)) {
        violations.add(new RectificationRejectedException.Violation(attribute, violation.getMessage()));
      }
    });
    if (!violations.isEmpty()) {
      throw new RectificationRejectedException(entity.type(), violations);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<ConstraintViolation<?>> validateValue(Class<?> type, String attribute, Object value) {
    return List.copyOf((java.util.Set) validator.validateValue((Class) type, attribute, value));
  }
}
