package dev.lethe.jdbc;

import dev.lethe.jdbc.testing.TestDatabase;
import dev.lethe.spi.RetentionRunLog;
import dev.lethe.spi.RetentionRunLogCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcRetentionRunLogIT extends RetentionRunLogCompatibilityKit {

  private static TestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = MigratedDatabase.create();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  @Override
  protected RetentionRunLog createLog() {
    MigratedDatabase.empty(database, "lethe_retention_run");
    return JdbcRetentionRunLog.of(database.dataSource());
  }
}
