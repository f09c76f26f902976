package dev.lethe.jdbc;

import dev.lethe.jdbc.testing.TestDatabase;
import dev.lethe.spi.RestrictionStore;
import dev.lethe.spi.RestrictionStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcRestrictionStoreIT extends RestrictionStoreCompatibilityKit {

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
  protected RestrictionStore createStore() {
    MigratedDatabase.empty(database, "lethe_restriction");
    return JdbcRestrictionStore.of(database.dataSource());
  }
}
