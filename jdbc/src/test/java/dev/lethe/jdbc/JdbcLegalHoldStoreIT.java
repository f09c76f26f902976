package dev.lethe.jdbc;

import dev.lethe.jdbc.testing.TestDatabase;
import dev.lethe.spi.LegalHoldStore;
import dev.lethe.spi.LegalHoldStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcLegalHoldStoreIT extends LegalHoldStoreCompatibilityKit {

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
  protected LegalHoldStore createStore() {
    MigratedDatabase.empty(database, "lethe_legal_hold");
    return JdbcLegalHoldStore.of(database.dataSource());
  }
}
