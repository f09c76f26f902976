package dev.lethe.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
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
 * @param purposes the purposes the entity's data is processed for: those it declares with
 *     {@code @Processing} and those it names with {@code @ProcessedFor}; never inherited (Art. 5(1)(b))
 * @param routes how the entity's rows reach subjects: one per association path, so possibly several
 *     to one subject type (a referral's referrer and referred person)
 * @param purposeOwners for a purpose named with {@code @ProcessedFor(of = ...)}, the route to the
 *     subject whose data it is processed for; a purpose not listed is for every subject the entity reaches
 */
public record EntityDescriptor(
    Class<?> type,
    Optional<String> subjectRootOf,
    List<FieldDescriptor> fields,
    Optional<RetentionPolicy> retention,
    List<Purpose> purposes,
    List<SubjectRoute> routes,
    Map<String, String> purposeOwners) {

  /** An entity whose purposes are for every subject it reaches. */
  public EntityDescriptor(
      Class<?> type,
      Optional<String> subjectRootOf,
      List<FieldDescriptor> fields,
      Optional<RetentionPolicy> retention,
      List<Purpose> purposes,
      List<SubjectRoute> routes) {
    this(type, subjectRootOf, fields, retention, purposes, routes, Map.of());
  }

  public EntityDescriptor {
    requireNonNull(type, "type");
    requireNonNull(subjectRootOf, "subjectRootOf");
    requireNonNull(retention, "retention");
    fields = List.copyOf(fields);
    purposes = List.copyOf(purposes);
    routes = List.copyOf(routes);
    purposeOwners = Map.copyOf(purposeOwners);
  }

  /**
   * The entity's purposes for the data of subjects of {@code subjectType}: none where it does not
   * reach that type; otherwise those not limited to another subject's route (Art. 15(1)(a)).
   */
  public List<Purpose> purposesFor(String subjectType) {
    List<SubjectRoute> to = routesTo(subjectType);
    return purposes.stream()
        .filter(
            purpose -> {
              String owner = purposeOwners.get(purpose.name());
              return owner == null
                  ? !to.isEmpty()
                  : to.stream().anyMatch(route -> route.name().equals(owner));
            })
        .toList();
  }

  /** The entity's simple class name. */
  public String name() {
    return type.getSimpleName();
  }

  /** The personal-data attribute called {@code name}, if there is one. */
  public Optional<FieldDescriptor> field(String name) {
    return fields.stream().filter(field -> field.name().equals(name)).findFirst();
  }

  /** The first route to {@code subjectType}, if the entity reaches it; {@link #routesTo} lists them all. */
  public Optional<SubjectRoute> routeTo(String subjectType) {
    return routes.stream().filter(route -> route.subjectType().equals(subjectType)).findFirst();
  }

  /** Every route to {@code subjectType}: one per association path that leads to it. */
  public List<SubjectRoute> routesTo(String subjectType) {
    return routes.stream().filter(route -> route.subjectType().equals(subjectType)).toList();
  }

  /**
   * The personal-data attributes of the subject {@code route} reaches: those that name it as their
   * owner, or all where the entity has one route (Art. 15, 17).
   */
  public List<FieldDescriptor> fieldsOf(SubjectRoute route) {
    return fields.stream().filter(field -> field.belongsTo(route)).toList();
  }

  /** The personal-data attributes that belong to subjects of {@code subjectType}, along any of its routes. */
  public List<FieldDescriptor> fieldsFor(String subjectType) {
    List<SubjectRoute> to = routesTo(subjectType);
    return fields.stream().filter(field -> to.stream().anyMatch(field::belongsTo)).toList();
  }

  /** Whether the entity holds personal-data attributes of its own. */
  public boolean holdsPersonalData() {
    return !fields.isEmpty();
  }
}
