package dev.lethe.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How the rows of an entity reach a data subject: follow {@code path}, attribute by attribute, from
 * the entity to a value of the subject's {@code identity}. {@code Visit → Pet → Owner} is the path
 * {@code pet.owner.id} with identity {@code id}; a column holding the customer's e-mail is the path
 * {@code customerEmail} with identity {@code email}. Access and erasure find a subject's rows along
 * these routes.
 *
 * @param subjectType the subject type reached
 * @param path attribute names from the entity to the identity value
 * @param identity the subject identity that the path ends at
 */
public record SubjectRoute(String subjectType, List<String> path, String identity) {

  public SubjectRoute {
    requireNonNull(subjectType, "subjectType");
    requireNonNull(identity, "identity");
    path = List.copyOf(path);
    if (path.isEmpty()) {
      throw new IllegalArgumentException("A subject route needs at least one attribute");
    }
  }

  /** The path as a dotted string, such as {@code pet.owner.id}. */
  public String dottedPath() {
    return String.join(".", path);
  }
}
