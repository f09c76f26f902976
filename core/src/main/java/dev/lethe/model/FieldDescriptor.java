package dev.lethe.model;

import static java.util.Objects.requireNonNull;

import dev.lethe.law.DataCategory;
import dev.lethe.law.DataOrigin;
import java.util.List;
import java.util.Optional;

/**
 * One personal-data attribute of an entity, as declared by {@code @PersonalData} and
 * {@code @SpecialCategory}: what it holds (Art. 30(1)(c)), where it came from (Art. 14, 20) and
 * what erasure does to it (Art. 17).
 *
 * @param name the attribute's name in its entity; a dotted path for an attribute of an embedded
 *     value, such as {@code address.street}
 * @param type the attribute's Java type; for a collection, the type of its elements
 * @param category the data category
 * @param origin where the data came from
 * @param source the named source of data the subject did not provide, if stated (Art. 14(2)(f))
 * @param erasure what erasure does to the attribute
 * @param sensitivity the Art. 9 or Art. 10 declaration, if the data is sensitive
 * @param collection whether the attribute is a collection of values, such as an element
 *     collection of phone numbers; erasure applies to each element
 * @param owner the {@linkplain SubjectRoute#name() name of the route} to the subject whose data the
 *     attribute is, where its entity reaches several subjects; empty where it has one route
 * @param label what the attribute is called in words (Art. 12(1)), declared or derived from its
 *     name: {@code fullName} reads "Full name", {@code address.street} "Address street"
 */
public record FieldDescriptor(
    String name,
    Class<?> type,
    DataCategory category,
    DataOrigin origin,
    Optional<String> source,
    ErasureRule erasure,
    Optional<Sensitivity> sensitivity,
    boolean collection,
    Optional<String> owner,
    String label) {

  /** An attribute of an entity with one route to its subject, so with no named owner, labelled from its name. */
  public FieldDescriptor(
      String name,
      Class<?> type,
      DataCategory category,
      DataOrigin origin,
      Optional<String> source,
      ErasureRule erasure,
      Optional<Sensitivity> sensitivity,
      boolean collection) {
    this(
        name,
        type,
        category,
        origin,
        source,
        erasure,
        sensitivity,
        collection,
        Optional.empty(),
        "");
  }

  public FieldDescriptor {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(category, "category");
    requireNonNull(origin, "origin");
    requireNonNull(source, "source");
    requireNonNull(erasure, "erasure");
    requireNonNull(sensitivity, "sensitivity");
    requireNonNull(owner, "owner");
    label = requireNonNull(label, "label").isBlank() ? Labels.fromName(name) : label.strip();
  }

  /** This attribute owned by the route called {@code route}. */
  public FieldDescriptor withOwner(Optional<String> route) {
    return new FieldDescriptor(
        name, type, category, origin, source, erasure, sensitivity, collection, route, label);
  }

  /** Whether the attribute belongs to the subject reached by {@code route}: it names that route, or names none. */
  public boolean belongsTo(SubjectRoute route) {
    return owner.map(route.name()::equals).orElse(true);
  }

  /** The path of attribute names from the entity to this attribute: one name, or more inside embedded values. */
  public List<String> path() {
    return List.of(name.split("\\."));
  }

  /** Whether the attribute holds a special category (Art. 9) or criminal-offence data (Art. 10). */
  public boolean isSensitive() {
    return sensitivity.isPresent();
  }
}
