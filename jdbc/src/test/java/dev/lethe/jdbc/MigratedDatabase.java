package dev.lethe.jdbc;

import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.jdbc.testing.TestDatabase;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test database with Lethe's tables for one test class, registered with
 * {@code @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase()}.
 */
final class MigratedDatabase implements BeforeAllCallback, AfterAllCallback {

  private @Nullable TestDatabase database;

  @Override
  public void beforeAll(ExtensionContext context) {
    database = TestDatabase.create();
    LetheSchema.migrate(database.dataSource());
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (database != null) {
      database.close();
    }
  }

  /** The database, with {@code tables} emptied first so that each test starts clean. */
  DataSource emptied(String... tables) {
    Jdbc jdbc = new Jdbc(dataSource());
    for (String table : tables) {
      jdbc.update("empty " + table, "delete from " + table);
    }
    return dataSource();
  }

  DataSource dataSource() {
    if (database == null) {
      throw new IllegalStateException("The database is created before the test class runs");
    }
    return database.dataSource();
  }
}
