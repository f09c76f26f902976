package dev.lethe.jpa.internal;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.hibernate.metamodel.mapping.Association;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityAssociationMapping;
import org.hibernate.metamodel.mapping.EntityIdentifierMapping;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.internal.EntityCollectionPart;
import org.hibernate.query.NativeQuery;

/**
 * The foreign keys of mapped associations that point at an entity's rows from rows of other
 * tables: a to-one association's column, or the child's column of a unidirectional
 * {@code @OneToMany} with a join column. Deleting a row they point at would violate the key, so a
 * deletion first detaches the rows that stay by nulling a nullable key (Art. 17(1): the deleted
 * row goes, the rows that stay lose their link to it). Element and many-to-many join tables are
 * not here: their rows are deleted with the row.
 */
final class Referrers {

  private final Map<Class<?>, List<Referrer>> byTarget = new LinkedHashMap<>();

  private Referrers() {}

  /** Every referring key of {@code entities}' mapping, by the entity it points at. */
  static Referrers of(Collection<EntityInfo> entities) {
    Referrers referrers = new Referrers();
    for (EntityInfo target : entities) {
      List<Referrer> found = new ArrayList<>();
      for (EntityInfo owner : entities) {
        owner
            .mapping()
            .forEachAttributeMapping(
                attribute ->
                    referrer(owner, attribute, target, entities)
                        .filter(
                            candidate ->
                                found.stream().noneMatch(known -> known.sameColumn(candidate)))
                        .ifPresent(found::add));
      }
      referrers.byTarget.put(target.type(), List.copyOf(found));
    }
    return referrers;
  }

  private static Optional<Referrer> referrer(
      EntityInfo owner,
      AttributeMapping attribute,
      EntityInfo target,
      Collection<EntityInfo> entities) {
    if (attribute instanceof PluralAttributeMapping plural) {
      // A unidirectional @OneToMany with a join column: the key is a column of the child's table,
      // pointing at the owner.
      if (plural.getSeparateCollectionTable() != null
          || plural.getCollectionDescriptor().isInverse()
          || !(plural.getElementDescriptor() instanceof EntityCollectionPart element)
          || !related(owner.mapping(), target.mapping())) {
        return Optional.empty();
      }
      ForeignKeyDescriptor key = plural.getKeyDescriptor();
      if (!(key.getKeyPart() instanceof BasicValuedModelPart column) || !declares(owner, plural)) {
        return Optional.empty();
      }
      EntityInfo child =
          entities.stream()
              .filter(info -> info.mapping() == element.getAssociatedEntityMappingType())
              .findFirst()
              .orElse(owner);
      return Optional.of(
          new Referrer(
              child.type(),
              owner.type().getSimpleName() + "." + plural.getAttributeName(),
              key.getKeyTable(),
              column.getSelectionExpression(),
              column.isNullable(),
              toKey(key),
              true));
    }
    if (!(attribute instanceof EntityAssociationMapping association)
        || !(attribute instanceof Association owned)
        || owned.getSideNature() != ForeignKeyDescriptor.Nature.KEY
        || !related(association.getAssociatedEntityMappingType(), target.mapping())
        || !declares(owner, attribute)) {
      return Optional.empty();
    }
    ForeignKeyDescriptor key = owned.getForeignKeyDescriptor();
    if (!(key.getKeyPart() instanceof BasicValuedModelPart column)) {
      return Optional.empty();
    }
    return Optional.of(
        new Referrer(
            owner.type(),
            attribute.getAttributeName(),
            key.getKeyTable(),
            column.getSelectionExpression(),
            column.isNullable(),
            association.isReferenceToPrimaryKey() && toKey(key),
            false));
  }

  private static boolean toKey(ForeignKeyDescriptor key) {
    return key.getTargetPart() instanceof EntityIdentifierMapping;
  }

  /** Whether {@code owner} declares the attribute itself, so that a hierarchy names each key once, by its declarer. */
  private static boolean declares(EntityInfo owner, AttributeMapping attribute) {
    EntityMappingType declaring = attribute.findContainingEntityMapping();
    return declaring == null || declaring == owner.mapping();
  }

  private static boolean related(EntityMappingType one, EntityMappingType other) {
    return one.isTypeOrSuperType(other) || other.isTypeOrSuperType(one);
  }

  /** The keys pointing at rows of {@code target}. */
  List<Referrer> of(Class<?> target) {
    return byTarget.getOrDefault(target, List.of());
  }

  /**
   * Nulls every nullable key pointing at the rows whose identifier satisfies {@code idsCondition}
   * (such as {@code in (:ids)}), one statement per key; a key that is not nullable is left to the
   * start-up check, which refuses it unless the referring rows are deleted first.
   */
  static void detach(
      EntityManager em,
      List<Referrer> referrers,
      String idsCondition,
      Consumer<NativeQuery<Object>> bind) {
    for (Referrer referrer : referrers) {
      if (!referrer.nullable() || !referrer.toKey()) {
        continue;
      }
      NativeQuery<Object> update =
          Sql.nativeQuery(
              em,
              "update "
                  + referrer.table()
                  + " set "
                  + referrer.column()
                  + " = null where "
                  + referrer.column()
                  + " "
                  + idsCondition);
      bind.accept(update);
      update.executeUpdate();
    }
  }

  /**
   * One foreign key pointing at an entity's rows.
   *
   * @param owner the entity whose rows hold the key
   * @param attribute the attribute that maps it, as the problem reports name it
   * @param table the table holding the key
   * @param column the key column
   * @param nullable whether the mapping lets the column be null
   * @param toKey whether the key holds the target's identifier (not another column)
   * @param oneToMany whether the key is a unidirectional {@code @OneToMany}'s join column
   */
  record Referrer(
      Class<?> owner,
      String attribute,
      String table,
      String column,
      boolean nullable,
      boolean toKey,
      boolean oneToMany) {

    boolean sameColumn(Referrer other) {
      return table.equalsIgnoreCase(other.table) && column.equalsIgnoreCase(other.column);
    }
  }
}
