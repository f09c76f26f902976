package dev.lethe.jpa.internal;

import static java.util.Objects.requireNonNull;

/**
 * One attribute the store cannot handle, as the machinery finds it. The store reports it to the
 * application as a {@link dev.lethe.jpa.UnsupportedMappingException.Problem} with the same four
 * values: the machinery does not name the API's types, whose package depends on it.
 *
 * @param entity the entity class
 * @param attribute the attribute's name
 * @param problem what is wrong
 * @param fix how to fix it
 */
public record MappingProblem(Class<?> entity, String attribute, String problem, String fix) {

  public MappingProblem {
    requireNonNull(entity, "entity");
    requireNonNull(attribute, "attribute");
    requireNonNull(problem, "problem");
    requireNonNull(fix, "fix");
  }
}
