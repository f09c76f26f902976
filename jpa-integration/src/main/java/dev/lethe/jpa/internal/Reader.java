package dev.lethe.jpa.internal;

import com.google.common.collect.Iterators;
import com.google.common.collect.PeekingIterator;
import dev.lethe.jpa.internal.ReadSessions.Session;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.IdentityMatch;
import dev.lethe.model.SubjectRoute;
import dev.lethe.model.SubjectType;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.RecordValues;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import jakarta.persistence.Query;
import jakarta.persistence.metamodel.Attribute;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.query.NativeQuery;
import org.jspecify.annotations.Nullable;

/**
 * Resolves identities and streams a subject's rows: one query per entity type and route selecting
 * only the identifier and the personal-data columns, never entities, read through plain JDBC where
 * native SQL can name them (decision record 0040), so the persistence context stays empty and
 * memory stays flat however many rows the subject has (Art. 15(3), 20(1)).
 */
public final class Reader {

  private final Sessions sessions;
  private final ReadSessions readSessions;
  private final JpaMapping mapping;
  private final int fetchSize;
  private final boolean exportHistory;
  private final BiFunction<Object, Object, Object> historyRowId;
  private final Encryption encryption;

  /**
   * A reader over {@code sessions}' entities (finding a subject inside the operation's transaction)
   * that fetches {@code fetchSize} rows per round trip, exports, if {@code exportHistory}, the
   * Envers history of audited rows after the rows, each record identified by {@code historyRowId} of
   * its row's identifier and revision, decrypts {@code encryption}'s attributes and finds encrypted
   * identities by their blind index. The store passes {@code HistoryRowId::new}: the identifier is
   * an API type, and the machinery does not name the API's types, whose package depends on it.
   */
  public Reader(
      Sessions sessions,
      JpaMapping mapping,
      int fetchSize,
      boolean exportHistory,
      BiFunction<Object, Object, Object> historyRowId,
      Encryption encryption) {
    this.sessions = sessions;
    this.readSessions = new ReadSessions(sessions.factory());
    this.mapping = mapping;
    this.fetchSize = fetchSize;
    this.exportHistory = exportHistory;
    this.historyRowId = historyRowId;
    this.encryption = encryption;
  }

  /** The keys of the subjects {@code identifier} names. */
  public Set<SubjectKey> resolve(SubjectIdentifier identifier) {
    Optional<SubjectType> subjectType = mapping.model().subjectType(identifier.subjectType());
    Optional<String> identityAttribute =
        subjectType.flatMap(type -> type.identityAttribute(identifier.identity()));
    if (identityAttribute.isEmpty()) {
      return Set.of();
    }
    EntityInfo root = mapping.entity(subjectType.get().root());
    // An identity stored encrypted is compared by its keyed blind index, exactly: the index is of
    // the value normalised as the identity is compared.
    Optional<Encryption.BlindLookup> blind =
        encryption.blindIndex(root.type(), identityAttribute.get());
    Optional<String> attribute =
        blind.map(Encryption.BlindLookup::attribute).or(() -> identityAttribute);
    Class<?> valueType =
        EntityInfo.attribute(root.jpa(), attribute.get())
            .map(Attribute::getJavaType)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The root "
                            + root.type().getName()
                            + " has no attribute "
                            + attribute.get()));
    // Trimmed and lower-cased on both sides where the model says so: the database's collation
    // (case-insensitive on MariaDB, not on PostgreSQL or H2) must not decide who is found.
    IdentityMatch match =
        subjectType.get().identityRule(identifier.identity()).orElseThrow().match();
    boolean text = blind.isEmpty() && CharSequence.class.isAssignableFrom(valueType);
    boolean normalized = match == IdentityMatch.IGNORE_CASE_AND_SPACE && text;
    Optional<Object> value =
        blind.isPresent()
            ? Optional.of(blind.get().index().apply(identifier.value()))
            : Sql.typed(
                normalized ? match.normalize(identifier.value()) : identifier.value(), valueType);
    if (value.isEmpty()) {
      return Set.of();
    }
    List<Object[]> rows =
        sessions.inTransaction(
            em -> {
              if (Sql.hidesRows(root)) {
                // A subject whose row is soft-deleted or hidden by a restriction or filter still
                // has data to answer for.
                BasicValuedModelPart column =
                    RouteSql.basic(root.mapping(), attribute.get(), root.type());
                String table = column.getContainingTableExpression();
                String compared =
                    normalized
                        ? "lower(trim(" + column.getSelectionExpression() + "))"
                        : column.getSelectionExpression();
                NativeQuery<Object> query =
                    Sql.nativeQuery(
                        em,
                        "select "
                            + RouteSql.keyColumn(root.mapping(), table, root.type())
                            + " as c0_, "
                            + column.getSelectionExpression()
                            + " as c1_ from "
                            + table
                            + " where "
                            + compared
                            + " = :value");
                Sql.scalar(
                    query, "c0_", root.mapping().getIdentifierMapping().getSingleJdbcMapping());
                Sql.scalar(query, "c1_", column.getJdbcMapping());
                Sql.bind(query, "value", value.get(), column.getJdbcMapping());
                return query.getResultList().stream().map(row -> (Object[]) row).toList();
              }
              String compared =
                  normalized ? "lower(trim(r." + attribute.get() + "))" : "r." + attribute.get();
              return em.createQuery(
                      "select r."
                          + root.idAttribute()
                          + ", r."
                          + attribute.get()
                          + " from "
                          + root.name()
                          + " r where "
                          + compared
                          + " = :value",
                      Object[].class)
                  .setParameter("value", value.get())
                  .getResultList();
            });
    // A text identity is compared once more as the model says: a case-insensitive collation
    // (MariaDB's default) lets "Ada" equal "ada" and ignores trailing spaces, which an exact
    // identity must not.
    List<Object> ids =
        rows.stream()
            .filter(
                row ->
                    !text
                        || (row[1] != null && match.matches(row[1].toString(), identifier.value())))
            .map(row -> row[0])
            .toList();
    Set<SubjectKey> keys = new LinkedHashSet<>();
    ids.forEach(id -> keys.add(new SubjectKey(identifier.subjectType(), id)));
    return keys;
  }

  /**
   * Runs {@code work} with the streams it opens one after another reading on one entity manager and
   * transaction, and those opened while another reads on it on their own (decision record 0042);
   * every session opened inside is closed when it returns or throws.
   */
  public <T, E extends Exception> T readingTogether(PersonalDataStore.ReadWork<T, E> work)
      throws E {
    return readSessions.together(work);
  }

  /**
   * The identifiers of every root row of {@code subjectType}, hidden rows (soft-deleted, filtered,
   * restricted) included, streamed on a session that closing the stream closes (or, inside {@link
   * #readingTogether}, gives back); none for an unknown subject type.
   */
  public Stream<Object> subjectIds(String subjectType) {
    Optional<SubjectType> type = mapping.model().subjectType(subjectType);
    if (type.isEmpty()) {
      return Stream.empty();
    }
    EntityInfo root = mapping.entity(type.get().root());
    return streamed(
        opened -> {
          Session session = readSessions.open(opened);
          Query query;
          if (Sql.hidesRows(root)) {
            // A restored subject whose root row is soft-deleted or filtered still has data to
            // erase again.
            BasicValuedModelPart column =
                RouteSql.basic(root.mapping(), root.idAttribute(), root.type());
            NativeQuery<Object> ids =
                Sql.nativeQuery(
                    session.em,
                    "select "
                        + column.getSelectionExpression()
                        + " as c0_ from "
                        + column.getContainingTableExpression());
            Sql.scalar(ids, "c0_", root.mapping().getIdentifierMapping().getSingleJdbcMapping());
            query = ids;
          } else {
            query =
                session.em.createQuery(
                    "select r." + root.idAttribute() + " from " + root.name() + " r");
          }
          return Iterators.transform(results(session, query), row -> row[0]);
        });
  }

  /**
   * The subject's rows of {@code descriptor}'s entity, along each route to the subject, each with
   * only the fields that route's subject owns (Art. 15(1)); the caller closes the stream.
   */
  public Stream<SubjectRecord> records(SubjectKey subject, EntityDescriptor descriptor) {
    return alongRoutes(
        subject, descriptor, (info, route, key) -> records(descriptor, info, route, key));
  }

  /**
   * The values of the subject's rows of {@code descriptor}'s entity, as {@link #records} gives them
   * but without the rows' identifiers, which a report does not write: read without the identifier
   * column, one array per row, where neither an element collection (merged in by identifier) nor the
   * history (named by the row's identifier) needs them. The caller closes the stream.
   */
  public Stream<Map<String, @Nullable Object>> values(
      SubjectKey subject, EntityDescriptor descriptor) {
    return alongRoutes(
        subject, descriptor, (info, route, key) -> values(descriptor, info, route, key));
  }

  /** The rows that {@code read} streams along each route of {@code descriptor}'s entity to the subject, one route after the other. */
  private <T> Stream<T> alongRoutes(
      SubjectKey subject, EntityDescriptor descriptor, RouteReader<T> read) {
    EntityInfo info = mapping.entity(descriptor.type());
    List<SubjectRoute> routes =
        descriptor.routesTo(subject.subjectType()).stream()
            .filter(route -> !descriptor.fieldsOf(route).isEmpty())
            .toList();
    if (info.isAbstract()
        || routes.isEmpty()
        || mapping.model().subjectType(subject.subjectType()).isEmpty()) {
      return Stream.empty();
    }
    Optional<Object> key = key(subject);
    if (key.isEmpty()) {
      return Stream.empty();
    }
    if (routes.size() == 1) {
      return read.rows(info, routes.get(0), key.get());
    }
    // Each route's query opens when the previous one is read to its end.
    return routes.stream().flatMap(route -> read.rows(info, route, key.get()));
  }

  /** Streams rows of one entity type along one route to the subject of {@code key}. */
  private interface RouteReader<T> {
    Stream<T> rows(EntityInfo info, SubjectRoute route, Object key);
  }

  private Stream<Map<String, @Nullable Object>> values(
      EntityDescriptor descriptor, EntityInfo info, SubjectRoute route, Object key) {
    List<FieldDescriptor> owned = descriptor.fieldsOf(route);
    if (owned.stream().anyMatch(FieldDescriptor::collection)
        || (exportHistory && mapping.history().of(info.type()).isPresent())) {
      return records(descriptor, info, route, key).map(SubjectRecord::values);
    }
    RecordValues.Layout layout =
        RecordValues.Layout.of(owned.stream().map(FieldDescriptor::name).toList());
    return streamed(
        sessions -> {
          Iterator<Object[]> rows =
              scalarRows(
                  readSessions.open(sessions), mapping.route(info, route), owned, key, Rows.VALUES);
          // Each row's array, in the layout's order, becomes its values.
          return Iterators.transform(
              rows,
              row -> {
                for (int i = 0; i < row.length; i++) {
                  row[i] = encryption.reveal(descriptor.type(), owned.get(i), row[i]);
                }
                return layout.row(row);
              });
        });
  }

  private Stream<SubjectRecord> records(
      EntityDescriptor descriptor, EntityInfo info, SubjectRoute route, Object key) {
    Optional<History.Audit> audit =
        exportHistory ? mapping.history().of(info.type()) : Optional.empty();
    if (audit.isEmpty()) {
      return rows(descriptor, info, route, key);
    }
    // One part after the other, each opened when the one before is read and closed by flatMap when
    // read: the history's sessions never add to those of the rows.
    List<Supplier<Stream<SubjectRecord>>> parts = new ArrayList<>();
    parts.add(() -> rows(descriptor, info, route, key));
    parts.addAll(history(descriptor, audit.get(), route, key));
    return parts.stream().flatMap(Supplier::get);
  }

  /**
   * The Envers history of the subject's rows along {@code route} (Art. 15(3)): per history row its
   * audited attributes at that revision, then per audited collection the elements recorded at each
   * revision; each record identified by {@code historyRowId}. One lazily opened stream per part.
   */
  private List<Supplier<Stream<SubjectRecord>>> history(
      EntityDescriptor descriptor, History.Audit audit, SubjectRoute route, Object key) {
    EntityInfo info = audit.entity();
    RouteSql sql = mapping.route(info, route);
    List<FieldDescriptor> owned = descriptor.fieldsOf(route);
    RecordValues.Layout layout =
        RecordValues.Layout.of(owned.stream().map(FieldDescriptor::name).toList());
    List<FieldDescriptor> scalars =
        owned.stream().filter(field -> audit.columns().containsKey(field.name())).toList();
    List<Supplier<Stream<SubjectRecord>>> parts = new ArrayList<>();
    parts.add(
        () -> {
          List<BasicValuedModelPart> columns =
              scalars.stream().map(field -> audit.columns().get(field.name())).toList();
          return query(
              History.historyColumns(audit, columns, sql.nativeIdsIn()),
              key,
              query -> {
                Sql.scalar(
                    query, "c0_", info.mapping().getIdentifierMapping().getSingleJdbcMapping());
                query.addScalar("r_");
                for (int i = 0; i < columns.size(); i++) {
                  Sql.scalar(query, "c" + (i + 1) + "_", columns.get(i).getJdbcMapping());
                }
              },
              rows ->
                  Iterators.transform(
                      rows,
                      row -> {
                        @Nullable Object[] values = new Object[layout.size()];
                        for (int i = 0; i < scalars.size(); i++) {
                          values[layout.indexOf(scalars.get(i).name())] = row[i + 2];
                        }
                        return new SubjectRecord(
                            descriptor.type(),
                            historyRowId.apply(row[0], row[1]),
                            layout.row(values));
                      }));
        });
    for (FieldDescriptor field : owned) {
      History.Middle middle = audit.collections().get(field.name());
      if (middle == null) {
        continue;
      }
      int slot = layout.indexOf(field.name());
      parts.add(
          () ->
              query(
                  History.historyElements(middle, sql.nativeIdsIn()),
                  key,
                  query -> {
                    Sql.scalar(
                        query, "c0_", info.mapping().getIdentifierMapping().getSingleJdbcMapping());
                    query.addScalar("r_");
                    Sql.scalar(query, "c1_", middle.table().elementType());
                  },
                  rows -> {
                    PeekingIterator<Object[]> pairs = Iterators.peekingIterator(rows);
                    return new Iterator<>() {
                      @Override
                      public boolean hasNext() {
                        return pairs.hasNext();
                      }

                      @Override
                      public SubjectRecord next() {
                        // The elements of one owner and revision come together, ordered so.
                        Object[] first = pairs.next();
                        List<Object> list = new ArrayList<>();
                        if (first[2] != null) {
                          list.add(first[2]);
                        }
                        while (pairs.hasNext()
                            && first[0].equals(pairs.peek()[0])
                            && first[1].equals(pairs.peek()[1])) {
                          Object element = pairs.next()[2];
                          if (element != null) {
                            list.add(element);
                          }
                        }
                        @Nullable Object[] values = new Object[layout.size()];
                        values[slot] = list;
                        return new SubjectRecord(
                            descriptor.type(),
                            historyRowId.apply(first[0], first[1]),
                            layout.row(values));
                      }
                    };
                  }));
    }
    return parts;
  }

  /** Streams the records {@code records} makes of the rows of {@code sql}, on a session closed with the stream. */
  private Stream<SubjectRecord> query(
      String sql,
      Object key,
      Consumer<NativeQuery<Object>> scalars,
      Function<Iterator<Object[]>, Iterator<SubjectRecord>> records) {
    return streamed(
        opened -> {
          Session session = readSessions.open(opened);
          NativeQuery<Object> query = Sql.nativeQuery(session.em, sql);
          scalars.accept(query);
          query.setParameter(RouteSql.KEY, key);
          return records.apply(results(session, query));
        });
  }

  private Stream<SubjectRecord> rows(
      EntityDescriptor descriptor, EntityInfo info, SubjectRoute route, Object key) {
    RouteSql sql = mapping.route(info, route);
    List<FieldDescriptor> owned = descriptor.fieldsOf(route);
    List<FieldDescriptor> scalars = owned.stream().filter(field -> !field.collection()).toList();
    List<FieldDescriptor> collections = owned.stream().filter(FieldDescriptor::collection).toList();
    // One layout for all of this type's rows; per row only an array of its values, in the model's
    // order.
    RecordValues.Layout layout =
        RecordValues.Layout.of(owned.stream().map(FieldDescriptor::name).toList());
    int[] scalarSlots = scalars.stream().mapToInt(field -> layout.indexOf(field.name())).toArray();
    int[] collectionSlots =
        collections.stream().mapToInt(field -> layout.indexOf(field.name())).toArray();
    return streamed(
        sessions -> {
          Iterator<Object[]> rows =
              scalarRows(
                  readSessions.open(sessions),
                  sql,
                  scalars,
                  key,
                  collections.isEmpty() ? Rows.KEYED : Rows.KEYED_IN_ORDER);
          // Each collection's elements are read beside the rows, so each on a session of its own.
          List<PeekingIterator<Object[]>> elements = new ArrayList<>();
          for (FieldDescriptor field : collections) {
            elements.add(
                Iterators.peekingIterator(
                    elementRows(readSessions.open(sessions), sql, info, field, key)));
          }
          return new Iterator<SubjectRecord>() {
            @Override
            public boolean hasNext() {
              return rows.hasNext();
            }

            @Override
            public SubjectRecord next() {
              Object[] row = rows.next();
              @Nullable Object[] values = new Object[layout.size()];
              for (int i = 0; i < scalarSlots.length; i++) {
                values[scalarSlots[i]] =
                    encryption.reveal(descriptor.type(), scalars.get(i), row[i + 1]);
              }
              for (int i = 0; i < collectionSlots.length; i++) {
                List<Object> list = new ArrayList<>();
                PeekingIterator<Object[]> pairs = elements.get(i);
                while (pairs.hasNext() && row[0].equals(pairs.peek()[0])) {
                  Object element = pairs.next()[1];
                  if (element != null) {
                    list.add(element);
                  }
                }
                values[collectionSlots[i]] = list;
              }
              return new SubjectRecord(descriptor.type(), row[0], layout.row(values));
            }
          };
        });
  }

  /** The subject's key as the root's identifier type; empty if it cannot be one, so that it matches nothing. */
  Optional<Object> key(SubjectKey subject) {
    SubjectType type = mapping.model().subjectType(subject.subjectType()).orElseThrow();
    return Sql.typed(subject.id(), mapping.entity(type.root()).idType());
  }

  /**
   * The rows' {@code fields}, after their identifiers unless {@code shape} is {@link Rows#VALUES}.
   * Read through plain JDBC where native SQL can name every column; else (a formula, say) through
   * JPQL, which sees the rows if the route needs no native SQL.
   */
  private Iterator<Object[]> scalarRows(
      Session session, RouteSql sql, List<FieldDescriptor> fields, Object key, Rows shape) {
    EntityInfo info = sql.entity();
    List<String> names = fields.stream().map(FieldDescriptor::name).toList();
    String select;
    List<JdbcMapping> columns = new ArrayList<>();
    try {
      if (shape == Rows.VALUES) {
        select = sql.nativeValues(names);
      } else {
        select = sql.nativeRows(names, shape == Rows.KEYED_IN_ORDER);
        columns.add(info.mapping().getIdentifierMapping().getSingleJdbcMapping());
      }
      for (String name : names) {
        columns.add(RouteSql.basic(info.mapping(), name, info.type()).getJdbcMapping());
      }
    } catch (UnsupportedRouteException notNative) {
      if (sql.needsNative()) {
        throw notNative;
      }
      return jpqlRows(session, sql, info, fields, key, shape);
    }
    JdbcRows rows = JdbcRows.open(session.em, select, sql.keyType(), key, columns, fetchSize);
    session.closing(rows::close);
    return rows;
  }

  private Iterator<Object[]> jpqlRows(
      Session session,
      RouteSql sql,
      EntityInfo info,
      List<FieldDescriptor> fields,
      Object key,
      Rows shape) {
    List<String> selected = new ArrayList<>();
    if (shape != Rows.VALUES) {
      selected.add("e." + info.idAttribute());
    }
    fields.forEach(field -> selected.add("e." + field.name()));
    String jpql =
        "select "
            + String.join(", ", selected)
            + " from "
            + info.name()
            + " e where "
            + sql.jpqlPredicate("e")
            + (shape == Rows.KEYED_IN_ORDER ? " order by e." + info.idAttribute() : "");
    // Untyped, so that each row comes as the array Hibernate builds anyway (or a lone identifier),
    // not as a Tuple that would only be copied into an array.
    return results(session, session.em.createQuery(jpql).setParameter(RouteSql.KEY, key));
  }

  private Iterator<Object[]> elementRows(
      Session session, RouteSql sql, EntityInfo info, FieldDescriptor field, Object key) {
    PluralAttributeMapping collection = collection(info, field.name());
    ElementTable table = ElementTable.of(collection, info.type());
    NativeQuery<Object> query =
        Sql.nativeQuery(
            session.em,
            "select "
                + table.keyColumn()
                + " as c0_, "
                + table.elementColumn()
                + " as c1_ from "
                + table.table()
                + " where "
                + table.keyColumn()
                + " in ("
                + sql.nativeIdsIn()
                + ") order by 1");
    Sql.scalar(query, "c0_", info.mapping().getIdentifierMapping().getSingleJdbcMapping());
    Sql.scalar(query, "c1_", table.elementType());
    query.setParameter(RouteSql.KEY, key);
    return results(session, query);
  }

  static PluralAttributeMapping collection(EntityInfo info, String attribute) {
    return info.collections().stream()
        .filter(candidate -> candidate.getAttributeName().equals(attribute))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    info.type().getName()
                        + "."
                        + attribute
                        + " is not an element collection with its own table"));
  }

  /**
   * The rows {@code open} reads on the sessions it opens, as an ordered stream whose closing closes
   * them; if opening fails, the sessions are closed at once.
   */
  private static <T> Stream<T> streamed(Function<List<Session>, Iterator<T>> open) {
    List<Session> sessions = new ArrayList<>();
    try {
      return ReadSessions.stream(open.apply(sessions), sessions);
    } catch (RuntimeException e) {
      ReadSessions.closeAfterFailure(sessions);
      throw e;
    }
  }

  /** The results of {@code query}, each as an array, streamed on {@code session} until it closes. */
  private Iterator<Object[]> results(Session session, Query query) {
    query.setHint(HibernateHints.HINT_FETCH_SIZE, fetchSize);
    query.setHint(HibernateHints.HINT_READ_ONLY, true);
    Stream<?> results = query.getResultStream();
    // On a shared session the query must end with its stream, not with the entity manager.
    session.closing(results::close);
    return Iterators.transform(results.iterator(), Reader::asRow);
  }

  /** What a row of {@link #scalarRows} holds, and in which order the rows come. */
  private enum Rows {
    /** The identifier, then the values, in the database's order, which spares it a sort. */
    KEYED,
    /** The identifier, then the values, in the identifiers' order: element collections merge in. */
    KEYED_IN_ORDER,
    /** The values only, in the database's order: a report does not write identifiers. */
    VALUES
  }

  private static Object[] asRow(Object result) {
    return result instanceof Object[] row ? row : new Object[] {result};
  }
}
