package dev.lethe.jdbc;

import dev.lethe.spi.Outbox;
import dev.lethe.tck.OutboxCompatibilityKit;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcOutboxIT extends OutboxCompatibilityKit {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  @Override
  protected Outbox createOutbox() {
    return JdbcOutbox.of(DATABASE.emptied("lethe_outbox"));
  }
}
