package dev.lethe.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.jdbc.LetheSchema;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link SubjectKeys} on an in-memory H2 database with Lethe's schema (Art. 17(1), 32(1)(a)). */
class SubjectKeysTest {

  private static final SubjectKey ADA = new SubjectKey("customer", 1L);
  private static final SubjectKey GRACE = new SubjectKey("customer", 2L);

  private final Pseudonymizer pseudonymizer = Pseudonymizer.withRandomKey();
  private final KeyEncryptionKey kek = KeyEncryptionKey.random("kek-1");
  private DataSource dataSource;
  private SubjectKeys keys;

  @BeforeEach
  void open() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource = h2;
    LetheSchema.migrate(dataSource);
    keys = SubjectKeys.builder(dataSource, kek, pseudonymizer).build();
  }

  @Test
  @DisplayName(
      "Art. 32(1)(a): a value round-trips through its subject's key, stored as ciphertext that names only the pseudonym")
  void roundTrip() throws SQLException {
    String stored = keys.encrypt(ADA, "Ada Lovelace");

    assertThat(stored).startsWith("lethe1.").doesNotContain("Ada", "Lovelace");
    assertThat(SubjectKeys.isEncrypted(stored)).isTrue();
    assertThat(keys.decrypt(stored)).contains("Ada Lovelace");
    assertThat(keys.encrypt(ADA, "Ada Lovelace"))
        .as("a fresh nonce each time")
        .isNotEqualTo(stored);
    assertThat(keys.encrypt(ADA, ""))
        .satisfies(empty -> assertThat(keys.decrypt(empty)).contains(""));
    assertThat(rows("select subject from lethe_subject_key"))
        .as("one key per subject, named by its pseudonym")
        .containsExactly(keys.pseudonymOf(ADA));
    assertThat(keys.decrypt("erased")).as("a placeholder reads as itself").contains("erased");
    assertThat(SubjectKeys.isEncrypted("lethe1.not-a-value")).isFalse();
  }

  @Test
  @DisplayName("Art. 32(1)(a): a fresh instance with a cold cache reads the stored key")
  void coldInstanceReadsStoredKey() {
    String stored = keys.encrypt(ADA, "Ada Lovelace");
    SubjectKeys cold =
        SubjectKeys.builder(dataSource, kek, pseudonymizer).cacheFor(Duration.ZERO).build();

    assertThat(cold.decrypt(stored)).contains("Ada Lovelace");
  }

  @Test
  @DisplayName(
      "Art. 17(1): destroying a subject's key makes its values unreadable everywhere at once, and nobody else's")
  void destroyShredsOnlyThatSubject() {
    String ada = keys.encrypt(ADA, "Ada Lovelace");
    String grace = keys.encrypt(GRACE, "Grace Hopper");
    SubjectKeys otherReplica =
        SubjectKeys.builder(dataSource, kek, pseudonymizer).cacheFor(Duration.ZERO).build();

    assertThat(keys.destroy(ADA)).isTrue();

    assertThat(keys.decrypt(ada)).as("this instance, its cache included").isEmpty();
    assertThat(otherReplica.decrypt(ada)).isEmpty();
    assertThat(keys.decrypt(grace)).contains("Grace Hopper");
    assertThat(keys.destroy(ADA)).as("nothing left to destroy").isFalse();
    // A new value for the erased subject gets a new key, under which the old copies stay
    // unreadable.
    String again = keys.encrypt(ADA, "new");
    assertThat(keys.decrypt(again)).contains("new");
    assertThat(keys.decrypt(ada)).isEmpty();
  }

  @Test
  @DisplayName("Art. 17(1): a key destroyed in a transaction that rolls back is still there")
  void destroyRolledBackKeepsTheKey() throws SQLException {
    String ada = keys.encrypt(ADA, "Ada Lovelace");
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      assertThat(keys.destroy(connection, ADA)).isTrue();
      connection.rollback();
    }
    assertThat(keys.decrypt(ada)).contains("Ada Lovelace");
  }

  @Test
  @DisplayName(
      "Art. 32(1)(a): under a wrong KEK of the same name a value reads as erased, never as an exception, and no value is written")
  void wrongKekReadsAsErased() {
    String ada = keys.encrypt(ADA, "Ada Lovelace");
    SubjectKeys wrong =
        SubjectKeys.builder(dataSource, KeyEncryptionKey.random("kek-1"), pseudonymizer).build();

    assertThat(wrong.decrypt(ada)).isEmpty();
    assertThatThrownBy(() -> wrong.encrypt(ADA, "Ada")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName(
      "Art. 32(1)(a): a key wrapped by a KEK these keys do not know reads as erased; writing names the fix")
  void unknownKekNamesTheFix() {
    String ada = keys.encrypt(ADA, "Ada Lovelace");
    SubjectKeys other =
        SubjectKeys.builder(dataSource, KeyEncryptionKey.random("kek-2"), pseudonymizer).build();

    assertThat(other.decrypt(ada)).isEmpty();
    assertThatThrownBy(() -> other.encrypt(ADA, "Ada"))
        .isInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage(
            "A subject key is wrapped by the key-encryption key 'kek-1', which these SubjectKeys do"
                + " not know: add it with SubjectKeys.Builder.previous(..)");
  }

  @Test
  @DisplayName("Art. 32(1)(a): a wrapped key copied to another subject's row does not unwrap there")
  void wrappedKeyIsBoundToItsSubject() throws SQLException {
    keys.encrypt(ADA, "Ada Lovelace");
    String grace = keys.encrypt(GRACE, "Grace Hopper");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement copy =
            connection.prepareStatement(
                "update lethe_subject_key set wrapped_key ="
                    + " (select wrapped_key from lethe_subject_key where subject = ?) where subject = ?")) {
      copy.setString(1, keys.pseudonymOf(ADA));
      copy.setString(2, keys.pseudonymOf(GRACE));
      copy.executeUpdate();
    }
    SubjectKeys cold = SubjectKeys.builder(dataSource, kek, pseudonymizer).build();

    assertThat(cold.decrypt(grace)).isEmpty();
  }

  @Test
  @DisplayName("Art. 32(1)(a): a value altered in storage reads as erased")
  void tamperedValueReadsAsErased() {
    String stored = keys.encrypt(ADA, "Ada Lovelace");
    // A character inside the ciphertext: the last one may carry only padding bits.
    int at = stored.length() - 10;
    String tampered =
        stored.substring(0, at) + (stored.charAt(at) == 'A' ? 'B' : 'A') + stored.substring(at + 1);

    assertThat(keys.decrypt(tampered)).isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 32(1): rewrap moves every key to the new KEK once; afterwards the old KEK can be retired")
  void rewrapMovesEveryKeyToTheNewKek() {
    List<String> stored = new ArrayList<>();
    for (long id = 1; id <= 7; id++) {
      stored.add(keys.encrypt(new SubjectKey("customer", id), "value " + id));
    }
    KeyEncryptionKey next = KeyEncryptionKey.random("kek-2");
    SubjectKeys rotating =
        SubjectKeys.builder(dataSource, next, pseudonymizer).previous(kek).build();

    assertThat(rotating.wrappedBy("kek-1")).isEqualTo(7);
    assertThat(rotating.rewrap()).isEqualTo(7);
    assertThat(rotating.rewrap()).as("nothing twice").isZero();
    assertThat(rotating.wrappedBy("kek-1")).isZero();
    assertThat(rotating.wrappedBy("kek-2")).isEqualTo(7);

    SubjectKeys newOnly = SubjectKeys.builder(dataSource, next, pseudonymizer).build();
    for (int i = 0; i < stored.size(); i++) {
      assertThat(newOnly.decrypt(stored.get(i))).contains("value " + (i + 1));
    }
    assertThat(SubjectKeys.builder(dataSource, kek, pseudonymizer).build().decrypt(stored.get(0)))
        .as("the old KEK alone no longer unwraps")
        .isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 15, 17: a blind index is stable per scope and value, differs across scopes, and shows neither")
  void blindIndex() {
    String index = keys.blindIndex("Customer.email", "ada@example.com");

    // Not "ada": 64 hex digits may spell it by chance.
    assertThat(index)
        .isEqualTo(keys.blindIndex("Customer.email", "ada@example.com"))
        .hasSize(64)
        .doesNotContain("ada@example.com")
        .matches("[0-9a-f]{64}");
    assertThat(keys.blindIndex("Customer.phone", "ada@example.com")).isNotEqualTo(index);
    assertThat(
            SubjectKeys.builder(dataSource, kek, Pseudonymizer.withRandomKey())
                .build()
                .blindIndex("Customer.email", "ada@example.com"))
        .as("keyed")
        .isNotEqualTo(index);
  }

  @Test
  @DisplayName("The builder refuses a negative cache time or size")
  void builderRefusesNegatives() {
    SubjectKeys.Builder builder = SubjectKeys.builder(dataSource, kek, pseudonymizer);
    assertThatThrownBy(() -> builder.cacheFor(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.cacheSize(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  private List<String> rows(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
