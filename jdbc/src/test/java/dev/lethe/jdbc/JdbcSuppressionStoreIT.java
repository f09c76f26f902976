package dev.lethe.jdbc;

import dev.lethe.erasure.SuppressionStore;
import dev.lethe.tck.SuppressionStoreCompatibilityKit;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcSuppressionStoreIT extends SuppressionStoreCompatibilityKit {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  @Override
  protected SuppressionStore createStore() {
    return JdbcSuppressionStore.of(DATABASE.emptied("lethe_suppression"));
  }
}
