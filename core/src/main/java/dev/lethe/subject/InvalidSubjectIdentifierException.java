package dev.lethe.subject;

import static java.util.Objects.requireNonNull;

/**
 * Thrown when a rights request names its subject in a way the personal-data model cannot resolve:
 * an unknown subject type, an identity the subject type does not have, or a value that cannot be of
 * the identity's type (such as {@code abc} for a numeric id). The request is refused when submitted
 * and nothing is stored, so that it is never later "fulfilled" with nothing done (Art. 12(2), 12(6)).
 *
 * <p>The message names the subject type, the identity and the expected type, never the value,
 * which may be personal data (Art. 32). A REST API answers it with 400.
 */
public final class InvalidSubjectIdentifierException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** What was wrong with the identifier. */
  public enum Problem {
    /** The subject type is not in the model. */
    UNKNOWN_SUBJECT_TYPE,
    /** The subject type has no identity of that name. */
    UNKNOWN_IDENTITY,
    /** The value cannot be of the identity's type. */
    MALFORMED_VALUE
  }

  private final Problem problem;

  /**
   * @param problem what was wrong
   * @param message the explanation, free of the identifier's value
   */
  public InvalidSubjectIdentifierException(Problem problem, String message) {
    super(requireNonNull(message, "message"));
    this.problem = requireNonNull(problem, "problem");
  }

  /** What was wrong with the identifier. */
  public Problem problem() {
    return problem;
  }
}
