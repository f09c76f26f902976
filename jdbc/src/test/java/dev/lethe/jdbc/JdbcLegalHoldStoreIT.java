package dev.lethe.jdbc;

import dev.lethe.erasure.LegalHoldStore;
import dev.lethe.tck.LegalHoldStoreCompatibilityKit;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcLegalHoldStoreIT extends LegalHoldStoreCompatibilityKit {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  @Override
  protected LegalHoldStore createStore() {
    return JdbcLegalHoldStore.of(DATABASE.emptied("lethe_legal_hold"));
  }
}
