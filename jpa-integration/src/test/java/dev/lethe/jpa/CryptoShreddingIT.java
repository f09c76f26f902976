package dev.lethe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.crypto.KeyEncryptionKey;
import dev.lethe.crypto.SubjectKeys;
import dev.lethe.erasure.ErasurePlan;
import dev.lethe.erasure.ErasureReceipt;
import dev.lethe.jdbc.LetheSchema;
import dev.lethe.jpa.encrypted.Narrow;
import dev.lethe.jpa.encrypted.Note;
import dev.lethe.jpa.encrypted.Patient;
import dev.lethe.jpa.encrypted.Unencryptable;
import dev.lethe.jpa.internal.Encryption;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.law.ErasureGround;
import dev.lethe.request.Rectification;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Crypto-shredding on H2, PostgreSQL and MariaDB: {@code @Encrypted} attributes reach the database
 * only as ciphertext under their subject's own key, read back in clear through the entity and the
 * export, and once erasure destroys the key a dump of the tables taken before it yields nothing
 * (Art. 17(1), 32(1)(a)).
 */
class CryptoShreddingIT {

  private static final String ADA = "Ada.Lovelace@Example.com";
  private static final String ASTHMA = "asthma, since 1999";
  private static final String NOTE = "prescribed salbutamol";

  private TestDatabase database;
  private EntityManagerFactory emf;
  private KeyEncryptionKey kek;
  private SubjectKeys keys;
  private JpaPersonalDataStore store;
  private final Pseudonymizer pseudonymizer = Pseudonymizer.withRandomKey();

  @BeforeEach
  void open() {
    database = TestDatabase.create();
    LetheSchema.migrate(database.autoCommitDataSource());
    emf = database.open(Patient.class, Note.class);
    kek = KeyEncryptionKey.random("kek-1");
    keys = SubjectKeys.builder(database.autoCommitDataSource(), kek, pseudonymizer).build();
    store = JpaPersonalDataStore.builder(emf, pseudonymizer).encryption(keys).build();
    emf.runInTransaction(
        em -> {
          Patient ada = new Patient(1L, ADA, ASTHMA, "ada");
          Patient grace = new Patient(2L, "grace@example.com", "migraine", "grace");
          em.persist(ada);
          em.persist(grace);
          em.persist(new Note(10L, ada, NOTE));
          em.persist(new Note(20L, grace, "rest"));
        });
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  @DisplayName(
      "Art. 32(1)(a): encrypted attributes reach the database only as ciphertext, and load in clear without a needless update")
  void storedEncryptedLoadedInClear() {
    String dump = database.scan().toString();
    assertThat(dump).doesNotContain(ASTHMA, NOTE, ADA, ADA.toLowerCase()).contains("lethe1.");

    emf.runInTransaction(
        em -> {
          Patient ada = em.find(Patient.class, 1L);
          assertThat(ada.email).isEqualTo(ADA);
          assertThat(ada.diagnosis).isEqualTo(ASTHMA);
          assertThat(em.find(Note.class, 10L).text).isEqualTo(NOTE);
        });
    // The loaded entities were clean: a flush re-encrypting them would have written new ciphertext.
    assertThat(database.scan().toString()).isEqualTo(dump);
  }

  @Test
  @DisplayName(
      "Art. 32(1)(a): a new patient's key is stored in the transaction that writes the patient, and rolls back with it")
  void newSubjectsKeyCommitsAndRollsBackWithItsRow() throws SQLException {
    SubjectKeys otherReplica =
        SubjectKeys.builder(database.autoCommitDataSource(), kek, pseudonymizer)
            .cacheFor(Duration.ZERO)
            .build();
    String hopper = "grace.hopper@example.com";
    var transaction = emf.createEntityManager();
    try {
      transaction.getTransaction().begin();
      transaction.persist(new Patient(3L, hopper, "gout", "hopper"));
      transaction.flush();
      transaction.getTransaction().rollback();
    } finally {
      transaction.close();
    }
    assertThat(keys.wrappedBy(kek.id())).as("Ada's and Grace's keys only").isEqualTo(2);

    // Written again: had the rolled-back key stayed cached, this value would be under a key nobody
    // stored.
    emf.runInTransaction(em -> em.persist(new Patient(3L, hopper, "gout", "hopper")));

    assertThat(keys.wrappedBy(kek.id())).isEqualTo(3);
    SubjectKey patient = new SubjectKey("patient", 3L);
    assertThat(values(patient, Patient.class)).contains(hopper, "gout");
    String stored = diagnosisOf(3L);
    assertThat(stored).startsWith("lethe1.");
    assertThat(otherReplica.decrypt(stored))
        .as("under the key stored for the patient")
        .contains("gout");
  }

  @Test
  @DisplayName(
      "Art. 15, 16: the export decrypts, an encrypted identity is found by its blind index, rectification re-encrypts")
  void exportLookupAndRectification() {
    assertThat(
            store.resolve(new SubjectIdentifier("patient", "email", "  ada.lovelace@EXAMPLE.com")))
        .containsExactly(new SubjectKey("patient", 1L));
    assertThat(store.resolve(new SubjectIdentifier("patient", "email", "nobody@example.com")))
        .isEmpty();

    SubjectKey ada = new SubjectKey("patient", 1L);
    assertThat(values(ada, Patient.class)).contains(ADA, ASTHMA).doesNotContain("migraine");
    assertThat(values(ada, Note.class)).containsExactly(NOTE);

    store.rectify(
        ada,
        new Rectification(
            Patient.class, 1L, Map.of("diagnosis", "no asthma", "email", "ada@example.org")));

    assertThat(values(ada, Patient.class)).contains("no asthma", "ada@example.org");
    assertThat(database.scan().toString()).doesNotContain("no asthma", "ada@example.org");
    assertThat(store.resolve(new SubjectIdentifier("patient", "email", "ADA@example.org")))
        .containsExactly(ada);
    assertThat(store.resolve(new SubjectIdentifier("patient", "email", ADA))).isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 17(1): erasure destroys the key, so a dump taken before it yields no plaintext, and the receipt says so")
  void erasureShredsEveryCopy() throws Exception {
    Map<String, List<List<String>>> before = database.scan();
    String oldDiagnosis = diagnosisOfAda();
    SubjectKey ada = new SubjectKey("patient", 1L);

    ErasurePlan plan =
        ErasurePlan.of(store.model(), ada, ErasureGround.CONSENT_WITHDRAWN, List.of());
    ErasureReceipt receipt = ErasureReceipt.of(plan, store.erase(plan), Instant.now());

    assertThat(receipt.shredded())
        .containsExactlyInAnyOrder("Patient.email", "Patient.diagnosis", "Note.text");
    // Everything left, the keys and the KEK included, decrypts none of Ada's values in the old
    // dump.
    List<String> ciphertexts =
        before.values().stream()
            .flatMap(List::stream)
            .flatMap(List::stream)
            .filter(SubjectKeys::isEncrypted)
            .toList();
    assertThat(ciphertexts).hasSize(6);
    List<String> readable =
        ciphertexts.stream().map(keys::decrypt).flatMap(Optional::stream).toList();
    assertThat(readable).containsExactlyInAnyOrder("grace@example.com", "migraine", "rest");
    assertThat(database.scan().get("lethe_subject_key")).hasSize(1);
    // Nor does a fresh instance with a cold cache.
    SubjectKeys cold =
        SubjectKeys.builder(
                database.autoCommitDataSource(), KeyEncryptionKey.random("kek-1"), pseudonymizer)
            .build();
    assertThat(ciphertexts.stream().map(cold::decrypt).flatMap(Optional::stream)).isEmpty();

    // Restoring the old row (a backup) brings back ciphertext only: it loads as the placeholders.
    try (Connection connection = database.autoCommitDataSource().getConnection();
        PreparedStatement restore =
            connection.prepareStatement("update Patient set diagnosis = ? where id = 1")) {
      restore.setString(1, oldDiagnosis);
      restore.executeUpdate();
    }
    emf.runInTransaction(
        em -> {
          Patient restored = em.find(Patient.class, 1L);
          assertThat(restored.diagnosis).isNull();
          assertThat(restored.email).isNotEqualTo(ADA).contains("@");
          assertThat(em.find(Patient.class, 2L).diagnosis).isEqualTo("migraine");
        });
    assertThat(values(ada, Patient.class)).doesNotContain(ADA, ASTHMA);
    assertThat(store.resolve(new SubjectIdentifier("patient", "email", ADA))).isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 17(1), 5(1)(f): a new KEK re-wraps every subject key, once, by several replicas at once")
  void rotationRewrapsEveryKey() throws Exception {
    KeyEncryptionKey next = KeyEncryptionKey.random("kek-2");
    List<SubjectKeys> replicas =
        Stream.of(1, 2)
            .map(
                i ->
                    SubjectKeys.builder(database.autoCommitDataSource(), next, pseudonymizer)
                        .previous(kek)
                        .build())
            .toList();
    List<String> ciphertexts =
        database.scan().values().stream()
            .flatMap(List::stream)
            .flatMap(List::stream)
            .filter(SubjectKeys::isEncrypted)
            .toList();

    var pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> runs = replicas.stream().map(r -> pool.submit(r::rewrap)).toList();
      int total = 0;
      for (var run : runs) {
        total += run.get();
      }
      assertThat(total).isEqualTo(2);
    } finally {
      pool.shutdown();
    }
    assertThat(replicas.get(0).wrappedBy("kek-1")).isZero();
    assertThat(replicas.get(0).wrappedBy("kek-2")).isEqualTo(2);
    // Only the new KEK is needed from now on.
    SubjectKeys rotated =
        SubjectKeys.builder(database.autoCommitDataSource(), next, pseudonymizer).build();
    assertThat(ciphertexts.stream().map(rotated::decrypt).map(Optional::orElseThrow))
        .contains(ADA, ASTHMA, NOTE);
  }

  @Test
  @DisplayName(
      "Art. 17(1): encrypted attributes whose subject is unknown at write time, or that cannot be erased, are refused together at start-up")
  void refusesWhatCannotBeShredded() {
    EntityManagerFactory other = database.open(Unencryptable.class, Unencryptable.Stray.class);
    assertThatThrownBy(
            () -> JpaPersonalDataStore.builder(other, pseudonymizer).encryption(keys).build())
        .isInstanceOf(UnsupportedMappingException.class)
        .satisfies(
            thrown ->
                assertThat(((UnsupportedMappingException) thrown).problems())
                    .extracting(
                        problem -> problem.entity().getSimpleName() + "." + problem.attribute())
                    .contains(
                        "Unencryptable.email",
                        "Unencryptable.born",
                        "Unencryptable.unannotated",
                        "Stray.text"))
        .hasMessageContaining("HASH")
        .hasMessageContaining("IDENTITY")
        .hasMessageContaining("blind index")
        .hasMessageContaining("non-String")
        .hasMessageContaining("collection or a link column");
    assertThatThrownBy(() -> JpaPersonalDataStore.of(emf, pseudonymizer))
        .isInstanceOf(UnsupportedMappingException.class)
        .hasMessageContaining("encryption(subjectKeys)");
  }

  @Test
  @DisplayName(
      "Art. 32(1)(a): a column too narrow for the ciphertext of the longest value is refused at start-up, with the width it needs")
  void columnTooNarrowForTheCiphertextRefused() {
    EntityManagerFactory other = database.open(Narrow.class);
    assertThatThrownBy(
            () -> JpaPersonalDataStore.builder(other, pseudonymizer).encryption(keys).build())
        .isInstanceOf(UnsupportedMappingException.class)
        .satisfies(
            thrown ->
                assertThat(((UnsupportedMappingException) thrown).problems())
                    .extracting(problem -> problem.attribute() + ": " + problem.fix())
                    .containsExactlyInAnyOrder(
                        "name: Widen the column to at least 495 characters (in a migration, or, where Hibernate generates"
                            + " the schema and sizes the column by @Size, with @Column(columnDefinition = \"varchar(495)\")),"
                            + " or bound the clear value with a smaller @Size(max = ..).",
                        "street: Bound the clear value with @Size(max = ..) and widen the column to what the start-up check"
                            + " then asks for (about 4 × (3 × max + 33) / 3 + 51 characters)."))
        .hasMessageContaining(
            "up to 100 characters (its @Size(max)) as ciphertext of up to 495 characters")
        .hasMessageContaining(
            "even an empty value as ciphertext of 95 characters, but column Narrow.street holds at"
                + " most 80");
  }

  @Test
  @DisplayName(
      "Art. 32(1)(a): the width the start-up check asks for is the longest ciphertext a value of that many characters gets")
  void storedLengthIsTheLongestCiphertext() {
    SubjectKey subject = new SubjectKey("patient", 1L);
    for (int chars : new int[] {0, 1, 2, 3, 20, 64, 100, 333}) {
      // Three UTF-8 bytes per character is the most a char takes; ASCII takes fewer.
      assertThat(keys.encrypt(subject, "€".repeat(chars)))
          .hasSize((int) Encryption.storedLength(chars));
      assertThat((long) keys.encrypt(subject, "a".repeat(chars)).length())
          .isLessThanOrEqualTo(Encryption.storedLength(chars));
    }
  }

  private List<Object> values(SubjectKey subject, Class<?> entity) {
    try (Stream<SubjectRecord> records =
        store.records(subject, store.model().entity(entity).orElseThrow())) {
      return records
          .flatMap(record -> record.values().values().stream())
          .filter(Objects::nonNull)
          .map(Object.class::cast)
          .toList();
    }
  }

  private String diagnosisOfAda() throws SQLException {
    return diagnosisOf(1L);
  }

  private String diagnosisOf(long patient) throws SQLException {
    try (Connection connection = database.autoCommitDataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement("select diagnosis from Patient where id = ?")) {
      select.setLong(1, patient);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }
}
