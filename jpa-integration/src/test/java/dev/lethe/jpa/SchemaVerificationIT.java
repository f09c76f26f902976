package dev.lethe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.erasure.ErasureReceipt;
import dev.lethe.erasure.RetentionTask;
import dev.lethe.jpa.shapes.schema.Author;
import dev.lethe.jpa.shapes.schema.Badge;
import dev.lethe.jpa.shapes.schema.Bookmark;
import dev.lethe.jpa.shapes.schema.Card;
import dev.lethe.jpa.shapes.schema.Comment;
import dev.lethe.jpa.shapes.schema.Flag;
import dev.lethe.jpa.shapes.schema.Member;
import dev.lethe.jpa.shapes.schema.Note;
import dev.lethe.jpa.shapes.schema.Phone;
import dev.lethe.jpa.shapes.schema.Post;
import dev.lethe.jpa.shapes.schema.Reaction;
import dev.lethe.jpa.shapes.schema.Visit;
import dev.lethe.jpa.shapes.schema.VisitStat;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.law.ErasureGround;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 items 11, 12, 13 and 16: every rule is checked against the real schema and the
 * entities' constraints when the store starts, so that an accepted model can always be erased;
 * rows that refer to a deleted row are detached; a preview runs the plan and changes nothing.
 */
class SchemaVerificationIT {

  private static final SubjectKey ADA = new SubjectKey("author", 1L);
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final Instant OLD = NOW.minus(Duration.ofDays(60));
  private static final Instant RECENT = NOW.minus(Duration.ofDays(1));

  private TestDatabase database;

  @BeforeEach
  void openDatabase() {
    database = TestDatabase.create();
  }

  @AfterEach
  void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  private List<String> refused(Class<?>... classes) {
    EntityManagerFactory emf = database.open(classes);
    UnsupportedMappingException refused =
        Assertions.assertThrows(
            UnsupportedMappingException.class,
            () -> JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey()));
    return refused.problems().stream()
        .map(problem -> problem.entity().getSimpleName() + "." + problem.attribute())
        .toList();
  }

  @Test
  @DisplayName(
      "Art. 17 (item 11): a constant placeholder or a mask in a unique column or an element Set is refused at start-up; HASH is accepted")
  void collidingRulesAreRefused() {
    assertThat(refused(Member.class, Badge.class))
        .containsExactlyInAnyOrder("Badge.handle", "Badge.code", "Badge.nicknames", "Badge.phones");
  }

  @Test
  @DisplayName(
      "Art. 17 (item 12): a hash, a placeholder or null that does not fit its column is refused at start-up, naming the column and the fix")
  void valuesThatDoNotFitAreRefused() {
    EntityManagerFactory emf = database.open(Member.class, Card.class);
    assertThatThrownBy(() -> JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey()))
        .isInstanceOfSatisfying(
            UnsupportedMappingException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(
                      problem -> problem.entity().getSimpleName() + "." + problem.attribute())
                  .containsExactlyInAnyOrder(
                      "Card.telephone", "Card.initials", "Card.title", "Card.nickname");
              assertThat(e.getMessage())
                  .contains(
                      Card.class.getName()
                          + ".telephone: HASH writes 64 hexadecimal characters into column")
                  .contains("which holds at most 20")
                  .contains("Fix: Widen the column to at least 64 characters")
                  .contains(
                      Card.class.getName()
                          + ".initials: REPLACE writes a placeholder of 8 characters")
                  .contains(Card.class.getName() + ".nickname: NULLIFY writes null into column");
            });
  }

  @Test
  @DisplayName(
      "Art. 17 (item 16): a placeholder or null that fails the entity's own Bean Validation constraints is refused at start-up")
  void placeholdersThatFailConstraintsAreRefused() {
    EntityManagerFactory emf = database.open(Member.class, Phone.class);
    assertThatThrownBy(() -> JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey()))
        .isInstanceOfSatisfying(
            UnsupportedMappingException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(
                      problem -> problem.entity().getSimpleName() + "." + problem.attribute())
                  .containsExactlyInAnyOrder("Phone.telephone", "Phone.owner", "Phone.alias");
              assertThat(e.getMessage())
                  .contains(
                      Phone.class.getName()
                          + ".telephone: REPLACE writes a placeholder that"
                          + " fails the attribute's own constraints [@Pattern]")
                  .contains("State a placeholder that satisfies them")
                  // Hibernate turns @NotNull into a NOT NULL column, which is then the first thing
                  // refused.
                  .containsPattern(
                      java.util.regex.Pattern.quote(Phone.class.getName() + ".owner: NULLIFY ")
                          + "(leaves null, which fails the attribute's own constraints \\[@NotNull]|writes null into column)");
            });
  }

  @Test
  @DisplayName(
      "Art. 17 (item 13): a deleted row still referred to by a NOT NULL key of rows that stay is refused at start-up")
  void notNullReferencesToDeletedRowsAreRefused() {
    EntityManagerFactory emf = database.open(Member.class, Comment.class, Flag.class);
    assertThatThrownBy(() -> JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey()))
        .isInstanceOfSatisfying(
            UnsupportedMappingException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(
                      problem -> problem.entity().getSimpleName() + "." + problem.attribute())
                  .containsExactly("Flag.comment");
              assertThat(e.getMessage())
                  .contains(
                      Flag.class.getName()
                          + ".comment: refers to Comment, whose rows the"
                          + " erasure of a member deletes (DELETE_ROW)")
                  .contains("is NOT NULL")
                  .contains("Make the association optional with a nullable column");
            });
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e) (item 13): rows retention deletes, still referred to by a NOT NULL key of rows that stay, are refused at start-up")
  void notNullReferencesToExpiringRowsAreRefused() {
    EntityManagerFactory emf = database.open(Member.class, Visit.class, VisitStat.class);
    assertThatThrownBy(() -> JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey()))
        .isInstanceOfSatisfying(
            UnsupportedMappingException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(
                      problem -> problem.entity().getSimpleName() + "." + problem.attribute())
                  .containsExactly("VisitStat.visit");
              assertThat(e.getMessage())
                  .contains(
                      VisitStat.class.getName()
                          + ".visit: refers to Visit, whose rows"
                          + " retention deletes (@Retention(action = DELETE))");
            });
  }

  @Test
  @DisplayName("Art. 17: every rule that would fail is listed in one exception at start-up")
  void everyProblemInOneException() {
    assertThat(
            refused(Member.class, Badge.class, Card.class, Phone.class, Comment.class, Flag.class))
        .containsExactlyInAnyOrder(
            "Badge.handle",
            "Badge.code",
            "Badge.nicknames",
            "Badge.phones",
            "Card.telephone",
            "Card.initials",
            "Card.title",
            "Card.nickname",
            "Phone.telephone",
            "Phone.owner",
            "Phone.alias",
            "Flag.comment");
  }

  private EntityManagerFactory thread() {
    EntityManagerFactory emf =
        database.open(Author.class, Post.class, Note.class, Reaction.class, Bookmark.class);
    inTransaction(
        emf,
        em -> {
          Author ada = new Author(1L, "Ada");
          Author bob = new Author(2L, "Bob");
          Bookmark first = new Bookmark(1L, "https://example.com/1");
          Bookmark second = new Bookmark(2L, "https://example.com/2");
          Bookmark bobs = new Bookmark(3L, "https://example.com/3");
          List.of(first, second, bobs).forEach(em::persist);
          ada.bookmarks.addAll(List.of(first, second));
          bob.bookmarks.add(bobs);
          em.persist(ada);
          em.persist(bob);
          Post root = new Post(10L, ada, null, "Ada's question", OLD);
          Post reply = new Post(11L, ada, root, "Ada answers herself", RECENT);
          Post bobsPost = new Post(20L, bob, null, "Bob's post", OLD);
          Post adaOnBob = new Post(12L, ada, bobsPost, "Ada replies to Bob", RECENT);
          Post bobOnAda = new Post(21L, bob, root, "Bob replies to Ada", RECENT);
          List.of(root, reply, bobsPost, adaOnBob, bobOnAda).forEach(em::persist);
          em.persist(new Note(1L, root, "Ada's note"));
          em.persist(new Note(2L, bobsPost, "Bob's note"));
          em.persist(new Reaction(1L, root, "like"));
          em.persist(new Reaction(2L, bobsPost, "like"));
        });
    return emf;
  }

  @Test
  @DisplayName(
      "Art. 17 (item 13): rows that stay and refer to deleted rows (another subject's reply, an anonymised child, an entity without personal data, a self-referencing thread, a unidirectional @OneToMany) are detached and the erasure succeeds")
  void referringRowsAreDetached() {
    EntityManagerFactory emf = thread();
    JpaPersonalDataStore store = JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey());

    Map<Class<?>, ErasurePlan.RowCount> counts = store.erase(plan(store, ADA));

    assertThat(counts)
        .containsEntry(Post.class, new ErasurePlan.RowCount(3, 0))
        .containsEntry(Note.class, new ErasurePlan.RowCount(0, 1))
        .containsEntry(Author.class, new ErasurePlan.RowCount(1, 0));
    EntityManager em = emf.createEntityManager();
    try {
      assertThat(pairs(em, "select p.id, parent.id from Post p left join p.parent parent"))
          .isEqualTo(Map.of(20L, "null", 21L, "null"));
      assertThat(
              pairs(
                  em,
                  "select n.id, concat(coalesce(n.text, 'null'), '/', coalesce(cast(post.id as String), 'null'))"
                      + " from Note n left join n.post post"))
          .isEqualTo(Map.of(1L, "null/null", 2L, "Bob's note/20"));
      assertThat(pairs(em, "select r.id, post.id from Reaction r left join r.post post"))
          .isEqualTo(Map.of(1L, "null", 2L, "20"));
      assertThat(pairs(em, "select b.id, b.url from Bookmark b")).hasSize(3);
      assertThat(pairs(em, "select b.id, a.id from Author a join a.bookmarks b"))
          .isEqualTo(Map.of(3L, "2"));
      assertThat(pairs(em, "select a.id, a.name from Author a")).isEqualTo(Map.of(2L, "Bob"));
    } finally {
      em.close();
    }
    assertThat(store.erase(plan(store, ADA)).values()).noneMatch(ErasurePlan.RowCount::any);
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e) (item 13): a retention sweep deleting rows others refer to through nullable keys detaches them and succeeds")
  void retentionDetachesReferringRows() {
    EntityManagerFactory emf = thread();
    JpaPersonalDataStore store = JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey());
    EntityDescriptor posts = store.model().entity(Post.class).orElseThrow();
    RetentionTask task =
        new RetentionTask(
            posts,
            posts.retention().orElseThrow(),
            NOW.minus(Duration.ofDays(30)),
            ZoneOffset.UTC,
            java.util.Set.of());

    assertThat(store.sweep(task, Optional.empty(), 100).deleted()).isEqualTo(2);

    EntityManager em = emf.createEntityManager();
    try {
      assertThat(pairs(em, "select p.id, parent.id from Post p left join p.parent parent"))
          .isEqualTo(Map.of(11L, "null", 12L, "null", 21L, "null"));
      assertThat(pairs(em, "select n.id, post.id from Note n left join n.post post"))
          .isEqualTo(Map.of(1L, "null", 2L, "null"));
      assertThat(pairs(em, "select r.id, post.id from Reaction r left join r.post post"))
          .isEqualTo(Map.of(1L, "null", 2L, "null"));
    } finally {
      em.close();
    }
  }

  @Test
  @DisplayName(
      "Art. 17(1), 5(2): an erasure preview runs the plan, returns the receipt the erasure gives, and changes nothing")
  void previewChangesNothing() {
    EntityManagerFactory emf = thread();
    Instant now = NOW;
    JpaPersonalDataStore store =
        JpaPersonalDataStore.builder(emf, Pseudonymizer.withRandomKey())
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .build();
    Map<String, List<List<String>>> before = database.scan();

    ErasureReceipt preview = store.erasurePreview(ADA, ErasureGround.CONSENT_WITHDRAWN, List.of());

    assertThat(database.scan()).isEqualTo(before);
    assertThat(preview.erasedAt()).isEqualTo(now);
    assertThat(preview.rowsTouched()).isEqualTo(5);
    ErasurePlan plan = plan(store, ADA);
    ErasureReceipt erased = ErasureReceipt.of(plan, store.erase(plan), now);
    assertThat(preview).isEqualTo(erased);
    assertThat(database.scan()).isNotEqualTo(before);
  }

  private static ErasurePlan plan(JpaPersonalDataStore store, SubjectKey subject) {
    return ErasurePlan.of(store.model(), subject, ErasureGround.CONSENT_WITHDRAWN, List.of());
  }

  private static Map<Long, String> pairs(EntityManager em, String query) {
    Map<Long, String> pairs = new TreeMap<>();
    for (Object[] row : em.createQuery(query, Object[].class).getResultList()) {
      pairs.put(((Number) row[0]).longValue(), String.valueOf(row[1]));
    }
    return pairs;
  }

  private static void inTransaction(EntityManagerFactory emf, Consumer<EntityManager> work) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      work.accept(em);
      em.getTransaction().commit();
    } finally {
      em.close();
    }
  }
}
