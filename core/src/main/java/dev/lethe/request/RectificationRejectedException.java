package dev.lethe.request;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a rectification (Art. 16) breaks the entity's constraints or names attributes that
 * are not personal data. Nothing was applied. Each violation names the attribute and the
 * constraint's message, never the rejected value.
 */
public final class RectificationRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<Violation> violations;

  /** A rejection listing {@code violations}. */
  public RectificationRejectedException(Class<?> entity, List<Violation> violations) {
    super(
        "Rectification of "
            + entity.getSimpleName()
            + " rejected, nothing was changed: "
            + violations.stream()
                .map(violation -> violation.attribute() + " " + violation.message())
                .collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  /** Every violation found. */
  public List<Violation> violations() {
    return violations;
  }

  /**
   * One attribute's violation.
   *
   * @param attribute the attribute
   * @param message what the constraint requires, such as "must be a well-formed email address"
   */
  public record Violation(String attribute, String message) {
    public Violation {
      requireNonNull(attribute, "attribute");
      requireNonNull(message, "message");
    }
  }
}
