package dev.lethe.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.jpa.identities.Guest;
import dev.lethe.jpa.identities.Member;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.model.IdentityMatch;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Identity lookup gives the same answer on H2, PostgreSQL and MariaDB, whatever the database's
 * collation: e-mail identities ignore case and surrounding spaces on both sides, an exact identity
 * matches only as written (MariaDB's default collation would otherwise equal "Ada" and "ada").
 */
class IdentityLookupIT {

  private static TestDatabase database;
  private static JpaPersonalDataStore store;

  @BeforeAll
  static void openDatabase() {
    database = TestDatabase.create();
    EntityManagerFactory emf = database.open(Member.class, Guest.class);
    EntityManager em = emf.createEntityManager();
    em.getTransaction().begin();
    em.persist(new Member(1L, " Ada.Lovelace@Example.com", "AdaL"));
    em.persist(new Member(2L, "grace@example.com", "adal"));
    em.persist(new Guest(1L, "Guest.One@Example.com "));
    em.getTransaction().commit();
    em.close();
    store = JpaPersonalDataStore.builder(emf, Pseudonymizer.withRandomKey()).build();
  }

  @AfterAll
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  @DisplayName(
      "Art. 12(2), 15: an e-mail identity is found whatever its case and surrounding spaces, on every database")
  void emailIgnoresCaseAndSpaces() {
    assertThat(
            store
                .model()
                .subjectType("member")
                .orElseThrow()
                .identityRule("email")
                .orElseThrow()
                .match())
        .isEqualTo(IdentityMatch.IGNORE_CASE_AND_SPACE);

    assertThat(store.resolve(new SubjectIdentifier("member", "email", "ada.lovelace@example.com")))
        .containsExactly(new SubjectKey("member", 1L));
    assertThat(
            store.resolve(new SubjectIdentifier("member", "email", "  ADA.LOVELACE@EXAMPLE.COM\t")))
        .containsExactly(new SubjectKey("member", 1L));
    assertThat(store.resolve(new SubjectIdentifier("member", "email", "ada.lovelace@example.co")))
        .isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 12(6): an exact identity matches only as written, even under MariaDB's case-insensitive collation")
  void exactIdentityMatchesOnlyAsWritten() {
    assertThat(store.resolve(new SubjectIdentifier("member", "handle", "AdaL")))
        .containsExactly(new SubjectKey("member", 1L));
    assertThat(store.resolve(new SubjectIdentifier("member", "handle", "adal")))
        .containsExactly(new SubjectKey("member", 2L));
    assertThat(store.resolve(new SubjectIdentifier("member", "handle", "ADAL"))).isEmpty();
    assertThat(store.resolve(new SubjectIdentifier("member", "handle", "AdaL "))).isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 17: a soft-deleted root, looked up past its filter, is found by e-mail the same way")
  void softDeletedRootIgnoresCaseAndSpaces() {
    assertThat(store.resolve(new SubjectIdentifier("guest", "email", "guest.one@example.com")))
        .containsExactly(new SubjectKey("guest", 1L));
    assertThat(store.resolve(new SubjectIdentifier("guest", "email", " GUEST.ONE@example.COM")))
        .containsExactly(new SubjectKey("guest", 1L));
  }
}
