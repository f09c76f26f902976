package dev.lethe.jpa.shapes;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.jpa.JpaPersonalDataStore;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.law.ErasureGround;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One mapping shape's test domain on the selected database: its store, populations written through
 * JPA, exports, erasures and the raw tables read through JDBC, past the ORM.
 */
final class Shape implements AutoCloseable {

  private final TestDatabase database;
  private final EntityManagerFactory emf;
  private final JpaPersonalDataStore store;

  private Shape(TestDatabase database, EntityManagerFactory emf, JpaPersonalDataStore store) {
    this.database = database;
    this.emf = emf;
    this.store = store;
  }

  /** The shape of {@code entities} on a new schema; its store built over them. */
  static Shape of(Class<?>... entities) {
    TestDatabase database = TestDatabase.create();
    try {
      EntityManagerFactory emf = database.open(entities);
      return new Shape(database, emf, JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey()));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** Builds a store over {@code entities} on a new schema and returns what building it threw, or null. */
  static RuntimeException startupFailure(Class<?>... entities) {
    try (TestDatabase database = TestDatabase.create()) {
      EntityManagerFactory emf = database.open(entities);
      JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey());
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  JpaPersonalDataStore store() {
    return store;
  }

  /** Persists {@code entities} in one transaction, in order. */
  void persist(Object... entities) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      for (Object entity : entities) {
        em.persist(entity);
      }
      em.getTransaction().commit();
    } finally {
      em.close();
    }
  }

  /** The subject's records per entity type, as the store exports them. */
  Map<Class<?>, List<SubjectRecord>> export(SubjectKey subject) {
    Map<Class<?>, List<SubjectRecord>> export = new LinkedHashMap<>();
    for (EntityDescriptor entity : store.model().entitiesOf(subject.subjectType())) {
      try (Stream<SubjectRecord> records = store.records(subject, entity)) {
        export.put(entity.type(), records.toList());
      }
    }
    return export;
  }

  /** Every value of an export, collections flattened, as text. */
  static List<String> values(Map<Class<?>, List<SubjectRecord>> export) {
    List<String> values = new ArrayList<>();
    export
        .values()
        .forEach(
            records ->
                records.forEach(
                    record ->
                        record
                            .values()
                            .values()
                            .forEach(
                                value -> {
                                  if (value instanceof Collection<?> elements) {
                                    elements.forEach(
                                        element -> values.add(String.valueOf(element)));
                                  } else if (value != null) {
                                    values.add(String.valueOf(value));
                                  }
                                })));
    return values;
  }

  /** Erases the subject on consent withdrawal; the rows touched per entity type. */
  Map<Class<?>, ErasurePlan.RowCount> erase(SubjectKey subject) {
    return store.erase(
        ErasurePlan.of(store.model(), subject, ErasureGround.CONSENT_WITHDRAWN, List.of()));
  }

  /** Runs {@code sql} through JDBC, past the ORM. */
  void execute(String sql) {
    database.execute(sql);
  }

  /** Every row of every table, read through JDBC. */
  Map<String, List<List<String>>> tables() {
    return database.scan();
  }

  /** The rows, in any table, with a cell containing {@code marker}. */
  List<String> rowsContaining(String marker) {
    List<String> rows = new ArrayList<>();
    tables()
        .forEach(
            (table, content) ->
                content.stream()
                    .filter(row -> row.stream().anyMatch(cell -> cell.contains(marker)))
                    .forEach(row -> rows.add(table + row)));
    return rows;
  }

  /** The rows of every table that hold no cell containing {@code marker}: what an erasure of its subject must leave as it is. */
  List<String> rowsWithout(String marker) {
    List<String> rows = new ArrayList<>();
    tables()
        .forEach(
            (table, content) ->
                content.stream()
                    .filter(row -> row.stream().noneMatch(cell -> cell.contains(marker)))
                    .forEach(row -> rows.add(table + row)));
    return rows;
  }

  @Override
  public void close() {
    database.close();
  }
}
