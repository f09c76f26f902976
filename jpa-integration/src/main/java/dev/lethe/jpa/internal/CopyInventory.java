package dev.lethe.jpa.internal;

import dev.lethe.erasure.OtherCopy;
import dev.lethe.erasure.OtherCopy.Kind;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.hibernate.boot.spi.SessionFactoryOptions;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks, when the store starts, for copies of the model's personal data that an erasure cannot
 * reach (Art. 17(1), 17(2), 30(1)): triggers on the model's tables, views and materialized views
 * over them, logical replication publications of them, Envers history tables nothing erases,
 * second-level and query caches, and tables no entity maps whose columns carry the names of a model
 * table's personal columns. Reads the catalogue only (JDBC metadata, {@code information_schema},
 * PostgreSQL's {@code pg_*}), never a row, so a finding names objects and never values. A probe the
 * database refuses (a missing privilege, an older version) is skipped with a warning.
 */
public final class CopyInventory {

  private static final Logger LOG = LoggerFactory.getLogger(CopyInventory.class);

  /** Envers' default suffix of history tables. */
  private static final String AUDIT_SUFFIX = "_aud";

  /** How many personal column names an unmapped table must share with one model table to be listed. */
  static final int SHARED_COLUMNS = 2;

  private final EntityManagerFactory emf;
  private final JpaMapping mapping;

  /** The model tables holding personal data (lower case, bare) with their personal columns. */
  private final Map<String, Set<String>> personalTables = new LinkedHashMap<>();

  /** Every table Hibernate maps or Lethe erases (lower case, bare). */
  private final Set<String> mappedTables = new LinkedHashSet<>();

  /** The bare name of each personal table as the mapping spells it, for messages. */
  private final Map<String, Class<?>> owners = new LinkedHashMap<>();

  private final List<OtherCopy> found = new ArrayList<>();

  private CopyInventory(EntityManagerFactory emf, JpaMapping mapping) {
    this.emf = emf;
    this.mapping = mapping;
  }

  /** The copies found in {@code emf}'s database and setup, in a stable order; empty when there are none. */
  public static List<OtherCopy> find(EntityManagerFactory emf, JpaMapping mapping) {
    CopyInventory inventory = new CopyInventory(emf, mapping);
    inventory.readMapping();
    inventory.lookInCaches();
    inventory.lookInDatabase();
    return List.copyOf(inventory.found);
  }

  // --- what the model maps -----------------------------------------------------------------------

  private void readMapping() {
    for (EntityInfo entity : mapping.entities()) {
      entity
          .mapping()
          .forEachTableDetails(details -> mappedTables.add(key(details.getTableName())));
      entity
          .collections()
          .forEach(
              collection -> mappedTables.add(key(collection.getKeyDescriptor().getKeyTable())));
    }
    mapping.history().tables().forEach(table -> mappedTables.add(key(table)));
    for (EntityDescriptor descriptor : mapping.model().entities()) {
      if (!descriptor.holdsPersonalData()) {
        continue;
      }
      EntityInfo info;
      try {
        info = mapping.entity(descriptor.type());
      } catch (IllegalArgumentException notAnEntity) {
        continue;
      }
      info.mapping().forEachTableDetails(details -> personal(details.getTableName(), info.type()));
      for (FieldDescriptor field : descriptor.fields()) {
        try {
          if (field.collection()) {
            ElementTable table =
                ElementTable.of(Reader.collection(info, field.name()), info.type());
            personal(table.table(), info.type()).add(key(table.elementColumn()));
          } else {
            BasicValuedModelPart part = RouteSql.basic(info.mapping(), field.name(), info.type());
            personal(part.getContainingTableExpression(), info.type())
                .add(key(part.getSelectionExpression()));
          }
        } catch (UnsupportedRouteException | IllegalArgumentException notAColumn) {
          LOG.debug("No single column for {}.{}", info.type().getName(), field.name());
        }
      }
    }
  }

  private Set<String> personal(String table, Class<?> owner) {
    owners.putIfAbsent(key(table), owner);
    return personalTables.computeIfAbsent(key(table), ignored -> new TreeSet<>());
  }

  // --- caches ------------------------------------------------------------------------------------

  private void lookInCaches() {
    SessionFactoryOptions options = mapping.factory().getSessionFactoryOptions();
    if (options.isSecondLevelCacheEnabled()) {
      Set<String> cached = new TreeSet<>();
      for (EntityDescriptor descriptor : mapping.model().entities()) {
        if (!descriptor.holdsPersonalData()) {
          continue;
        }
        try {
          EntityPersister persister =
              mapping.entity(descriptor.type()).mapping().getEntityPersister();
          if (persister.canWriteToCache()) {
            cached.add(descriptor.name());
          }
        } catch (IllegalArgumentException notAnEntity) {
          // Not mapped by this factory: nothing to cache.
        }
      }
      if (!cached.isEmpty()) {
        found.add(
            new OtherCopy(
                Kind.CACHE,
                "second-level cache of " + String.join(", ", cached),
                "An erasure evicts these entities' entries from this instance's cache only: other instances' local"
                    + " caches, and a cache kept outside the JVM that does not invalidate across instances, serve the"
                    + " erased values until the entries expire.",
                "Use a cache that invalidates across instances, or give these entities a short expiry, or do not cache"
                    + " entities holding personal data (@Cacheable(false))."));
      }
    }
    if (options.isQueryCacheEnabled()) {
      found.add(
          new OtherCopy(
              Kind.CACHE,
              "query cache",
              "Cached query results may hold personal values (queries selecting attributes cache the values"
                  + " themselves), and an erasure does not evict query regions.",
              "Evict the query regions after an erasure (Cache.evictQueryRegions()), or do not cache queries that"
                  + " select personal attributes."));
    }
  }

  // --- the database ------------------------------------------------------------------------------

  private void lookInDatabase() {
    EntityManager em = emf.createEntityManager();
    try {
      em.unwrap(Session.class)
          .doWork(
              connection -> {
                try {
                  Database database = Database.of(connection);
                  Set<String> tables = tables(connection, database);
                  probe("triggers", () -> triggers(connection, database));
                  probe("views", () -> views(connection, database));
                  if (database.kind() == DatabaseKind.POSTGRESQL) {
                    probe("publications", () -> publications(connection, database));
                  }
                  probe("history tables", () -> historyTables(tables));
                  probe("unmapped tables", () -> unmappedTables(connection, database, tables));
                } finally {
                  if (!connection.getAutoCommit()) {
                    connection.rollback();
                  }
                }
              });
    } catch (RuntimeException unreadable) {
      LOG.warn(
          "Cannot read the database catalogue; copies of personal data outside the model's tables are not"
              + " looked for: {}",
          unreadable.getClass().getName());
    } finally {
      em.close();
    }
  }

  /** A look at the catalogue that may fail on its own. */
  private interface Probe {
    void run() throws SQLException;
  }

  private static void probe(String what, Probe probe) {
    try {
      probe.run();
    } catch (SQLException refused) {
      LOG.warn(
          "Cannot look for {} holding copies of personal data: SQL state {}",
          what,
          refused.getSQLState());
    }
  }

  private enum DatabaseKind {
    H2,
    POSTGRESQL,
    MYSQL,
    OTHER
  }

  /**
   * The database and where the model's tables live in it.
   *
   * @param kind which database
   * @param catalog the connection's catalog
   * @param schema the schema the model's tables live in: MariaDB's and MySQL's database, else the schema
   */
  private record Database(DatabaseKind kind, @Nullable String catalog, @Nullable String schema) {

    static Database of(Connection connection) throws SQLException {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      DatabaseKind kind =
          product.contains("h2")
              ? DatabaseKind.H2
              : product.contains("postgres")
                  ? DatabaseKind.POSTGRESQL
                  : product.contains("mariadb") || product.contains("mysql")
                      ? DatabaseKind.MYSQL
                      : DatabaseKind.OTHER;
      String catalog = connection.getCatalog();
      return new Database(
          kind, catalog, kind == DatabaseKind.MYSQL ? catalog : connection.getSchema());
    }

    /** The {@code information_schema} column values name the schema by. */
    String scope() {
      return schema == null ? "" : schema;
    }
  }

  /** Every base table of the schema, lower case. */
  private static Set<String> tables(Connection connection, Database database) throws SQLException {
    Set<String> tables = new TreeSet<>();
    DatabaseMetaData meta = connection.getMetaData();
    String schemaPattern = database.kind() == DatabaseKind.MYSQL ? null : database.schema();
    try (ResultSet rows =
        meta.getTables(database.catalog(), schemaPattern, "%", new String[] {"TABLE"})) {
      while (rows.next()) {
        tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return tables;
  }

  private void triggers(Connection connection, Database database) throws SQLException {
    Map<String, String> triggers = new LinkedHashMap<>();
    query(
        connection,
        "select trigger_name, event_object_table from information_schema.triggers"
            + " where event_object_schema = ? order by event_object_table, trigger_name",
        database.scope(),
        row -> {
          String table = key(row.getString(2));
          if (personalTables.containsKey(table)) {
            triggers.putIfAbsent(row.getString(1) + " on table " + row.getString(2), table);
          }
        });
    triggers.forEach(
        (where, table) ->
            found.add(
                new OtherCopy(
                    Kind.TRIGGER,
                    "trigger " + where,
                    "It runs on every write to "
                        + table
                        + ", which holds personal data of "
                        + owner(table)
                        + ", and may copy the"
                        + " values to where an erasure does not look (an audit or history table, another database, a queue).",
                    "Check what it writes: erase that target with the subject (map it as an entity with @PersonalData), stop"
                        + " it from copying personal columns, or record the copy and its retention in the record of processing.")));
  }

  private void views(Connection connection, Database database) throws SQLException {
    Map<String, Set<String>> views = new LinkedHashMap<>();
    Map<String, Boolean> materialized = new LinkedHashMap<>();
    if (database.kind() == DatabaseKind.POSTGRESQL) {
      // The rewrite rules' dependencies name the tables a view reads exactly, whatever its text.
      query(
          connection,
          "select distinct v.relname, v.relkind, t.relname from pg_depend d"
              + " join pg_rewrite r on r.oid = d.objid join pg_class v on v.oid = r.ev_class"
              + " join pg_class t on t.oid = d.refobjid join pg_namespace n on n.oid = v.relnamespace"
              + " where d.classid = 'pg_rewrite'::regclass and d.refclassid = 'pg_class'::regclass and v.oid <> t.oid"
              + " and v.relkind in ('v', 'm') and n.nspname = ? order by 1, 3",
          database.scope(),
          row -> {
            String table = key(row.getString(3));
            if (personalTables.containsKey(table)) {
              views.computeIfAbsent(row.getString(1), ignored -> new TreeSet<>()).add(table);
              materialized.put(row.getString(1), "m".equals(row.getString(2)));
            }
          });
    } else if (database.kind() != DatabaseKind.OTHER) {
      // Without dependencies in the catalogue, a view reads a table when its definition names it as
      // a word.
      query(
          connection,
          "select table_name, view_definition from information_schema.views where table_schema = ?"
              + " order by table_name",
          database.scope(),
          row -> {
            String definition = String.valueOf(row.getString(2)).toLowerCase(Locale.ROOT);
            for (String table : personalTables.keySet()) {
              if (Pattern.compile("(?<![a-z0-9_$])" + Pattern.quote(table) + "(?![a-z0-9_$])")
                  .matcher(definition)
                  .find()) {
                views.computeIfAbsent(row.getString(1), ignored -> new TreeSet<>()).add(table);
                materialized.put(row.getString(1), false);
              }
            }
          });
    }
    views.forEach(
        (view, tables) -> {
          String owners =
              tables.stream().map(this::owner).distinct().reduce((a, b) -> a + ", " + b).orElse("");
          if (materialized.get(view)) {
            found.add(
                new OtherCopy(
                    Kind.MATERIALIZED_VIEW,
                    "materialized view " + view + " over " + String.join(", ", tables),
                    "It stores its own copy of rows holding personal data of "
                        + owners
                        + ", which an erasure does"
                        + " not change until the view is refreshed.",
                    "Refresh it in the erasure's transaction or right after every erasure (REFRESH MATERIALIZED VIEW), or"
                        + " leave the personal columns out of it."));
          } else {
            found.add(
                new OtherCopy(
                    Kind.VIEW,
                    "view " + view + " over " + String.join(", ", tables),
                    "It shows rows holding personal data of "
                        + owners
                        + " live, so it holds no copy itself; but whatever"
                        + " reads it (a report, a warehouse load, another service) may keep what it showed.",
                    "Find who reads it and erase there too (Art. 17(2)), or leave the personal columns out of it; if"
                        + " nothing copies from it, accept it (JpaPersonalDataStore.Builder.acceptCopies)."));
          }
        });
  }

  private void publications(Connection connection, Database database) throws SQLException {
    Map<String, Set<String>> publications = new LinkedHashMap<>();
    query(
        connection,
        "select pubname, tablename from pg_publication_tables where schemaname = ?"
            + " order by pubname, tablename",
        database.scope(),
        row -> {
          String table = key(row.getString(2));
          if (personalTables.containsKey(table)) {
            publications.computeIfAbsent(row.getString(1), ignored -> new TreeSet<>()).add(table);
          }
        });
    publications.forEach(
        (publication, tables) ->
            found.add(
                new OtherCopy(
                    Kind.PUBLICATION,
                    "publication " + publication + " of " + String.join(", ", tables),
                    "Logical replication streams these tables' rows to every"
                        + " subscriber, which keeps its own copy; an erasure replicates as an update or delete only where the"
                        + " subscriber applies it, and a subscriber's backups, history or transformations are beyond Lethe.",
                    "Name each subscriber as a recipient and make sure it applies erasures (Art. 17(2), 19), or remove"
                        + " the personal tables from the publication, or crypto-shred the columns (@Encrypted).")));
  }

  private void historyTables(Set<String> tables) {
    for (String table : personalTables.keySet()) {
      String history = table + AUDIT_SUFFIX;
      if (tables.contains(history) && !mappedTables.contains(history)) {
        found.add(
            new OtherCopy(
                Kind.HISTORY_TABLE,
                "table " + history + " beside " + table,
                "It looks like the Hibernate Envers history of "
                    + owner(table)
                    + ", but Envers is off or absent"
                    + " (hibernate.integration.envers.enabled=false, or hibernate-envers not on the class path), so"
                    + " Lethe does not know it and erasures leave every earlier revision in it.",
                "Turn Envers support on, so that Lethe erases the history with the rows; or drop the table; or map it"
                    + " as an entity whose personal columns Lethe erases."));
      }
    }
  }

  private void unmappedTables(Connection connection, Database database, Set<String> tables)
      throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String schemaPattern = database.kind() == DatabaseKind.MYSQL ? null : database.schema();
    for (String table : tables) {
      if (mappedTables.contains(table)
          || table.startsWith("lethe_")
          || table.endsWith("schema_history")
          || personalTables.containsKey(
              table.endsWith(AUDIT_SUFFIX)
                  ? table.substring(0, table.length() - AUDIT_SUFFIX.length())
                  : "")) {
        continue;
      }
      Set<String> columns = new TreeSet<>();
      for (String candidate : new LinkedHashSet<>(List.of(table, table.toUpperCase(Locale.ROOT)))) {
        try (ResultSet rows = meta.getColumns(database.catalog(), schemaPattern, candidate, "%")) {
          while (rows.next()) {
            if (rows.getString("TABLE_NAME").equalsIgnoreCase(table)) {
              columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
          }
        }
        if (!columns.isEmpty()) {
          break;
        }
      }
      personalTables.forEach(
          (model, personal) -> {
            Set<String> shared = new TreeSet<>(personal);
            shared.retainAll(columns);
            if (shared.size() >= SHARED_COLUMNS) {
              found.add(
                  new OtherCopy(
                      Kind.UNMAPPED_TABLE,
                      "table "
                          + table
                          + " (columns "
                          + String.join(", ", shared)
                          + ", as in "
                          + model
                          + ")",
                      "No entity maps it, yet it has the personal columns of "
                          + owner(model)
                          + ": it looks like a copy (an export, a backup table, a staging table) that erasures never reach.",
                      "Drop it if it is a leftover; map it as an entity with @PersonalData so that Lethe erases it; or, if"
                          + " its columns only share names, accept it (JpaPersonalDataStore.Builder.acceptCopies)."));
            }
          });
    }
  }

  // --- helpers -----------------------------------------------------------------------------------

  /** Reads one row of a catalogue query. */
  private interface Row {
    void read(ResultSet row) throws SQLException;
  }

  private static void query(Connection connection, String sql, String scope, Row row)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, scope);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          row.read(rows);
        }
      }
    }
  }

  private String owner(String table) {
    Class<?> owner = owners.get(table);
    return owner == null ? table : owner.getSimpleName();
  }

  private static String key(String name) {
    return SchemaVerifier.Schema.bare(name).toLowerCase(Locale.ROOT);
  }
}
