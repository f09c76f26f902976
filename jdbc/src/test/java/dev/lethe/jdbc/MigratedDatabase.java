package dev.lethe.jdbc;

import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.jdbc.testing.TestDatabase;

/** A test database with Lethe's tables, emptied table by table between tests. */
final class MigratedDatabase {

  private MigratedDatabase() {
  }

  static TestDatabase create() {
    TestDatabase database = TestDatabase.create();
    LetheSchema.migrate(database.dataSource());
    return database;
  }

  static void empty(TestDatabase database, String... tables) {
    Jdbc jdbc = new Jdbc(database.dataSource());
    for (String table : tables) {
      jdbc.update("empty " + table, "delete from " + table);
    }
  }
}
