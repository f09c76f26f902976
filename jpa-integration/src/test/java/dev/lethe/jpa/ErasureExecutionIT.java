package dev.lethe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.erasure.RetentionTask;
import dev.lethe.jpa.shapes.erasure.Card;
import dev.lethe.jpa.shapes.erasure.ClubMember;
import dev.lethe.jpa.shapes.erasure.Device;
import dev.lethe.jpa.shapes.erasure.Library;
import dev.lethe.jpa.shapes.erasure.Loan;
import dev.lethe.jpa.shapes.erasure.Note;
import dev.lethe.jpa.shapes.erasure.Patron;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.law.ErasureGround;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.spi.FieldEraser;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Erasure execution on the mappings people write (issue 13, items 7-10): rows hidden by
 * {@code @SQLRestriction} and filters, HASH on values that look like hashes, element values equal
 * but for case, and versioned rows; on the selected database.
 */
class ErasureExecutionIT {

  private static final SubjectKey ADA = new SubjectKey("patron", 1L);
  private static final SubjectKey BOB = new SubjectKey("patron", 2L);
  private static final SubjectKey MIA = new SubjectKey("member", 1L);

  private static TestDatabase database;
  private static EntityManagerFactory emf;
  private static JpaPersonalDataStore store;
  private static FieldEraser hashes;

  @BeforeAll
  static void openDatabase() {
    database = TestDatabase.create();
    emf = database.open(Library.ENTITIES.toArray(Class<?>[]::new));
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    store = JpaPersonalDataStore.of(emf, Pseudonymizer.withKey(key));
    hashes = new FieldEraser(Pseudonymizer.withKey(key));
  }

  @AfterAll
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @BeforeEach
  void populate() {
    Library.populate(emf, database::execute);
  }

  // --- item 7: hidden rows -----------------------------------------------------------------------

  @Test
  @DisplayName(
      "Art. 15: the export holds rows hidden by @SQLRestriction and by a filter, each with its own elements")
  void exportsHiddenRows() {
    Map<Class<?>, List<SubjectRecord>> export = export(ADA);

    assertThat(export.get(Note.class)).extracting(SubjectRecord::rowId).containsExactly(1L, 2L);
    // A bag's elements come in no defined order: compared as sets, per row.
    assertThat(export.get(Note.class))
        .extracting(row -> (Object) Set.copyOf((List<?>) row.values().get("tags")))
        .containsExactly(Set.of("alpha", "beta"), Set.of("gamma"));
    assertThat(export.get(Note.class))
        .extracting(row -> row.values().get("text"))
        .containsExactly("Ada's archived note", "Ada's note");
    assertThat(export.get(Loan.class))
        .extracting(row -> row.values().get("remark"))
        .containsExactlyInAnyOrder("Ada returned late", "Ada borrowed");
  }

  @Test
  @DisplayName(
      "Art. 17: erasure reaches rows hidden by @SQLRestriction and by a filter, and leaves the other patron's")
  void erasesHiddenRows() {
    Map<Class<?>, ErasurePlan.RowCount> counts = store.erase(plan(ADA));

    assertThat(counts)
        .containsEntry(Note.class, new ErasurePlan.RowCount(0, 2))
        .containsEntry(Loan.class, new ErasurePlan.RowCount(2, 0));
    assertThat(column("select text from Note where id in (1, 2)")).containsOnlyNulls();
    assertThat(column("select tags from Note_tags where Note_id in (1, 2)"))
        .containsExactlyInAnyOrder("a****", "b***", "g****");
    assertThat(column("select id from Loan order by id")).containsExactly(3L);
    assertThat(column("select text from Note where id = 3")).containsExactly("Bob's archived note");
    assertThat(column("select tags from Note_tags where Note_id = 3")).containsExactly("zeta");
    assertThat(store.erase(plan(ADA)).values())
        .as("a second erasure")
        .noneMatch(ErasurePlan.RowCount::any);
  }

  @Test
  @DisplayName(
      "Art. 15, 17: a subject whose own row @SQLRestriction hides is resolved, exported and erased")
  void handlesAHiddenRoot() {
    assertThat(store.resolve(new SubjectIdentifier("member", "email", "mia@example.com")))
        .containsExactly(MIA);
    assertThat(export(MIA).get(ClubMember.class))
        .singleElement()
        .satisfies(row -> assertThat(row.values()).containsEntry("name", "Mia Closed"));

    assertThat(store.erase(plan(MIA)))
        .containsEntry(ClubMember.class, new ErasurePlan.RowCount(0, 1));

    assertThat(column("select name from ClubMember where id = 1")).containsOnlyNulls();
    assertThat(column("select email from ClubMember where id = 1"))
        .doesNotContain("mia@example.com");
    assertThat(column("select name from ClubMember where id = 2")).containsExactly("Max Open");
  }

  // --- item 8: HASH ------------------------------------------------------------------------------

  @Test
  @DisplayName(
      "Art. 17: HASH hashes a fingerprint that already is a SHA-256 digest; a second erasure changes nothing")
  void hashesDigestsThatLookHashed() {
    String fingerprint = Library.sha256("Ada's phone");

    store.erase(plan(ADA));
    List<Object> once = column("select fingerprint from Device where id = 1");
    Map<Class<?>, ErasurePlan.RowCount> second = store.erase(plan(ADA));

    assertThat(once).containsExactly(hashes.hash(fingerprint)).doesNotContain(fingerprint);
    assertThat(second.get(Device.class)).isEqualTo(ErasurePlan.RowCount.NONE);
    assertThat(column("select fingerprint from Device where id = 1")).isEqualTo(once);
    assertThat(column("select fingerprint from Device where id = 2"))
        .containsExactly(Library.sha256("Bob's phone"));
  }

  // --- item 9: exact element matching ------------------------------------------------------------

  @Test
  @DisplayName(
      "Art. 17: elements that differ only by case or a trailing space are each hashed and masked as themselves")
  void erasesElementsExactly() {
    store.erase(plan(ADA));

    assertThat(column("select aliases from Patron_aliases where Patron_id = 1"))
        .containsExactlyInAnyOrder(hashes.hash("Abc"), hashes.hash("abc"), hashes.hash("abc "));
    assertThat(column("select signatures from Patron_signatures where Patron_id = 1"))
        .containsExactlyInAnyOrder("A**", "a**");
    assertThat(column("select aliases from Patron_aliases where Patron_id = 2"))
        .containsExactly("Abc");
    assertThat(column("select signatures from Patron_signatures where Patron_id = 2"))
        .containsExactly("Ada");
  }

  // --- item 10: versions -------------------------------------------------------------------------

  @Test
  @DisplayName(
      "Art. 17: erasure moves numeric and timestamp versions, so a copy loaded before cannot write the data back")
  void erasureMovesVersions() {
    Patron stalePatron = load(Patron.class, 1L);
    Card staleCard = load(Card.class, 1L);

    store.erase(plan(ADA));

    stalePatron.name = "Ada Lovelace";
    assertStale(em -> em.merge(stalePatron));
    staleCard.holder = "Ada Lovelace";
    assertStale(em -> em.merge(staleCard));
    assertThat(column("select name from Patron where id = 1")).doesNotContain("Ada Lovelace");
    assertThat(column("select holder from Card where id = 1")).doesNotContain("Ada Lovelace");
  }

  @Test
  @DisplayName("Art. 17: a second erasure moves no version, and the other patron's versions stay")
  void secondErasureMovesNoVersion() {
    List<Object> bob = versions(2L);
    store.erase(plan(ADA));
    List<Object> once = versions(1L);

    store.erase(plan(ADA));

    assertThat(versions(1L)).isEqualTo(once);
    assertThat(versions(2L)).isEqualTo(bob);
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): retention anonymisation moves a timestamp version, so a copy loaded before cannot write back")
  void anonymisationMovesVersions() {
    Card stale = load(Card.class, 1L);
    EntityDescriptor card = store.model().entity(Card.class).orElseThrow();
    RetentionTask task =
        new RetentionTask(
            card, card.retention().orElseThrow(), Instant.now(), ZoneOffset.UTC, Set.of());

    assertThat(store.sweep(task, Optional.empty(), 10).anonymised()).isEqualTo(2);

    stale.holder = "Ada Lovelace";
    assertStale(em -> em.merge(stale));
    assertThat(store.sweep(task, Optional.empty(), 10).anonymised()).as("a second sweep").isZero();
  }

  // --- helpers -----------------------------------------------------------------------------------

  private static ErasurePlan plan(SubjectKey subject) {
    return ErasurePlan.of(store.model(), subject, ErasureGround.CONSENT_WITHDRAWN, List.of());
  }

  private static Map<Class<?>, List<SubjectRecord>> export(SubjectKey subject) {
    Map<Class<?>, List<SubjectRecord>> export = new LinkedHashMap<>();
    for (EntityDescriptor entity : store.model().entitiesOf(subject.subjectType())) {
      try (Stream<SubjectRecord> records = store.records(subject, entity)) {
        export.put(entity.type(), records.toList());
      }
    }
    return export;
  }

  /** One column of native SQL's rows, past restrictions and filters; numbers as longs. */
  private static List<Object> column(String sql) {
    EntityManager em = emf.createEntityManager();
    try {
      List<Object> values = new ArrayList<>();
      for (Object value : em.createNativeQuery(sql).getResultList()) {
        values.add(
            value instanceof Number number && !(value instanceof Double)
                ? number.longValue()
                : value);
      }
      return values;
    } finally {
      em.close();
    }
  }

  /** The patron's and its card's versions, as stored. */
  private static List<Object> versions(long patron) {
    List<Object> versions =
        new ArrayList<>(column("select version from Patron where id = " + patron));
    versions.addAll(column("select version from Card where patron_id = " + patron));
    return versions;
  }

  private static <T> T load(Class<T> type, Object id) {
    EntityManager em = emf.createEntityManager();
    try {
      return em.find(type, id);
    } finally {
      em.close();
    }
  }

  /** Merging a stale copy and committing fails on its version, and writes nothing. */
  private static void assertStale(Consumer<EntityManager> work) {
    EntityManager em = emf.createEntityManager();
    try {
      assertThatThrownBy(
              () -> {
                em.getTransaction().begin();
                work.accept(em);
                em.getTransaction().commit();
              })
          .satisfies(
              failure ->
                  assertThat(causes(failure)).anyMatch(OptimisticLockException.class::isInstance));
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  private static List<Throwable> causes(Throwable failure) {
    List<Throwable> causes = new ArrayList<>();
    for (Throwable cause = failure;
        cause != null && !causes.contains(cause);
        cause = cause.getCause()) {
      causes.add(cause);
    }
    return causes;
  }
}
