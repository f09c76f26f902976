package dev.lethe.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.erasure.ReappliedErasures;
import dev.lethe.jdbc.JdbcAuditSink;
import dev.lethe.jdbc.JdbcErasureTombstoneStore;
import dev.lethe.jdbc.JdbcRequestStore;
import dev.lethe.jdbc.JdbcTransactions;
import dev.lethe.jdbc.LetheSchema;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.law.ErasureGround;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.IdentityVerifier;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import dev.lethe.tck.shop.Shop;
import dev.lethe.test.ResidueCheck;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Erased subjects do not come back after a restore, on the selected database: the application's
 * tables are dumped, a subject is erased through {@link DataSubjectRights}, the dump is restored
 * (truncate and insert every row again) while Lethe's own tables stay as they are, and
 * {@link DataSubjectRights#reapplyErasures} erases the subject again from its tombstone.
 */
class RestoreIT {

  private static final SubjectIdentifier ADA =
      new SubjectIdentifier("customer", "email", "customer1@example.com");
  private static final Instant BEFORE_THE_BACKUP = Instant.parse("2020-01-01T00:00:00Z");

  private static TestDatabase database;
  private static EntityManagerFactory emf;
  private static DataSource dataSource;
  private static JpaPersonalDataStore store;
  private static AuditTrail audit;
  private static DataSubjectRights rights;

  @BeforeAll
  static void openDatabase() {
    database = TestDatabase.create();
    emf = database.open(Shop.ENTITIES.toArray(Class<?>[]::new));
    dataSource = database.autoCommitDataSource();
    LetheSchema.migrate(dataSource);
    JdbcTransactions transactions = JdbcTransactions.of(dataSource);
    Pseudonymizer key = Pseudonymizer.withRandomKey();
    store =
        JpaPersonalDataStore.builder(emf, key)
            .currentConnection(transactions::currentConnection)
            .build();
    audit =
        AuditTrail.builder(JdbcAuditSink.of(dataSource), key).transactions(transactions).build();
    rights =
        DataSubjectRights.builder(audit)
            .requestStore(JdbcRequestStore.of(dataSource))
            .identityVerifier(IdentityVerifier.always())
            .personalData(store.model(), store)
            .erasureTombstones(JdbcErasureTombstoneStore.of(dataSource))
            .build();
  }

  @AfterAll
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  @DisplayName(
      "Art. 17(1), 5(2): dump, erase, restore the dump, reapply: none of the erased subject's values remain, nobody else changes, a second reapply changes nothing")
  void erasedSubjectsDoNotComeBackAfterARestore() throws Exception {
    emf.getSchemaManager().truncate();
    emf.runInTransaction(em -> Shop.population(3, 2).forEach(em::persist));
    Map<String, Dump> backup = dump();

    RightsRequest request =
        rights.verify(rights.submit(RequestType.ERASURE, ADA, Channel.WEB).id(), "email-link");
    rights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);
    assertThat(store.resolve(ADA)).isEmpty();
    assertThat(tombstones())
        .hasSize(1)
        .allSatisfy(row -> assertThat(row).doesNotContain("customer1", "Name 1"));

    restore(backup);
    assertThat(store.resolve(ADA)).as("the restore brought the erased subject back").hasSize(1);

    ReappliedErasures[] replay = new ReappliedErasures[1];
    ResidueCheck.of(dataSource)
        .ignoringTables("lethe_audit_event", "lethe_audit_head")
        .erasing(
            new SubjectKey("customer", 1L),
            () -> replay[0] = rights.reapplyErasures(BEFORE_THE_BACKUP))
        .withExport(store.model(), store)
        .assertNoResidue();
    assertThat(replay[0].tombstones()).isEqualTo(1);
    assertThat(replay[0].subjects()).isEqualTo(1);
    assertThat(replay[0].rowsTouched()).isPositive();
    assertThat(store.resolve(ADA)).isEmpty();
    assertThat(audit.events().filter(event -> event.type() == AuditEventType.ERASURE_REAPPLIED))
        .hasSize(1)
        .allSatisfy(event -> assertThat(event.subject()).isPresent());

    Map<String, List<List<String>>> afterFirst = database.scan();
    ReappliedErasures again = rights.reapplyErasures(BEFORE_THE_BACKUP);

    assertThat(again).isEqualTo(new ReappliedErasures(1, 0, 0));
    assertThat(database.scan())
        .as("a second reapply changes nothing, audit included")
        .isEqualTo(afterFirst);
  }

  @Test
  @DisplayName("Art. 17(1): tombstones of erasures before 'since' are not replayed")
  void erasuresBeforeSinceAreNotReplayed() {
    assertThat(rights.reapplyErasures(Instant.now().plusSeconds(3600)))
        .isEqualTo(new ReappliedErasures(0, 0, 0));
  }

  private static List<List<String>> tombstones() {
    return database.scan().get("lethe_erasure_tombstone");
  }

  /** Every row of every application table (not Lethe's own), through plain JDBC. */
  private static Map<String, Dump> dump() throws SQLException {
    Map<String, Dump> tables = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      for (String table : applicationTables(connection)) {
        try (Statement statement = connection.createStatement();
            ResultSet rows =
                statement.executeQuery(
                    "select * from "
                        + connection.getMetaData().getIdentifierQuoteString()
                        + table
                        + connection.getMetaData().getIdentifierQuoteString())) {
          int count = rows.getMetaData().getColumnCount();
          List<String> columns = new ArrayList<>();
          for (int column = 1; column <= count; column++) {
            columns.add(rows.getMetaData().getColumnName(column));
          }
          List<Object[]> content = new ArrayList<>();
          while (rows.next()) {
            Object[] row = new Object[count];
            for (int column = 1; column <= count; column++) {
              row[column - 1] = rows.getObject(column);
            }
            content.add(row);
          }
          tables.put(table, new Dump(columns, content));
        }
      }
    }
    return tables;
  }

  /**
   * Empties the application's tables and inserts the dump's rows again, parents before children:
   * a table whose rows still miss their parents is tried again in the next pass.
   */
  private static void restore(Map<String, Dump> backup) throws SQLException {
    emf.getSchemaManager().truncate();
    List<String> pending = new ArrayList<>(backup.keySet());
    for (int pass = 0; pass <= backup.size() && !pending.isEmpty(); pass++) {
      for (String table : List.copyOf(pending)) {
        if (insert(table, backup.get(table))) {
          pending.remove(table);
        }
      }
    }
    assertThat(pending).as("tables that could not be restored").isEmpty();
  }

  private static boolean insert(String table, Dump dump) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      // Quoted as the database spells them: a column may be named with a reserved word.
      String quote = connection.getMetaData().getIdentifierQuoteString();
      String sql =
          "insert into "
              + quote
              + table
              + quote
              + " ("
              + dump.columns().stream()
                  .map(column -> quote + column + quote)
                  .collect(Collectors.joining(", "))
              + ") values ("
              + dump.columns().stream().map(column -> "?").collect(Collectors.joining(", "))
              + ")";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (Object[] row : dump.rows()) {
          for (int column = 0; column < row.length; column++) {
            statement.setObject(column + 1, row[column]);
          }
          statement.executeUpdate();
        }
        connection.commit();
        return true;
      } catch (SQLException missingParent) {
        connection.rollback();
        return false;
      }
    }
  }

  private static List<String> applicationTables(Connection connection) throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    List<String> tables = new ArrayList<>();
    try (ResultSet rows =
        metadata.getTables(
            connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (rows.next()) {
        String name = rows.getString("TABLE_NAME");
        if (!name.toLowerCase(Locale.ROOT).startsWith("lethe_")) {
          tables.add(name);
        }
      }
    }
    return tables;
  }

  private record Dump(List<String> columns, List<Object[]> rows) {}
}
