package dev.lethe.jdbc;

import static dev.lethe.jdbc.internal.Columns.instant;
import static java.util.Objects.requireNonNull;

import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.jdbc.internal.Json;
import dev.lethe.retention.RetentionReport;
import dev.lethe.retention.RetentionRunLog;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import tools.jackson.core.type.TypeReference;

/**
 * Retention runs in the table {@code lethe_retention_run}: the proof that storage limitation is
 * enforced (Art. 5(1)(e), 5(2)) survives restarts.
 */
public final class JdbcRetentionRunLog implements RetentionRunLog {

  private final Jdbc jdbc;

  private JdbcRetentionRunLog(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** A log over the {@link LetheSchema} tables behind {@code dataSource}. */
  public static JdbcRetentionRunLog of(DataSource dataSource) {
    return new JdbcRetentionRunLog(requireNonNull(dataSource, "dataSource"));
  }

  @Override
  public void record(RetentionReport run) {
    requireNonNull(run, "run");
    jdbc.update(
        "record a retention run",
        "insert into lethe_retention_run (id, started_at, finished_at, dry_run,"
            + " policies) values (?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(),
        instant(run.started()),
        instant(run.finished()),
        run.dryRun(),
        Json.write(run.policies()));
  }

  @Override
  public List<RetentionReport> latest(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, but is " + limit);
    }
    return jdbc.query(
        "read retention runs",
        "select started_at, finished_at, dry_run, policies from lethe_retention_run"
            + " order by started_at desc fetch first "
            + limit
            + " rows only",
        row ->
            new RetentionReport(
                instant(row, "started_at"),
                instant(row, "finished_at"),
                row.getBoolean("dry_run"),
                Json.read(
                    row.getString("policies"),
                    new TypeReference<List<RetentionReport.PolicyRun>>() {})));
  }
}
