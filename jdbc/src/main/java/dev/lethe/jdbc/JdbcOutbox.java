package dev.lethe.jdbc;

import static dev.lethe.jdbc.internal.Columns.instant;
import static dev.lethe.jdbc.internal.Columns.optionalInstant;
import static dev.lethe.jdbc.internal.Columns.optionalText;
import static java.util.Objects.requireNonNull;

import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxCounts;
import dev.lethe.spi.OutboxEntry;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.OutboxStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The outbox (Art. 19) in the table {@code lethe_outbox}. {@link #enqueue} writes through the same
 * statements as every Lethe store, so that it joins the operation's transaction where one is
 * active. {@link #claimDue} runs in a short transaction of its own on a connection it opens: it
 * selects the due rows with {@code FOR UPDATE SKIP LOCKED} (PostgreSQL, MariaDB 10.6+, MySQL 8),
 * so that dispatchers in several replicas take disjoint batches without waiting for one another,
 * and moves them out of reach for the lease (on PostgreSQL both in one statement). On H2, which cannot skip locked rows, the rows are
 * selected without a lock and each is taken by a conditional update on its attempt count: a row
 * another dispatcher took in between is left out, so no row is ever claimed twice.
 *
 * <p>Each marking is a conditional update on the attempt count of the claim, so that a dispatcher
 * whose lease ran out cannot overwrite what the next one did. Clearing the payload of old dead
 * messages is one conditional update; deleting delivered ones takes batches in a transaction of
 * their own, skipping rows another instance holds, like a claim.
 */
public final class JdbcOutbox implements Outbox {

  private static final String COLUMNS =
      "id, idempotency_key, destination, message_type, payload, status, attempts,"
          + " enqueued_at, retry_since, next_attempt_at, last_failure, finished_at";
  private static final String PENDING = OutboxStatus.PENDING.name();
  private static final String DEAD = OutboxStatus.DEAD.name();
  private static final String DELIVERED = OutboxStatus.DELIVERED.name();

  /** Marks a message delivered and clears its payload, under the claim that delivered it. */
  private static final String MARK_DELIVERED =
      "update lethe_outbox set status = ?, payload = null, finished_at = ?"
          + " where id = ? and status = ? and attempts = ?";

  private final DataSource dataSource;
  private final Jdbc jdbc;

  private JdbcOutbox(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new Jdbc(dataSource);
  }

  /** An outbox over the {@link LetheSchema} table behind {@code dataSource}. */
  public static JdbcOutbox of(DataSource dataSource) {
    return new JdbcOutbox(requireNonNull(dataSource, "dataSource"));
  }

  @Override
  public OutboxEntry enqueue(OutboxMessage message, Instant now) {
    requireNonNull(message, "message");
    requireNonNull(now, "now");
    // Looked up first rather than inserted and caught: on PostgreSQL a failed insert would abort
    // the caller's transaction, which the enqueue joins.
    Optional<OutboxEntry> existing = byKey(message.idempotencyKey());
    if (existing.isPresent()) {
      return existing.get();
    }
    UUID id = UUID.randomUUID();
    String stamp = instant(now);
    jdbc.update(
        "write an outbox message",
        "insert into lethe_outbox ("
            + COLUMNS
            + ")"
            + " values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, null, null)",
        id.toString(),
        message.idempotencyKey(),
        message.destination(),
        message.type(),
        message.payload(),
        PENDING,
        stamp,
        stamp,
        stamp);
    return new OutboxEntry(
        id,
        message.idempotencyKey(),
        message.destination(),
        message.type(),
        Optional.of(message.payload()),
        OutboxStatus.PENDING,
        0,
        now,
        now,
        now,
        Optional.empty(),
        Optional.empty());
  }

  @Override
  public List<OutboxEntry> claimDue(Instant now, int limit, Duration lease) {
    requireNonNull(now, "now");
    requireNonNull(lease, "lease");
    if (limit < 1) {
      throw new IllegalArgumentException("A claim takes at least one message, not " + limit);
    }
    String leasedUntil = instant(now.plus(lease));
    return inOwnTransaction(
        "claim outbox messages", connection -> claim(connection, instant(now), limit, leasedUntil));
  }

  /**
   * Runs {@code work} in a short transaction of its own on a connection it opens, apart from any
   * operation's transaction, so that its row locks are held only for its own statements. A transaction
   * the database chose as a deadlock's victim (SQLState class 40, as MariaDB does now and then with
   * several dispatchers claiming at once) rolled back whole, so it is run again, up to three times.
   */
  private <T> T inOwnTransaction(String what, SqlWork<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return inOneTransaction(what, work);
      } catch (IllegalStateException e) {
        boolean rolledBack =
            e.getCause() instanceof SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().startsWith("40");
        if (!rolledBack || attempt == MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static final int MAX_ATTEMPTS = 3;

  private <T> T inOneTransaction(String what, SqlWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not " + what + " (SQLState " + e.getSQLState() + ")", e);
    }
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * PostgreSQL's claim, one statement and one round trip: the due rows, locked as they are chosen and
   * skipped if another dispatcher holds them, leased and returned as leased, in the order they fell
   * due. {@code materialized} keeps the choice a step of its own, run once, whatever the plan.
   */
  private static final String CLAIM_ON_POSTGRESQL =
      "with due as materialized (select id, next_attempt_at as due_at from lethe_outbox"
          + " where status = ? and next_attempt_at <= ? order by next_attempt_at, id"
          + " limit ? for update skip locked),"
          + " leased as (update lethe_outbox o set attempts = o.attempts + 1, next_attempt_at = ?"
          + " from due where o.id = due.id returning o.*, due.due_at)"
          + " select "
          + COLUMNS
          + " from leased order by due_at, id";

  private List<OutboxEntry> claim(Connection connection, String now, int limit, String leasedUntil)
      throws SQLException {
    if (isPostgreSql(connection)) {
      return claimOnPostgreSql(connection, now, limit, leasedUntil);
    }
    boolean skipLocked = skipsLockedRows(connection);
    List<OutboxEntry> due = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "select "
                + COLUMNS
                + " from lethe_outbox"
                + " where status = ? and next_attempt_at <= ? order by next_attempt_at, id"
                + (skipLocked ? " limit ? for update skip locked" : " limit ?"))) {
      select.setString(1, PENDING);
      select.setString(2, now);
      select.setInt(3, limit);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          due.add(entry(rows));
        }
      }
    }
    if (due.isEmpty()) {
      return List.of();
    }
    Instant lease = Instant.parse(leasedUntil);
    List<OutboxEntry> claimed = new ArrayList<>();
    for (OutboxEntry entry : taken(connection, due, leasedUntil, skipLocked)) {
      claimed.add(
          new OutboxEntry(
              entry.id(),
              entry.idempotencyKey(),
              entry.destination(),
              entry.type(),
              entry.payload(),
              OutboxStatus.PENDING,
              entry.attempts() + 1,
              entry.enqueuedAt(),
              entry.retrySince(),
              lease,
              entry.lastFailure(),
              Optional.empty()));
    }
    return List.copyOf(claimed);
  }

  private static List<OutboxEntry> claimOnPostgreSql(
      Connection connection, String now, int limit, String leasedUntil) throws SQLException {
    try (PreparedStatement claim = connection.prepareStatement(CLAIM_ON_POSTGRESQL)) {
      claim.setString(1, PENDING);
      claim.setString(2, now);
      claim.setInt(3, limit);
      claim.setString(4, leasedUntil);
      List<OutboxEntry> claimed = new ArrayList<>();
      try (ResultSet rows = claim.executeQuery()) {
        while (rows.next()) {
          claimed.add(entry(rows));
        }
      }
      return List.copyOf(claimed);
    }
  }

  /**
   * Leases the {@code due} rows, each by a conditional update on its key and attempt count, in one
   * JDBC batch: InnoDB may scan for an id list and lock the gaps it passes, which deadlocked a
   * concurrent enqueue on MariaDB; on H2, which cannot skip locked rows, the condition leaves out a
   * row another dispatcher took in between. Returns the rows taken.
   */
  private static List<OutboxEntry> taken(
      Connection connection, List<OutboxEntry> due, String leasedUntil, boolean locked)
      throws SQLException {
    int[] taken;
    try (PreparedStatement take =
        connection.prepareStatement(
            "update lethe_outbox set attempts = attempts + 1, next_attempt_at = ?"
                + " where id = ? and status = ? and attempts = ?")) {
      for (OutboxEntry entry : due) {
        take.setString(1, leasedUntil);
        take.setString(2, entry.id().toString());
        take.setString(3, PENDING);
        take.setInt(4, entry.attempts());
        take.addBatch();
      }
      // One round trip for the batch, as for its marks.
      taken = take.executeBatch();
    }
    List<OutboxEntry> won = new ArrayList<>();
    for (int i = 0; i < due.size(); i++) {
      // Always 1 where the rows are locked (a driver that does not count each row of a batch says
      // so); on H2, 0 when another dispatcher took the row first.
      if (taken[i] == 1 || taken[i] == Statement.SUCCESS_NO_INFO && locked) {
        won.add(due.get(i));
      }
    }
    return won;
  }

  private static boolean isPostgreSql(Connection connection) throws SQLException {
    return product(connection).contains("postgres");
  }

  private static boolean skipsLockedRows(Connection connection) throws SQLException {
    String product = product(connection);
    return product.contains("postgres") || product.contains("mariadb") || product.contains("mysql");
  }

  /** The database's product name, lower-cased: the driver's constant, no round trip. */
  private static String product(Connection connection) throws SQLException {
    return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean markDelivered(UUID id, int attempt, Instant now) {
    requireNonNull(id, "id");
    return jdbc.update(
            "mark an outbox message delivered",
            MARK_DELIVERED,
            DELIVERED,
            instant(now),
            id.toString(),
            PENDING,
            attempt)
        == 1;
  }

  /**
   * One transaction (the caller's, if one is open) and one JDBC batch for the claimed batch: a commit,
   * or a round trip, per message costs more than the message.
   */
  @Override
  public Set<UUID> markDelivered(List<OutboxEntry> claimed, Instant now) {
    requireNonNull(claimed, "claimed");
    requireNonNull(now, "now");
    if (claimed.isEmpty()) {
      return Set.of();
    }
    return Jdbc.inTransaction(
        dataSource,
        () -> {
          try {
            return markDelivered(
                Jdbc.boundConnection(dataSource).orElseThrow(), claimed, instant(now));
          } catch (SQLException e) {
            throw new IllegalStateException(
                "Could not mark outbox messages delivered (SQLState " + e.getSQLState() + ")", e);
          }
        });
  }

  private static Set<UUID> markDelivered(
      Connection connection, List<OutboxEntry> claimed, String now) throws SQLException {
    int[] counts;
    try (PreparedStatement mark = connection.prepareStatement(MARK_DELIVERED)) {
      for (OutboxEntry entry : claimed) {
        mark.setString(1, DELIVERED);
        mark.setString(2, now);
        mark.setString(3, entry.id().toString());
        mark.setString(4, PENDING);
        mark.setInt(5, entry.attempts());
        mark.addBatch();
      }
      counts = mark.executeBatch();
    }
    Set<UUID> marked = new LinkedHashSet<>();
    for (int i = 0; i < claimed.size(); i++) {
      OutboxEntry entry = claimed.get(i);
      // A driver that runs the batch without counting each row (MariaDB's bulk statements) leaves
      // the question to the row: delivered at this claim's attempts means this mark took.
      if (counts[i] == 1
          || counts[i] == Statement.SUCCESS_NO_INFO && deliveredAt(connection, entry)) {
        marked.add(entry.id());
      }
    }
    return marked;
  }

  private static boolean deliveredAt(Connection connection, OutboxEntry claim) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select count(*) from lethe_outbox where id = ? and status = ? and attempts = ?")) {
      query.setString(1, claim.id().toString());
      query.setString(2, DELIVERED);
      query.setInt(3, claim.attempts());
      try (ResultSet row = query.executeQuery()) {
        return row.next() && row.getLong(1) == 1;
      }
    }
  }

  @Override
  public boolean markFailed(UUID id, int attempt, String failure, Instant nextAttemptAt) {
    requireNonNull(id, "id");
    return jdbc.update(
            "mark an outbox message failed",
            "update lethe_outbox"
                + " set next_attempt_at = ?, last_failure = ? where id = ? and status = ? and attempts = ?",
            instant(nextAttemptAt),
            truncate(failure),
            id.toString(),
            PENDING,
            attempt)
        == 1;
  }

  @Override
  public boolean markDead(UUID id, int attempt, String failure, Instant now) {
    requireNonNull(id, "id");
    return jdbc.update(
            "mark an outbox message dead",
            "update lethe_outbox"
                + " set status = ?, last_failure = ?, finished_at = ? where id = ? and status = ? and attempts = ?",
            DEAD,
            truncate(failure),
            instant(now),
            id.toString(),
            PENDING,
            attempt)
        == 1;
  }

  @Override
  public Optional<OutboxEntry> find(UUID id) {
    requireNonNull(id, "id");
    return jdbc
        .query(
            "read an outbox message",
            "select " + COLUMNS + " from lethe_outbox where id = ?",
            JdbcOutbox::entry,
            id.toString())
        .stream()
        .findFirst();
  }

  @Override
  public List<OutboxEntry> list(OutboxStatus status, int limit) {
    requireNonNull(status, "status");
    if (limit < 1) {
      throw new IllegalArgumentException("A list holds at least one message, not " + limit);
    }
    return jdbc.query(
        "list outbox messages",
        "select "
            + COLUMNS
            + " from lethe_outbox where status = ?"
            + " order by enqueued_at, id limit ?",
        JdbcOutbox::entry,
        status.name(),
        limit);
  }

  @Override
  public boolean retryDead(UUID id, Instant now) {
    requireNonNull(id, "id");
    String stamp = instant(now);
    // "payload is not null": a message whose payload was cleared cannot be delivered any more. The
    // condition also settles a retry racing the clearing: whichever updates the row first wins.
    return jdbc.update(
            "retry a dead outbox message",
            "update lethe_outbox"
                + " set status = ?, retry_since = ?, next_attempt_at = ?, finished_at = null"
                + " where id = ? and status = ? and payload is not null",
            PENDING,
            stamp,
            stamp,
            id.toString(),
            DEAD)
        == 1;
  }

  @Override
  public int retryAllDead(Instant now) {
    String stamp = instant(now);
    return jdbc.update(
        "retry dead outbox messages",
        "update lethe_outbox"
            + " set status = ?, retry_since = ?, next_attempt_at = ?, finished_at = null"
            + " where status = ? and payload is not null",
        PENDING,
        stamp,
        stamp,
        DEAD);
  }

  @Override
  public int clearDeadPayloads(Instant deadBefore) {
    requireNonNull(deadBefore, "deadBefore");
    // One conditional update: an instance running it at the same time waits for the row locks, then
    // finds the payload already null and leaves the row, so each row is counted once.
    return jdbc.update(
        "clear the payload of old dead outbox messages",
        "update lethe_outbox set payload = null"
            + " where status = ? and payload is not null and finished_at < ?",
        DEAD,
        instant(deadBefore));
  }

  @Override
  public int deleteDelivered(Instant deliveredBefore, int limit) {
    requireNonNull(deliveredBefore, "deliveredBefore");
    if (limit < 1) {
      throw new IllegalArgumentException("A deletion takes at least one message, not " + limit);
    }
    return inOwnTransaction(
        "delete delivered outbox messages",
        connection -> deleteDelivered(connection, instant(deliveredBefore), limit));
  }

  private int deleteDelivered(Connection connection, String deliveredBefore, int limit)
      throws SQLException {
    // Skipping locked rows lets instances purge side by side without waiting; on H2 two of them may
    // pick the same rows, and the second deletes nothing of those (the delete is by id and status).
    boolean skipLocked = skipsLockedRows(connection);
    List<String> ids = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "select id from lethe_outbox"
                + " where status = ? and finished_at < ? order by finished_at, id"
                + (skipLocked ? " limit ? for update skip locked" : " limit ?"))) {
      select.setString(1, DELIVERED);
      select.setString(2, deliveredBefore);
      select.setInt(3, limit);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    if (ids.isEmpty()) {
      return 0;
    }
    return byIds(
        connection, "delete from lethe_outbox where status = ? and id in (", DELIVERED, ids);
  }

  /**
   * Runs {@code statement}, which ends in {@code id in (}, over {@code ids} with {@code first} bound
   * before them: one statement per batch, not per row (the list is at most the batch size).
   */
  private static int byIds(Connection connection, String statement, String first, List<String> ids)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            statement + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")) {
      update.setString(1, first);
      for (int i = 0; i < ids.size(); i++) {
        update.setString(i + 2, ids.get(i));
      }
      return update.executeUpdate();
    }
  }

  @Override
  public OutboxCounts counts() {
    List<long[]> counts =
        jdbc.query(
            "count outbox messages",
            "select"
                + " sum(case when status = ? then 1 else 0 end),"
                + " sum(case when status = ? and payload is not null then 1 else 0 end),"
                + " sum(case when status = ? and payload is null then 1 else 0 end)"
                + " from lethe_outbox where status in (?, ?)",
            row -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3)},
            PENDING,
            DEAD,
            DEAD,
            PENDING,
            DEAD);
    return new OutboxCounts(counts.get(0)[0], counts.get(0)[1], counts.get(0)[2]);
  }

  private Optional<OutboxEntry> byKey(String idempotencyKey) {
    return jdbc
        .query(
            "find an outbox message by its key",
            "select " + COLUMNS + " from lethe_outbox" + " where idempotency_key = ?",
            JdbcOutbox::entry,
            idempotencyKey)
        .stream()
        .findFirst();
  }

  private static String truncate(String failure) {
    requireNonNull(failure, "failure");
    return failure.length() <= 200 ? failure : failure.substring(0, 200);
  }

  private static OutboxEntry entry(ResultSet row) throws SQLException {
    return new OutboxEntry(
        UUID.fromString(row.getString("id")),
        row.getString("idempotency_key"),
        row.getString("destination"),
        row.getString("message_type"),
        optionalText(row, "payload"),
        OutboxStatus.valueOf(row.getString("status")),
        row.getInt("attempts"),
        instant(row, "enqueued_at"),
        instant(row, "retry_since"),
        instant(row, "next_attempt_at"),
        optionalText(row, "last_failure"),
        optionalInstant(row, "finished_at"));
  }
}
