package dev.lethe.jpa.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The database the integration tests run on, chosen by the system property {@code lethe.db} or
 * the environment variable {@code LETHE_DB}: {@code h2} (the default, embedded), {@code postgresql}
 * (127.0.0.1:5432, user postgres, database test) or {@code mariadb} (127.0.0.1:3306, user root,
 * no password). Each instance creates its own schema (PostgreSQL) or database (MariaDB, H2) and
 * drops it on {@link #close()}.
 *
 * <p>Outside CI an unreachable PostgreSQL or MariaDB skips the tests with a message; with
 * {@code CI=true} it fails them, naming the database.
 */
public final class TestDatabase implements AutoCloseable {

  /** The databases of the matrix. */
  public enum Kind {
    H2,
    POSTGRESQL,
    MARIADB
  }

  private final dev.lethe.jdbc.testing.TestDatabase database;
  private final Kind kind;
  private final StatementCounter counter;
  private final HikariDataSource pool;
  private HikariDataSource autoCommitPool;
  private final List<EntityManagerFactory> factories = new ArrayList<>();

  private TestDatabase(
      dev.lethe.jdbc.testing.TestDatabase database,
      StatementCounter counter,
      HikariDataSource pool) {
    this.database = database;
    this.kind = Kind.valueOf(database.kind().name());
    this.counter = counter;
    this.pool = pool;
  }

  /** The database chosen for this run. */
  public static Kind selected() {
    return Kind.valueOf(dev.lethe.jdbc.testing.TestDatabase.selected().name());
  }

  /** Why the selected database cannot be reached, if it cannot; see the lethe-jdbc test support. */
  public static Optional<String> unreachable() {
    return dev.lethe.jdbc.testing.TestDatabase.unreachable();
  }

  /** A new schema on the selected database; skips (or, with {@code CI=true}, fails) if the server is unreachable. */
  public static TestDatabase create() {
    dev.lethe.jdbc.testing.TestDatabase database = dev.lethe.jdbc.testing.TestDatabase.create();
    StatementCounter counter = new StatementCounter();
    HikariConfig config = new HikariConfig();
    // Counted below the pool: what reaches the driver is what the database runs.
    config.setDataSource(counter.wrap(database.dataSource()));
    config.setMaximumPoolSize(4);
    config.setAutoCommit(false);
    config.setPoolName(database.name());
    return new TestDatabase(database, counter, new HikariDataSource(config));
  }

  /** The database kind. */
  public Kind kind() {
    return kind;
  }

  /** The schema (or database) name this instance created. */
  public String schema() {
    return database.name();
  }

  /** The statement counter of every connection of this database. */
  public StatementCounter statements() {
    return counter;
  }

  /**
   * The pool the factories take their connections from: to wrap, as {@code
   * hibernate.connection.datasource}, or to ask how many connections are checked out.
   */
  public HikariDataSource pool() {
    return pool;
  }

  /** A factory for {@code classes}, its tables created in this database's schema. */
  public EntityManagerFactory open(Class<?>... classes) {
    return open(Map.of(), classes);
  }

  /** A factory for {@code classes} with extra Hibernate {@code properties}. */
  public EntityManagerFactory open(Map<String, Object> properties, Class<?>... classes) {
    ValidatorFactory validation =
        Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    HibernatePersistenceConfiguration configuration =
        new HibernatePersistenceConfiguration("lethe-it-" + schema());
    for (Class<?> type : classes) {
      configuration.managedClass(type);
    }
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("hibernate.connection.datasource", pool);
    all.put(PersistenceConfiguration.SCHEMAGEN_DATABASE_ACTION, "drop-and-create");
    all.put("jakarta.persistence.validation.factory", validation);
    all.put("hibernate.auto_quote_keyword", true);
    all.put("hibernate.show_sql", Boolean.getBoolean("lethe.showSql"));
    all.putAll(properties);
    all.forEach(configuration::property);
    EntityManagerFactory factory = configuration.createEntityManagerFactory();
    factories.add(factory);
    return factory;
  }

  /**
   * A second pool on this database whose connections start in auto-commit, as an application's
   * DataSource hands them out: what lethe-jdbc's stores and {@code JdbcTransactions} run over.
   */
  public javax.sql.DataSource autoCommitDataSource() {
    if (autoCommitPool == null) {
      HikariConfig config = new HikariConfig();
      config.setDataSource(counter.wrap(database.dataSource()));
      config.setMaximumPoolSize(4);
      config.setPoolName(database.name() + "-auto-commit");
      autoCommitPool = new HikariDataSource(config);
    }
    return autoCommitPool;
  }

  /** Runs {@code sql} on a fresh connection of this database, outside any factory. */
  public void execute(String sql) {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every row of every table of this schema, per table, each row as its column values in text;
   * read through JDBC and {@code information_schema}, past any ORM.
   */
  public Map<String, List<List<String>>> scan() {
    Map<String, List<List<String>>> tables = new LinkedHashMap<>();
    try (Connection connection = pool.getConnection()) {
      List<String> names = new ArrayList<>();
      String query =
          switch (kind) {
            case H2 ->
                "select table_name from information_schema.tables where table_schema = 'PUBLIC'"
                    + " and table_type = 'BASE TABLE' order by table_name";
            case POSTGRESQL ->
                "select table_name from information_schema.tables where table_schema = '"
                    + schema()
                    + "' and table_type = 'BASE TABLE' order by table_name";
            case MARIADB ->
                "select table_name from information_schema.tables where table_schema = '"
                    + schema()
                    + "' and table_type = 'BASE TABLE' order by table_name";
          };
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(query)) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      for (String table : names) {
        List<List<String>> content = new ArrayList<>();
        String quoted = kind == Kind.MARIADB ? "`" + table + "`" : "\"" + table + "\"";
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("select * from " + quoted)) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            List<String> row = new ArrayList<>();
            for (int column = 1; column <= columns; column++) {
              row.add(String.valueOf(rows.getObject(column)));
            }
            content.add(row);
          }
        }
        content.sort(Comparator.comparing(Object::toString));
        tables.put(table.toLowerCase(Locale.ROOT), content);
      }
      connection.rollback();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return tables;
  }

  @Override
  public void close() {
    factories.forEach(
        factory -> {
          if (factory.isOpen()) {
            factory.close();
          }
        });
    pool.close();
    if (autoCommitPool != null) {
      autoCommitPool.close();
    }
    try {
      database.close();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not drop " + database, e);
    }
  }
}
