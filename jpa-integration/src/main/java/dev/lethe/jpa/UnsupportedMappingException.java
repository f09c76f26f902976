package dev.lethe.jpa;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown at start-up when the JPA mapping holds something the store cannot read or erase, such as
 * an {@code @Any} association on an entity with personal data or {@code @PersonalData} on an
 * association. Erasure (Art. 17) and access (Art. 15) must cover every personal-data attribute, so
 * nothing is skipped silently: every problem is listed, each naming its entity and attribute.
 */
public final class UnsupportedMappingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /** An exception listing {@code problems}, which must not be empty. */
  public UnsupportedMappingException(List<Problem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in discovery order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException(
          "An UnsupportedMappingException needs at least one problem");
    }
    return "The JPA mapping has "
        + problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + " that Lethe cannot handle:\n"
        + problems.stream().map(problem -> "  - " + problem).collect(Collectors.joining("\n"));
  }

  /**
   * One attribute the store cannot handle.
   *
   * @param entity the entity class
   * @param attribute the attribute's name
   * @param problem what is wrong
   * @param fix how to fix it
   */
  public record Problem(Class<?> entity, String attribute, String problem, String fix) {

    public Problem {
      requireNonNull(entity, "entity");
      requireNonNull(attribute, "attribute");
      requireNonNull(problem, "problem");
      requireNonNull(fix, "fix");
    }

    @Override
    public String toString() {
      return entity.getName() + "." + attribute + ": " + problem + " Fix: " + fix;
    }
  }
}
