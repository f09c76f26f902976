package dev.lethe.jdbc;

import dev.lethe.objection.ObjectionStore;
import dev.lethe.tck.ObjectionStoreCompatibilityKit;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcObjectionStoreIT extends ObjectionStoreCompatibilityKit {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  @Override
  protected ObjectionStore createStore() {
    return JdbcObjectionStore.of(DATABASE.emptied("lethe_objection"));
  }
}
