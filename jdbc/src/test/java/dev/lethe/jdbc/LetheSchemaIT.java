package dev.lethe.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.jdbc.testing.TestDatabase;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LetheSchemaIT {

  @Test
  @DisplayName(
      "Lethe's migrations run beside the application's own, in their own history table, once")
  void ownHistoryBesideTheApplications() throws Exception {
    try (TestDatabase database = TestDatabase.create()) {
      Jdbc jdbc = new Jdbc(database.dataSource());
      jdbc.update(
          "create an application table",
          "create table customer (id bigint primary key, email varchar(200))");
      Flyway.configure().dataSource(database.dataSource()).load().baseline();

      List<String> versions = migrationVersions(database);
      assertThat(versions).contains("1", "2", "3", "4", "5");
      assertThat(LetheSchema.migrate(database.dataSource())).isEqualTo(versions.size());
      assertThat(LetheSchema.migrate(database.dataSource())).as("nothing left to run").isZero();

      assertThat(
              history(
                  database,
                  LetheSchema.HISTORY_TABLE,
                  LetheSchema.locations(database.dataSource()).toArray(String[]::new),
                  LetheSchema.MIGRATION_PREFIX))
          .containsExactlyElementsOf(Stream.concat(Stream.of("0"), versions.stream()).toList());
      assertThat(
              history(
                  database, "flyway_schema_history", new String[] {"classpath:db/migration"}, "V"))
          .as("the application's history is untouched")
          .containsExactly("1");
      assertThat(
              jdbc.query(
                  "count requests",
                  "select count(*) from lethe_rights_request",
                  row -> row.getLong(1)))
          .containsExactly(0L);
    }
  }

  // Every migration Flyway finds in the jar, so that the test follows each new one without an edit.
  private static List<String> migrationVersions(TestDatabase database) {
    return Arrays.stream(
            Flyway.configure()
                .dataSource(database.dataSource())
                .table(LetheSchema.HISTORY_TABLE)
                .locations(LetheSchema.locations(database.dataSource()).toArray(String[]::new))
                .sqlMigrationPrefix(LetheSchema.MIGRATION_PREFIX)
                .load()
                .info()
                .pending())
        .map(migration -> migration.getVersion().getVersion())
        .toList();
  }

  @Test
  @DisplayName(
      "Art. 5(2): upgrading a schema that holds audit events puts the chain's head on the last one")
  void upgradeSetsTheAuditHeadToTheLastEvent() throws Exception {
    try (TestDatabase database = TestDatabase.create()) {
      Jdbc jdbc = new Jdbc(database.dataSource());
      Flyway.configure(LetheSchema.class.getClassLoader())
          .dataSource(database.dataSource())
          .table(LetheSchema.HISTORY_TABLE)
          .locations(LetheSchema.LOCATION)
          .sqlMigrationPrefix(LetheSchema.MIGRATION_PREFIX)
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .target("2")
          .load()
          .migrate();
      for (int sequence = 1; sequence <= 2; sequence++) {
        jdbc.update(
            "insert an event",
            "insert into lethe_audit_event (sequence_number, occurred_at, event_type,"
                + " counts, attributes, previous_hash, hash) values (?, '2025-01-01T00:00:00.000000000Z', 'REQUEST_SUBMITTED',"
                + " '{}', '{}', ?, ?)",
            sequence,
            String.valueOf(sequence - 1).repeat(64),
            String.valueOf(sequence).repeat(64));
      }

      LetheSchema.migrate(database.dataSource());

      assertThat(
              jdbc.query(
                  "read the head",
                  "select sequence_number, hash from lethe_audit_head",
                  row -> row.getLong(1) + ":" + row.getString(2)))
          .containsExactly("2:" + "2".repeat(64));
      assertThat(
              jdbc.query(
                  "read versions",
                  "select count(*) from lethe_rights_request where row_version <> 0",
                  row -> row.getLong(1)))
          .containsExactly(0L);
    }
  }

  private static List<String> history(
      TestDatabase database, String table, String[] locations, String prefix) {
    return Arrays.stream(
            Flyway.configure()
                .dataSource(database.dataSource())
                .table(table)
                .locations(locations)
                .sqlMigrationPrefix(prefix)
                .load()
                .info()
                .applied())
        .map(migration -> migration.getVersion().getVersion())
        .toList();
  }
}
