package dev.lethe.jdbc;

import dev.lethe.rights.RequestStore;
import dev.lethe.tck.RequestStoreCompatibilityKit;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcRequestStoreIT extends RequestStoreCompatibilityKit {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  @Override
  protected RequestStore createStore() {
    return JdbcRequestStore.of(DATABASE.emptied("lethe_rights_request"));
  }
}
