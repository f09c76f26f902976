package dev.lethe.jpa.internal;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.SubjectRoute;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.query.NativeQuery;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hibernate Envers history of the audited entities: the {@code _AUD} rows that hold earlier
 * values of a row, and the history tables of its audited collections. Erasure and retention give
 * them the treatment of the rows themselves, in the same transaction and set-based (Art. 17(1),
 * 5(1)(e)): the history of a deleted row is deleted, that of a row erased in place is rewritten by
 * the same rules, every revision at once. Built without naming Envers; {@link EnversTables} reads
 * it where Envers is on the class path and on. Revision rows ({@code REVINFO}) are left: Envers puts
 * no personal data there.
 */
final class History {

  /** No audited entity: Envers absent, off, or auditing nothing. */
  static final History NONE = new History(Map.of(), List.of());

  private static final Logger LOG = LoggerFactory.getLogger(History.class);
  private static final String ENVERS_SERVICE = "org.hibernate.envers.boot.internal.EnversService";

  private final Map<Class<?>, Audit> audits;
  private final List<MappingProblem> problems;

  History(Map<Class<?>, Audit> audits, List<MappingProblem> problems) {
    this.audits = Map.copyOf(audits);
    this.problems = List.copyOf(problems);
  }

  /** The history of {@code mapping}'s entities: read from Envers where it is on the class path. */
  static History of(JpaMapping mapping) {
    try {
      Class.forName(ENVERS_SERVICE, false, History.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError absent) {
      return NONE;
    }
    History history = EnversTables.discover(mapping);
    if (!history.audits.isEmpty()) {
      LOG.info(
          "Envers audits {} entities: their history is erased with their rows",
          history.audits.size());
    }
    return history;
  }

  /** What Lethe cannot erase in the history, for the start-up check. */
  List<MappingProblem> problems() {
    return problems;
  }

  /** Every history table Lethe erases: the audited entities' and their collections'. */
  Set<String> tables() {
    Set<String> tables = new LinkedHashSet<>();
    audits
        .values()
        .forEach(
            audit -> {
              tables.addAll(audit.tables());
              audit.middles().forEach(middle -> tables.add(middle.table().table()));
            });
    return tables;
  }

  /** The entity's history, if Envers audits it. */
  Optional<Audit> of(Class<?> type) {
    return Optional.ofNullable(audits.get(type));
  }

  /**
   * The history of an audited entity.
   *
   * @param entity the entity
   * @param tables its history tables, the most derived first
   * @param keys each history table's column holding the row's identifier
   * @param revision the revision column
   * @param columns the history column of each audited personal attribute erased in place or kept
   * @param collections the history of each audited collection with a table, by attribute
   * @param middles every audited collection history of the entity
   * @param references the history column of each audited to-one association holding its target's identifier
   * @param history Hibernate's mapping of the entity's history rows
   */
  record Audit(
      EntityInfo entity,
      List<String> tables,
      Map<String, String> keys,
      String revision,
      Map<String, BasicValuedModelPart> columns,
      Map<String, Middle> collections,
      List<Middle> middles,
      Map<String, String> references,
      EntityMappingType history) {

    String baseTable() {
      return tables.get(tables.size() - 1);
    }

    /** {@code column} as the main history table names it, if that table has it: a key Envers records. */
    Optional<String> baseColumn(String column) {
      String wanted = SchemaVerifier.Schema.bare(column);
      List<String> found = new ArrayList<>();
      history.forEachSelectable(
          (index, selectable) -> {
            if (selectable.getContainingTableExpression().equals(baseTable())
                && !selectable.isFormula()
                && SchemaVerifier.Schema.bare(selectable.getSelectionExpression())
                    .equalsIgnoreCase(wanted)) {
              found.add(selectable.getSelectionExpression());
            }
          });
      return found.stream().findFirst();
    }
  }

  /**
   * The history table of one audited collection: the owner's column, the element's column, the revision.
   *
   * @param owner the entity declaring the collection
   * @param attribute the collection attribute
   * @param table the history table as an element table
   * @param revision its revision column
   * @param uniquePerRevision whether its key is owner, revision and element alone, so that equal
   *     elements of one owner in one revision collide
   * @param elementEntity the entity the elements are rows of, if they are
   */
  record Middle(
      Class<?> owner,
      String attribute,
      ElementTable table,
      String revision,
      boolean uniquePerRevision,
      @Nullable EntityMappingType elementEntity) {}

  /**
   * The rows the application deleted while {@code route} led to the subject, found through the
   * history at every hop ({@link HistoryRoute}): their history outlives them, and an erasure must
   * reach it too (Art. 17(1)). Empty where the entity is not audited, or the route is the root's
   * own or compares a value ({@code @SubjectLink}; the README says so), or a hop's history cannot be
   * followed (refused at start-up, see {@link #unreachable}).
   */
  Optional<DeletedRows> deletedRowsIn(JpaMapping mapping, EntityInfo info, SubjectRoute route) {
    return deletedRowsReaching(mapping, info, route, "= :" + RouteSql.KEY);
  }

  /** As {@link #deletedRowsIn}, for the subjects whose key satisfies {@code subjects} ({@code in (:held)}). */
  Optional<DeletedRows> deletedRowsReaching(
      JpaMapping mapping, EntityInfo info, SubjectRoute route, String subjects) {
    if (!audits.containsKey(info.type())) {
      return Optional.empty();
    }
    return HistoryRoute.of(mapping, this, info, route)
        .map(HistoryRoute.Found::route)
        .map(found -> new DeletedRows(found.deletedRows(subjects), found.firstHistoryTable()));
  }

  /**
   * Why the history of {@code info}'s rows deleted earlier cannot be followed along {@code route}
   * to its subject, if it cannot, where that history holds personal data: for the start-up check.
   */
  Optional<String> unreachable(JpaMapping mapping, EntityInfo info, SubjectRoute route) {
    Audit audit = audits.get(info.type());
    boolean personal =
        audit != null
            && (!audit.columns().isEmpty()
                || mapping
                    .model()
                    .entity(info.type())
                    .map(
                        descriptor ->
                            descriptor.fields().stream()
                                .anyMatch(field -> audit.collections().containsKey(field.name())))
                    .orElse(false));
    if (!personal) {
      return Optional.empty();
    }
    return HistoryRoute.of(mapping, this, info, route).map(HistoryRoute.Found::unreachable);
  }

  /**
   * Native SQL selecting the identifiers of rows the application deleted whose every recorded
   * {@code clock} is at or before {@code :cutoff}: their history has outlived its retention
   * (Art. 5(1)(e)). Empty where the entity is not audited or its history does not record the
   * clock in its main table.
   */
  Optional<String> expiredDeletedRows(EntityInfo info, String clock) {
    Audit audit = audits.get(info.type());
    if (audit == null
        || !(audit.history().findByPath(clock) instanceof BasicValuedModelPart column)
        || !column.getContainingTableExpression().equals(audit.baseTable())) {
      return Optional.empty();
    }
    String base = audit.baseTable();
    String key = audit.keys().get(base);
    String table = info.mapping().getIdentifierTableDetails().getTableName();
    // The revision recording a deletion may hold no values: max() skips its null clock.
    return Optional.of(
        "select k_ from (select h_."
            + key
            + " as k_ from "
            + base
            + " h_ where not exists (select 1"
            + " from "
            + table
            + " t_ where t_."
            + RouteSql.keyColumn(info.mapping(), table, info.type())
            + " = h_."
            + key
            + ") group by h_."
            + key
            + " having max(h_."
            + column.getSelectionExpression()
            + ") <= :cutoff) o_");
  }

  /**
   * Native SQL selecting the identifiers of rows deleted earlier ({@code idsIn}), and the history
   * table it reads that deleting their history empties, which must go last.
   */
  record DeletedRows(String idsIn, String readsHistoryTable) {}

  // --- deletion ----------------------------------------------------------------------------------

  /**
   * Deletes the history of the rows whose identifier is {@code in (idsIn)}: their collections'
   * history, the history rows of other collections listing them, then their own history rows, the
   * most derived table first. Runs before the rows go, while {@code idsIn} still finds them.
   */
  void delete(EntityManager em, EntityInfo info, String idsIn, Consumer<NativeQuery<Object>> bind) {
    delete(em, info, idsIn, bind, null);
  }

  /**
   * Deletes as above, the rows of table {@code readLast} last: {@code idsIn} reads it, and would
   * find no row once it is emptied.
   */
  void delete(
      EntityManager em,
      EntityInfo info,
      String idsIn,
      Consumer<NativeQuery<Object>> bind,
      @Nullable String readLast) {
    Map<String, String> statements = new LinkedHashMap<>();
    Audit audit = audits.get(info.type());
    if (audit != null) {
      for (Middle middle : audit.middles()) {
        statements.put(
            "delete from "
                + middle.table().table()
                + " where "
                + middle.table().keyColumn()
                + " in ("
                + idsIn
                + ")",
            middle.table().table());
      }
    }
    for (Audit other : audits.values()) {
      for (Middle middle : other.middles()) {
        if (middle.elementEntity() != null && related(middle.elementEntity(), info.mapping())) {
          statements.put(
              "delete from "
                  + middle.table().table()
                  + " where "
                  + middle.table().elementColumn()
                  + " in ("
                  + idsIn
                  + ")",
              middle.table().table());
        }
      }
    }
    if (audit != null) {
      for (String table : audit.tables()) {
        statements.put(
            "delete from " + table + " where " + audit.keys().get(table) + " in (" + idsIn + ")",
            table);
      }
    }
    List<String> last = new ArrayList<>();
    statements.forEach(
        (statement, table) -> {
          if (table.equals(readLast)) {
            last.add(statement);
          } else {
            execute(em, statement, bind);
          }
        });
    last.forEach(statement -> execute(em, statement, bind));
  }

  /** Whether deleting rows of {@code info} deletes history rows too: it or a collection holding it is audited. */
  boolean keepsHistoryOf(EntityInfo info) {
    return audits.containsKey(info.type())
        || audits.values().stream()
            .flatMap(other -> other.middles().stream())
            .anyMatch(
                middle ->
                    middle.elementEntity() != null
                        && related(middle.elementEntity(), info.mapping()));
  }

  private static boolean related(EntityMappingType one, EntityMappingType other) {
    return one.isTypeOrSuperType(other) || other.isTypeOrSuperType(one);
  }

  // --- erasure in place --------------------------------------------------------------------------

  /**
   * Rewrites {@code fields} in every history row of the rows whose identifier is {@code in (idsIn)},
   * by the rules the rows get (Art. 17(1)): NULLIFY and REPLACE as one guarded update per history
   * table; HASH and MASK per distinct value, as {@code eraser} rewrites elements; a collection's
   * history deleted (NULLIFY), replaced or rewritten per value. Runs before the rows change, while
   * {@code idsIn} still finds them.
   */
  void erase(
      EntityManager em,
      Eraser eraser,
      EntityInfo info,
      List<FieldDescriptor> fields,
      String idsIn,
      Consumer<NativeQuery<Object>> bind) {
    Audit audit = audits.get(info.type());
    if (audit == null) {
      return;
    }
    Map<String, List<FieldDescriptor>> setBased = new LinkedHashMap<>();
    for (FieldDescriptor field : fields) {
      ErasureStrategy strategy = field.erasure().strategy();
      if (strategy == ErasureStrategy.KEEP || strategy == ErasureStrategy.DELETE_ROW) {
        continue;
      }
      if (field.collection()) {
        Middle middle = audit.collections().get(field.name());
        if (middle != null) {
          eraseElements(em, eraser, info, field, middle, idsIn, bind);
        }
        continue;
      }
      BasicValuedModelPart column = audit.columns().get(field.name());
      if (column == null) {
        continue;
      }
      if (Eraser.setBased(field)) {
        setBased
            .computeIfAbsent(column.getContainingTableExpression(), ignored -> new ArrayList<>())
            .add(field);
      } else {
        String table = column.getContainingTableExpression();
        rewriteValues(
            em,
            eraser,
            info,
            field,
            new ElementTable(
                table,
                audit.keys().get(table),
                column.getSelectionExpression(),
                column.getJdbcMapping()),
            idsIn,
            bind);
      }
    }
    setBased.forEach(
        (table, erased) -> {
          List<String> names =
              erased.stream()
                  .map(field -> audit.columns().get(field.name()).getSelectionExpression())
                  .toList();
          NativeQuery<Object> update =
              Sql.nativeQuery(
                  em,
                  "update "
                      + table
                      + " set "
                      + Eraser.assignments(names)
                      + " where "
                      + audit.keys().get(table)
                      + " in ("
                      + idsIn
                      + ") and "
                      + eraser.changing(names, erased));
          for (int i = 0; i < erased.size(); i++) {
            Sql.bind(
                update,
                "v" + i,
                eraser.erased(erased.get(i), null),
                audit.columns().get(erased.get(i).name()).getJdbcMapping());
          }
          bind.accept(update);
          update.executeUpdate();
        });
  }

  private void eraseElements(
      EntityManager em,
      Eraser eraser,
      EntityInfo info,
      FieldDescriptor field,
      Middle middle,
      String idsIn,
      Consumer<NativeQuery<Object>> bind) {
    ElementTable table = middle.table();
    switch (field.erasure().strategy()) {
      case NULLIFY ->
          execute(
              em,
              "delete from "
                  + table.table()
                  + " where "
                  + table.keyColumn()
                  + " in ("
                  + idsIn
                  + ")",
              bind);
      case REPLACE -> {
        Object placeholder = eraser.erased(field, null);
        NativeQuery<Object> update =
            Sql.nativeQuery(
                em,
                "update "
                    + table.table()
                    + " set "
                    + table.elementColumn()
                    + " = :value where "
                    + table.keyColumn()
                    + " in ("
                    + idsIn
                    + ") and ("
                    + table.elementColumn()
                    + " is null or "
                    + table.elementColumn()
                    + " <> :value)");
        Sql.bind(update, "value", placeholder, table.elementType());
        bind.accept(update);
        update.executeUpdate();
      }
      default -> rewriteValues(em, eraser, info, field, table, idsIn, bind);
    }
  }

  /** HASH and MASK: each distinct value of the history column rewritten to its erased value, in one statement. */
  private static void rewriteValues(
      EntityManager em,
      Eraser eraser,
      EntityInfo info,
      FieldDescriptor field,
      ElementTable table,
      String idsIn,
      Consumer<NativeQuery<Object>> bind) {
    String owners = table.keyColumn() + " in (" + idsIn + ")";
    Map<Object, Object> rewrites = new LinkedHashMap<>();
    for (Object[] pair : Eraser.elements(em, info, table, owners, bind)) {
      if (pair[1] != null && !rewrites.containsKey(pair[1])) {
        Object erased = eraser.erased(field, pair[1]);
        if (erased != null && !Objects.equals(pair[1], erased)) {
          rewrites.put(pair[1], erased);
        }
      }
    }
    rewrites.forEach((from, to) -> eraser.rewriteElement(em, table, from, to, owners, bind));
  }

  private static void execute(
      EntityManager em, String statement, Consumer<NativeQuery<Object>> bind) {
    NativeQuery<Object> query = Sql.nativeQuery(em, statement);
    bind.accept(query);
    query.executeUpdate();
  }

  // --- access ------------------------------------------------------------------------------------

  /**
   * Native SQL selecting, for the rows whose identifier is {@code in (idsIn)}, each history row's
   * identifier ({@code c0_}), revision ({@code r_}) and the history columns of {@code fields}
   * ({@code c1_}...), ordered by identifier and revision; the history tables joined on both.
   */
  static String historyColumns(Audit audit, List<BasicValuedModelPart> columns, String idsIn) {
    String base = audit.baseTable();
    Map<String, String> aliases = new LinkedHashMap<>();
    aliases.put(base, "h0_");
    StringBuilder from = new StringBuilder(" from " + base + " h0_");
    StringBuilder select =
        new StringBuilder(
            "select h0_." + audit.keys().get(base) + " as c0_, h0_." + audit.revision() + " as r_");
    for (int i = 0; i < columns.size(); i++) {
      String table = columns.get(i).getContainingTableExpression();
      String alias = aliases.get(table);
      if (alias == null) {
        alias = "h" + aliases.size() + "_";
        aliases.put(table, alias);
        from.append(" join ")
            .append(table)
            .append(' ')
            .append(alias)
            .append(" on ")
            .append(alias)
            .append('.')
            .append(audit.keys().get(table))
            .append(" = h0_.")
            .append(audit.keys().get(base))
            .append(" and ")
            .append(alias)
            .append('.')
            .append(audit.revision())
            .append(" = h0_.")
            .append(audit.revision());
      }
      select
          .append(", ")
          .append(alias)
          .append('.')
          .append(columns.get(i).getSelectionExpression())
          .append(" as c")
          .append(i + 1)
          .append('_');
    }
    return select
        + from.toString()
        + " where h0_."
        + audit.keys().get(base)
        + " in ("
        + idsIn
        + ") order by 1, 2";
  }

  /** Native SQL selecting owner ({@code c0_}), revision ({@code r_}) and element ({@code c1_}) of a collection's history. */
  static String historyElements(Middle middle, String idsIn) {
    ElementTable table = middle.table();
    return "select "
        + table.keyColumn()
        + " as c0_, "
        + middle.revision()
        + " as r_, "
        + table.elementColumn()
        + " as c1_ from "
        + table.table()
        + " where "
        + table.keyColumn()
        + " in ("
        + idsIn
        + ") order by 1, 2";
  }
}
