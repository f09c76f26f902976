package dev.lethe.jpa.internal;

import dev.lethe.jpa.internal.Sweeper.Position;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.hibernate.StatelessSession;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.type.descriptor.WrapperOptions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batches of a retention sweep that deletes one table's expired rows by their range in clock
 * and key order (decision records 0035, 0039 and 0044). A batch is the delete of the range up to its
 * last row. On PostgreSQL one query finds the last rows of the next {@value #BATCHES_AHEAD} batches
 * together, so that most batches are one statement, as a hand-written job's key-range deletes are;
 * elsewhere each batch queries for its own last row (on H2 a query costs no round trip, on MariaDB
 * the delete's server time dwarfs it). There (H2 and InnoDB keep a table in its key's order) a
 * batch whose integral keys rose by at most two batches since the last one also bounds its delete
 * by them, so that the database deletes along the key rather than look each row up from the
 * clock's index (decision record 0049); if that leaves the batch short, a second delete takes the
 * rest of its range. The delete locks what it deletes: a second sweeper on the same range waits
 * for the first and finds its rows gone, so each row is deleted and counted once; where their locks
 * meet in a deadlock, the database rolls one back and that one tries again.
 *
 * <p>On plain JDBC, as a hand-written job would: no entity is loaded or changed, so a session's
 * persistence context and transaction would only add work and round trips. The statements run on a
 * connection of a stateless session, outside any transaction of Hibernate's; each commits itself
 * where the driver switches to that for free, else the batch commits. The two statements need not
 * be atomic: the delete's range is bounded on its own. Their SQL is written once per entity.
 */
final class RangeDelete {

  /**
   * The batches whose last rows one query finds on PostgreSQL: enough to spare most batches a round
   * trip, few enough that a sweep stopped early has walked little of the clock's index in vain.
   */
  private static final int BATCHES_AHEAD = 10;

  /**
   * How far, in batches, a batch's integral keys may spread for its delete to be bounded by them:
   * keys that follow the clock leave gaps (rows not yet expired, rows deleted before), and a key
   * range this wide costs the database no more to walk than the clock's range.
   */
  private static final int KEY_SPREAD = 2;

  /** How many times a batch, or a delete committing itself, is tried while deadlocks roll it back. */
  private static final int DEADLOCK_ATTEMPTS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(RangeDelete.class);

  /** How many batches' last rows one query finds: {@link #BATCHES_AHEAD} or one. */
  private final int batchesAhead;

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

  /** The query for the last rows of the next batches, first and later batches, in their order. */
  private final String lastRows;

  private final String lastRowsAfter;

  /** The delete of a batch's range, first and later batches, bounded by a last row or not. */
  private final String delete;

  private final String deleteAfter;
  private final String deleteUpTo;
  private final String deleteAfterUpTo;

  /**
   * {@link #deleteAfterUpTo} bounded by the batch's keys too, where a batch finds its own last row
   * (H2, MariaDB: tables kept in their key's order); empty on PostgreSQL, whose tables are heaps.
   */
  private final Optional<String> deleteAlongKeys;

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
    String after = after(clock, key, "?", "?");
    String upTo = " and " + clock + " <= ? and (" + clock + " < ? or " + key + " <= ?)";
    String order = " order by " + clock + ", " + key;
    String lastOfBatch = order + " limit 1 offset ?";
    if (dialect instanceof PostgreSQLDialect) {
      // From each batch's last row, the next one's, walking the clock's index a batch at a time.
      String firstLast = "select 1, " + clock + ", " + key + " from " + table + " where " + expired;
      String nextLast =
          ") union all select b_.n_ + 1, x_.c_, x_.k_ from b_ cross join lateral (select "
              + clock
              + " c_, "
              + key
              + " k_ from "
              + table
              + " where "
              + expired
              + after(clock, key, "b_.c_", "b_.k_")
              + lastOfBatch
              + ") x_ where b_.n_ < ?) select c_, k_ from b_ order by n_";
      this.batchesAhead = BATCHES_AHEAD;
      String recursive = "with recursive b_(n_, c_, k_) as ((";
      this.lastRows = recursive + firstLast + lastOfBatch + nextLast;
      this.lastRowsAfter = recursive + firstLast + after + lastOfBatch + nextLast;
    } else {
      String last = "select " + clock + ", " + key + " from " + table + " where " + expired;
      this.batchesAhead = 1;
      this.lastRows = last + lastOfBatch;
      this.lastRowsAfter = last + after + lastOfBatch;
    }
    String deleteFrom = "delete from " + table + " where " + expired;
    this.delete = deleteFrom;
    this.deleteAfter = deleteFrom + after;
    this.deleteUpTo = deleteFrom + upTo;
    this.deleteAfterUpTo = deleteFrom + after + upTo;
    this.deleteAlongKeys =
        batchesAhead == 1
            ? Optional.of(deleteAfterUpTo + " and " + key + " > ? and " + key + " <= ?")
            : Optional.empty();
  }

  /** The condition of rows after the one whose clock and key are {@code lastClock} and {@code lastKey}. */
  private static String after(String clock, String key, String lastClock, String lastKey) {
    return " and " + clock + " >= " + lastClock + " and (" + clock + " > " + lastClock + " or "
        + key + " > " + lastKey + ")";
  }

  /**
   * Where a sweep stands: the row its last batch deleted up to, and the last rows of the batches
   * found ahead of it, in order. Only a guide: rows another sweeper deleted meanwhile make a batch
   * smaller, never wrong, since each delete is bounded by its own condition.
   */
  record Cursor(Position last, List<Position> ahead) {}

  /** Rows deleted, and where the sweep stands unless no expired row was left after them. */
  record Batch(int deleted, Optional<Cursor> next) {}

  /**
   * Deletes the next at most {@code limit} rows expired by {@code expiry} (a clock of dates or local
   * times read in {@code zone}) after {@code after}.
   */
  Batch next(Instant expiry, ZoneId zone, Optional<Cursor> after, int limit) {
    Object cutoff = Sweeper.cutoff(expiry, zone, clockType);
    try (StatelessSession session = factory.openStatelessSession()) {
      return session.doReturningWork(
          connection -> {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit && switchesForFree) {
              connection.setAutoCommit(true);
            }
            try {
              if (connection.getAutoCommit()) {
                return findThenDelete(connection, cutoff, after, limit, true);
              }
              return retriedOnDeadlock(
                  () -> {
                    try {
                      Batch batch = findThenDelete(connection, cutoff, after, limit, false);
                      connection.commit();
                      return batch;
                    } catch (SQLException | RuntimeException e) {
                      connection.rollback();
                      throw e;
                    }
                  });
            } finally {
              if (connection.getAutoCommit() != autoCommit) {
                connection.setAutoCommit(autoCommit);
              }
            }
          });
    }
  }

  /** Work on a connection that may fail as JDBC does. */
  @FunctionalInterface
  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code work}, again if the database rolled it back to break a deadlock, as InnoDB's
   * documentation asks of every application: two sweepers' deletes of one range may lock its rows
   * in different orders (one along the key, the other along the clock's index, or both scanning a
   * small table), and the database then rolls one back. The work must be what was rolled back: a
   * batch's transaction, or under auto-commit one delete. Its conditions bound it on their own, so
   * the second try deletes the rows still expired and counts each row once.
   */
  private <T> T retriedOnDeadlock(SqlWork<T> work) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.run();
      } catch (SQLException e) {
        if (attempt == DEADLOCK_ATTEMPTS || !rolledBackForDeadlock(e)) {
          throw e;
        }
        LOG.debug(
            "A retention delete on {} was rolled back to break a deadlock; try {} of {}",
            table,
            attempt + 1,
            DEADLOCK_ATTEMPTS);
        pauseBeforeRetry(attempt, e);
      }
    }
  }

  /**
   * Whether the database rolled the work back for a deadlock or a serialization failure (SQLState
   * class 40, which MariaDB's driver also reports as {@link SQLTransactionRollbackException}).
   */
  private static boolean rolledBackForDeadlock(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLTransactionRollbackException
        || (state != null && state.startsWith("40"));
  }

  /** A random pause growing with the attempt, so that the two sweepers do not meet again in step. */
  private static void pauseBeforeRetry(int attempt, SQLException cause) throws SQLException {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw cause;
    }
  }

  /**
   * Deletes the next batch; {@code autoCommitted} if each statement commits itself, so that a
   * deadlock rolls back one delete, which is then tried again on its own.
   */
  private Batch findThenDelete(
      Connection connection,
      Object cutoff,
      Optional<Cursor> after,
      int limit,
      boolean autoCommitted)
      throws SQLException {
    Optional<Position> from = after.map(Cursor::last);
    List<Position> known = after.map(Cursor::ahead).orElse(List.of());
    List<Position> ahead = known.isEmpty() ? lastRowsAhead(connection, cutoff, from, limit) : known;
    // No last row ahead: fewer rows than a batch are left, and this batch takes them all.
    Optional<Position> last = ahead.stream().findFirst();
    Optional<Cursor> next =
        last.map(row -> new Cursor(row, List.copyOf(ahead.subList(1, ahead.size()))));
    if (last.isPresent() && from.isPresent() && keysFollow(from.get(), last.get(), limit)) {
      String alongKeys = deleteAlongKeys.orElseThrow();
      int deleted = delete(connection, alongKeys, cutoff, from, last, true, autoCommitted);
      // The range held limit rows when its last was found: if some were left, their keys lie
      // outside the bounds (or another sweeper took them), and the range's own delete takes them.
      if (deleted < limit) {
        deleted += delete(connection, deleteAfterUpTo, cutoff, from, last, false, autoCommitted);
      }
      return new Batch(deleted, next);
    }
    String sql =
        last.isPresent()
            ? from.isPresent() ? deleteAfterUpTo : deleteUpTo
            : from.isPresent() ? deleteAfter : delete;
    return new Batch(delete(connection, sql, cutoff, from, last, false, autoCommitted), next);
  }

  /**
   * Whether the batch from {@code from} up to {@code last} may bound its delete by their keys:
   * both integral, rising by at most {@link #KEY_SPREAD} batches.
   */
  private boolean keysFollow(Position from, Position last, int limit) {
    if (deleteAlongKeys.isEmpty() || !integral(from.id()) || !integral(last.id())) {
      return false;
    }
    long rise = ((Number) last.id()).longValue() - ((Number) from.id()).longValue();
    // A rise beyond the range of a long wraps below zero.
    return rise > 0 && rise <= (long) KEY_SPREAD * limit;
  }

  private static boolean integral(Object key) {
    return key instanceof Long || key instanceof Integer || key instanceof Short;
  }

  /**
   * Runs {@code sql}, the delete of the expired rows after {@code from} up to {@code last} (either
   * absent for no bound), and if {@code byKeys} with keys after {@code from}'s up to {@code last}'s;
   * again on its own if it commits itself and is rolled back to break a deadlock.
   */
  private int delete(
      Connection connection,
      String sql,
      Object cutoff,
      Optional<Position> from,
      Optional<Position> last,
      boolean byKeys,
      boolean autoCommitted)
      throws SQLException {
    SqlWork<Integer> run =
        () -> {
          try (PreparedStatement delete = connection.prepareStatement(sql)) {
            int next = bindExpired(delete, cutoff, from);
            if (last.isPresent()) {
              next = bindPosition(delete, next, last.get());
            }
            if (byKeys) {
              bind(delete, next, from.orElseThrow().id(), keyType);
              bind(delete, next + 1, last.orElseThrow().id(), keyType);
            }
            return delete.executeUpdate();
          }
        };
    return autoCommitted ? retriedOnDeadlock(run) : run.run();
  }

  /** The last rows of the next batches of {@code limit} rows after {@code from}, in their order. */
  private List<Position> lastRowsAhead(
      Connection connection, Object cutoff, Optional<Position> from, int limit)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(from.isPresent() ? lastRowsAfter : lastRows)) {
      int next = bindExpired(query, cutoff, from);
      query.setInt(next, limit - 1);
      if (batchesAhead > 1) {
        bind(query, next + 1, cutoff, clockType);
        query.setInt(next + 2, limit - 1);
        query.setInt(next + 3, batchesAhead);
      }
      List<Position> rows = new ArrayList<>(batchesAhead);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          rows.add(position(result));
        }
      }
      return rows;
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
