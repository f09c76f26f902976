package dev.lethe.jdbc;

import dev.lethe.consent.ConsentStore;
import dev.lethe.tck.ConsentStoreCompatibilityKit;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcConsentStoreIT extends ConsentStoreCompatibilityKit {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  @Override
  protected ConsentStore createStore() {
    return JdbcConsentStore.of(DATABASE.emptied("lethe_consent_record"));
  }
}
