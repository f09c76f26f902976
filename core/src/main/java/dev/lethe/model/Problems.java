package dev.lethe.model;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The problems the pipeline's steps find, each once: an attribute inherited by several entities is
 * checked in each, and reported for the class that declares it.
 */
final class Problems {

  private final Set<ModelProblem> found = new LinkedHashSet<>();

  /** Reports {@code text} at {@code location}, filled with {@code values}. */
  void report(ProblemText text, String location, Object... values) {
    found.add(text.at(location, values));
  }

  /** Every problem, by location and kind; those of one location and kind in the order found. */
  List<ModelProblem> sorted() {
    return found.stream()
        .sorted(Comparator.comparing(ModelProblem::location).thenComparing(ModelProblem::kind))
        .toList();
  }
}
