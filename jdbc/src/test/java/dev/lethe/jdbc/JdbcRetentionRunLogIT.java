package dev.lethe.jdbc;

import dev.lethe.retention.RetentionRunLog;
import dev.lethe.tck.RetentionRunLogCompatibilityKit;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcRetentionRunLogIT extends RetentionRunLogCompatibilityKit {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  @Override
  protected RetentionRunLog createLog() {
    return JdbcRetentionRunLog.of(DATABASE.emptied("lethe_retention_run"));
  }
}
