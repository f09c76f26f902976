package dev.lethe.jdbc;

import dev.lethe.jdbc.testing.TestDatabase;
import dev.lethe.spi.ConsentStore;
import dev.lethe.spi.ConsentStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcConsentStoreIT extends ConsentStoreCompatibilityKit {

  private static TestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = MigratedDatabase.create();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  @Override
  protected ConsentStore createStore() {
    MigratedDatabase.empty(database, "lethe_consent_record");
    return JdbcConsentStore.of(database.dataSource());
  }
}
