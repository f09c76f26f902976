package dev.lethe.jpa.internal;

import com.google.common.collect.Lists;
import com.google.common.graph.GraphBuilder;
import com.google.common.graph.Graphs;
import com.google.common.graph.MutableGraph;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.erasure.ErasurePlan;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.spi.FieldEraser;
import dev.lethe.subject.SubjectKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.PluralAttribute;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityAssociationMapping;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.EntityVersionMapping;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.descriptor.ValueBinder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes an erasure plan with set-based statements in one transaction (Art. 17(1)): everything
 * of the subject is erased, or on any failure nothing is.
 *
 * <p>Per entity type erased in place by NULLIFY and REPLACE only, the statement is one bulk
 * {@code update} restricted to the rows it changes, whose count is the rows changed. Otherwise it
 * is one query reading the identifiers and erasable columns of the subject's rows (to count the rows
 * that change and to compute keyed hashes and masks, which portable SQL cannot), that same bulk
 * {@code update}, and for HASH and MASK one {@code update} per distinct resulting value (chunks of
 * {@value #CHUNK} rows), since an HMAC cannot be computed in SQL. A deleted row's element-collection
 * and join-table rows are deleted first, and rows that stay and refer to it through a nullable key
 * are detached (one {@code update} per key, see {@link Referrers}). So the number of statements grows
 * with entity types (and
 * distinct hashed values), not with rows, and erasing a subject again changes nothing.
 *
 * <p>Rows that JPQL cannot see ({@code @SoftDelete}, {@code @SQLRestriction}, filters) are found
 * and changed with native SQL, for they hold personal data all the same. Every row changed in
 * place has its {@code @Version} moved (numeric or timestamp), so that a copy loaded before the
 * erasure cannot be merged back over it. Element values are matched exactly, whatever the
 * collation.
 */
public final class Eraser {

  /**
   * Identifiers per {@code in} list, one statement per chunk: Oracle's limit, the lowest among
   * common databases, and as many as a retention batch holds by default.
   */
  static final int CHUNK = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(Eraser.class);

  /** The parameter of a timestamp version's next value. */
  private static final String VERSION = "version_";

  private final EntityManagerFactory emf;
  private final Sessions sessions;
  private final JpaMapping mapping;
  private final Reader reader;
  private final FieldEraser eraser;
  private final Referrers referrers;
  private final Encryption encryption;

  /** {@link #order}'s answers, as positions in the plan, per shape of plan (its steps' entities and routes). */
  private final Map<List<Object>, int[]> orders = new ConcurrentHashMap<>();

  /** Plans differ by subject type and by the holds they leave out: a few shapes; more are ordered afresh. */
  private static final int ORDERS_KEPT = 256;

  /** An eraser over {@code sessions}' factory, joining the operation's transaction, whose HASH strategy uses {@code eraser}'s key. */
  public Eraser(Sessions sessions, JpaMapping mapping, Reader reader, FieldEraser eraser) {
    this(sessions, mapping, reader, eraser, Encryption.NONE);
  }

  /** An eraser as above that also destroys the subject's key of {@code encryption}'s attributes (crypto-shredding). */
  public Eraser(
      Sessions sessions,
      JpaMapping mapping,
      Reader reader,
      FieldEraser eraser,
      Encryption encryption) {
    this.encryption = encryption;
    this.sessions = sessions;
    this.emf = sessions.factory();
    this.mapping = mapping;
    this.reader = reader;
    this.eraser = eraser;
    this.referrers = Referrers.of(mapping.entities());
  }

  /** Runs {@code plan}; returns the rows touched per entity class. */
  public Map<Class<?>, ErasurePlan.RowCount> erase(ErasurePlan plan) {
    Map<Class<?>, ErasurePlan.RowCount> counts = execute(plan, true);
    evict(counts);
    LOG.debug(
        "Erased {} of subject type {}: {}",
        plan.subject(),
        plan.subject().subjectType(),
        counts.values());
    return counts;
  }

  /**
   * Runs {@code plan} with the very statements {@link #erase} runs, then rolls the transaction
   * back: the rows it would touch per entity class, with nothing changed (a dry run, Art. 5(2)).
   */
  public Map<Class<?>, ErasurePlan.RowCount> preview(ErasurePlan plan) {
    return execute(plan, false);
  }

  private Map<Class<?>, ErasurePlan.RowCount> execute(ErasurePlan plan, boolean commit) {
    List<ErasurePlan.Step> steps = order(plan.steps());
    Optional<Object> key = reader.key(plan.subject());
    Map<Class<?>, ErasurePlan.RowCount> counts = new LinkedHashMap<>();
    if (key.isEmpty()) {
      steps.forEach(step -> counts.put(step.entity().type(), ErasurePlan.RowCount.NONE));
      return counts;
    }
    if (commit) {
      sessions.inTransaction(
          em -> {
            runSteps(em, plan.subject(), key.get(), steps, counts);
            // In the same transaction: the key goes with the rows, or neither does.
            encryption.shred(em, plan, key.get(), counts);
            em.flush();
            // On the application's entity manager, managed rows of the erased types hold the old
            // values.
            Sessions.detachAll(em, touched(counts));
            return null;
          });
      return counts;
    }
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      runSteps(em, plan.subject(), key.get(), steps, counts);
      encryption.shred(em, plan, key.get(), counts);
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
    return counts;
  }

  private void runSteps(
      EntityManager em,
      SubjectKey subject,
      Object key,
      List<ErasurePlan.Step> steps,
      Map<Class<?>, ErasurePlan.RowCount> counts) {
    Set<String> unlinks = new LinkedHashSet<>();
    for (ErasurePlan.Step step : steps) {
      // An entity with several routes to the subject has a step per route: their counts add up.
      counts.merge(
          step.entity().type(), run(em, subject, key, step, unlinks), ErasurePlan.RowCount::plus);
    }
    // Last, since every step's route still needed them: the links by which rows that other subjects
    // share reached this one. A link whose row the plan deleted is gone already.
    unlinks.forEach(unlink -> nativeUpdate(em, unlink, key).executeUpdate());
  }

  /**
   * The steps in an order that keeps foreign keys and routes intact: a step whose rows refer to
   * another step's entity, or whose route passes through it, runs first; the plan's order breaks
   * ties. The graph is Guava's; a cycle falls back to the plan's order for its members.
   */
  List<ErasurePlan.Step> order(List<ErasurePlan.Step> steps) {
    // The order depends on each step's entity and route only: the same for every subject of a type.
    List<Object> shape =
        steps.stream().map(step -> (Object) List.of(step.entity().type(), step.route())).toList();
    int[] known = orders.get(shape);
    if (known == null) {
      Map<ErasurePlan.Step, Integer> positions = new IdentityHashMap<>();
      for (int i = 0; i < steps.size(); i++) {
        positions.put(steps.get(i), i);
      }
      known = computeOrder(steps).stream().mapToInt(positions::get).toArray();
      if (orders.size() < ORDERS_KEPT) {
        orders.put(shape, known);
      }
    }
    return Arrays.stream(known).mapToObj(steps::get).toList();
  }

  private List<ErasurePlan.Step> computeOrder(List<ErasurePlan.Step> steps) {
    MutableGraph<ErasurePlan.Step> graph = GraphBuilder.directed().allowsSelfLoops(false).build();
    steps.forEach(graph::addNode);
    for (ErasurePlan.Step before : steps) {
      for (ErasurePlan.Step after : steps) {
        if (before != after && mustPrecede(before, after)) {
          graph.putEdge(before, after);
        }
      }
    }
    if (Graphs.hasCycle(graph)) {
      LOG.warn(
          "The entities of an erasure plan refer to each other in a cycle; running them in the plan's order");
      return steps;
    }
    List<ErasurePlan.Step> ordered = new ArrayList<>();
    Set<ErasurePlan.Step> done = new HashSet<>();
    while (ordered.size() < steps.size()) {
      for (ErasurePlan.Step step : steps) {
        if (!done.contains(step) && done.containsAll(graph.predecessors(step))) {
          ordered.add(step);
          done.add(step);
          break;
        }
      }
    }
    return ordered;
  }

  private boolean mustPrecede(ErasurePlan.Step before, ErasurePlan.Step after) {
    Class<?> target = after.entity().type();
    if (before.entity().subjectRootOf().isPresent()) {
      // The root goes last: rows linked by one of its identities must be found before that identity
      // is erased.
      return false;
    }
    if (after.entity().subjectRootOf().isPresent()) {
      return true;
    }
    EntityInfo info = mapping.entity(before.entity().type());
    // Rows referring to the target go first: its deletion must not break their foreign keys or
    // routes.
    for (Attribute<?, ?> attribute : info.jpa().getAttributes()) {
      if (JpaMapping.owning(attribute) && related(EntityInfo.targetType(attribute), target)) {
        return true;
      }
    }
    ManagedType<?> current = info.jpa();
    List<String> path = before.route().path();
    for (String segment : path.subList(0, path.size() - 1)) {
      Optional<Attribute<?, ?>> attribute = EntityInfo.attribute(current, segment);
      if (attribute.isEmpty()) {
        break;
      }
      Class<?> next = EntityInfo.targetType(attribute.get());
      if (related(next, target)) {
        return true;
      }
      current = mapping.entity(next).jpa();
    }
    return false;
  }

  private static boolean related(Class<?> one, Class<?> other) {
    return one.isAssignableFrom(other) || other.isAssignableFrom(one);
  }

  /** Runs {@code step}; adds to {@code unlinks} the statement removing the subject's link to rows others share. */
  private ErasurePlan.RowCount run(
      EntityManager em,
      SubjectKey subject,
      Object key,
      ErasurePlan.Step step,
      Set<String> unlinks) {
    EntityInfo info = mapping.entity(step.entity().type());
    if (info.isAbstract()) {
      return ErasurePlan.RowCount.NONE;
    }
    RouteSql sql = mapping.route(info, step.route());
    if (sql.reachesSeveralSubjects()) {
      // Minutes of a meeting with other attendees stay theirs: only rows no one else reaches are
      // erased.
      sql.linkToRoot().ifPresent(link -> unlinks.add(link.unlink()));
      sql = sql.exclusive();
    }
    ErasurePlan.RowCount count =
        step.deleteRows() ? delete(em, sql, key) : update(em, sql, key, step.erased());
    Consumer<NativeQuery<Object>> bindKey = query -> query.setParameter(RouteSql.KEY, key);
    // Rows the application deleted earlier left their Envers history, however far from the subject
    // they were: it goes by the same rules. A row still there is erased along where it leads now.
    mapping
        .history()
        .deletedRowsIn(mapping, info, step.route())
        .ifPresent(
            deleted -> {
              if (step.deleteRows()) {
                mapping
                    .history()
                    .delete(em, info, deleted.idsIn(), bindKey, deleted.readsHistoryTable());
              } else {
                mapping.history().erase(em, this, info, step.erased(), deleted.idsIn(), bindKey);
              }
            });
    return count;
  }

  // --- deletion ----------------------------------------------------------------------------------

  private ErasurePlan.RowCount delete(EntityManager em, RouteSql sql, Object key) {
    EntityInfo info = sql.entity();
    if (routeCrossesOwnCollection(info, sql)
        || sql.route().hasReverseHop()
        || (sql.needsNative() && tables(info).size() > 1)) {
      // The route runs through a table about to be emptied (its own collection, or the join table a
      // reverse hop follows back), or has no JPQL form, or native deletes go table by table: fix
      // the rows first.
      long deleted = 0;
      for (List<Object> chunk : Lists.partition(ids(em, sql, key), CHUNK)) {
        deleted += deleteByIds(em, info, chunk);
      }
      return new ErasurePlan.RowCount(deleted, 0);
    }
    return new ErasurePlan.RowCount(
        deleteRows(
            em,
            info,
            sql.nativeIdsIn(),
            query -> query.setParameter(RouteSql.KEY, key),
            sql.nativeDmlPredicate().orElse(null),
            sql.needsNative() ? null : sql.jpqlDmlPredicate("e")),
        0);
  }

  /**
   * Deletes the rows of {@code ids} (at most {@link #CHUNK}) as erasure's DELETE_ROW does; the
   * retention sweep's DELETE shares it. JPQL where it sees every row of the entity, natively
   * where rows are hidden from it ({@code @SoftDelete} would turn a JPQL delete into an update,
   * {@code @SQLRestriction} and filters would skip rows). Returns the rows deleted.
   */
  long deleteByIds(EntityManager em, EntityInfo info, List<Object> ids) {
    return deleteRows(
        em,
        info,
        ":ids",
        query -> query.setParameter("ids", ids),
        standsAlone(info)
            ? RouteSql.keyColumn(info.mapping(), tables(info).get(0), info.type()) + " in (:ids)"
            : null,
        Sql.hidesRows(info) ? null : "e." + info.idAttribute() + " in (:ids)");
  }

  /**
   * Whether every row of the entity's one table is its own and visible: no hierarchy, secondary
   * table or hidden rows. A bulk update or delete of it can then be written natively once, rather
   * than in JPQL that Hibernate 7.4 translates again on every execution.
   */
  static boolean standsAlone(EntityInfo info) {
    return !info.inHierarchy() && tables(info).size() == 1 && !Sql.hidesRows(info);
  }

  /**
   * Deletes the rows whose key is {@code in (idsIn)} (a native subquery or list, its parameters
   * bound by {@code bind}) with their element-collection rows and the join-table rows referring to
   * them, after detaching the rows that stay and refer to them (another subject's reply, an
   * anonymised child; see {@link Referrers}). The rows themselves go by the native condition
   * {@code rows} on the entity's one table where it is given ({@link #standsAlone}), else by the
   * JPQL condition {@code jpql} on alias {@code e}, else natively from every table of the entity,
   * the most derived first. Returns the rows deleted.
   */
  private long deleteRows(
      EntityManager em,
      EntityInfo info,
      String idsIn,
      Consumer<Query> bind,
      @Nullable String rows,
      @Nullable String jpql) {
    // The history first, while idsIn still finds the rows: Envers' copies go with them (Art.
    // 17(1)).
    mapping.history().delete(em, info, idsIn, bind::accept);
    for (PluralAttributeMapping collection : info.collections()) {
      ElementTable table = ElementTable.of(collection, info.type());
      execute(
          em,
          "delete from " + table.table() + " where " + table.keyColumn() + " in (" + idsIn + ")",
          bind);
    }
    for (ElementTable table : joinTablesReferring(info)) {
      execute(
          em,
          "delete from "
              + table.table()
              + " where "
              + table.elementColumn()
              + " in ("
              + idsIn
              + ")",
          bind);
    }
    Referrers.detach(em, referrers.of(info.type()), "in (" + idsIn + ")", bind::accept);
    if (rows != null) {
      String table = tables(info).get(0);
      Query delete =
          Sql.nativeQuery(em, "delete from " + table + " where " + rows)
              .addSynchronizedQuerySpace(table);
      bind.accept(delete);
      return delete.executeUpdate();
    }
    if (jpql != null) {
      Query query = em.createQuery("delete from " + info.name() + " e where " + jpql);
      bind.accept(query);
      return query.executeUpdate();
    }
    long deleted = 0;
    for (String table : tables(info)) {
      // The most derived table's count, where every deleted row has its row.
      deleted =
          Math.max(
              deleted,
              execute(
                  em,
                  "delete from "
                      + table
                      + " where "
                      + RouteSql.keyColumn(info.mapping(), table, info.type())
                      + " in ("
                      + idsIn
                      + ")",
                  bind));
    }
    return deleted;
  }

  /**
   * The one table whose rows {@link #deleteByIds} deletes with nothing else: no history, element
   * collection, join table or row referring to them, no second table; empty for any other entity.
   */
  Optional<String> onlyTableDeleted(EntityInfo info) {
    List<String> tables = tables(info);
    boolean alone =
        tables.size() == 1
            && info.collections().isEmpty()
            && joinTablesReferring(info).isEmpty()
            && referrers.of(info.type()).isEmpty()
            && !mapping.history().keepsHistoryOf(info);
    return alone ? Optional.of(tables.get(0)) : Optional.empty();
  }

  private static int execute(EntityManager em, String statement, Consumer<Query> bind) {
    Query query = Sql.nativeQuery(em, statement);
    bind.accept(query);
    return query.executeUpdate();
  }

  /** The tables holding the entity's rows, the most derived (and secondary ones) first, so that foreign keys hold. */
  static List<String> tables(EntityInfo info) {
    List<String> tables = new ArrayList<>();
    info.mapping()
        .forEachTableDetails(
            details -> {
              if (!tables.contains(details.getTableName())) {
                tables.add(0, details.getTableName());
              }
            });
    return tables;
  }

  private List<Object> ids(EntityManager em, RouteSql sql, Object key) {
    EntityInfo info = sql.entity();
    if (sql.needsNative()) {
      NativeQuery<Object> query = Sql.nativeQuery(em, sql.nativeIds());
      Sql.scalar(query, "id_", info.mapping().getIdentifierMapping().getSingleJdbcMapping());
      return query.setParameter(RouteSql.KEY, key).getResultList();
    }
    return em.createQuery(
            "select e."
                + info.idAttribute()
                + " from "
                + info.name()
                + " e where "
                + sql.jpqlPredicate("e"),
            Object.class)
        .setParameter(RouteSql.KEY, key)
        .getResultList();
  }

  /** Whether the route starts with one of the entity's collections, whose rows or keys its deletion removes. */
  private static boolean routeCrossesOwnCollection(EntityInfo info, RouteSql sql) {
    return EntityInfo.attribute(info.jpa(), sql.route().path().get(0))
        .filter(attribute -> attribute instanceof PluralAttribute<?, ?, ?>)
        .isPresent();
  }

  /** The many-to-many join tables of other entities whose elements are rows of {@code info}'s type. */
  private List<ElementTable> joinTablesReferring(EntityInfo info) {
    List<ElementTable> tables = new ArrayList<>();
    for (EntityInfo other : mapping.entities()) {
      for (PluralAttributeMapping collection : other.collections()) {
        if (collection.getElementDescriptor() instanceof EntityAssociationMapping element
            && relatedMapping(element.getAssociatedEntityMappingType(), info.mapping())) {
          ElementTable table = ElementTable.of(collection, other.type());
          if (!tables.contains(table)) {
            tables.add(table);
          }
        }
      }
    }
    return tables;
  }

  private static boolean relatedMapping(EntityMappingType one, EntityMappingType other) {
    return one.isTypeOrSuperType(other) || other.isTypeOrSuperType(one);
  }

  // --- erasure in place --------------------------------------------------------------------------

  private ErasurePlan.RowCount update(
      EntityManager em, RouteSql sql, Object key, List<FieldDescriptor> erased) {
    EntityInfo info = sql.entity();
    List<FieldDescriptor> scalars =
        erased.stream().filter(field -> !field.collection() && changes(field)).toList();
    List<FieldDescriptor> collections =
        erased.stream().filter(field -> field.collection() && changes(field)).toList();
    if (scalars.isEmpty() && collections.isEmpty()) {
      return ErasurePlan.RowCount.NONE;
    }
    // The history first, while the route still finds the rows (a link column may be among the
    // fields).
    mapping
        .history()
        .erase(
            em,
            this,
            info,
            erased,
            sql.nativeIdsIn(),
            query -> query.setParameter(RouteSql.KEY, key));
    if (collections.isEmpty()
        && scalars.stream().allMatch(Eraser::setBased)
        && oneStatement(sql, scalars)) {
      // The guarded update's count is the rows that changed: nothing needs reading to count them.
      return new ErasurePlan.RowCount(0, updateSetBased(em, sql, key, scalars, true));
    }
    Set<Object> changed = new HashSet<>();
    for (FieldDescriptor field : collections) {
      changed.addAll(updateCollection(em, sql, key, field));
    }
    if (!scalars.isEmpty()) {
      changed.addAll(updateScalars(em, sql, key, scalars));
    }
    bumpVersions(em, info, changed);
    return new ErasurePlan.RowCount(0, changed.size());
  }

  private static boolean changes(FieldDescriptor field) {
    ErasureStrategy strategy = field.erasure().strategy();
    return strategy != ErasureStrategy.KEEP && strategy != ErasureStrategy.DELETE_ROW;
  }

  static boolean setBased(FieldDescriptor field) {
    ErasureStrategy strategy = field.erasure().strategy();
    return strategy == ErasureStrategy.NULLIFY || strategy == ErasureStrategy.REPLACE;
  }

  /** The value erasure writes, or the current one where erasure leaves it as it is. */
  @Nullable Object erased(FieldDescriptor field, @Nullable Object current) {
    // HASH recognises its own output by a keyed check, never by its shape: see FieldEraser.isHash.
    return eraser.erase(field, current);
  }

  private Set<Object> updateScalars(
      EntityManager em, RouteSql sql, Object key, List<FieldDescriptor> fields) {
    EntityInfo info = sql.entity();
    Set<Object> changed = new HashSet<>();
    boolean setBasedChanges = false;
    Map<FieldDescriptor, Map<Object, @Nullable Object>> rewrites = new LinkedHashMap<>();
    try (Stream<Object[]> rows = scan(em, sql, key, fields)) {
      for (Object[] row : (Iterable<Object[]>) rows::iterator) {
        for (int i = 0; i < fields.size(); i++) {
          FieldDescriptor field = fields.get(i);
          Object current = row[i + 1];
          Object erased = erased(field, current);
          if (Objects.equals(current, erased)) {
            continue;
          }
          changed.add(row[0]);
          if (setBased(field)) {
            setBasedChanges = true;
          } else {
            rewrites.computeIfAbsent(field, ignored -> new LinkedHashMap<>()).put(row[0], erased);
          }
        }
      }
    }
    List<FieldDescriptor> setBasedFields = fields.stream().filter(Eraser::setBased).toList();
    if (setBasedChanges) {
      // The caller bumps the versions of every row changed, once.
      updateSetBased(em, sql, key, setBasedFields, false);
    }
    rewrites.forEach((field, values) -> rewrite(em, info, field, values));
    return changed;
  }

  /**
   * Sets {@code field} in each row of {@code values}' keys to its value there: the per-row rewrite
   * of HASH and MASK (and of any attribute where values are read first), which erasure and
   * retention share. One prepared statement per attribute, sent in JDBC batches of {@link #CHUNK}
   * rows, so that statements and round trips do not grow with the number of distinct values.
   * Native, so that rows hidden from JPQL are written too; the value binds with the column's own
   * type and converter, the key with the identifier's.
   */
  static void rewrite(
      EntityManager em,
      EntityInfo info,
      FieldDescriptor field,
      Map<Object, @Nullable Object> values) {
    if (values.isEmpty()) {
      return;
    }
    BasicValuedModelPart column = RouteSql.basic(info.mapping(), field.name(), info.type());
    String table = column.getContainingTableExpression();
    String sql =
        "update "
            + table
            + " set "
            + column.getSelectionExpression()
            + " = ? where "
            + RouteSql.keyColumn(info.mapping(), table, info.type())
            + " = ?";
    JdbcMapping idType = info.mapping().getIdentifierMapping().getSingleJdbcMapping();
    // As a native query would: the session's pending changes reach the database first.
    em.flush();
    SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
    session.doWork(
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(sql)) {
            int pending = 0;
            for (Map.Entry<Object, @Nullable Object> row : values.entrySet()) {
              bind(update, 1, column.getJdbcMapping(), row.getValue(), session);
              bind(update, 2, idType, row.getKey(), session);
              update.addBatch();
              if (++pending == CHUNK) {
                update.executeBatch();
                pending = 0;
              }
            }
            if (pending > 0) {
              update.executeBatch();
            }
          } catch (SQLException e) {
            // A driver's batch failure quotes the statement with its bound values (pgjdbc's "Batch
            // entry 0 update ...
            // set email = 'j***'"), which Hibernate logs: keep the table, the column and the state,
            // never the values.
            SQLException withoutValues =
                new SQLException(
                    "Could not rewrite "
                        + table
                        + "."
                        + column.getSelectionExpression()
                        + " in a batch",
                    e.getSQLState(),
                    e.getErrorCode());
            withoutValues.setStackTrace(e.getStackTrace());
            throw withoutValues;
          }
        });
  }

  @SuppressWarnings("unchecked")
  private static void bind(
      PreparedStatement statement,
      int index,
      JdbcMapping type,
      @Nullable Object value,
      SharedSessionContractImplementor session)
      throws SQLException {
    ((ValueBinder<Object>) type.getJdbcValueBinder())
        .bind(statement, type.convertToRelationalValue(value), index, session);
  }

  /**
   * Rewrites the element {@code from} of the owners that {@code owners} selects to {@code to}, or
   * deletes it where {@code to} is null: an element has no identifier of its own, so it is found by
   * its exact value among the owners' elements. Erasure and retention share it.
   */
  void rewriteElement(
      EntityManager em,
      ElementTable table,
      Object from,
      @Nullable Object to,
      String owners,
      Consumer<NativeQuery<Object>> bindOwners) {
    String current =
        Sql.exactlyEquals(mapping.factory(), table.elementColumn(), "current", table.elementType());
    NativeQuery<Object> statement;
    if (to == null) {
      statement =
          Sql.nativeQuery(
              em, "delete from " + table.table() + " where " + current + " and " + owners);
    } else {
      statement =
          Sql.nativeQuery(
              em,
              "update "
                  + table.table()
                  + " set "
                  + table.elementColumn()
                  + " = :value where "
                  + current
                  + " and "
                  + owners);
      Sql.bind(statement, "value", to, table.elementType());
    }
    Sql.bind(statement, "current", from, table.elementType());
    bindOwners.accept(statement);
    statement.executeUpdate();
  }

  /**
   * Sets the NULLIFY and REPLACE attributes of the subject's rows, touching only the rows where one
   * of them changes, and if {@code bump} moves the version of those rows. Returns the rows changed,
   * exact where {@link #oneStatement} holds; with several tables natively, a row counts once per
   * table it changed in.
   */
  private long updateSetBased(
      EntityManager em, RouteSql sql, Object key, List<FieldDescriptor> fields, boolean bump) {
    EntityInfo info = sql.entity();
    Optional<String> ofSubject = sql.nativeDmlPredicate();
    if (ofSubject.isPresent()) {
      return updateRows(
          em,
          info,
          tables(info).get(0),
          fields,
          ofSubject.get(),
          update -> update.setParameter(RouteSql.KEY, key),
          bump);
    }
    if (!sql.needsNative()) {
      List<String> paths = fields.stream().map(field -> "e." + field.name()).toList();
      // "versioned" makes Hibernate move a numeric or timestamp @Version as an entity update would.
      String versioned = bump && info.mapping().getVersionMapping() != null ? "versioned " : "";
      Query update =
          em.createQuery(
                  "update "
                      + versioned
                      + info.name()
                      + " e set "
                      + assignments(paths)
                      + " where "
                      + sql.jpqlDmlPredicate("e")
                      + " and "
                      + changing(paths, fields))
              .setParameter(RouteSql.KEY, key);
      for (int i = 0; i < fields.size(); i++) {
        update.setParameter("v" + i, eraser.erase(fields.get(i), null));
      }
      return update.executeUpdate();
    }
    Map<String, List<FieldDescriptor>> byTable = byTable(info, fields);
    if (byTable.size() == 1) {
      return updateTable(
          em,
          info,
          byTable.keySet().iterator().next(),
          fields,
          sql.nativeIdsIn(),
          update -> update.setParameter(RouteSql.KEY, key),
          bump);
    }
    // Identifiers first: updating one table of several must not change what the route finds for the
    // next.
    List<Object> ids = ids(em, sql, key);
    long updated = 0;
    for (Map.Entry<String, List<FieldDescriptor>> entry : byTable.entrySet()) {
      for (List<Object> chunk : Lists.partition(ids, CHUNK)) {
        updated +=
            updateTable(
                em,
                info,
                entry.getKey(),
                entry.getValue(),
                ":ids",
                update -> update.setParameter("ids", chunk),
                bump);
      }
    }
    return updated;
  }

  /**
   * Whether {@link #updateSetBased} is one statement, whose count is then the rows that changed:
   * JPQL counts entities even where Hibernate writes several tables; native SQL counts table rows.
   */
  private boolean oneStatement(RouteSql sql, List<FieldDescriptor> fields) {
    return !sql.needsNative() || byTable(sql.entity(), fields).size() == 1;
  }

  /** {@code fields} grouped by the table that holds each one's column. */
  static Map<String, List<FieldDescriptor>> byTable(EntityInfo info, List<FieldDescriptor> fields) {
    Map<String, List<FieldDescriptor>> byTable = new LinkedHashMap<>();
    for (FieldDescriptor field : fields) {
      byTable
          .computeIfAbsent(
              RouteSql.basic(info.mapping(), field.name(), info.type())
                  .getContainingTableExpression(),
              ignored -> new ArrayList<>())
          .add(field);
    }
    return byTable;
  }

  /**
   * Sets {@code fields}, all columns of {@code table}, in the rows whose key is in {@code ids} and
   * where one changes; if {@code bump}, moves the version of those rows too, in the same statement
   * where the version is a column of {@code table}, else in one just before, guarded alike.
   */
  long updateTable(
      EntityManager em,
      EntityInfo info,
      String table,
      List<FieldDescriptor> fields,
      String ids,
      Consumer<NativeQuery<Object>> bindIds,
      boolean bump) {
    return updateRows(
        em,
        info,
        table,
        fields,
        RouteSql.keyColumn(info.mapping(), table, info.type()) + " in (" + ids + ")",
        bindIds,
        bump);
  }

  /**
   * Sets {@code fields}, all columns of {@code table}, in the rows that {@code rows} (a condition
   * on the table, its parameters bound by {@code bind}) selects and where one changes; if {@code
   * bump}, moves the version of those rows too.
   */
  private long updateRows(
      EntityManager em,
      EntityInfo info,
      String table,
      List<FieldDescriptor> fields,
      String rows,
      Consumer<NativeQuery<Object>> bindRows,
      boolean bump) {
    List<BasicValuedModelPart> columns =
        fields.stream()
            .map(field -> RouteSql.basic(info.mapping(), field.name(), info.type()))
            .toList();
    List<String> names =
        columns.stream().map(BasicValuedModelPart::getSelectionExpression).toList();
    String key = RouteSql.keyColumn(info.mapping(), table, info.type());
    String where = rows + " and " + changing(names, fields);
    EntityVersionMapping version = bump ? info.mapping().getVersionMapping() : null;
    String moveVersion = "";
    if (version != null && version.getContainingTableExpression().equals(table)) {
      moveVersion = ", " + versionAssignment(version);
    } else if (version != null) {
      // The rows about to change, found before they change: afterwards the guard no longer finds
      // them.
      String versionTable = version.getContainingTableExpression();
      NativeQuery<Object> bumpFirst =
          Sql.nativeQuery(
              em,
              "update "
                  + versionTable
                  + " set "
                  + versionAssignment(version)
                  + " where "
                  + RouteSql.keyColumn(info.mapping(), versionTable, info.type())
                  + " in (select k_ from (select "
                  + key
                  + " as k_ from "
                  + table
                  + " where "
                  + where
                  + ") c_)");
      bindChange(em, bumpFirst, fields, columns, version);
      bindRows.accept(bumpFirst);
      bumpFirst.addSynchronizedQuerySpace(versionTable).executeUpdate();
      version = null;
    }
    NativeQuery<Object> update =
        Sql.nativeQuery(
            em, "update " + table + " set " + assignments(names) + moveVersion + " where " + where);
    bindChange(em, update, fields, columns, version);
    bindRows.accept(update);
    // Hibernate then clears the caches of this table's entities and collections, as after JPQL,
    // not every region.
    return update.addSynchronizedQuerySpace(table).executeUpdate();
  }

  private void bindChange(
      EntityManager em,
      NativeQuery<Object> statement,
      List<FieldDescriptor> fields,
      List<BasicValuedModelPart> columns,
      @Nullable EntityVersionMapping version) {
    for (int i = 0; i < fields.size(); i++) {
      Sql.bind(
          statement, "v" + i, eraser.erase(fields.get(i), null), columns.get(i).getJdbcMapping());
    }
    if (version != null && !numeric(version)) {
      Sql.bind(statement, VERSION, nextTimestamp(em, version), version.getJdbcMapping());
    }
  }

  // --- versions ----------------------------------------------------------------------------------

  /**
   * Moves the version of the rows of {@code ids}, so that a copy loaded before the erasure and
   * merged after it fails with an {@code OptimisticLockException} instead of writing the erased
   * values back (Art. 17(1)). One statement per {@link #CHUNK} rows; nothing if unversioned.
   */
  static void bumpVersions(EntityManager em, EntityInfo info, Collection<Object> ids) {
    EntityVersionMapping version = info.mapping().getVersionMapping();
    if (version == null || ids.isEmpty()) {
      return;
    }
    String table = version.getContainingTableExpression();
    NativeQuery<Object> update =
        Sql.nativeQuery(
            em,
            "update "
                + table
                + " set "
                + versionAssignment(version)
                + " where "
                + RouteSql.keyColumn(info.mapping(), table, info.type())
                + " in (:ids)");
    if (!numeric(version)) {
      Sql.bind(update, VERSION, nextTimestamp(em, version), version.getJdbcMapping());
    }
    for (List<Object> chunk : Lists.partition(List.copyOf(ids), CHUNK)) {
      update.setParameter("ids", chunk).executeUpdate();
    }
  }

  /** {@code v = v + 1} for a numeric version; {@code v = :version_}, the time now, for a timestamp. */
  private static String versionAssignment(EntityVersionMapping version) {
    String column = version.getSelectionExpression();
    return numeric(version) ? column + " = " + column + " + 1" : column + " = :" + VERSION;
  }

  private static boolean numeric(EntityVersionMapping version) {
    Class<?> type = version.getJavaType().getJavaTypeClass();
    return Number.class.isAssignableFrom(type)
        || (type.isPrimitive() && type != boolean.class && type != char.class);
  }

  /** A timestamp version's next value as Hibernate computes it for the column's precision. */
  private static Object nextTimestamp(EntityManager em, EntityVersionMapping version) {
    return version
        .getJavaType()
        .seed(
            version.getLength(),
            version.getPrecision(),
            version.getScale(),
            em.unwrap(SharedSessionContractImplementor.class));
  }

  /** {@code a = :v0, b = :v1, ...}: each column set to the parameter of its position. */
  static String assignments(List<String> columns) {
    StringJoiner set = new StringJoiner(", ");
    for (int i = 0; i < columns.size(); i++) {
      set.add(columns.get(i) + " = :v" + i);
    }
    return set.toString();
  }

  /**
   * The condition that writing {@link #assignments} changes a row: a column to be nulled holds a
   * value, or one to be replaced holds null or another value. {@code <>} alone would skip nulls,
   * which SQL compares as unknown. So a second erasure touches no row.
   */
  String changing(List<String> columns, List<FieldDescriptor> fields) {
    StringJoiner any = new StringJoiner(" or ", "(", ")");
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      any.add(
          eraser.erase(fields.get(i), null) == null
              ? column + " is not null"
              : column + " is null or " + column + " <> :v" + i);
    }
    return any.toString();
  }

  /** The identifier and current values of the subject's rows; read completely before anything is written. */
  private Stream<Object[]> scan(
      EntityManager em, RouteSql sql, Object key, List<FieldDescriptor> fields) {
    EntityInfo info = sql.entity();
    if (sql.needsNative()) {
      NativeQuery<Object> query =
          Sql.nativeQuery(
              em,
              sql.nativeColumns(
                  fields.stream().map(FieldDescriptor::name).toList(), sql.nativeIdsIn()));
      Sql.scalar(query, "c0_", info.mapping().getIdentifierMapping().getSingleJdbcMapping());
      for (int i = 0; i < fields.size(); i++) {
        Sql.scalar(
            query,
            "c" + (i + 1) + "_",
            RouteSql.basic(info.mapping(), fields.get(i).name(), info.type()).getJdbcMapping());
      }
      return query.setParameter(RouteSql.KEY, key).getResultList().stream().map(Eraser::asRow);
    }
    StringBuilder select = new StringBuilder("select e." + info.idAttribute());
    fields.forEach(field -> select.append(", e.").append(field.name()));
    return em
        .createQuery(
            select + " from " + info.name() + " e where " + sql.jpqlPredicate("e"), Tuple.class)
        .setParameter(RouteSql.KEY, key)
        .getResultList()
        .stream()
        .map(Tuple::toArray);
  }

  private Set<Object> updateCollection(
      EntityManager em, RouteSql sql, Object key, FieldDescriptor field) {
    EntityInfo info = sql.entity();
    ElementTable table = ElementTable.of(Reader.collection(info, field.name()), info.type());
    String owners = table.keyColumn() + " in (" + sql.nativeIdsIn() + ")";
    Set<Object> changed = new HashSet<>();
    Map<Object, Object> rewrites = new LinkedHashMap<>();
    for (Object[] pair :
        elements(em, info, table, owners, read -> read.setParameter(RouteSql.KEY, key))) {
      Object erased =
          field.erasure().strategy() == ErasureStrategy.NULLIFY ? null : erased(field, pair[1]);
      if (field.erasure().strategy() == ErasureStrategy.NULLIFY
          || !Objects.equals(pair[1], erased)) {
        changed.add(pair[0]);
        if (!setBased(field) && pair[1] != null && erased != null) {
          rewrites.put(pair[1], erased);
        }
      }
    }
    if (changed.isEmpty()) {
      return changed;
    }
    switch (field.erasure().strategy()) {
      case NULLIFY ->
          nativeUpdate(em, "delete from " + table.table() + " where " + owners, key)
              .executeUpdate();
      case REPLACE -> {
        NativeQuery<Object> update =
            nativeUpdate(
                em,
                "update "
                    + table.table()
                    + " set "
                    + table.elementColumn()
                    + " = :value where "
                    + owners,
                key);
        Sql.bind(update, "value", eraser.erase(field, null), table.elementType());
        update.executeUpdate();
      }
      default ->
          rewrites.forEach(
              (from, to) ->
                  rewriteElement(
                      em,
                      table,
                      from,
                      to,
                      owners,
                      update -> update.setParameter(RouteSql.KEY, key)));
    }
    return changed;
  }

  /** The owner's identifier and the element of each element row of the owners that {@code owners} selects. */
  static List<Object[]> elements(
      EntityManager em,
      EntityInfo info,
      ElementTable table,
      String owners,
      Consumer<NativeQuery<Object>> bindOwners) {
    NativeQuery<Object> read =
        Sql.nativeQuery(
            em,
            "select "
                + table.keyColumn()
                + " as c0_, "
                + table.elementColumn()
                + " as c1_ from "
                + table.table()
                + " where "
                + owners);
    Sql.scalar(read, "c0_", info.mapping().getIdentifierMapping().getSingleJdbcMapping());
    Sql.scalar(read, "c1_", table.elementType());
    bindOwners.accept(read);
    return read.getResultList().stream().map(Eraser::asRow).toList();
  }

  private static NativeQuery<Object> nativeUpdate(EntityManager em, String statement, Object key) {
    NativeQuery<Object> query = Sql.nativeQuery(em, statement);
    query.setParameter(RouteSql.KEY, key);
    return query;
  }

  private static Object[] asRow(Object result) {
    return result instanceof Object[] row ? row : new Object[] {result};
  }

  // --- second-level cache ------------------------------------------------------------------------

  /** The types whose rows the erasure changed: its own, and those of rows detached from deleted ones. */
  private Set<Class<?>> touched(Map<Class<?>, ErasurePlan.RowCount> counts) {
    Set<Class<?>> types = new LinkedHashSet<>();
    counts.forEach(
        (type, count) -> {
          if (count.any()) {
            types.add(type);
            if (count.deleted() > 0) {
              referrers.of(type).forEach(referrer -> types.add(referrer.owner()));
            }
          }
        });
    return types;
  }

  void evict(Map<Class<?>, ErasurePlan.RowCount> counts) {
    Set<String> roles = new LinkedHashSet<>();
    counts.forEach(
        (type, count) -> {
          if (!count.any()) {
            return;
          }
          EntityInfo info = mapping.entity(type);
          emf.getCache().evict(type);
          if (count.deleted() > 0) {
            referrers.of(type).forEach(referrer -> emf.getCache().evict(referrer.owner()));
          }
          info.collections()
              .forEach(collection -> roles.add(collection.getNavigableRole().getFullPath()));
          for (EntityInfo other : mapping.entities()) {
            other.collections().stream()
                .filter(
                    collection ->
                        collection.getElementDescriptor()
                                instanceof EntityAssociationMapping element
                            && relatedMapping(
                                element.getAssociatedEntityMappingType(), info.mapping()))
                .forEach(collection -> roles.add(collection.getNavigableRole().getFullPath()));
          }
        });
    roles.forEach(role -> mapping.factory().getCache().evictCollectionData(role));
  }
}
