package dev.lethe.bench;

import dev.lethe.bench.clinic.Note;
import dev.lethe.bench.clinic.Patient;
import dev.lethe.crypto.KeyEncryptionKey;
import dev.lethe.crypto.SubjectKeys;
import dev.lethe.jdbc.LetheSchema;
import dev.lethe.jpa.JpaPersonalDataStore;
import dev.lethe.subject.Pseudonymizer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What crypto-shredding (Art. 17(1), 32(1)(a)) costs an application's ordinary work: the same
 * {@code @Encrypted} entities, {@code rows} per transaction, inserted and loaded through an
 * {@link EntityManager} on a factory without Lethe ({@code encryption=none}: plain columns) and on
 * one where a {@link JpaPersonalDataStore} built with {@link SubjectKeys} encrypts them
 * ({@code encryption=tink}: AES-256-GCM under each patient's key, a blind index on the e-mail).
 *
 * <p>{@code insert} adds a note to each of {@code rows} patients who have a key already (the common
 * case: keys are cached); {@code insertNewSubjects} inserts {@code rows} new patients, each of whose
 * first value makes, wraps and stores a key on its own connection; {@code load} reads {@code rows}
 * notes with their patients in a fresh persistence context (three decryptions per note).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class EncryptionOverheadBenchmark {

  /** The database: {@code h2} or {@code postgresql}. */
  @Param({"h2", "postgresql"})
  public String db = "h2";

  /** Without Lethe ({@code none}) or with the store's encryption listeners and subject keys ({@code tink}). */
  @Param({"none", "tink"})
  public String encryption = "none";

  /** Entities per transaction. */
  @Param({"100"})
  public int rows = 100;

  private @Nullable BenchDatabase database;
  private @Nullable EntityManagerFactory emf;
  private long nextId = 100_000_000;

  /** Opens a private database with {@code rows} patients and a note each, and installs the encryption if asked to. */
  @Setup(Level.Trial)
  public void open() {
    database = BenchDatabase.create(BenchDatabase.Kind.of(db));
    emf = database.open(Patient.class, Note.class);
    if (encryption.equals("tink")) {
      LetheSchema.migrate(database.autoCommitting());
      Pseudonymizer pseudonymizer = Pseudonymizer.withKey(new byte[32]);
      SubjectKeys keys =
          SubjectKeys.builder(
                  database.autoCommitting(), KeyEncryptionKey.random("bench-kek"), pseudonymizer)
              .build();
      JpaPersonalDataStore.builder(emf, pseudonymizer).encryption(keys).build();
    } else if (!encryption.equals("none")) {
      throw new IllegalArgumentException("encryption is none or tink, not " + encryption);
    }
    inTransaction(
        em -> {
          for (long id = 1; id <= rows; id++) {
            Patient patient =
                new Patient(id, "patient" + id + "@example.com", "Patient Number " + id);
            em.persist(patient);
            em.persist(new Note(id, patient, "seen on day " + id + ", prescribed rest and fluids"));
          }
          return null;
        });
    // The statements of one operation each, the listeners' own included, counted once after a first
    // run.
    BenchDatabase opened = ErasureBenchmark.open(database);
    String params = db + "/" + encryption;
    opened.recordStatements("encryption.insert", params, this::insert);
    opened.recordStatements("encryption.insertNewSubjects", params, this::insertNewSubjects);
    opened.recordStatements("encryption.load", params, this::load);
  }

  /** Drops the private database. */
  @TearDown(Level.Trial)
  public void close() {
    if (database != null) {
      database.close();
    }
  }

  /** Inserts a new note for each of the patients, whose keys exist. */
  @Benchmark
  public long insert() {
    return inTransaction(
        em -> {
          long last = 0;
          for (long patient = 1; patient <= rows; patient++) {
            last = nextId++;
            em.persist(
                new Note(
                    last,
                    em.getReference(Patient.class, patient),
                    "seen again on " + last + ", better"));
          }
          return last;
        });
  }

  /** Inserts new patients: with encryption, each one's first value makes and stores its key. */
  @Benchmark
  public long insertNewSubjects() {
    return inTransaction(
        em -> {
          long last = 0;
          for (int i = 0; i < rows; i++) {
            last = nextId++;
            em.persist(
                new Patient(last, "patient" + last + "@example.com", "Patient Number " + last));
          }
          return last;
        });
  }

  /** Loads the first notes with their patients, in a fresh persistence context. */
  @Benchmark
  public int load() {
    return inTransaction(
        em -> {
          List<Note> notes =
              em.createQuery(
                      "select n from Note n join fetch n.patient where n.id <= :last order by n.id",
                      Note.class)
                  .setParameter("last", (long) rows)
                  .getResultList();
          int length = 0;
          for (Note note : notes) {
            Patient patient = note.patient;
            if (note.text != null && note.text.startsWith("lethe1.")) {
              throw new IllegalStateException("A note loaded as ciphertext");
            }
            length +=
                (note.text == null ? 0 : note.text.length())
                    + (patient == null || patient.name == null
                        ? 0
                        : patient.name.length()
                            + (patient.email == null ? 0 : patient.email.length()));
          }
          if (notes.size() != rows) {
            throw new IllegalStateException("Loaded " + notes.size() + " notes, not " + rows);
          }
          return length;
        });
  }

  private <T> T inTransaction(Function<EntityManager, T> work) {
    return BenchDatabase.inTransaction(emf, work);
  }
}
