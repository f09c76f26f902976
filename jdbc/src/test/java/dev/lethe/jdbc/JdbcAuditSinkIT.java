package dev.lethe.jdbc;

import dev.lethe.spi.AuditSink;
import dev.lethe.spi.AuditSinkCompatibilityKit;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcAuditSinkIT extends AuditSinkCompatibilityKit {

  @RegisterExtension
  static final MigratedDatabase DATABASE = new MigratedDatabase();

  @Override
  protected AuditSink createSink() {
    return JdbcAuditSink.of(DATABASE.emptied("lethe_audit_event"));
  }
}
