package dev.lethe.jdbc;

import static dev.lethe.jdbc.internal.Columns.instant;
import static java.util.Objects.requireNonNull;

import dev.lethe.erasure.SuppressionStore;
import dev.lethe.jdbc.internal.Jdbc;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The suppression list (Art. 21(3)) in the table {@code lethe_suppression}: keyed hashes only, never
 * the identities, and entries outlive every erasure.
 */
public final class JdbcSuppressionStore implements SuppressionStore {

  private final Jdbc jdbc;

  private JdbcSuppressionStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** A store over the {@link LetheSchema} tables behind {@code dataSource}. */
  public static JdbcSuppressionStore of(DataSource dataSource) {
    return new JdbcSuppressionStore(requireNonNull(dataSource, "dataSource"));
  }

  @Override
  public void add(Entry entry) {
    requireNonNull(entry, "entry");
    // Already suppressed: the first entry stands, and the operation's transaction goes on.
    jdbc.updateUnlessDuplicate(
        "add a suppression entry",
        "insert into lethe_suppression (hash, reason, added_at) values (?, ?, ?)",
        entry.hash(),
        entry.reason(),
        instant(entry.addedAt()));
  }

  @Override
  public Optional<Entry> find(String hash) {
    requireNonNull(hash, "hash");
    return jdbc
        .query(
            "find a suppression entry",
            "select hash, reason, added_at from lethe_suppression where hash = ?",
            row ->
                new Entry(row.getString("hash"), row.getString("reason"), instant(row, "added_at")),
            hash)
        .stream()
        .findFirst();
  }
}
