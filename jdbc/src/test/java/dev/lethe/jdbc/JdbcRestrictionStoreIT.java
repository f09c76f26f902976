package dev.lethe.jdbc;

import dev.lethe.spi.RestrictionStore;
import dev.lethe.spi.RestrictionStoreCompatibilityKit;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcRestrictionStoreIT extends RestrictionStoreCompatibilityKit {

  @RegisterExtension
  static final MigratedDatabase DATABASE = new MigratedDatabase();

  @Override
  protected RestrictionStore createStore() {
    return JdbcRestrictionStore.of(DATABASE.emptied("lethe_restriction"));
  }
}
