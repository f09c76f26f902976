package dev.lethe.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Just enough JDBC: parameterised updates and queries, a streamed query that holds its cursor until
 * the stream is closed, and SQL failures turned into unchecked ones that name the statement's purpose.
 */
public final class Jdbc {

  private final DataSource dataSource;

  public Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Runs an insert, update or delete; returns the rows changed. */
  public int update(String purpose, String sql, @Nullable Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw failure(purpose, e);
    }
  }

  /** Runs a query and maps every row. */
  public <T> List<T> query(String purpose, String sql, RowMapper<T> mapper, @Nullable Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      List<T> results = new ArrayList<>();
      while (rows.next()) {
        results.add(mapper.map(rows));
      }
      return List.copyOf(results);
    } catch (SQLException e) {
      throw failure(purpose, e);
    }
  }

  /**
   * Runs a query whose rows are read as the stream is consumed; closing the stream releases the
   * connection. Rows are fetched in pages, so memory stays flat however many there are.
   */
  public <T> Stream<T> stream(String purpose, String sql, RowMapper<T> mapper, @Nullable Object... parameters) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      // PostgreSQL streams with a fetch size only inside a transaction.
      connection.setAutoCommit(false);
      PreparedStatement statement = prepare(connection, sql, parameters);
      statement.setFetchSize(500);
      ResultSet rows = statement.executeQuery();
      Connection open = connection;
      Spliterator<T> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
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
      return StreamSupport.stream(spliterator, false).onClose(() -> close(purpose, open));
    } catch (SQLException e) {
      if (connection != null) {
        close(purpose, connection);
      }
      throw failure(purpose, e);
    }
  }

  private static void close(String purpose, Connection connection) {
    try (connection) {
      connection.rollback();
    } catch (SQLException e) {
      throw failure(purpose, e);
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, @Nullable Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }

  /** Whether {@code e} says a unique or primary key was violated (SQLState class 23). */
  public static boolean isUniqueViolation(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  private static IllegalStateException failure(String purpose, SQLException e) {
    return new IllegalStateException("Could not " + purpose + " (SQLState " + e.getSQLState() + ")", e);
  }
}
