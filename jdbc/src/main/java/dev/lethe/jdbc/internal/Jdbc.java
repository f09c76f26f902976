package dev.lethe.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Just enough JDBC: parameterised updates and queries, a streamed query that holds its cursor until
 * the stream is closed, transactions, and SQL failures turned into unchecked ones that name the
 * statement's purpose.
 *
 * <p>While {@link #inTransaction} runs on a thread, every statement of every {@code Jdbc} over the
 * same DataSource on that thread uses its connection, so that Lethe's stores (requests, audit,
 * consent, suppression, outbox) join one transaction and commit together. A connection handed out
 * already inside someone else's transaction (auto-commit off, as Spring's
 * {@code TransactionAwareDataSourceProxy} gives) is used as it is: that transaction's owner commits.
 */
public final class Jdbc {

  // The transaction open on this thread, per DataSource (by identity: two pools are two databases).
  private static final ThreadLocal<Map<DataSource, Bound>> BOUND =
      ThreadLocal.withInitial(IdentityHashMap::new);

  private final DataSource dataSource;

  public Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A connection bound to this thread for one transaction, and what waits for its commit. */
  private static final class Bound {
    private final Connection connection;
    private final boolean owner;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final Map<Object, Object> values = new HashMap<>();

    private Bound(Connection connection, boolean owner) {
      this.connection = connection;
      this.owner = owner;
    }
  }

  /**
   * Runs {@code work} in a transaction on {@code dataSource}, bound to this thread: every {@code
   * Jdbc} over it joins. A call inside an open one joins it; the outermost commits when {@code work}
   * returns and rolls back when it throws.
   */
  public static <T> T inTransaction(DataSource dataSource, Supplier<T> work) {
    Map<DataSource, Bound> bound = BOUND.get();
    if (bound.containsKey(dataSource)) {
      return work.get();
    }
    Connection connection;
    boolean owner;
    try {
      connection = dataSource.getConnection();
      // Auto-commit already off: the connection belongs to a transaction someone else commits.
      owner = connection.getAutoCommit();
      if (owner) {
        connection.setAutoCommit(false);
      }
    } catch (SQLException e) {
      throw failure("begin a transaction", e);
    }
    Bound transaction = new Bound(connection, owner);
    bound.put(dataSource, transaction);
    T result;
    try {
      result = work.get();
      if (owner) {
        connection.commit();
      }
    } catch (SQLException e) {
      rollback(transaction);
      throw failure("commit a transaction", e);
    } catch (RuntimeException | Error e) {
      rollback(transaction);
      throw e;
    } finally {
      bound.remove(dataSource);
      release(transaction);
    }
    transaction.afterCommit.forEach(Runnable::run);
    return result;
  }

  /** The connection bound to this thread by {@link #inTransaction} over {@code dataSource}, if one is open. */
  public static Optional<Connection> boundConnection(DataSource dataSource) {
    Bound transaction = BOUND.get().get(dataSource);
    return transaction == null ? Optional.empty() : Optional.of(transaction.connection);
  }

  /**
   * Runs {@code action} after the transaction open on this thread over {@code dataSource} commits,
   * or now if none is open (or its commit is someone else's, who has already been asked to run it).
   */
  public static void afterCommit(DataSource dataSource, Runnable action) {
    Bound transaction = BOUND.get().get(dataSource);
    if (transaction != null && transaction.owner) {
      transaction.afterCommit.add(action);
    } else {
      action.run();
    }
  }

  /**
   * What {@link #keepForTransaction} kept under {@code key} in the transaction bound to this thread
   * over {@code dataSource}, if one is bound and holds it.
   */
  public static <T> Optional<T> keptForTransaction(DataSource dataSource, Class<T> key) {
    Bound transaction = BOUND.get().get(dataSource);
    return transaction == null
        ? Optional.empty()
        : Optional.ofNullable(key.cast(transaction.values.get(key)));
  }

  /**
   * Keeps {@code value} under {@code key} while the transaction over {@code dataSource} is bound to
   * this thread: until the outermost {@link #inTransaction} returns, which for a transaction someone
   * else commits is before its end. Nothing when none is bound. A savepoint rolled back does not drop
   * it: check it against the database before relying on it.
   */
  public static <T> void keepForTransaction(DataSource dataSource, Class<T> key, T value) {
    Bound transaction = BOUND.get().get(dataSource);
    if (transaction != null) {
      transaction.values.put(key, value);
    }
  }

  private static void rollback(Bound transaction) {
    if (transaction.owner) {
      try {
        transaction.connection.rollback();
      } catch (SQLException e) {
        // The work's own failure is the one to report; a failed rollback ends with the connection
        // anyway.
      }
    }
  }

  private static void release(Bound transaction) {
    try (Connection connection = transaction.connection) {
      if (transaction.owner) {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure("end a transaction", e);
    }
  }

  /** Runs {@code work} with this thread's bound connection, or a new one that is closed afterwards. */
  private <T> T withConnection(String purpose, SqlWork<T> work) {
    Bound transaction = BOUND.get().get(dataSource);
    try {
      if (transaction != null) {
        return work.run(transaction.connection);
      }
      try (Connection connection = dataSource.getConnection()) {
        return work.run(connection);
      }
    } catch (SQLException e) {
      throw failure(purpose, e);
    }
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Runs an insert, update or delete; returns the rows changed. */
  public int update(String purpose, String sql, @Nullable Object... parameters) {
    return withConnection(
        purpose,
        connection -> {
          try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
          }
        });
  }

  /**
   * Runs an insert, update or delete that may hit a unique key; returns the rows changed, or empty on
   * a unique violation. Inside a transaction the statement runs behind a savepoint, so that the
   * violation leaves the transaction usable (PostgreSQL aborts a transaction on any failed statement).
   */
  public OptionalInt updateUnlessDuplicate(
      String purpose, String sql, @Nullable Object... parameters) {
    return withConnection(
        purpose,
        connection -> {
          Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
          try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            int changed = statement.executeUpdate();
            if (savepoint != null) {
              connection.releaseSavepoint(savepoint);
            }
            return OptionalInt.of(changed);
          } catch (SQLException e) {
            if (!isUniqueViolation(e)) {
              throw e;
            }
            if (savepoint != null) {
              connection.rollback(savepoint);
            }
            return OptionalInt.empty();
          }
        });
  }

  /** Runs a query and maps every row. */
  public <T> List<T> query(
      String purpose, String sql, RowMapper<T> mapper, @Nullable Object... parameters) {
    return withConnection(
        purpose,
        connection -> {
          try (PreparedStatement statement = prepare(connection, sql, parameters);
              ResultSet rows = statement.executeQuery()) {
            List<T> results = new ArrayList<>();
            while (rows.next()) {
              results.add(mapper.map(rows));
            }
            return List.copyOf(results);
          }
        });
  }

  /**
   * Runs a query whose rows are read as the stream is consumed; closing the stream releases the
   * connection. Rows are fetched in pages, so memory stays flat however many there are.
   */
  public <T> Stream<T> stream(
      String purpose, String sql, RowMapper<T> mapper, @Nullable Object... parameters) {
    Bound transaction = BOUND.get().get(dataSource);
    Connection connection = null;
    boolean ownConnection = transaction == null;
    boolean ownTransaction = false;
    try {
      connection = ownConnection ? dataSource.getConnection() : transaction.connection;
      // PostgreSQL streams with a fetch size only inside a transaction; a read-only one of our own
      // unless the connection is in one already.
      if (ownConnection && connection.getAutoCommit()) {
        connection.setAutoCommit(false);
        ownTransaction = true;
      }
      PreparedStatement statement = prepare(connection, sql, parameters);
      statement.setFetchSize(500);
      ResultSet rows = statement.executeQuery();
      Connection open = connection;
      boolean rollBack = ownTransaction;
      Spliterator<T> spliterator =
          new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
              try {
                if (!rows.next()) {
                  return false;
                }
                action.accept(mapper.map(rows));
                return true;
              } catch (SQLException e) {
                throw failure(purpose, e);
              }
            }
          };
      return StreamSupport.stream(spliterator, false)
          .onClose(() -> close(purpose, statement, ownConnection ? open : null, rollBack));
    } catch (SQLException e) {
      if (connection != null && ownConnection) {
        close(purpose, null, connection, ownTransaction);
      }
      throw failure(purpose, e);
    }
  }

  private static void close(
      String purpose,
      @Nullable PreparedStatement statement,
      @Nullable Connection connection,
      boolean rollBack) {
    try {
      if (statement != null) {
        statement.close();
      }
      if (connection != null) {
        try (connection) {
          if (rollBack) {
            connection.rollback();
            connection.setAutoCommit(true);
          }
        }
      }
    } catch (SQLException e) {
      throw failure(purpose, e);
    }
  }

  private static PreparedStatement prepare(
      Connection connection, String sql, @Nullable Object... parameters) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }

  /** Whether {@code e} says a unique or primary key was violated (SQLState class 23). */
  public static boolean isUniqueViolation(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  private static IllegalStateException failure(String purpose, SQLException e) {
    return new IllegalStateException(
        "Could not " + purpose + " (SQLState " + e.getSQLState() + ")", e);
  }
}
