package dev.lethe.jdbc;

import dev.lethe.spi.ErasureTombstoneStore;
import dev.lethe.tck.ErasureTombstoneStoreCompatibilityKit;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcErasureTombstoneStoreIT extends ErasureTombstoneStoreCompatibilityKit {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  @Override
  protected ErasureTombstoneStore createStore() {
    return JdbcErasureTombstoneStore.of(DATABASE.emptied("lethe_erasure_tombstone"));
  }
}
