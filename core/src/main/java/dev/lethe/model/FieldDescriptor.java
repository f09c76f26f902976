package dev.lethe.model;

import static java.util.Objects.requireNonNull;

import dev.lethe.law.DataCategory;
import dev.lethe.law.DataOrigin;
import java.util.Optional;

/**
 * One personal-data attribute of an entity, as declared by {@code @PersonalData} and
 * {@code @SpecialCategory}: what it holds (Art. 30(1)(c)), where it came from (Art. 14, 20) and
 * what erasure does to it (Art. 17).
 *
 * @param name the attribute's name in its entity
 * @param type the attribute's Java type
 * @param category the data category
 * @param origin where the data came from
 * @param erasure what erasure does to the attribute
 * @param sensitivity the Art. 9 or Art. 10 declaration, if the data is sensitive
 */
public record FieldDescriptor(
    String name,
    Class<?> type,
    DataCategory category,
    DataOrigin origin,
    ErasureRule erasure,
    Optional<Sensitivity> sensitivity) {

  public FieldDescriptor {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(category, "category");
    requireNonNull(origin, "origin");
    requireNonNull(erasure, "erasure");
    requireNonNull(sensitivity, "sensitivity");
  }

  /** Whether the attribute holds a special category (Art. 9) or criminal-offence data (Art. 10). */
  public boolean isSensitive() {
    return sensitivity.isPresent();
  }
}
