package dev.lethe.jpa.internal;

import dev.lethe.jpa.internal.Sweeper.Position;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.hibernate.StatelessSession;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.type.descriptor.WrapperOptions;
import org.jspecify.annotations.Nullable;

/**
 * The batches of a retention sweep that deletes one table's expired rows by their range in clock
 * and key order (decision records 0035 and 0039). A batch is the query for its last row, then the
 * delete of the range up to it. The delete locks what it deletes: a second sweeper on the same
 * range waits for the first and finds its rows gone, so each row is deleted and counted once.
 *
 * <p>On plain JDBC, as a hand-written job would: no entity is loaded or changed, so a session's
 * persistence context and transaction would only add work and round trips. The statements run on a
 * connection of a stateless session, outside any transaction of Hibernate's; each commits itself
 * where the driver switches to that for free, else the batch commits. The two statements need not
 * be atomic: the delete's range is bounded on its own. Their SQL is written once per entity.
 */
final class RangeDelete {

  private final SessionFactoryImplementor factory;
  private final WrapperOptions options;
  private final String table;
  private final JdbcMapping clockType;
  private final JdbcMapping keyType;

  /**
   * Whether the driver switches a connection to committing every statement without a round trip
   * (PostgreSQL's and H2's do; MariaDB's asks the server): then a batch's statements commit
   * themselves, and the batch saves the round trip of its commit.
   */
  private final boolean switchesForFree;

  /** The query for a batch's last row, first and later batches. */
  private final String last;

  private final String lastAfter;

  /** The delete of a batch's range, first and later batches, bounded by a last row or not. */
  private final String delete;

  private final String deleteAfter;
  private final String deleteUpTo;
  private final String deleteAfterUpTo;

  /**
   * The range deletes of {@code table}'s rows expired by {@code clock}, ordered by {@code clock} and
   * {@code key}, whose values are of {@code clockType} and {@code keyType}.
   */
  RangeDelete(
      SessionFactoryImplementor factory,
      String table,
      String clock,
      JdbcMapping clockType,
      String key,
      JdbcMapping keyType) {
    this.factory = factory;
    this.options = factory.getWrapperOptions();
    this.table = table;
    this.clockType = clockType;
    this.keyType = keyType;
    Dialect dialect = factory.getJdbcServices().getDialect();
    this.switchesForFree = dialect instanceof PostgreSQLDialect || dialect instanceof H2Dialect;
    // The clock's range on its own lets its index bound the scan; the rest breaks ties on the key.
    String expired = clock + " <= ?";
    String after = " and " + clock + " >= ? and (" + clock + " > ? or " + key + " > ?)";
    String upTo = " and " + clock + " <= ? and (" + clock + " < ? or " + key + " <= ?)";
    String order = " order by " + clock + ", " + key;
    String select = "select " + clock + ", " + key + " from " + table + " where ";
    String lastOfBatch = order + " limit 1 offset ?";
    this.last = select + expired + lastOfBatch;
    this.lastAfter = select + expired + after + lastOfBatch;
    String deleteFrom = "delete from " + table + " where " + expired;
    this.delete = deleteFrom;
    this.deleteAfter = deleteFrom + after;
    this.deleteUpTo = deleteFrom + upTo;
    this.deleteAfterUpTo = deleteFrom + after + upTo;
  }

  /** Rows deleted, and the last one's position unless no expired row was left after it. */
  record Batch(int deleted, Optional<Position> last) {}

  /**
   * Deletes the next at most {@code limit} rows expired by {@code expiry} (a clock of dates or local
   * times read in {@code zone}) after {@code after}.
   */
  Batch next(Instant expiry, ZoneId zone, Optional<Position> after, int limit) {
    Object cutoff = Sweeper.cutoff(expiry, zone, clockType);
    try (StatelessSession session = factory.openStatelessSession()) {
      return session.doReturningWork(
          connection -> {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit && switchesForFree) {
              connection.setAutoCommit(true);
            }
            boolean commits = connection.getAutoCommit();
            try {
              Batch batch = findThenDelete(connection, cutoff, after, limit);
              if (!commits) {
                connection.commit();
              }
              return batch;
            } catch (SQLException | RuntimeException e) {
              if (!commits) {
                connection.rollback();
              }
              throw e;
            } finally {
              if (connection.getAutoCommit() != autoCommit) {
                connection.setAutoCommit(autoCommit);
              }
            }
          });
    }
  }

  private Batch findThenDelete(
      Connection connection, Object cutoff, Optional<Position> after, int limit)
      throws SQLException {
    Optional<Position> last = Optional.empty();
    try (PreparedStatement query =
        connection.prepareStatement(after.isPresent() ? lastAfter : this.last)) {
      int next = bindExpired(query, cutoff, after);
      query.setInt(next, limit - 1);
      try (ResultSet result = query.executeQuery()) {
        if (result.next()) {
          last = Optional.of(position(result));
        }
      }
    }
    String sql =
        last.isPresent()
            ? after.isPresent() ? deleteAfterUpTo : deleteUpTo
            : after.isPresent() ? deleteAfter : delete;
    try (PreparedStatement delete = connection.prepareStatement(sql)) {
      int next = bindExpired(delete, cutoff, after);
      if (last.isPresent()) {
        bindPosition(delete, next, last.get());
      }
      return new Batch(delete.executeUpdate(), last);
    }
  }

  /** Binds the cutoff and the position after which the batch starts; returns the next index. */
  private int bindExpired(PreparedStatement statement, Object cutoff, Optional<Position> after)
      throws SQLException {
    bind(statement, 1, cutoff, clockType);
    return after.isEmpty() ? 2 : bindPosition(statement, 2, after.get());
  }

  /** Binds a position as its condition asks: clock, clock, key; returns the next index. */
  private int bindPosition(PreparedStatement statement, int from, Position position)
      throws SQLException {
    bind(statement, from, position.clock(), clockType);
    bind(statement, from + 1, position.clock(), clockType);
    bind(statement, from + 2, position.id(), keyType);
    return from + 3;
  }

  private void bind(PreparedStatement statement, int index, Object value, JdbcMapping type)
      throws SQLException {
    JdbcRows.bind(statement, index, value, type, options);
  }

  /** The clock and key of the current row, as the entity holds them. */
  private Position position(ResultSet row) throws SQLException {
    return new Position(read(row, 1, clockType), read(row, 2, keyType));
  }

  private Object read(ResultSet row, int column, JdbcMapping type) throws SQLException {
    @Nullable Object value = JdbcRows.read(row, column, type, options);
    if (value == null) {
      throw new IllegalStateException(
          "A retention batch read a null clock or key in table " + table);
    }
    return value;
  }
}
