package dev.lethe.jdbc;

import dev.lethe.jdbc.testing.TestDatabase;
import dev.lethe.spi.RequestStore;
import dev.lethe.spi.RequestStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcRequestStoreIT extends RequestStoreCompatibilityKit {

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
  protected RequestStore createStore() {
    MigratedDatabase.empty(database, "lethe_rights_request");
    return JdbcRequestStore.of(database.dataSource());
  }
}
