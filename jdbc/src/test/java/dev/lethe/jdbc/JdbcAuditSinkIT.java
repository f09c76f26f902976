package dev.lethe.jdbc;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditSink;
import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.tck.AuditSinkCompatibilityKit;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcAuditSinkIT extends AuditSinkCompatibilityKit {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  @Override
  protected AuditSink createSink() {
    new Jdbc(DATABASE.emptied("lethe_audit_event"))
        .update(
            "reset the audit head",
            "update lethe_audit_head set sequence_number = 0, hash = ? where id = 1",
            AuditEvent.GENESIS_HASH);
    return JdbcAuditSink.of(DATABASE.dataSource());
  }

  /** Another replica: its own sink over the same tables. */
  @Override
  protected AuditSink anotherSinkOnTheSameStorage() {
    return JdbcAuditSink.of(DATABASE.dataSource());
  }
}
