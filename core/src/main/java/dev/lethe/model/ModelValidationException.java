package dev.lethe.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when the personal-data annotations are invalid. It lists every problem at once, each with
 * its class, attribute, what is wrong and how to fix it, so that one build shows all of them.
 */
public final class ModelValidationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<ModelProblem> problems;

  /** An exception listing {@code problems}, which must not be empty. */
  public ModelValidationException(List<ModelProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found. */
  public List<ModelProblem> problems() {
    return problems;
  }

  private static String describe(List<ModelProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("A model validation failure needs at least one problem");
    }
    String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    return problems.stream()
        .map(problem -> "  - " + problem)
        .collect(Collectors.joining("\n", "The personal-data model has " + count + ":\n", ""));
  }
}
