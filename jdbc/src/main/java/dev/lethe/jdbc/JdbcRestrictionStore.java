package dev.lethe.jdbc;

import static dev.lethe.jdbc.internal.Columns.instant;
import static dev.lethe.jdbc.internal.Columns.optionalInstant;
import static java.util.Objects.requireNonNull;

import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.law.RestrictionGround;
import dev.lethe.request.RequestId;
import dev.lethe.restriction.Restriction;
import dev.lethe.restriction.RestrictionStore;
import dev.lethe.subject.SubjectPseudonym;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Restrictions of processing (Art. 18) in the table {@code lethe_restriction}, one per subject.
 *
 * <p>{@link #isEmpty()} and {@link #standing()}, asked before every change an application makes to
 * personal data, answer from a snapshot of the whole table that is trusted for up to
 * {@link #EMPTY_FOR} after it was read, so that ordinary work costs no extra query, whether or not
 * a restriction stands. A restriction saved or removed through this store counts at once; one
 * saved by another instance sharing the table counts here within that interval. {@link #find}
 * always reads the table.
 *
 * <p>That interval is the documented bound on how long a restriction placed on one replica may go
 * unenforced on another (Art. 18(1)), and how long one lifted there may still be enforced here:
 * {@link #EMPTY_FOR} by default, set with {@link #of(DataSource, Duration)} (in the starter,
 * {@code lethe.restrictions.max-staleness}). {@link Duration#ZERO} makes every check read the table.
 * The table holds one row per restricted subject, lifted ones removed, so a snapshot stays small.
 */
public final class JdbcRestrictionStore implements RestrictionStore {

  /** How long a snapshot of the table is trusted unless this store saves or removes a restriction. */
  public static final Duration EMPTY_FOR = Duration.ofSeconds(1);

  private final DataSource dataSource;
  private final Jdbc jdbc;
  private final Duration emptyFor;

  /** The table as last read, and until when it is trusted; stale from the start. */
  private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(Snapshot.stale());

  /** The restrictions read at one moment, trusted until {@code trustedUntil} in {@link System#nanoTime()}. */
  private record Snapshot(Map<SubjectPseudonym, Restriction> restrictions, long trustedUntil) {
    /** None read yet, or this store changed the table since: the next check reads it. */
    static Snapshot stale() {
      return new Snapshot(Map.of(), System.nanoTime() - 1);
    }
  }

  private JdbcRestrictionStore(DataSource dataSource, Duration emptyFor) {
    this.dataSource = dataSource;
    this.jdbc = new Jdbc(dataSource);
    this.emptyFor = emptyFor;
  }

  /** A store over the {@link LetheSchema} tables behind {@code dataSource}. */
  public static JdbcRestrictionStore of(DataSource dataSource) {
    return new JdbcRestrictionStore(requireNonNull(dataSource, "dataSource"), EMPTY_FOR);
  }

  /**
   * A store as {@link #of(DataSource)} whose snapshot of the table is trusted for {@code emptyFor}
   * ({@link Duration#ZERO}: look every time).
   *
   * @throws IllegalArgumentException if {@code emptyFor} is negative
   */
  public static JdbcRestrictionStore of(DataSource dataSource, Duration emptyFor) {
    requireNonNull(emptyFor, "emptyFor");
    if (emptyFor.isNegative()) {
      throw new IllegalArgumentException(
          "The time a read of the restriction table is trusted cannot be negative: " + emptyFor);
    }
    return new JdbcRestrictionStore(requireNonNull(dataSource, "dataSource"), emptyFor);
  }

  @Override
  public boolean isEmpty() {
    return current().isEmpty();
  }

  /**
   * The snapshot, read again once it is older than the interval this store was built with; none when
   * that interval is zero, so that each check asks the table for its subject alone.
   */
  @Override
  public Optional<Map<SubjectPseudonym, Restriction>> standing() {
    return emptyFor.isZero() ? Optional.empty() : Optional.of(current());
  }

  private Map<SubjectPseudonym, Restriction> current() {
    Snapshot last = snapshot.get();
    long now = System.nanoTime();
    if (now - last.trustedUntil() < 0) {
      return last.restrictions();
    }
    Map<SubjectPseudonym, Restriction> read = new HashMap<>();
    for (Restriction restriction :
        jdbc.query(
            "read the restrictions",
            "select subject, request_id, ground,"
                + " restricted_from, restricted_until from lethe_restriction",
            JdbcRestrictionStore::restriction,
            new Object[0])) {
      read.put(restriction.subject(), restriction);
    }
    Map<SubjectPseudonym, Restriction> restrictions = Collections.unmodifiableMap(read);
    // Not if a save or removal came in meanwhile: it made the snapshot stale, and its change must
    // count at once.
    snapshot.compareAndSet(last, new Snapshot(restrictions, now + emptyFor.toNanos()));
    return restrictions;
  }

  /**
   * Makes the next check read the table, now and again once the change commits: a check on another
   * thread between the two would otherwise keep a snapshot without it for the whole interval.
   */
  private void invalidate() {
    snapshot.set(Snapshot.stale());
    Jdbc.afterCommit(dataSource, () -> snapshot.set(Snapshot.stale()));
  }

  @Override
  public void save(Restriction restriction) {
    requireNonNull(restriction, "restriction");
    Object[] values = {
      restriction.requestId().toString(),
      restriction.ground().name(),
      instant(restriction.from()),
      instant(restriction.until()),
      restriction.subject().hex()
    };
    if (jdbc.update(
            "update a restriction",
            "update lethe_restriction set request_id = ?, ground = ?,"
                + " restricted_from = ?, restricted_until = ? where subject = ?",
            values)
        == 0) {
      jdbc.update(
          "insert a restriction",
          "insert into lethe_restriction (request_id, ground, restricted_from,"
              + " restricted_until, subject) values (?, ?, ?, ?, ?)",
          values);
    }
    invalidate();
  }

  /**
   * Inserts the restriction; the subject's key is the table's primary key, so a replica that placed
   * one meanwhile makes the insert fail (on PostgreSQL it waits for that replica's commit first).
   */
  @Override
  public void add(Restriction restriction) {
    requireNonNull(restriction, "restriction");
    jdbc.update(
        "insert a restriction",
        "insert into lethe_restriction (request_id, ground, restricted_from,"
            + " restricted_until, subject) values (?, ?, ?, ?, ?)",
        restriction.requestId().toString(),
        restriction.ground().name(),
        instant(restriction.from()),
        instant(restriction.until()),
        restriction.subject().hex());
    invalidate();
  }

  @Override
  public Optional<Restriction> find(SubjectPseudonym subject) {
    requireNonNull(subject, "subject");
    return jdbc
        .query(
            "find a restriction",
            "select subject, request_id, ground, restricted_from, restricted_until"
                + " from lethe_restriction where subject = ?",
            JdbcRestrictionStore::restriction,
            subject.hex())
        .stream()
        .findFirst();
  }

  @Override
  public boolean remove(SubjectPseudonym subject) {
    requireNonNull(subject, "subject");
    boolean removed =
        jdbc.update(
                "remove a restriction",
                "delete from lethe_restriction where subject = ?",
                subject.hex())
            > 0;
    invalidate();
    return removed;
  }

  private static Restriction restriction(ResultSet row) throws SQLException {
    return new Restriction(
        new SubjectPseudonym(row.getString("subject")),
        RequestId.parse(row.getString("request_id")),
        RestrictionGround.valueOf(row.getString("ground")),
        instant(row, "restricted_from"),
        optionalInstant(row, "restricted_until"));
  }
}
