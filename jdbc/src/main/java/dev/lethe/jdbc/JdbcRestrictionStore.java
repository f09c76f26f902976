package dev.lethe.jdbc;

import static dev.lethe.jdbc.internal.Columns.instant;
import static dev.lethe.jdbc.internal.Columns.optionalInstant;
import static java.util.Objects.requireNonNull;

import dev.lethe.audit.SubjectPseudonym;
import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.law.RestrictionGround;
import dev.lethe.restriction.Restriction;
import dev.lethe.rights.RequestId;
import dev.lethe.spi.RestrictionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Restrictions of processing (Art. 18) in the table {@code lethe_restriction}, one per subject.
 *
 * <p>{@link #isEmpty()}, asked before every change an application makes to personal data, answers
 * "none stands" from memory for up to {@link #EMPTY_FOR} after the table was last seen empty, so
 * that ordinary work costs no extra query. A restriction saved through this store counts at once;
 * one saved by another instance sharing the table counts here within that interval. {@link #find}
 * always reads the table.
 *
 * <p>That interval is the documented bound on how long a restriction placed on one replica may go
 * unenforced on another (Art. 18(1)): {@link #EMPTY_FOR} by default, set with
 * {@link #of(DataSource, Duration)} (in the starter, {@code lethe.restrictions.max-staleness}). It
 * applies only while no restriction stands anywhere: once the table holds one, every check reads
 * it. {@link Duration#ZERO} makes every check read the table.
 */
public final class JdbcRestrictionStore implements RestrictionStore {

  /** How long the table, once seen empty, is taken to stay empty unless this store saves a restriction. */
  public static final Duration EMPTY_FOR = Duration.ofSeconds(1);

  private final Jdbc jdbc;
  private final Duration emptyFor;
  /** Until when, in {@link System#nanoTime()}, the table counts as empty; a time in the past when not. */
  private final AtomicLong emptyUntil = new AtomicLong(System.nanoTime());

  private JdbcRestrictionStore(DataSource dataSource, Duration emptyFor) {
    this.jdbc = new Jdbc(dataSource);
    this.emptyFor = emptyFor;
  }

  /** A store over the {@link LetheSchema} tables behind {@code dataSource}. */
  public static JdbcRestrictionStore of(DataSource dataSource) {
    return new JdbcRestrictionStore(requireNonNull(dataSource, "dataSource"), EMPTY_FOR);
  }

  /**
   * A store as {@link #of(DataSource)} whose empty table is taken to stay empty for {@code emptyFor}
   * ({@link Duration#ZERO}: look every time).
   *
   * @throws IllegalArgumentException if {@code emptyFor} is negative
   */
  public static JdbcRestrictionStore of(DataSource dataSource, Duration emptyFor) {
    requireNonNull(emptyFor, "emptyFor");
    if (emptyFor.isNegative()) {
      throw new IllegalArgumentException("The time an empty restriction table is trusted cannot be negative: "
          + emptyFor);
    }
    return new JdbcRestrictionStore(requireNonNull(dataSource, "dataSource"), emptyFor);
  }

  @Override
  public boolean isEmpty() {
    long until = emptyUntil.get();
    long now = System.nanoTime();
    if (now - until < 0) {
      return true;
    }
    boolean empty = jdbc.query("check for restrictions", "select count(*) from lethe_restriction",
        row -> row.getLong(1), new Object[0]).get(0) == 0;
    if (empty) {
      // Not if a save came in meanwhile: it moved emptyUntil, and its restriction must count at once.
      emptyUntil.compareAndSet(until, now + emptyFor.toNanos());
    }
    return empty;
  }

  @Override
  public void save(Restriction restriction) {
    requireNonNull(restriction, "restriction");
    Object[] values = {restriction.requestId().toString(), restriction.ground().name(), instant(restriction.from()),
        instant(restriction.until()), restriction.subject().hex()};
    if (jdbc.update("update a restriction", "update lethe_restriction set request_id = ?, ground = ?,"
        + " restricted_from = ?, restricted_until = ? where subject = ?", values) == 0) {
      jdbc.update("insert a restriction", "insert into lethe_restriction (request_id, ground, restricted_from,"
          + " restricted_until, subject) values (?, ?, ?, ?, ?)", values);
    }
    emptyUntil.set(System.nanoTime() - 1);
  }

  /**
   * Inserts the restriction; the subject's key is the table's primary key, so a replica that placed
   * one meanwhile makes the insert fail (on PostgreSQL it waits for that replica's commit first).
   */
  @Override
  public void add(Restriction restriction) {
    requireNonNull(restriction, "restriction");
    jdbc.update("insert a restriction", "insert into lethe_restriction (request_id, ground, restricted_from,"
        + " restricted_until, subject) values (?, ?, ?, ?, ?)", restriction.requestId().toString(),
        restriction.ground().name(), instant(restriction.from()), instant(restriction.until()),
        restriction.subject().hex());
    emptyUntil.set(System.nanoTime() - 1);
  }

  @Override
  public Optional<Restriction> find(SubjectPseudonym subject) {
    requireNonNull(subject, "subject");
    return jdbc.query("find a restriction", "select subject, request_id, ground, restricted_from, restricted_until"
        + " from lethe_restriction where subject = ?", JdbcRestrictionStore::restriction, subject.hex())
        .stream().findFirst();
  }

  @Override
  public boolean remove(SubjectPseudonym subject) {
    requireNonNull(subject, "subject");
    return jdbc.update("remove a restriction", "delete from lethe_restriction where subject = ?", subject.hex()) > 0;
  }

  private static Restriction restriction(ResultSet row) throws SQLException {
    return new Restriction(new SubjectPseudonym(row.getString("subject")), RequestId.parse(row.getString("request_id")),
        RestrictionGround.valueOf(row.getString("ground")), instant(row, "restricted_from"),
        optionalInstant(row, "restricted_until"));
  }
}
