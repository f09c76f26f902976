package dev.lethe.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and upgrades Lethe's tables ({@code lethe_*}) with Flyway, from the migrations under
 * {@value #LOCATION} in this jar. Lethe keeps its own history table, {@value #HISTORY_TABLE}, so
 * its version numbers never mix with the application's own migrations, and it runs whether or not
 * the application uses Flyway. Where the databases' SQL differs, a migration comes in two forms: on
 * MariaDB and MySQL it runs the ones under {@value #MARIADB_LOCATION} (which widen the columns that
 * hold a participant's report chunks beyond their 64 KB {@code text}, and drop an index with its
 * table named), on every other database those under {@value #STANDARD_LOCATION}. An application that
 * manages its schema otherwise can take the SQL from the jar instead, in version order across {@value
 * #LOCATION} and its database's second location.
 */
public final class LetheSchema {

  /** Where the migrations are, on the class path. */
  public static final String LOCATION = "classpath:db/migration/lethe";

  /** Where the migrations for MariaDB and MySQL only are, on the class path: outside {@link #LOCATION}, which Flyway scans with its subfolders. */
  public static final String MARIADB_LOCATION = "classpath:db/lethe-mariadb";

  /**
   * Where the migrations for every database but MariaDB and MySQL are, on the class path: the
   * standard SQL's form of what {@link #MARIADB_LOCATION} writes MariaDB's way.
   */
  public static final String STANDARD_LOCATION = "classpath:db/lethe-standard";

  /** Lethe's own Flyway history table. */
  public static final String HISTORY_TABLE = "lethe_schema_history";

  /**
   * The prefix of Lethe's migration files ({@code L1__lethe_stores.sql}). Not Flyway's usual
   * {@code V}: an application's Flyway, scanning {@code db/migration} and its subfolders, then
   * passes Lethe's files over instead of taking them for its own versions.
   */
  public static final String MIGRATION_PREFIX = "L";

  private LetheSchema() {}

  /**
   * Applies every pending migration to the database behind {@code dataSource}; returns how many
   * ran. A schema that already holds the application's tables is fine: Lethe's history starts
   * from nothing beside them.
   */
  public static int migrate(DataSource dataSource) {
    requireNonNull(dataSource, "dataSource");
    MigrateResult result =
        Flyway.configure(LetheSchema.class.getClassLoader())
            .dataSource(dataSource)
            .table(HISTORY_TABLE)
            .locations(locations(dataSource).toArray(String[]::new))
            .sqlMigrationPrefix(MIGRATION_PREFIX)
            // The schema may hold the application's tables; Lethe's history still starts before V1.
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load()
            .migrate();
    return result.migrationsExecuted;
  }

  /** The locations of the migrations for the database behind {@code dataSource}. */
  static List<String> locations(DataSource dataSource) {
    String product;
    try (Connection connection = dataSource.getConnection()) {
      product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not read which database Lethe's tables go to (SQLState " + e.getSQLState() + ")",
          e);
    }
    return product.contains("mariadb") || product.contains("mysql")
        ? List.of(LOCATION, MARIADB_LOCATION)
        : List.of(LOCATION, STANDARD_LOCATION);
  }
}
