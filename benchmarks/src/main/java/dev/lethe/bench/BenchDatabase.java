package dev.lethe.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.ValidationMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * A private database for one benchmark trial: on PostgreSQL (127.0.0.1:5432, user postgres,
 * database test, overridable with {@code -Dlethe.postgresql.url}) a schema created here and
 * dropped on {@link #close()}; on MariaDB (127.0.0.1:3306, user root without password,
 * overridable with {@code -Dlethe.mariadb.url}) a database created here and dropped on close; on
 * H2 a file database in a temporary directory, deleted on close.
 * Every statement that reaches the driver is counted, below Hibernate and the pool. On H2 a
 * statement times out after two minutes.
 */
public final class BenchDatabase implements AutoCloseable {

  /** The databases benchmarked. */
  public enum Kind {
    /** Embedded H2, file mode with a small page cache so that it fits a 64 MiB heap. */
    H2,
    /** A local PostgreSQL server. */
    POSTGRESQL,
    /** A local MariaDB server. */
    MARIADB;

    /** The kind named by a JMH parameter: {@code h2}, {@code postgresql} or {@code mariadb}. */
    public static Kind of(String name) {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
  }

  private static final String PG_URL =
      System.getProperty("lethe.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String MARIADB_URL =
      System.getProperty("lethe.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");

  private final Kind kind;
  private final String schema;
  private final @Nullable Path directory;
  private final AtomicLong statements = new AtomicLong();
  private final String url;
  private final String user;
  private final HikariDataSource pool;
  private @Nullable HikariDataSource autoCommitting;
  private final List<EntityManagerFactory> factories = new ArrayList<>();

  private BenchDatabase(Kind kind) {
    this.kind = kind;
    this.schema = "lethe_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    if (kind == Kind.H2) {
      try {
        directory = Files.createTempDirectory("lethe-bench-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // A statement that runs longer than two minutes fails, so that a pathological plan (see
      // FINDINGS.md, 1) ends its benchmark with an error instead of stalling the whole suite.
      url = "jdbc:h2:file:" + directory.resolve("db") + ";CACHE_SIZE=8192;QUERY_TIMEOUT=120000";
      user = "sa";
    } else if (kind == Kind.POSTGRESQL) {
      directory = null;
      admin(kind, "create schema " + schema);
      url = PG_URL + "?currentSchema=" + schema + "&reWriteBatchedInserts=true";
      user = "postgres";
    } else {
      directory = null;
      admin(kind, "create database " + schema);
      // Batched statements go as one bulk round trip, as an application would configure the driver.
      url = MARIADB_URL + schema + "?useBulkStmts=true";
      user = "root";
    }
    this.pool = pool(false);
  }

  private HikariDataSource pool(boolean autoCommit) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(counting(new DriverDataSource(url, user)));
    config.setMaximumPoolSize(4);
    config.setAutoCommit(autoCommit);
    config.setPoolName(schema + (autoCommit ? "-auto" : ""));
    return new HikariDataSource(config);
  }

  /**
   * A second pool on the same database whose connections commit every statement, as Lethe's JDBC
   * stores expect of a data source outside a transaction manager; created on first use.
   */
  public synchronized DataSource autoCommitting() {
    if (autoCommitting == null) {
      autoCommitting = pool(true);
    }
    return autoCommitting;
  }

  /** A new private database of {@code kind}. */
  public static BenchDatabase create(Kind kind) {
    return new BenchDatabase(kind);
  }

  /** The database kind. */
  public Kind kind() {
    return kind;
  }

  /** A pooled connection, not auto-committing. */
  public Connection connection() throws SQLException {
    return pool.getConnection();
  }

  /** Statements that reached the driver since the last {@link #resetStatements()}. */
  public long statements() {
    return statements.get();
  }

  /** Starts counting statements from zero. */
  public void resetStatements() {
    statements.set(0);
  }

  /**
   * Records, as {@code figure} of {@code benchmark} with {@code params}, the statements one run of
   * {@code work} sends to the database, after a first run has filled what caches it keeps.
   */
  public void recordStatements(String benchmark, String params, Runnable work) {
    work.run();
    resetStatements();
    work.run();
    Extras.record(benchmark, params, "statements", statements());
  }

  /** {@code work} in a transaction of its own, through a new entity manager of {@code factory}. */
  public static <T> T inTransaction(
      @Nullable EntityManagerFactory factory, Function<EntityManager, T> work) {
    EntityManager em = ErasureBenchmark.open(factory).createEntityManager();
    try {
      em.getTransaction().begin();
      T result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      em.close();
    }
  }

  /**
   * An entity manager factory for {@code classes}; (re)creates their tables, so a second one opens
   * before any rows go in. Hibernate's defaults otherwise.
   */
  public EntityManagerFactory open(Class<?>... classes) {
    HibernatePersistenceConfiguration configuration =
        new HibernatePersistenceConfiguration("lethe-bench-" + schema);
    for (Class<?> type : classes) {
      configuration.managedClass(type);
    }
    // No Bean Validation: the shop model has no constraints, and all sides would pay for it alike.
    configuration.validationMode(ValidationMode.NONE);
    Map.<String, Object>of(
            "hibernate.connection.datasource",
            pool,
            PersistenceConfiguration.SCHEMAGEN_DATABASE_ACTION,
            "drop-and-create")
        .forEach(configuration::property);
    EntityManagerFactory factory = configuration.createEntityManagerFactory();
    factories.add(factory);
    return factory;
  }

  @Override
  public void close() {
    factories.stream().filter(EntityManagerFactory::isOpen).forEach(EntityManagerFactory::close);
    pool.close();
    if (autoCommitting != null) {
      autoCommitting.close();
    }
    if (kind == Kind.POSTGRESQL) {
      admin(kind, "drop schema " + schema + " cascade");
    } else if (kind == Kind.MARIADB) {
      admin(kind, "drop database " + schema);
    } else if (directory != null) {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void admin(Kind kind, String sql) {
    String url = kind == Kind.POSTGRESQL ? PG_URL : MARIADB_URL;
    String user = kind == Kind.POSTGRESQL ? "postgres" : "root";
    try (Connection connection = DriverManager.getConnection(url, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          kind + " at " + url + " (user " + user + ") refused '" + sql + "'", e);
    }
  }

  /** The statement that gathers a table's statistics on this database, as a live table has them. */
  public String analyze(String table) {
    return switch (kind) {
      case H2, MARIADB -> "analyze table " + table;
      case POSTGRESQL -> "analyze " + table;
    };
  }

  /**
   * Brings freshly inserted tables to the state a live table is in between its maintenance runs:
   * statistics gathered and, on PostgreSQL, vacuumed (the visibility map and hint bits set), so that
   * no measured iteration pays for the first reads of new rows or shares the machine with an
   * autovacuum started in the middle of the run. Then the insert's changed pages are written to disk
   * (a checkpoint; on MariaDB the tables flushed), so that a timed invocation does not pay for them:
   * after a million inserted rows, a checkpoint or InnoDB's page cleaner landing in one single shot
   * and not in another moved the ratios by ±25 %.
   */
  public void settle(Connection connection, List<String> tables) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    // VACUUM and CHECKPOINT cannot run inside a transaction.
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      for (String table : tables) {
        statement.execute(kind == Kind.POSTGRESQL ? "vacuum (analyze) " + table : analyze(table));
      }
      switch (kind) {
        case H2, POSTGRESQL -> statement.execute("checkpoint");
        case MARIADB -> {
          // Writes every change of the tables to their files, then lets them be written again.
          statement.execute("flush tables " + String.join(", ", tables) + " for export");
          statement.execute("unlock tables");
        }
      }
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  // --- statement counting: every prepareStatement/prepareCall, and every execute of a plain
  // Statement ---

  private DataSource counting(DataSource target) {
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(method, target, args);
              return result instanceof Connection connection ? counting(connection) : result;
            });
  }

  private Connection counting(Connection connection) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          String name = method.getName();
          if (name.equals("prepareStatement") || name.equals("prepareCall")) {
            statements.incrementAndGet();
          }
          Object result = invoke(method, connection, args);
          return name.equals("createStatement") && result instanceof Statement statement
              ? counting(statement)
              : result;
        };
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private Statement counting(Statement statement) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().startsWith("execute")
              && args != null
              && args.length > 0
              && args[0] instanceof String) {
            statements.incrementAndGet();
          }
          return invoke(method, statement, args);
        };
    return (Statement)
        Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {Statement.class}, handler);
  }

  private static @Nullable Object invoke(
      Method method, Object target, @Nullable Object @Nullable [] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** A non-pooling data source over the driver, for the pool to draw from. */
  private record DriverDataSource(String url, String user) implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(url, user, "");
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return DriverManager.getConnection(url, username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
      return new PrintWriter(System.err);
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
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
