package dev.lethe.jpa.internal;

import com.google.common.collect.Lists;
import dev.lethe.annotation.RetentionAction;
import dev.lethe.erasure.ErasurePlan;
import dev.lethe.erasure.RetentionTask;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.SubjectRoute;
import dev.lethe.model.SubjectType;
import dev.lethe.spi.RetentionSweeper.Batch;
import dev.lethe.subject.SubjectKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.query.NativeQuery;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention on the database (Art. 5(1)(e)): per call, one batch of expired rows in one
 * transaction, in the order of their clock and key, so that each batch walks the clock's index.
 * Where the policy deletes, no subject is held and the rows live in one table, a batch is the
 * delete of the range up to its last row, found by a query per batch or, on PostgreSQL, per ten,
 * and bounded by its keys too where they follow the clock, on plain JDBC ({@link RangeDelete},
 * decision records 0035, 0039, 0044 and 0049): a second instance on the same range waits for the
 * first and finds its rows gone. Otherwise the batch's rows are locked so that rows another
 * transaction holds are skipped ({@code FOR UPDATE SKIP LOCKED} where the dialect supports it,
 * plain {@code FOR UPDATE} otherwise; while selecting on PostgreSQL, elsewhere by key once the
 * batch is chosen).
 * Either way several instances sweeping at once never process a row twice. Rows of held subjects
 * are found along the entity's routes and left; the others are deleted (with their
 * element-collection and join-table rows) or anonymised in place, with statements per batch that
 * grow with attributes and distinct erased values, not with rows.
 * Anonymisation counts only rows that change, so a second run does nothing.
 */
public final class Sweeper {

  private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);

  /** Rows per page when counting for a dry run. */
  private static final int PAGE = 1_000;

  /** Stands for a null erased value in a map key. */
  private static final Object NULL = new Object();

  private final EntityManagerFactory emf;
  private final JpaMapping mapping;
  private final Eraser eraser;
  private final String lock;

  /** Per entity and clock, its range deletes if it has them: they depend on the mapping alone. */
  private final Map<ClockOf, Optional<RangeDelete>> rangeDeletes = new ConcurrentHashMap<>();

  /** Whether the query selecting a batch can take its row locks: not where they would cover every expired row. */
  private final boolean lockWhileSelecting;

  /** A sweeper over {@code emf}'s entities, whose anonymisation erases as {@code eraser} does. */
  // Hibernate 7.4 deprecates the boolean for lock timeout types, whose SKIP_LOCKED answer it still
  // gives.
  @SuppressWarnings("deprecation")
  public Sweeper(EntityManagerFactory emf, JpaMapping mapping, Eraser eraser) {
    this.emf = emf;
    this.mapping = mapping;
    this.eraser = eraser;
    Dialect dialect = mapping.factory().getJdbcServices().getDialect();
    boolean skipLocked = dialect.getLockingSupport().getMetadata().supportsSkipLocked();
    this.lock = skipLocked ? dialect.getForUpdateSkipLockedString() : dialect.getForUpdateString();
    // Only PostgreSQL is known to lock just the rows its limit returns. H2 locks every row that
    // meets the condition before it applies the limit, and MariaDB every row its plan reads when
    // the optimizer sorts instead of walking the clock's index (a small table): a batch would lock
    // all expired rows, so that a second sweeper skipped them all and stopped, leaving rows to the
    // next run (two sweepers on MariaDB deleted 229 of 617 expired rows in CI). Elsewhere the batch
    // is chosen unlocked, then locked by key. Plain FOR UPDATE would make a second sweeper wait on
    // the first's whole batch.
    this.lockWhileSelecting = skipLocked && dialect instanceof PostgreSQLDialect;
  }

  /** The row-lock clause the batches are selected with, for the logs and the tests. */
  public String lockClause() {
    return lock.trim();
  }

  /**
   * Handles the next batch of at most {@code batchSize} expired rows after {@code after}, in one transaction.
   *
   * @throws IllegalArgumentException if {@code batchSize} is not positive
   */
  public Batch sweep(RetentionTask task, Optional<Object> after, int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException(
          "The retention batch size must be positive, but is " + batchSize);
    }
    EntityInfo info = mapping.entity(task.entity().type());
    if (info.isAbstract()) {
      return new Batch(0, 0, 0, Optional.empty());
    }
    Optional<RangeDelete> range = rangeDeletable(task, info);
    Batch batch =
        range.isPresent()
            ? deleteExpiredRange(task, range.get(), after, batchSize)
            : Sql.inTransaction(emf, em -> batch(em, task, info, after, batchSize, true));
    if (batch.processed() > 0) {
      eraser.evict(
          Map.of(info.type(), new ErasurePlan.RowCount(batch.deleted(), batch.anonymised())));
    }
    return batch;
  }

  /** What sweeping would do now, page by page without locks, changing nothing. */
  public Batch count(RetentionTask task) {
    EntityInfo info = mapping.entity(task.entity().type());
    if (info.isAbstract()) {
      return new Batch(0, 0, 0, Optional.empty());
    }
    long deleted = 0;
    long anonymised = 0;
    long heldBack = 0;
    Optional<Object> after = Optional.empty();
    while (true) {
      Optional<Object> from = after;
      Batch page = Sql.inTransaction(emf, em -> batch(em, task, info, from, PAGE, false));
      deleted += page.deleted();
      anonymised += page.anonymised();
      heldBack += page.heldBack();
      if (page.lastKey().isEmpty()) {
        return new Batch(deleted, anonymised, heldBack, Optional.empty());
      }
      after = page.lastKey();
    }
  }

  private Batch batch(
      EntityManager em,
      RetentionTask task,
      EntityInfo info,
      Optional<Object> after,
      int limit,
      boolean apply) {
    if (apply && after.isEmpty()) {
      sweepDeletedRowsHistory(em, task, info);
    }
    List<Position> rows = expired(em, task, info, after, limit, apply);
    if (rows.isEmpty()) {
      return new Batch(0, 0, 0, Optional.empty());
    }
    Object lastKey = rows.get(rows.size() - 1);
    List<Object> ids = rows.stream().map(Position::id).toList();
    if (apply && !lockWhileSelecting) {
      ids = lock(em, info, ids);
    }
    Set<Object> held = held(em, task, info, ids);
    List<Object> work = ids.stream().filter(id -> !held.contains(id)).toList();
    long deleted = 0;
    long anonymised = 0;
    if (!work.isEmpty()) {
      if (task.policy().action() == RetentionAction.DELETE) {
        deleted = apply ? delete(em, info, work) : work.size();
      } else {
        anonymised = anonymise(em, task, info, work, apply);
      }
    }
    return new Batch(deleted, anonymised, held.size(), Optional.of(lastKey));
  }

  /**
   * The range deletes of the entity's expired rows, if the policy deletes, no subject is held and
   * the rows live in one table of no hierarchy, with nothing else to delete (no history either).
   */
  private Optional<RangeDelete> rangeDeletable(RetentionTask task, EntityInfo info) {
    if (task.policy().action() != RetentionAction.DELETE
        || anySubjectHeld(task)
        || info.inHierarchy()) {
      return Optional.empty();
    }
    return rangeDeletes.computeIfAbsent(
        new ClockOf(info.type(), task.policy().clockAttribute()),
        clock -> eraser.onlyTableDeleted(info).map(table -> rangeDelete(info, table, clock)));
  }

  /** An entity's retention clock. */
  private record ClockOf(Class<?> type, String attribute) {}

  private RangeDelete rangeDelete(EntityInfo info, String table, ClockOf clockOf) {
    BasicValuedModelPart clock = RouteSql.basic(info.mapping(), clockOf.attribute(), info.type());
    return new RangeDelete(
        mapping.factory(),
        table,
        clock.getSelectionExpression(),
        clock.getJdbcMapping(),
        RouteSql.keyColumn(info.mapping(), table, info.type()),
        info.mapping().getIdentifierMapping().getSingleJdbcMapping());
  }

  /** Where a batch stopped: the clock and key of the last row it looked at. */
  record Position(Object clock, Object id) {}

  /**
   * The next expired rows after {@code after}, in the order of their clock and key; locked for this
   * transaction if {@code lockRows} and {@link #lockWhileSelecting}.
   */
  private List<Position> expired(
      EntityManager em,
      RetentionTask task,
      EntityInfo info,
      Optional<Object> after,
      int limit,
      boolean lockRows) {
    BasicValuedModelPart clock =
        RouteSql.basic(info.mapping(), task.policy().clockAttribute(), info.type());
    String sql =
        RouteSql.nativeExpiredRows(info, clock, after.isPresent())
            + " limit "
            + limit
            + (lockRows && lockWhileSelecting ? " " + lock.trim() : "");
    return positions(expiredRowsQuery(em, task, info, clock, sql, after));
  }

  /**
   * Deletes the next batch of expired rows by their range in clock and key order, as a hand-written
   * job deletes by key range (decision records 0035 and 0039).
   */
  private Batch deleteExpiredRange(
      RetentionTask task, RangeDelete range, Optional<Object> after, int limit) {
    RangeDelete.Batch batch =
        range.next(task.cutoff(), task.zone(), after.map(Sweeper::cursor), limit);
    return new Batch(batch.deleted(), 0, 0, batch.next().map(Object.class::cast));
  }

  /** A query over expired rows selecting {@code id_} and {@code clock_}, its cutoff and position bound. */
  private static NativeQuery<Object> expiredRowsQuery(
      EntityManager em,
      RetentionTask task,
      EntityInfo info,
      BasicValuedModelPart clock,
      String sql,
      Optional<Object> after) {
    NativeQuery<Object> query = Sql.nativeQuery(em, sql);
    Sql.scalar(query, "id_", info.mapping().getIdentifierMapping().getSingleJdbcMapping());
    Sql.scalar(query, "clock_", clock.getJdbcMapping());
    bindRange(query, task, info, clock, after);
    return query;
  }

  /** Binds a query's cutoff and, if there is one, the position it continues after. */
  private static void bindRange(
      NativeQuery<Object> query,
      RetentionTask task,
      EntityInfo info,
      BasicValuedModelPart clock,
      Optional<Object> after) {
    JdbcMapping idType = info.mapping().getIdentifierMapping().getSingleJdbcMapping();
    Sql.bind(
        query,
        "cutoff",
        cutoff(task.cutoff(), task.zone(), clock.getJdbcMapping()),
        clock.getJdbcMapping());
    if (after.isPresent()) {
      Position position = position(after.get());
      Sql.bind(query, "afterClock", position.clock(), clock.getJdbcMapping());
      Sql.bind(query, "afterId", position.id(), idType);
    }
  }

  /** Where the previous batch stopped, whichever way it swept. */
  private static Position position(Object after) {
    if (after instanceof RangeDelete.Cursor cursor) {
      return cursor.last();
    }
    if (!(after instanceof Position position)) {
      throw new IllegalArgumentException(
          "Continue a retention sweep after the last key of a batch of this store, not after a "
              + after.getClass().getSimpleName());
    }
    return position;
  }

  /** Where the previous batch stopped, as a range delete goes on from it. */
  private static RangeDelete.Cursor cursor(Object after) {
    return after instanceof RangeDelete.Cursor cursor
        ? cursor
        : new RangeDelete.Cursor(position(after), List.of());
  }

  private static List<Position> positions(NativeQuery<Object> query) {
    return query.getResultList().stream()
        .map(row -> (Object[]) row)
        .map(row -> new Position(row[1], row[0]))
        .toList();
  }

  /** Whether a legal hold stands for any subject, whose rows a batch must then find and leave. */
  private static boolean anySubjectHeld(RetentionTask task) {
    return !task.heldSubjects().isEmpty();
  }

  /**
   * Locks the rows of {@code ids} that are still there and not held by another transaction (or,
   * where the database cannot skip locked rows, waits for it), and returns their identifiers: a
   * second sweeper thus never handles a row the first has locked or deleted.
   */
  private List<Object> lock(EntityManager em, EntityInfo info, List<Object> ids) {
    String table = info.mapping().getIdentifierTableDetails().getTableName();
    String key = RouteSql.keyColumn(info.mapping(), table, info.type());
    NativeQuery<Object> query =
        Sql.nativeQuery(
            em,
            "select "
                + key
                + " as id_ from "
                + table
                + " where "
                + key
                + " in (:ids) "
                + lock.trim());
    Sql.scalar(query, "id_", info.mapping().getIdentifierMapping().getSingleJdbcMapping());
    List<Object> present = new ArrayList<>();
    for (List<Object> chunk : Lists.partition(ids, Eraser.CHUNK)) {
      present.addAll(query.setParameter("ids", chunk).getResultList());
    }
    return present;
  }

  /**
   * The cutoff as a value of the clock column's type: a date-only or local clock is compared in
   * the task's zone, in which a date starts at midnight.
   */
  static Object cutoff(Instant cutoff, ZoneId zone, JdbcMapping column) {
    Class<?> type = column.getJavaTypeDescriptor().getJavaTypeClass();
    ZonedDateTime local = cutoff.atZone(zone);
    boolean dateOnly = column.getJdbcType().getDefaultSqlTypeCode() == Types.DATE;
    if (type == Instant.class) {
      return cutoff;
    } else if (type == LocalDate.class) {
      return local.toLocalDate();
    } else if (type == LocalDateTime.class) {
      return local.toLocalDateTime();
    } else if (type == OffsetDateTime.class) {
      return local.toOffsetDateTime();
    } else if (type == ZonedDateTime.class) {
      return local;
    } else if (Date.class.isAssignableFrom(type)) {
      return dateOnly ? java.sql.Date.valueOf(local.toLocalDate()) : Timestamp.from(cutoff);
    } else if (Calendar.class.isAssignableFrom(type)) {
      return GregorianCalendar.from(dateOnly ? local.toLocalDate().atStartOfDay(zone) : local);
    }
    throw new IllegalArgumentException("A retention clock cannot be a " + type.getSimpleName());
  }

  /**
   * The Envers history of rows the application deleted, once every clock it recorded has expired
   * (Art. 5(1)(e)): deleted, or anonymised by the policy's rules, as the rows would have been. Rows
   * that reached a held subject, along any route through the history, are left; where a route
   * cannot be followed through the history while subjects are held, nothing is. Once per sweep,
   * with its first batch; set-based, whatever the number of rows.
   */
  private void sweepDeletedRowsHistory(EntityManager em, RetentionTask task, EntityInfo info) {
    Optional<String> expired =
        mapping.history().expiredDeletedRows(info, task.policy().clockAttribute());
    if (expired.isEmpty()) {
      return;
    }
    StringBuilder ids =
        new StringBuilder("select k_ from (").append(expired.get()).append(") e_ where 1 = 1");
    Map<String, Set<Object>> held = new LinkedHashMap<>();
    for (SubjectRoute route : task.entity().routes()) {
      Set<Object> keys = heldKeys(task, route);
      if (keys.isEmpty()) {
        continue;
      }
      String parameter = "held" + held.size();
      Optional<History.DeletedRows> reaching =
          mapping.history().deletedRowsReaching(mapping, info, route, "in (:" + parameter + ")");
      if (reaching.isEmpty()) {
        LOG.debug(
            "Subjects are held and {}'s route {} cannot be followed through the history: its deleted rows'"
                + " history is kept",
            info.name(),
            route.name());
        return;
      }
      held.put(parameter, keys);
      ids.append(" and k_ not in (").append(reaching.get().idsIn()).append(')');
    }
    BasicValuedModelPart clock =
        RouteSql.basic(info.mapping(), task.policy().clockAttribute(), info.type());
    Object cutoff = cutoff(task.cutoff(), task.zone(), clock.getJdbcMapping());
    Consumer<NativeQuery<Object>> bind =
        query -> {
          Sql.bind(query, "cutoff", cutoff, clock.getJdbcMapping());
          held.forEach((parameter, keys) -> query.setParameter(parameter, keys));
        };
    String idsIn = "select k_ from (" + ids + ") w_";
    if (task.policy().action() == RetentionAction.DELETE) {
      mapping.history().delete(em, info, idsIn, bind);
    } else {
      mapping.history().erase(em, eraser, info, task.anonymisedFields(), idsIn, bind);
    }
  }

  /** The keys of the held subjects of {@code route}'s subject type, as its root's identifiers. */
  private Set<Object> heldKeys(RetentionTask task, SubjectRoute route) {
    SubjectType subjectType = mapping.model().subjectType(route.subjectType()).orElseThrow();
    EntityInfo root = mapping.entity(subjectType.root());
    Set<Object> heldKeys = new HashSet<>();
    for (SubjectKey key : task.heldSubjects()) {
      if (key.subjectType().equals(subjectType.name())) {
        Sql.typed(key.id(), root.idType()).ifPresent(heldKeys::add);
      }
    }
    return heldKeys;
  }

  /** The identifiers among {@code ids} of rows whose subject is under legal hold, found along each route. */
  private Set<Object> held(
      EntityManager em, RetentionTask task, EntityInfo info, List<Object> ids) {
    Set<Object> held = new HashSet<>();
    if (task.heldSubjects().isEmpty()) {
      return held;
    }
    EntityDescriptor descriptor = task.entity();
    for (SubjectRoute route : descriptor.routes()) {
      Set<Object> heldKeys = heldKeys(task, route);
      EntityInfo root =
          mapping.entity(mapping.model().subjectType(route.subjectType()).orElseThrow().root());
      if (heldKeys.isEmpty()) {
        continue;
      }
      RouteSql sql = mapping.route(info, route);
      for (List<Object> chunk : Lists.partition(ids, Eraser.CHUNK)) {
        NativeQuery<Object> query = Sql.nativeQuery(em, sql.nativeSubjectKeys("in (:ids)"));
        Sql.scalar(query, "id_", info.mapping().getIdentifierMapping().getSingleJdbcMapping());
        Sql.scalar(query, "key_", root.mapping().getIdentifierMapping().getSingleJdbcMapping());
        for (Object result : query.setParameter("ids", chunk).getResultList()) {
          Object[] row = (Object[]) result;
          if (row[1] != null && heldKeys.contains(row[1])) {
            held.add(row[0]);
          }
        }
      }
    }
    return held;
  }

  // --- deletion ----------------------------------------------------------------------------------

  /** Deletes the rows as erasure's DELETE_ROW does: with their element and join-table rows, hidden ones too. */
  private long delete(EntityManager em, EntityInfo info, List<Object> ids) {
    long deleted = 0;
    for (List<Object> chunk : Lists.partition(ids, Eraser.CHUNK)) {
      deleted += eraser.deleteByIds(em, info, chunk);
    }
    return deleted;
  }

  // --- anonymisation -----------------------------------------------------------------------------

  private long anonymise(
      EntityManager em, RetentionTask task, EntityInfo info, List<Object> ids, boolean apply) {
    List<FieldDescriptor> scalars =
        task.anonymisedFields().stream().filter(field -> !field.collection()).toList();
    List<FieldDescriptor> collections =
        task.anonymisedFields().stream().filter(FieldDescriptor::collection).toList();
    Map<String, List<FieldDescriptor>> tables = Eraser.byTable(info, scalars);
    if (apply) {
      // Envers' history of the expired rows is anonymised by the same rules, in the same
      // transaction.
      for (List<Object> chunk : Lists.partition(ids, Eraser.CHUNK)) {
        mapping
            .history()
            .erase(
                em,
                eraser,
                info,
                task.anonymisedFields(),
                ":ids",
                query -> query.setParameter("ids", chunk));
      }
    }
    if (apply
        && collections.isEmpty()
        && tables.size() == 1
        && scalars.stream().allMatch(Eraser::setBased)) {
      // One statement per chunk counts its own changed rows, each once: no values need reading.
      long anonymised = 0;
      for (List<Object> chunk : Lists.partition(ids, Eraser.CHUNK)) {
        anonymised +=
            eraser.updateTable(
                em,
                info,
                tables.keySet().iterator().next(),
                scalars,
                ":ids",
                update -> update.setParameter("ids", chunk),
                true);
      }
      return anonymised;
    }
    Set<Object> changed = new HashSet<>();
    for (List<Object> chunk : Lists.partition(ids, Eraser.CHUNK)) {
      if (!scalars.isEmpty()) {
        changed.addAll(anonymiseScalars(em, info, chunk, scalars, apply));
      }
      for (FieldDescriptor field : collections) {
        changed.addAll(anonymiseCollection(em, info, chunk, field, apply));
      }
    }
    if (apply) {
      // A copy loaded before the sweep must not write the anonymised values back on merge.
      Eraser.bumpVersions(em, info, changed);
    }
    return changed.size();
  }

  private Set<Object> anonymiseScalars(
      EntityManager em,
      EntityInfo info,
      List<Object> ids,
      List<FieldDescriptor> fields,
      boolean apply) {
    NativeQuery<Object> read =
        Sql.nativeQuery(
            em,
            RouteSql.nativeColumnsOf(info, fields.stream().map(FieldDescriptor::name).toList()));
    Sql.scalar(read, "c0_", info.mapping().getIdentifierMapping().getSingleJdbcMapping());
    for (int i = 0; i < fields.size(); i++) {
      Sql.scalar(
          read,
          "c" + (i + 1) + "_",
          RouteSql.basic(info.mapping(), fields.get(i).name(), info.type()).getJdbcMapping());
    }
    Set<Object> changed = new LinkedHashSet<>();
    // Per attribute, each changed row's erased value: one batched statement per attribute.
    Map<FieldDescriptor, Map<Object, @Nullable Object>> rewrites = new LinkedHashMap<>();
    for (Object result : read.setParameter("ids", ids).getResultList()) {
      Object[] row = (Object[]) result;
      for (int i = 0; i < fields.size(); i++) {
        FieldDescriptor field = fields.get(i);
        Object current = row[i + 1];
        Object erased = eraser.erased(field, current);
        if (!Objects.equals(current, erased)) {
          changed.add(row[0]);
          rewrites.computeIfAbsent(field, ignored -> new LinkedHashMap<>()).put(row[0], erased);
        }
      }
    }
    if (apply) {
      rewrites.forEach((field, values) -> Eraser.rewrite(em, info, field, values));
    }
    return changed;
  }

  private Set<Object> anonymiseCollection(
      EntityManager em, EntityInfo info, List<Object> ids, FieldDescriptor field, boolean apply) {
    ElementTable table = ElementTable.of(Reader.collection(info, field.name()), info.type());
    String owners = table.keyColumn() + " in (:ids)";
    Set<Object> changed = new LinkedHashSet<>();
    // Per current element value and its erased value, the owners holding it: an element has no key
    // of its own.
    Map<List<Object>, Set<Object>> rewrites = new HashMap<>();
    for (Object[] pair :
        Eraser.elements(em, info, table, owners, read -> read.setParameter("ids", ids))) {
      Object erased = pair[1] == null ? null : eraser.erased(field, pair[1]);
      if (pair[1] != null && !Objects.equals(pair[1], erased)) {
        changed.add(pair[0]);
        rewrites
            .computeIfAbsent(
                Arrays.asList(pair[1], erased == null ? NULL : erased),
                ignored -> new LinkedHashSet<>())
            .add(pair[0]);
      }
    }
    if (apply) {
      rewrites.forEach(
          (fromTo, holders) ->
              eraser.rewriteElement(
                  em,
                  table,
                  fromTo.get(0),
                  fromTo.get(1) == NULL ? null : fromTo.get(1),
                  owners,
                  statement -> statement.setParameter("ids", List.copyOf(holders))));
    }
    return changed;
  }

  // --- indexes -----------------------------------------------------------------------------------

  /**
   * Warns once per retention policy whose clock column leads no index: every batch filters and
   * orders on it, and without one each batch scans the table. On PostgreSQL, where a secondary
   * index does not hold the key, a clock index without the key as its second column gets one piece
   * of advice at INFO: each batch then sorts ties on the key and reads the table to find its range,
   * where an index on (clock, key) lets it walk the index alone (decision 0045). Names entity, table
   * and columns, nothing else.
   */
  public void warnAboutMissingIndexes() {
    List<EntityDescriptor> policies =
        mapping.model().entities().stream()
            .filter(entity -> entity.retention().isPresent())
            .filter(entity -> !mapping.entity(entity.type()).isAbstract())
            .toList();
    if (policies.isEmpty()) {
      return;
    }
    // InnoDB's and H2's secondary indexes end with the key already; PostgreSQL's point at the row.
    boolean keyMustBeIndexed =
        mapping.factory().getJdbcServices().getDialect() instanceof PostgreSQLDialect;
    EntityManager em = emf.createEntityManager();
    try {
      em.unwrap(Session.class)
          .doWork(
              connection -> {
                DatabaseMetaData metaData = connection.getMetaData();
                for (EntityDescriptor entity : policies) {
                  EntityInfo info = mapping.entity(entity.type());
                  BasicValuedModelPart clock =
                      RouteSql.basic(
                          info.mapping(),
                          entity.retention().orElseThrow().clockAttribute(),
                          info.type());
                  String table = unquote(clock.getContainingTableExpression());
                  String column = unquote(clock.getSelectionExpression());
                  String key = keyColumn(info, clock.getContainingTableExpression());
                  List<List<String>> indexes =
                      indexes(metaData, connection.getCatalog(), schemaOf(connection), table);
                  if (indexes.stream().noneMatch(index -> startsWith(index, column))) {
                    LOG.warn(
                        "Retention of {} filters and orders on column {} of table {}, which leads no index: every batch"
                            + " scans the table. Create an index on ({}).",
                        entity.name(),
                        column,
                        table,
                        key.isEmpty() ? column : column + ", " + key);
                  } else if (keyMustBeIndexed
                      && !key.isEmpty()
                      && indexes.stream().noneMatch(index -> startsWith(index, column, key))) {
                    LOG.info(
                        "Retention of {} orders on columns {}, {} of table {}, whose index holds only {}: every"
                            + " batch sorts ties and reads the table to find its range. An index on ({}, {})"
                            + " lets it walk the index alone.",
                        entity.name(),
                        column,
                        key,
                        table,
                        column,
                        column,
                        key);
                  }
                }
              });
    } catch (RuntimeException e) {
      LOG.debug("Could not check the indexes of the retention clocks", e);
    } finally {
      em.close();
    }
  }

  /** The single key column of {@code table}, or empty where the key spans several columns. */
  private static String keyColumn(EntityInfo info, String table) {
    try {
      return unquote(RouteSql.keyColumn(info.mapping(), table, info.type()));
    } catch (UnsupportedRouteException e) {
      return "";
    }
  }

  private static boolean startsWith(List<String> index, String... columns) {
    if (index.size() < columns.length) {
      return false;
    }
    for (int i = 0; i < columns.length; i++) {
      if (!index.get(i).equalsIgnoreCase(columns[i])) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable String schemaOf(Connection connection) {
    try {
      return connection.getSchema();
    } catch (SQLException | AbstractMethodError e) {
      return null;
    }
  }

  /** The columns of each index of {@code table}, in their order, names unquoted. */
  private static List<List<String>> indexes(
      DatabaseMetaData metaData, @Nullable String catalog, @Nullable String schema, String table)
      throws SQLException {
    Set<String> candidates =
        new LinkedHashSet<>(
            List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)));
    Map<String, Map<Short, String>> columns = new LinkedHashMap<>();
    for (String name : candidates) {
      try (ResultSet indexes = metaData.getIndexInfo(catalog, schema, name, false, true)) {
        while (indexes.next()) {
          String index = indexes.getString("INDEX_NAME");
          String column = indexes.getString("COLUMN_NAME");
          if (index != null && column != null) {
            columns
                .computeIfAbsent(name + "." + index, ignored -> new TreeMap<>())
                .put(indexes.getShort("ORDINAL_POSITION"), unquote(column));
          }
        }
      }
    }
    return columns.values().stream().map(byPosition -> List.copyOf(byPosition.values())).toList();
  }

  private static String unquote(String name) {
    return name.replace("\"", "").replace("`", "").replace("[", "").replace("]", "");
  }
}
