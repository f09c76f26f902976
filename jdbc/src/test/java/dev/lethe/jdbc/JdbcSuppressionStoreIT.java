package dev.lethe.jdbc;

import dev.lethe.jdbc.testing.TestDatabase;
import dev.lethe.spi.SuppressionStore;
import dev.lethe.spi.SuppressionStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcSuppressionStoreIT extends SuppressionStoreCompatibilityKit {

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
  protected SuppressionStore createStore() {
    MigratedDatabase.empty(database, "lethe_suppression");
    return JdbcSuppressionStore.of(database.dataSource());
  }
}
