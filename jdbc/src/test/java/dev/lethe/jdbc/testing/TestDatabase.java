package dev.lethe.jdbc.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty database for one test class on the database the run asks for: {@code h2}
 * (embedded, the default), {@code postgresql} or {@code mariadb} (the local servers), chosen by the
 * system property {@code lethe.db} or the environment variable {@code LETHE_DB}. Each instance
 * creates its own schema or database and drops it on {@link #close()}.
 *
 * <p>When a server cannot be reached the tests are skipped, so that {@code ./mvnw verify} passes
 * on a machine without one, except under {@code CI=true}, where that fails naming the database.
 */
public final class TestDatabase implements AutoCloseable {

  /** The database this run targets. */
  public enum Kind {
    H2,
    POSTGRESQL,
    MARIADB
  }

  private static final String POSTGRESQL_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/";

  private final Kind kind;
  private final String name;
  private final DataSource dataSource;
  private final String jdbcUrl;

  private TestDatabase(Kind kind, String name, DataSource dataSource, String jdbcUrl) {
    this.kind = kind;
    this.name = name;
    this.dataSource = dataSource;
    this.jdbcUrl = jdbcUrl;
  }

  /** The database this run is asked to use. */
  public static Kind selected() {
    String selected = System.getProperty("lethe.db");
    if (selected == null || selected.isBlank() || selected.startsWith("${")) {
      selected = System.getenv().getOrDefault("LETHE_DB", "h2");
    }
    return Kind.valueOf(selected.trim().toUpperCase(Locale.ROOT));
  }

  /** A new empty database of the selected kind; skips or fails, as the class says, if its server is down. */
  public static TestDatabase create() {
    Kind kind = selected();
    String name = "lethe_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try {
      return switch (kind) {
        case H2 -> h2(name);
        case POSTGRESQL -> postgresql(name);
        case MARIADB -> mariadb(name);
      };
    } catch (SQLException e) {
      String message =
          kind + " is not reachable for the integration tests (" + e.getMessage() + ")";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(message + ": CI requires it", e);
      }
      Assumptions.abort(message + "; skipped outside CI");
      throw new AssertionError("unreachable");
    }
  }

  private static TestDatabase h2(String name) {
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    return new TestDatabase(Kind.H2, name, dataSource, url);
  }

  private static TestDatabase postgresql(String name) throws SQLException {
    try (Connection connection = DriverManager.getConnection(POSTGRESQL_URL, "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("create schema " + name);
    }
    String url = POSTGRESQL_URL + "?currentSchema=" + name;
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(url);
    dataSource.setUser("postgres");
    return new TestDatabase(Kind.POSTGRESQL, name, dataSource, url);
  }

  private static TestDatabase mariadb(String name) throws SQLException {
    try (Connection connection = DriverManager.getConnection(MARIADB_URL, "root", "");
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name + " character set utf8mb4");
    }
    String url = MARIADB_URL + name;
    MariaDbDataSource dataSource = new MariaDbDataSource(url);
    dataSource.setUser("root");
    dataSource.setPassword("");
    return new TestDatabase(Kind.MARIADB, name, dataSource, url);
  }

  /**
   * Why the selected server cannot be reached, if it cannot: for test engines that skip before
   * {@link #create()} runs. Always empty for H2, and under {@code CI=true}, where the tests must fail
   * instead.
   */
  @SuppressWarnings("try") // opening the connection is the probe
  public static Optional<String> unreachable() {
    Kind kind = selected();
    if (kind == Kind.H2 || "true".equalsIgnoreCase(System.getenv("CI"))) {
      return Optional.empty();
    }
    String url = kind == Kind.POSTGRESQL ? POSTGRESQL_URL : MARIADB_URL;
    try (Connection ignored =
        DriverManager.getConnection(url, kind == Kind.POSTGRESQL ? "postgres" : "root", "")) {
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(
          kind
              + " is not reachable for the integration tests ("
              + e.getMessage()
              + "); skipped outside CI");
    }
  }

  /** The schema or database name this instance created. */
  public String name() {
    return name;
  }

  /** Which database this is. */
  public Kind kind() {
    return kind;
  }

  /** Connections to it. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Its JDBC URL, for tools that take one (Hibernate, Spring). */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** The user to connect as. */
  public String user() {
    return switch (kind) {
      case H2 -> "sa";
      case POSTGRESQL -> "postgres";
      case MARIADB -> "root";
    };
  }

  /** Drops the schema or database with everything in it. */
  @Override
  public void close() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      switch (kind) {
        case H2 -> statement.execute("drop all objects");
        case POSTGRESQL -> statement.execute("drop schema " + name + " cascade");
        case MARIADB -> statement.execute("drop database " + name);
      }
    }
  }

  private Connection connect() throws SQLException {
    return switch (kind) {
      case H2 -> dataSource.getConnection();
      case POSTGRESQL -> DriverManager.getConnection(POSTGRESQL_URL, "postgres", "");
      case MARIADB -> DriverManager.getConnection(MARIADB_URL, "root", "");
    };
  }

  @Override
  public String toString() {
    return kind + " " + name;
  }
}
