package dev.lethe.jdbc;

import dev.lethe.spi.AcknowledgementStore;
import dev.lethe.tck.AcknowledgementStoreCompatibilityKit;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcAcknowledgementStoreIT extends AcknowledgementStoreCompatibilityKit {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  @Override
  protected AcknowledgementStore createStore() {
    return JdbcAcknowledgementStore.of(DATABASE.emptied("lethe_acknowledgement"));
  }
}
