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
 * <p>A segment may also be a <em>reverse hop</em>, written {@code <Entity.attribute}: the row of
 * {@code Entity} whose collection {@code attribute} holds this row, for a collection only the other
 * side declares (a unidirectional {@code @OneToMany} from a parent to its children, or a
 * many-to-many join table). {@code <Owner.pets.id} is the route of a pet that its owner lists.
 *
 * @param subjectType the subject type reached
 * @param path attribute names from the entity to the identity value
 * @param identity the subject identity that the path ends at
 * @param name the route's name, by which a field names the subject it belongs to: the associations
 *     followed to a root, such as {@code pet.owner} for {@code pet.owner.id}; the whole path for a
 *     link column, such as {@code customerEmail}
 */
public record SubjectRoute(String subjectType, List<String> path, String identity, String name) {

  /** A route to a subject root, named by the associations it follows (or its one attribute). */
  public SubjectRoute(String subjectType, List<String> path, String identity) {
    this(
        subjectType,
        path,
        identity,
        path.size() == 1 ? path.get(0) : String.join(".", path.subList(0, path.size() - 1)));
  }

  public SubjectRoute {
    requireNonNull(subjectType, "subjectType");
    requireNonNull(identity, "identity");
    requireNonNull(name, "name");
    path = List.copyOf(path);
    if (path.isEmpty()) {
      throw new IllegalArgumentException("A subject route needs at least one attribute");
    }
  }

  /** The prefix of a reverse hop's segment. */
  public static final String REVERSE = "<";

  /** The path as a dotted string, such as {@code pet.owner.id}. */
  public String dottedPath() {
    return String.join(".", path);
  }

  /** Whether {@code segment} is a reverse hop, {@code <Entity.attribute}. */
  public static boolean isReverse(String segment) {
    return segment.startsWith(REVERSE);
  }

  /** Whether the route follows a reverse hop anywhere. */
  public boolean hasReverseHop() {
    return path.stream().anyMatch(SubjectRoute::isReverse);
  }
}
