package dev.lethe.jpa.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Assumptions;

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
    H2, POSTGRESQL, MARIADB
  }

  /** Overridable with {@code -Dlethe.postgresql.url}, such as for a server on another port. */
  private static final String PG_URL = System.getProperty("lethe.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
  /** Overridable with {@code -Dlethe.mariadb.url}; ends with a slash, the database name follows. */
  private static final String MARIADB_URL = System.getProperty("lethe.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");

  private final Kind kind;
  private final String schema;
  private final StatementCounter counter;
  private final HikariDataSource pool;
  private final List<EntityManagerFactory> factories = new ArrayList<>();

  private TestDatabase(Kind kind, String schema, StatementCounter counter, HikariDataSource pool) {
    this.kind = kind;
    this.schema = schema;
    this.counter = counter;
    this.pool = pool;
  }

  /** The database chosen for this run. */
  public static Kind selected() {
    String chosen = System.getProperty("lethe.db");
    if (chosen == null || chosen.isBlank()) {
      chosen = System.getenv("LETHE_DB");
    }
    if (chosen == null || chosen.isBlank()) {
      return Kind.H2;
    }
    return Kind.valueOf(chosen.trim().toUpperCase(Locale.ROOT));
  }

  /**
   * Why the selected database cannot be reached, if it cannot; always empty for H2. With
   * {@code CI=true} the tests must not be skipped but fail, so callers then carry on and fail.
   */
  public static java.util.Optional<String> unreachable() {
    Kind kind = selected();
    if (kind == Kind.H2 || "true".equalsIgnoreCase(System.getenv("CI"))) {
      return java.util.Optional.empty();
    }
    String url = kind == Kind.POSTGRESQL ? PG_URL : MARIADB_URL;
    try (Connection ignored = DriverManager.getConnection(url, kind == Kind.POSTGRESQL ? "postgres" : "root", "")) {
      return java.util.Optional.empty();
    } catch (SQLException e) {
      return java.util.Optional.of("Skipped: " + kind + " at " + url + " cannot be reached (" + e.getMessage()
          + "). Start the server or run with -Dlethe.db=h2.");
    }
  }

  /** A new schema on the selected database; skips (or, with {@code CI=true}, fails) if the server is unreachable. */
  public static TestDatabase create() {
    Kind kind = selected();
    String schema = "lethe_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String url;
    switch (kind) {
      case H2 -> url = "jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1";
      case POSTGRESQL -> {
        admin(kind, PG_URL, "postgres", "create schema " + schema);
        url = PG_URL + "?currentSchema=" + schema;
      }
      case MARIADB -> {
        admin(kind, MARIADB_URL, "root", "create database " + schema + " character set utf8mb4");
        url = MARIADB_URL + schema;
      }
      default -> throw new IllegalStateException("Unknown database " + kind);
    }
    String user = kind == Kind.MARIADB ? "root" : kind == Kind.POSTGRESQL ? "postgres" : "sa";
    StatementCounter counter = new StatementCounter();
    HikariConfig config = new HikariConfig();
    // Counted below the pool: what reaches the driver is what the database runs.
    config.setDataSource(counter.wrap(new DriverDataSource(url, user)));
    config.setMaximumPoolSize(4);
    config.setAutoCommit(false);
    config.setPoolName(schema);
    System.out.println("Lethe integration tests on " + kind + ", schema " + schema);
    return new TestDatabase(kind, schema, counter, new HikariDataSource(config));
  }

  /** The database kind. */
  public Kind kind() {
    return kind;
  }

  /** The schema (or database) name this instance created. */
  public String schema() {
    return schema;
  }

  /** The statement counter of every connection of this database. */
  public StatementCounter statements() {
    return counter;
  }

  /** A factory for {@code classes}, its tables created in this database's schema. */
  public EntityManagerFactory open(Class<?>... classes) {
    return open(Map.of(), classes);
  }

  /** A factory for {@code classes} with extra Hibernate {@code properties}. */
  public EntityManagerFactory open(Map<String, Object> properties, Class<?>... classes) {
    ValidatorFactory validation = Validation.byDefaultProvider().configure()
        .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("lethe-it-" + schema);
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

  /** Runs {@code sql} on a fresh connection of this database, outside any factory. */
  public void execute(String sql) {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
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
      String query = switch (kind) {
        case H2 -> "select table_name from information_schema.tables where table_schema = 'PUBLIC'"
            + " and table_type = 'BASE TABLE' order by table_name";
        case POSTGRESQL -> "select table_name from information_schema.tables where table_schema = '" + schema
            + "' and table_type = 'BASE TABLE' order by table_name";
        case MARIADB -> "select table_name from information_schema.tables where table_schema = '" + schema
            + "' and table_type = 'BASE TABLE' order by table_name";
      };
      try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
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
        content.sort(java.util.Comparator.comparing(Object::toString));
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
    factories.forEach(factory -> {
      if (factory.isOpen()) {
        factory.close();
      }
    });
    pool.close();
    switch (kind) {
      case H2 -> { }
      case POSTGRESQL -> admin(kind, PG_URL, "postgres", "drop schema " + schema + " cascade");
      case MARIADB -> admin(kind, MARIADB_URL, "root", "drop database " + schema);
    }
  }

  private static void admin(Kind kind, String url, String user, String sql) {
    try (Connection connection = DriverManager.getConnection(url, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      String where = kind == Kind.POSTGRESQL ? "PostgreSQL at " + url + " (user postgres)"
          : "MariaDB at " + url + " (user root)";
      String message = where + " cannot be reached or refused '" + sql + "': " + e.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true and " + message, e);
      }
      Assumptions.abort("Skipped, " + message + ". Start the server or run with -Dlethe.db=h2.");
    }
  }

  /** A non-pooling data source over the driver, for the pool above to draw from. */
  private record DriverDataSource(String url, String user) implements javax.sql.DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(url, user, "");
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return DriverManager.getConnection(url, username, password);
    }

    @Override
    public java.io.PrintWriter getLogWriter() {
      return new java.io.PrintWriter(System.err);
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public java.util.logging.Logger getParentLogger() {
      return java.util.logging.Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("Not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
