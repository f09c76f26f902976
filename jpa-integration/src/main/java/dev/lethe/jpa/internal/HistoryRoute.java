package dev.lethe.jpa.internal;

import dev.lethe.model.SubjectRoute;
import dev.lethe.model.SubjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityAssociationMapping;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.EntityValuedModelPart;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.jspecify.annotations.Nullable;

/**
 * A subject route followed through the Envers history as well as the current rows, to find the
 * rows the application deleted while they reached the subject, however many hops away (Art.
 * 17(1), 5(1)(e)): their {@code _AUD} rows outlive them, and the link that led to the subject may
 * be gone from the current tables at any hop (a deleted line, its deleted invoice). Each hop's
 * links are the union of the current ones and those Envers recorded in any revision: the foreign
 * key in the holder's {@code _AUD} rows, or the owner and element columns of a collection's
 * history table. So one native query per statement finds the rows, set-based, however many rows
 * there are; a link recorded at any revision counts, whatever the revisions of the other hops.
 */
final class HistoryRoute {

  /** The links of one hop in one table: the identifiers of the hop's entity and of the next one. */
  private record Links(String table, String from, String to) {
    String select() {
      return "select " + from + " as f_, " + to + " as t_ from " + table;
    }
  }

  /** One hop: its current links and, where Envers keeps them, its recorded ones. */
  private record Hop(Links current, Links history) {}

  private final EntityInfo entity;
  private final List<Hop> hops;

  private HistoryRoute(EntityInfo entity, List<Hop> hops) {
    this.entity = entity;
    this.hops = List.copyOf(hops);
  }

  /** The outcome of following a route through the history: the route, or why it cannot be followed. */
  record Found(@Nullable HistoryRoute route, @Nullable String unreachable) {}

  /**
   * {@code route} of {@code entity} through the history; unreachable where a hop is not an
   * association to the next entity's identifier, or Envers keeps no history of its link. Routes
   * compared by a value ({@code @SubjectLink}) and the root's own route are not followed (empty).
   */
  static Optional<Found> of(
      JpaMapping mapping, History history, EntityInfo entity, SubjectRoute route) {
    List<String> path = route.path();
    if (!route.identity().equals(SubjectType.ID) || path.size() < 2) {
      return Optional.empty();
    }
    List<Hop> hops = new ArrayList<>();
    EntityMappingType current = entity.mapping();
    for (String segment : path.subList(0, path.size() - 1)) {
      Step step;
      try {
        step =
            SubjectRoute.isReverse(segment)
                ? back(mapping, history, current, segment)
                : forward(history, current, segment);
      } catch (Unreachable e) {
        return Optional.of(new Found(null, e.getMessage()));
      }
      hops.add(step.hop());
      current = step.next();
    }
    return Optional.of(new Found(new HistoryRoute(entity, hops), null));
  }

  /**
   * Native SQL selecting the identifiers ({@code k_}) of the rows of the entity that no longer
   * exist and whose history reached a subject whose key satisfies {@code subjects} (such as
   * {@code = :key} or {@code in (:held)}) along the route. A derived table, so that MariaDB lets a
   * statement change a table the selection reads.
   */
  String deletedRows(String subjects) {
    String reached = null;
    for (int i = hops.size() - 1; i >= 0; i--) {
      Hop hop = hops.get(i);
      String alias = "l" + i + "_";
      reached =
          "select "
              + alias
              + ".f_ from ("
              + hop.current().select()
              + " union all "
              + hop.history().select()
              + ") "
              + alias
              + " where "
              + alias
              + ".t_ "
              + (reached == null ? subjects : "in (" + reached + ")");
    }
    String table = entity.mapping().getIdentifierTableDetails().getTableName();
    String key = RouteSql.keyColumn(entity.mapping(), table, entity.type());
    return "select k_ from (select distinct r_.f_ as k_ from ("
        + reached
        + ") r_ where r_.f_ is not null and not"
        + " exists (select 1 from "
        + table
        + " t_ where t_."
        + key
        + " = r_.f_)) o_";
  }

  /** The history table of the first hop: a deletion of the rows' history that empties it must do so last. */
  String firstHistoryTable() {
    return hops.get(0).history().table();
  }

  // --- hops --------------------------------------------------------------------------------------

  private record Step(Hop hop, EntityMappingType next) {}

  private static final class Unreachable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreachable(String reason) {
      super(reason, null, false, false);
    }
  }

  /** A hop by an attribute of {@code from}: a to-one association, or a collection of entities. */
  private static Step forward(History history, EntityMappingType from, String segment)
      throws Unreachable {
    ModelPart part = from.findByPath(segment);
    Class<?> type = from.getJavaType().getJavaTypeClass();
    if (part instanceof PluralAttributeMapping plural
        && plural.getElementDescriptor() instanceof EntityValuedModelPart element) {
      EntityMappingType target = element.getEntityMappingType();
      ForeignKeyDescriptor key = plural.getKeyDescriptor();
      requireKey(from, key.getTargetTable(), key.getTargetPart(), segment);
      History.Middle middle =
          history.of(type).map(audit -> audit.collections().get(segment)).orElse(null);
      if (plural.getSeparateCollectionTable() != null
          && element instanceof EntityAssociationMapping association) {
        ForeignKeyDescriptor fk = association.getForeignKeyDescriptor();
        requireKey(target, fk.getTargetTable(), fk.getTargetPart(), segment);
        Links current =
            new Links(
                key.getKeyTable(),
                column(key.getKeyPart(), segment),
                column(fk.getKeyPart(), segment));
        if (middle == null) {
          throw unaudited(type, segment);
        }
        return new Step(
            new Hop(
                current,
                new Links(
                    middle.table().table(),
                    middle.table().keyColumn(),
                    middle.table().elementColumn())),
            target);
      }
      // No join table: the elements' table holds the key, mappedBy or a one-way join column.
      Links current =
          new Links(
              key.getKeyTable(),
              column(key.getKeyPart(), segment),
              key(target, key.getKeyTable(), segment));
      if (middle != null) {
        return new Step(
            new Hop(
                current,
                new Links(
                    middle.table().table(),
                    middle.table().keyColumn(),
                    middle.table().elementColumn())),
            target);
      }
      History.Audit audit =
          history
              .of(target.getJavaType().getJavaTypeClass())
              .orElseThrow(() -> unaudited(type, segment));
      String column =
          audit
              .baseColumn(column(key.getKeyPart(), segment))
              .orElseThrow(() -> unaudited(type, segment));
      return new Step(
          new Hop(
              current, new Links(audit.baseTable(), column, audit.keys().get(audit.baseTable()))),
          target);
    }
    if (part instanceof EntityAssociationMapping association
        && !(part instanceof PluralAttributeMapping)) {
      EntityMappingType target = association.getAssociatedEntityMappingType();
      ForeignKeyDescriptor fk = association.getForeignKeyDescriptor();
      if (association.getSideNature() == ForeignKeyDescriptor.Nature.KEY) {
        // This row holds the key: its own history records it.
        requireKey(target, fk.getTargetTable(), fk.getTargetPart(), segment);
        String column = column(fk.getKeyPart(), segment);
        Links current = new Links(fk.getKeyTable(), key(from, fk.getKeyTable(), segment), column);
        History.Audit audit = history.of(type).orElseThrow(() -> unaudited(type, segment));
        String recorded = audit.references().get(segment);
        if (recorded == null) {
          throw unaudited(type, segment);
        }
        return new Step(
            new Hop(
                current,
                new Links(audit.baseTable(), audit.keys().get(audit.baseTable()), recorded)),
            target);
      }
      // The inverse side of a one-to-one: the target's row holds the key, and its history records
      // it.
      requireKey(from, fk.getTargetTable(), fk.getTargetPart(), segment);
      String column = column(fk.getKeyPart(), segment);
      Links current = new Links(fk.getKeyTable(), column, key(target, fk.getKeyTable(), segment));
      History.Audit audit =
          history
              .of(target.getJavaType().getJavaTypeClass())
              .orElseThrow(() -> unaudited(type, segment));
      String recorded = audit.baseColumn(column).orElseThrow(() -> unaudited(type, segment));
      return new Step(
          new Hop(
              current, new Links(audit.baseTable(), recorded, audit.keys().get(audit.baseTable()))),
          target);
    }
    throw new Unreachable("it follows " + segment + ", which is not an association of entities");
  }

  /** A reverse hop {@code <Owner.items}: from an element back to the owner whose collection lists it. */
  private static Step back(
      JpaMapping mapping, History history, EntityMappingType from, String segment)
      throws Unreachable {
    int dot = segment.lastIndexOf('.');
    EntityInfo owner = mapping.entityNamed(segment.substring(SubjectRoute.REVERSE.length(), dot));
    String attribute = segment.substring(dot + 1);
    if (!(owner.mapping().findByPath(attribute) instanceof PluralAttributeMapping plural)) {
      throw new Unreachable("it follows " + segment + ", which is not a collection of entities");
    }
    ForeignKeyDescriptor key = plural.getKeyDescriptor();
    requireKey(owner.mapping(), key.getTargetTable(), key.getTargetPart(), segment);
    Links current;
    if (plural.getSeparateCollectionTable() != null
        && plural.getElementDescriptor() instanceof EntityAssociationMapping element) {
      ForeignKeyDescriptor fk = element.getForeignKeyDescriptor();
      requireKey(from, fk.getTargetTable(), fk.getTargetPart(), segment);
      current =
          new Links(
              key.getKeyTable(),
              column(fk.getKeyPart(), segment),
              column(key.getKeyPart(), segment));
    } else {
      current =
          new Links(
              key.getKeyTable(),
              key(from, key.getKeyTable(), segment),
              column(key.getKeyPart(), segment));
    }
    History.Middle middle =
        history
            .of(owner.type())
            .map(audit -> audit.collections().get(attribute))
            .orElseThrow(() -> unaudited(owner.type(), attribute));
    return new Step(
        new Hop(
            current,
            new Links(
                middle.table().table(),
                middle.table().elementColumn(),
                middle.table().keyColumn())),
        owner.mapping());
  }

  private static Unreachable unaudited(Class<?> type, String attribute) {
    return new Unreachable(
        "Envers keeps no history of the link "
            + type.getSimpleName()
            + "."
            + attribute
            + " on its route to the subject");
  }

  /** The single column of {@code part}, a key. */
  private static String column(Object part, String segment) throws Unreachable {
    if (part instanceof BasicValuedModelPart basic) {
      return basic.getSelectionExpression();
    }
    throw new Unreachable("it follows " + segment + ", which is joined on several columns");
  }

  /** The key column of {@code type} in {@code table}, one of its own tables. */
  private static String key(EntityMappingType type, String table, String segment)
      throws Unreachable {
    try {
      return RouteSql.keyColumn(type, table, type.getJavaType().getJavaTypeClass());
    } catch (UnsupportedRouteException notItsTable) {
      throw new Unreachable(
          "it follows " + segment + " through a table that is not " + type.getEntityName() + "'s");
    }
  }

  /**
   * Fails unless {@code part} of {@code table}, one of {@code type}'s tables, is its key (which holds
   * the identifier in every table of a hierarchy): a join by another column is not followed.
   */
  private static void requireKey(EntityMappingType type, String table, Object part, String segment)
      throws Unreachable {
    if (!column(part, segment).equals(key(type, table, segment))) {
      throw new Unreachable(
          "it follows "
              + segment
              + ", joined by a column other than "
              + type.getJavaType().getJavaTypeClass().getSimpleName()
              + "'s identifier");
    }
  }
}
