package dev.lethe.jpa.internal;

import java.util.List;

/**
 * Thrown by the machinery at start-up with every mapping problem it found; the store turns it into
 * the {@link dev.lethe.jpa.UnsupportedMappingException} the application catches, problem for problem.
 */
public final class MappingProblemsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<MappingProblem> problems;

  /** An exception listing {@code problems}, which must not be empty. */
  public MappingProblemsException(List<MappingProblem> problems) {
    super(
        "Mapping problems, which the store reports as an UnsupportedMappingException: " + problems);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("A MappingProblemsException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in discovery order. */
  public List<MappingProblem> problems() {
    return problems;
  }
}
