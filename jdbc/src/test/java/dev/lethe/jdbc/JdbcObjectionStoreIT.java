package dev.lethe.jdbc;

import dev.lethe.jdbc.testing.TestDatabase;
import dev.lethe.spi.ObjectionStore;
import dev.lethe.spi.ObjectionStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcObjectionStoreIT extends ObjectionStoreCompatibilityKit {

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
  protected ObjectionStore createStore() {
    MigratedDatabase.empty(database, "lethe_objection");
    return JdbcObjectionStore.of(database.dataSource());
  }
}
