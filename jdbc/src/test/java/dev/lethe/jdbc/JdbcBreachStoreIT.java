package dev.lethe.jdbc;

import dev.lethe.breach.BreachStore;
import dev.lethe.tck.BreachStoreCompatibilityKit;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcBreachStoreIT extends BreachStoreCompatibilityKit {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  @Override
  protected BreachStore createStore() {
    return JdbcBreachStore.of(DATABASE.emptied("lethe_breach_subject", "lethe_breach"));
  }
}
