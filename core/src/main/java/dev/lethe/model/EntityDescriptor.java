package dev.lethe.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Everything the model knows about one entity that holds personal data or leads to a subject: its
 * personal-data attributes, its retention policy, the purposes it is processed for and the routes
 * by which its rows reach data subjects.
 *
 * @param type the entity class
 * @param subjectRootOf the subject type this entity is the root of, if it is one
 * @param fields the personal-data attributes, in declaration order
 * @param retention the retention policy, if declared
 * @param purposes the processing purposes declared on the entity
 * @param routes how the entity's rows reach subjects, at most one per subject type
 */
public record EntityDescriptor(
    Class<?> type,
    Optional<String> subjectRootOf,
    List<FieldDescriptor> fields,
    Optional<RetentionPolicy> retention,
    List<Purpose> purposes,
    List<SubjectRoute> routes) {

  public EntityDescriptor {
    requireNonNull(type, "type");
    requireNonNull(subjectRootOf, "subjectRootOf");
    requireNonNull(retention, "retention");
    fields = List.copyOf(fields);
    purposes = List.copyOf(purposes);
    routes = List.copyOf(routes);
  }

  /** The entity's simple class name. */
  public String name() {
    return type.getSimpleName();
  }

  /** The personal-data attribute called {@code name}, if there is one. */
  public Optional<FieldDescriptor> field(String name) {
    return fields.stream().filter(field -> field.name().equals(name)).findFirst();
  }

  /** The route to {@code subjectType}, if the entity reaches it. */
  public Optional<SubjectRoute> routeTo(String subjectType) {
    return routes.stream().filter(route -> route.subjectType().equals(subjectType)).findFirst();
  }

  /** Whether the entity holds personal-data attributes of its own. */
  public boolean holdsPersonalData() {
    return !fields.isEmpty();
  }
}
