package dev.lethe.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.jdbc.LetheSchema;
import dev.lethe.jdbc.testing.TestDatabase;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link SubjectKeys#inTransaction}: keys of new subjects stored in the caller's transaction (Art.
 * 17(1), 32(1)(a)), on the database {@code lethe.db} names.
 */
class SubjectKeysInTransactionIT {

  private static TestDatabase database;

  private final Pseudonymizer pseudonymizer = Pseudonymizer.withRandomKey();
  private final KeyEncryptionKey kek = KeyEncryptionKey.random("kek-1");
  private SubjectKeys keys;
  private SubjectKeys otherReplica;

  @BeforeAll
  static void create() {
    database = TestDatabase.create();
    LetheSchema.migrate(database.dataSource());
  }

  @AfterAll
  static void drop() throws SQLException {
    database.close();
  }

  @BeforeEach
  void open() throws SQLException {
    try (Connection connection = dataSource().getConnection();
        PreparedStatement delete = connection.prepareStatement("delete from lethe_subject_key")) {
      connection.setAutoCommit(true);
      delete.executeUpdate();
    }
    keys = SubjectKeys.builder(dataSource(), kek, pseudonymizer).build();
    otherReplica =
        SubjectKeys.builder(dataSource(), kek, pseudonymizer).cacheFor(Duration.ZERO).build();
  }

  @Test
  @DisplayName(
      "Art. 32(1)(a): a key made in a transaction commits with it, and every replica reads the value")
  void keyCommitsWithTheTransaction() throws SQLException {
    SubjectKey ada = new SubjectKey("customer", 1L);
    String stored;
    try (Connection connection = dataSource().getConnection()) {
      connection.setAutoCommit(false);
      SubjectKeys.InTransaction transaction = keys.inTransaction(connection);
      stored = transaction.encrypt(ada, "Ada Lovelace");
      String second = transaction.encrypt(ada, "ada@example.com");
      assertThat(keys.decrypt(second)).as("the transaction's own key, before it commits").isEmpty();
      connection.commit();
      transaction.completed(true);
    }

    assertThat(keys.decrypt(stored)).contains("Ada Lovelace");
    assertThat(otherReplica.decrypt(stored)).contains("Ada Lovelace");
    assertThat(keyRows()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "Art. 32(1)(a): a key made in a transaction that rolls back is forgotten with it; the subject's next value gets a stored key")
  void rolledBackKeyIsForgotten() throws SQLException {
    SubjectKey ada = new SubjectKey("customer", 2L);
    String lost;
    try (Connection connection = dataSource().getConnection()) {
      connection.setAutoCommit(false);
      SubjectKeys.InTransaction transaction = keys.inTransaction(connection);
      lost = transaction.encrypt(ada, "Ada Lovelace");
      connection.rollback();
      transaction.completed(false);
    }
    assertThat(keyRows()).isZero();

    String kept = keys.encrypt(ada, "Ada Lovelace");

    assertThat(keyRows()).isEqualTo(1);
    assertThat(otherReplica.decrypt(kept))
        .as("encrypted with the stored key, not the rolled-back one")
        .contains("Ada Lovelace");
    assertThat(keys.decrypt(lost))
        .as("a value of the rolled-back transaction, had it leaked")
        .isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 17(1): a key destroyed in the transaction that made it is no longer used there, nor cached after it")
  void keyDestroyedInItsOwnTransaction() throws SQLException {
    SubjectKey ada = new SubjectKey("customer", 3L);
    String before;
    String after;
    try (Connection connection = dataSource().getConnection()) {
      connection.setAutoCommit(false);
      SubjectKeys.InTransaction transaction = keys.inTransaction(connection);
      before = transaction.encrypt(ada, "Ada Lovelace");
      assertThat(transaction.destroy(ada)).isTrue();
      after = transaction.encrypt(ada, "Ada King");
      connection.commit();
      transaction.completed(true);
    }

    assertThat(keys.decrypt(before)).isEmpty();
    assertThat(otherReplica.decrypt(before)).isEmpty();
    assertThat(otherReplica.decrypt(after)).contains("Ada King");
    assertThat(keyRows()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "Art. 32(1)(a): a value for a subject taken for new that has a key after all uses that key, and stores no second")
  void newSubjectWithAKeyAlreadyUsesIt() throws SQLException {
    SubjectKey ada = new SubjectKey("customer", 5L);
    String earlier = otherReplica.encrypt(ada, "Ada Lovelace");
    String later;
    try (Connection connection = dataSource().getConnection()) {
      connection.setAutoCommit(false);
      SubjectKeys.InTransaction transaction = keys.inTransaction(connection);
      later = transaction.encryptForNewSubject(ada, "Ada King");
      assertThat(transaction.encrypt(ada, "ada@example.com")).isNotNull();
      connection.commit();
      transaction.completed(true);
    }

    assertThat(keyRows()).isEqualTo(1);
    assertThat(otherReplica.decrypt(later)).contains("Ada King");
    assertThat(keys.decrypt(earlier)).contains("Ada Lovelace");
  }

  @Test
  @DisplayName(
      "Art. 32(1)(a): two replicas making a key for one new subject at once end with one key, which both use")
  void concurrentMakersEndWithOneKey() throws Exception {
    SubjectKey ada = new SubjectKey("customer", 4L);
    SubjectKeys secondReplica = SubjectKeys.builder(dataSource(), kek, pseudonymizer).build();
    ExecutorService second = Executors.newSingleThreadExecutor();
    try (Connection first = dataSource().getConnection();
        Connection other = dataSource().getConnection()) {
      first.setAutoCommit(false);
      other.setAutoCommit(false);
      SubjectKeys.InTransaction firstTransaction = keys.inTransaction(first);
      String firstValue = firstTransaction.encrypt(ada, "from the first");
      // The second insert waits on the first's uncommitted key row, then loses to it once it
      // commits.
      Future<String> secondValue =
          second.submit(
              () -> {
                SubjectKeys.InTransaction transaction = secondReplica.inTransaction(other);
                String value = transaction.encryptForNewSubject(ada, "from the second");
                other.commit();
                transaction.completed(true);
                return value;
              });
      awaitBlockedOrDone(secondValue);
      first.commit();
      firstTransaction.completed(true);

      String fromSecond = secondValue.get(30, TimeUnit.SECONDS);
      assertThat(keyRows()).isEqualTo(1);
      assertThat(otherReplica.decrypt(firstValue)).contains("from the first");
      assertThat(otherReplica.decrypt(fromSecond)).contains("from the second");
      assertThat(secondReplica.decrypt(firstValue)).contains("from the first");
    } finally {
      second.shutdownNow();
    }
  }

  /** Gives the second transaction time to reach the insert; no assertion rests on how long. */
  private static void awaitBlockedOrDone(Future<?> future) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
    while (!future.isDone() && System.nanoTime() < until) {
      Thread.sleep(10);
    }
  }

  private static int keyRows() throws SQLException {
    try (Connection connection = dataSource().getConnection();
        PreparedStatement count =
            connection.prepareStatement("select count(*) from lethe_subject_key");
        ResultSet rows = count.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static DataSource dataSource() {
    return database.dataSource();
  }
}
