package dev.lethe.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.crypto.KeyEncryptionKey;
import dev.lethe.crypto.SubjectKeys;
import dev.lethe.erasure.ErasurePlan;
import dev.lethe.jdbc.LetheSchema;
import dev.lethe.jpa.encrypted.Note;
import dev.lethe.jpa.encrypted.Patient;
import dev.lethe.jpa.testing.SkipWhenUnreachable;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.law.ErasureGround;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectKey;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Crypto-shredding over random values and subjects: every encrypted value loads as written, and
 * destroying one subject's key makes exactly that subject's values unreadable, in the tables and in a
 * dump taken before, while every other subject's load unchanged (Art. 17(1), 32(1)(a)).
 */
@AddLifecycleHook(SkipWhenUnreachable.class)
class CryptoShreddingPropertiesIT {

  private static TestDatabase database;
  private static EntityManagerFactory emf;
  private static SubjectKeys keys;
  private static JpaPersonalDataStore store;

  @BeforeContainer
  static void openDatabase() {
    database = TestDatabase.create();
    LetheSchema.migrate(database.autoCommitDataSource());
    emf = database.open(Patient.class, Note.class);
    Pseudonymizer pseudonymizer = Pseudonymizer.withRandomKey();
    keys =
        SubjectKeys.builder(
                database.autoCommitDataSource(), KeyEncryptionKey.random("kek"), pseudonymizer)
            .build();
    store = JpaPersonalDataStore.builder(emf, pseudonymizer).encryption(keys).build();
  }

  @AfterContainer
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Property(tries = 15)
  @Label(
      "Art. 17(1), 32(1)(a): values round-trip encrypted; shredding one subject leaves every other subject's values readable")
  void shreddingOneSubjectLeavesOthersReadable(
      @ForAll @Size(min = 1, max = 4) List<@StringLength(min = 1, max = 60) String> diagnoses,
      @ForAll @StringLength(min = 1, max = 60) String note,
      @ForAll @IntRange(min = 0, max = 3) int pick) {
    emf.getSchemaManager().truncate();
    long base = System.nanoTime();
    emf.runInTransaction(
        em -> {
          for (int i = 0; i < diagnoses.size(); i++) {
            Patient patient =
                new Patient(base + i, "p" + i + "@example.com", diagnoses.get(i), "p" + i);
            em.persist(patient);
            em.persist(new Note(base + i, patient, note + i));
          }
        });
    List<String> dump =
        database.scan().values().stream()
            .flatMap(List::stream)
            .flatMap(List::stream)
            .filter(SubjectKeys::isEncrypted)
            .toList();
    assertThat(dump).hasSize(diagnoses.size() * 3);
    int erased = pick % diagnoses.size();

    store.erase(
        ErasurePlan.of(
            store.model(),
            new SubjectKey("patient", base + erased),
            ErasureGround.CONSENT_WITHDRAWN,
            List.of()));

    emf.runInTransaction(
        em -> {
          for (int i = 0; i < diagnoses.size(); i++) {
            Patient patient = em.find(Patient.class, base + i);
            if (i == erased) {
              assertThat(patient.diagnosis).isNull();
              assertThat(em.find(Note.class, base + i).text).isNull();
            } else {
              assertThat(patient.diagnosis).isEqualTo(diagnoses.get(i));
              assertThat(patient.email).isEqualTo("p" + i + "@example.com");
              assertThat(em.find(Note.class, base + i).text).isEqualTo(note + i);
            }
          }
        });
    List<String> readable = dump.stream().map(keys::decrypt).flatMap(Optional::stream).toList();
    assertThat(readable)
        .hasSize((diagnoses.size() - 1) * 3)
        .doesNotContain("p" + erased + "@example.com", note + erased);
  }
}
