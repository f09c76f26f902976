package dev.lethe.jdbc;

import static dev.lethe.jdbc.internal.Columns.instant;
import static java.util.Objects.requireNonNull;

import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.law.ErasureGround;
import dev.lethe.spi.ErasureTombstoneStore;
import dev.lethe.subject.SubjectPseudonym;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * The erasures' tombstones (Art. 17(1), 5(2)) in the table {@code lethe_erasure_tombstone}: the
 * erased subject's keyed pseudonym, its type, the ground and the time, never an identity. Written in
 * the erasure's transaction when the DataSource is the one the operation's {@link JdbcTransactions}
 * binds.
 */
public final class JdbcErasureTombstoneStore implements ErasureTombstoneStore {

  private final Jdbc jdbc;

  private JdbcErasureTombstoneStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** A store over the {@link LetheSchema} tables behind {@code dataSource}. */
  public static JdbcErasureTombstoneStore of(DataSource dataSource) {
    return new JdbcErasureTombstoneStore(requireNonNull(dataSource, "dataSource"));
  }

  @Override
  public void add(Tombstone tombstone) {
    requireNonNull(tombstone, "tombstone");
    // Erased before: the first tombstone stands (the subject is the same), and the erasure goes on.
    jdbc.updateUnlessDuplicate(
        "add an erasure tombstone",
        "insert into lethe_erasure_tombstone (subject, subject_type, ground, erased_at) values (?, ?, ?, ?)",
        tombstone.subject().hex(),
        tombstone.subjectType(),
        tombstone.ground().name(),
        instant(tombstone.erasedAt()));
  }

  @Override
  public List<Tombstone> since(Instant since) {
    requireNonNull(since, "since");
    return jdbc.query(
        "read erasure tombstones",
        "select subject, subject_type, ground, erased_at from lethe_erasure_tombstone where erased_at >= ?"
            + " order by erased_at, subject",
        row ->
            new Tombstone(
                row.getString("subject_type"),
                new SubjectPseudonym(row.getString("subject")),
                ErasureGround.valueOf(row.getString("ground")),
                instant(row, "erased_at")),
        instant(since));
  }

  @Override
  public int deleteErasedBefore(Instant cutoff) {
    requireNonNull(cutoff, "cutoff");
    return jdbc.update(
        "delete erasure tombstones",
        "delete from lethe_erasure_tombstone where erased_at < ?",
        instant(cutoff));
  }
}
