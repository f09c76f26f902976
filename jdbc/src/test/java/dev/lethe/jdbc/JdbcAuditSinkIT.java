package dev.lethe.jdbc;

import dev.lethe.jdbc.testing.TestDatabase;
import dev.lethe.spi.AuditSink;
import dev.lethe.spi.AuditSinkCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcAuditSinkIT extends AuditSinkCompatibilityKit {

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
  protected AuditSink createSink() {
    MigratedDatabase.empty(database, "lethe_audit_event");
    return JdbcAuditSink.of(database.dataSource());
  }
}
