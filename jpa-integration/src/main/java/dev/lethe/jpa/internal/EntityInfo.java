package dev.lethe.jpa.internal;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.PluralAttribute;
import java.util.List;
import java.util.Optional;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;

/**
 * What the store needs to know about one entity class, read once from the JPA metamodel and
 * Hibernate's mapping model.
 *
 * @param type the entity class
 * @param jpa the JPA entity type
 * @param mapping Hibernate's mapping of the entity
 * @param idAttribute the identifier attribute's name
 * @param idType the identifier's Java type
 * @param isAbstract whether the class is abstract, so that no row is exactly of it
 * @param hasSubtypes whether other entities extend it, so that queries restrict to the exact type
 * @param softDeleted whether {@code @SoftDelete} hides some of its rows from JPQL
 * @param collections its element collections and many-to-many join tables, own and inherited
 */
record EntityInfo(
    Class<?> type,
    EntityType<?> jpa,
    EntityMappingType mapping,
    String idAttribute,
    Class<?> idType,
    boolean isAbstract,
    boolean hasSubtypes,
    boolean softDeleted,
    List<PluralAttributeMapping> collections) {

  /** The JPQL entity name. */
  String name() {
    return jpa.getName();
  }

  /** Whether it extends or is extended by another entity, so that its table may hold rows of other types. */
  boolean inHierarchy() {
    return hasSubtypes || mapping.getSuperMappingType() != null;
  }

  /** The attribute named {@code name} of {@code owner}, if there is one. */
  static Optional<Attribute<?, ?>> attribute(ManagedType<?> owner, String name) {
    try {
      return Optional.of(owner.getAttribute(name));
    } catch (IllegalArgumentException absent) {
      return Optional.empty();
    }
  }

  /** The type an attribute leads to: the element type of a collection, else its own type. */
  static Class<?> targetType(Attribute<?, ?> attribute) {
    return attribute instanceof PluralAttribute<?, ?, ?> plural
        ? plural.getElementType().getJavaType()
        : attribute.getJavaType();
  }
}
