package dev.lethe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.Lethe;
import dev.lethe.erasure.ErasurePlan;
import dev.lethe.jpa.hr.Applicant;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.law.ErasureGround;
import dev.lethe.law.RestrictionGround;
import dev.lethe.request.Channel;
import dev.lethe.request.Rectification;
import dev.lethe.request.RequestType;
import dev.lethe.restriction.Restrictions;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.IdentityVerifier;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import dev.lethe.tck.shop.Customer;
import dev.lethe.tck.shop.LoginEvent;
import dev.lethe.tck.shop.OrderNote;
import dev.lethe.tck.shop.PurchaseOrder;
import dev.lethe.tck.shop.Shop;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Restriction of processing (Art. 18) enforced by Hibernate listeners on the selected database:
 * the application's changes to a restricted subject's rows are refused and rolled back, Lethe's
 * own erasure is refused and its rectification passes only for a contested accuracy.
 */
class RestrictionEnforcementIT {

  private static final SubjectIdentifier ADA =
      new SubjectIdentifier("customer", "email", "customer1@example.com");
  private static final SubjectKey ADA_KEY = new SubjectKey("customer", 1L);

  private static TestDatabase database;
  private static EntityManagerFactory emf;
  private static JpaPersonalDataStore store;
  private static DataSubjectRights rights;
  private static Restrictions restrictions;
  private static Lethe lethe;

  @BeforeAll
  static void openDatabase() {
    database = TestDatabase.create();
    List<Class<?>> classes = new ArrayList<>(Shop.ENTITIES);
    classes.add(Applicant.class);
    emf = database.open(classes.toArray(Class<?>[]::new));
    Clock clock = Clock.fixed(Instant.parse("2026-01-10T09:00:00Z"), ZoneOffset.UTC);
    Pseudonymizer pseudonymizer = Pseudonymizer.withRandomKey();
    store = JpaPersonalDataStore.of(emf, pseudonymizer);
    // Built over the store, Lethe hands it its restrictions: the store enforces them from now on.
    lethe =
        Lethe.builder(store.model(), pseudonymizer)
            .clock(clock)
            .identityVerifier(IdentityVerifier.never())
            .subjectNotifier((subject, restriction) -> {})
            .personalData(store)
            .build();
    rights = lethe.rights();
    restrictions = lethe.restrictions();
  }

  @AfterAll
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @BeforeEach
  void populate() {
    emf.getSchemaManager().truncate();
    emf.runInTransaction(
        em -> {
          Shop.population(2, 1).forEach(em::persist);
          em.persist(
              new Applicant(
                  1L, "applicant@example.com", LocalDate.parse("2025-01-01"), List.of("java")));
        });
  }

  @AfterEach
  void liftAll() {
    for (SubjectIdentifier subject :
        List.of(
            ADA,
            new SubjectIdentifier("customer", "id", "1"),
            new SubjectIdentifier("applicant", "email", "applicant@example.com"))) {
      if (restrictions.restriction(subject).isPresent()) {
        restrictions.lift(subject);
      }
    }
  }

  private static void restrict(SubjectIdentifier subject, RestrictionGround ground) {
    restrictions.restrict(rights.submit(RequestType.RESTRICTION, subject, Channel.WEB), ground);
  }

  /** Runs {@code change} in a transaction of its own, as the application would. */
  private static void inTransaction(Consumer<EntityManager> change) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      change.accept(em);
      em.getTransaction().commit();
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  private static void assertRefused(
      ThrowingCallable change, String entity, RestrictionGround ground) {
    assertThatThrownBy(change)
        .satisfies(
            thrown -> {
              Throwable cause = thrown;
              while (cause != null && !(cause instanceof ProcessingRestrictedException)) {
                cause = cause.getCause();
              }
              assertThat(cause).as("a ProcessingRestrictedException in %s", thrown).isNotNull();
              ProcessingRestrictedException refused = (ProcessingRestrictedException) cause;
              assertThat(refused.entity()).isEqualTo(entity);
              assertThat(refused.ground()).isEqualTo(ground);
              assertThat(refused.getMessage())
                  .contains(entity)
                  .contains(ground.article())
                  .doesNotContain("customer1")
                  .doesNotContain("example.com")
                  .doesNotContain("Name 1");
            });
  }

  private static Map<String, List<List<String>>> scan() {
    return database.scan();
  }

  @Test
  @DisplayName(
      "Art. 18(2): updating a restricted subject's row is refused, naming entity and ground, and rolls back")
  void updateRefused() {
    restrict(ADA, RestrictionGround.ACCURACY_CONTESTED);
    Map<String, List<List<String>>> before = scan();

    assertRefused(
        () -> inTransaction(em -> em.find(PurchaseOrder.class, 1L).deliveryAddress = "elsewhere"),
        "PurchaseOrder",
        RestrictionGround.ACCURACY_CONTESTED);
    assertRefused(
        () ->
            inTransaction(
                em -> {
                  em.find(Customer.class, 2L).name =
                      "Someone Else"; // allowed, but rolled back with the rest
                  em.find(OrderNote.class, 2L).text =
                      "changed"; // two hops from the restricted customer
                }),
        "OrderNote",
        RestrictionGround.ACCURACY_CONTESTED);

    assertThat(scan()).as("nothing changed").isEqualTo(before);
    inTransaction(em -> em.find(PurchaseOrder.class, 5L).deliveryAddress = "2 Elsewhere");
    assertThat(scan()).as("another subject's row can change").isNotEqualTo(before);
  }

  @Test
  @DisplayName("Art. 18(2): deleting a restricted subject's row, linked by e-mail, is refused")
  void deleteRefused() {
    restrict(ADA, RestrictionGround.NEEDED_FOR_LEGAL_CLAIMS);
    Map<String, List<List<String>>> before = scan();

    assertRefused(
        () -> inTransaction(em -> em.remove(em.find(LoginEvent.class, 3L))),
        "LoginEvent",
        RestrictionGround.NEEDED_FOR_LEGAL_CLAIMS);

    assertThat(scan()).isEqualTo(before);
    inTransaction(em -> em.remove(em.find(LoginEvent.class, 7L)));
    assertThat(emf.<LoginEvent>callInTransaction(em -> em.find(LoginEvent.class, 7L))).isNull();
  }

  @Test
  @DisplayName(
      "Art. 18(2): a restriction placed under the subject's id also protects the rows found by its e-mail")
  void restrictionUnderAnotherIdentity() {
    restrict(new SubjectIdentifier("customer", "id", "1"), RestrictionGround.OBJECTION_PENDING);

    assertRefused(
        () -> inTransaction(em -> em.find(Customer.class, 1L).phone = "+44 7700 900999"),
        "Customer",
        RestrictionGround.OBJECTION_PENDING);
    assertRefused(
        () -> inTransaction(em -> em.find(LoginEvent.class, 4L).ipAddress = "10.9.9.9"),
        "LoginEvent",
        RestrictionGround.OBJECTION_PENDING);
  }

  @Test
  @DisplayName("Art. 18(2): changing an element collection of a restricted subject is refused")
  void collectionChangeRefused() {
    SubjectIdentifier applicant =
        new SubjectIdentifier("applicant", "email", "applicant@example.com");
    restrict(applicant, RestrictionGround.UNLAWFUL_ERASURE_OPPOSED);
    Map<String, List<List<String>>> before = scan();

    assertRefused(
        () -> inTransaction(em -> em.find(Applicant.class, 1L).skills.add("sql")),
        "Applicant",
        RestrictionGround.UNLAWFUL_ERASURE_OPPOSED);
    assertRefused(
        () -> inTransaction(em -> em.remove(em.find(Applicant.class, 1L))),
        "Applicant",
        RestrictionGround.UNLAWFUL_ERASURE_OPPOSED);

    assertThat(scan()).isEqualTo(before);
    restrictions.lift(applicant);
    inTransaction(em -> em.find(Applicant.class, 1L).skills.add("sql"));
    assertThat(scan()).isNotEqualTo(before);
  }

  @Test
  @DisplayName(
      "Art. 18(2): a second store enforcing restrictions on the same factory is refused, and so is a second Lethe over one store")
  void oneGuardPerFactory() {
    JpaPersonalDataStore second = JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey());
    assertThatThrownBy(() -> second.enforce(restrictions))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("one store with restrictions per factory");
    assertThatThrownBy(
            () ->
                Lethe.builder(store.model(), Pseudonymizer.withRandomKey())
                    .personalData(store)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already enforces restrictions");
  }

  @Test
  @DisplayName(
      "Art. 18(2), 17(1): Lethe's erasure of a restricted subject is refused until the restriction is lifted")
  void erasureRefusedWhileRestricted() {
    restrict(ADA, RestrictionGround.UNLAWFUL_ERASURE_OPPOSED);
    Map<String, List<List<String>>> before = scan();
    ErasurePlan plan =
        ErasurePlan.of(store.model(), ADA_KEY, ErasureGround.CONSENT_WITHDRAWN, List.of());

    assertRefused(() -> store.erase(plan), "Customer", RestrictionGround.UNLAWFUL_ERASURE_OPPOSED);
    assertThat(scan()).isEqualTo(before);

    restrictions.lift(ADA);
    assertThat(store.erase(plan).values()).anyMatch(ErasurePlan.RowCount::any);
  }

  @Test
  @DisplayName(
      "Art. 18(1)(a), 16: Lethe rectifies a subject whose accuracy is contested, and no other restricted subject")
  void rectificationOnlyForContestedAccuracy() {
    restrict(ADA, RestrictionGround.ACCURACY_CONTESTED);
    store.rectify(ADA_KEY, new Rectification(Customer.class, 1L, Map.of("name", "Ada Corrected")));
    assertThat(emf.<String>callInTransaction(em -> em.find(Customer.class, 1L).name))
        .isEqualTo("Ada Corrected");

    restrictions.lift(ADA);
    restrict(ADA, RestrictionGround.NEEDED_FOR_LEGAL_CLAIMS);
    assertRefused(
        () ->
            store.rectify(
                ADA_KEY, new Rectification(Customer.class, 1L, Map.of("name", "Changed"))),
        "Customer",
        RestrictionGround.NEEDED_FOR_LEGAL_CLAIMS);
    assertThat(emf.<String>callInTransaction(em -> em.find(Customer.class, 1L).name))
        .isEqualTo("Ada Corrected");
  }

  @Test
  @DisplayName(
      "Art. 18(1)(a), 18(2): rectifying the identity a restriction stands under is refused, so that the restriction cannot be left behind")
  void rectifyingTheRestrictedIdentityRefused() {
    restrict(ADA, RestrictionGround.ACCURACY_CONTESTED);
    Map<String, List<List<String>>> before = scan();

    assertRefused(
        () ->
            store.rectify(
                ADA_KEY,
                new Rectification(
                    Customer.class, 1L, Map.of("email", "customer1.corrected@example.com"))),
        "Customer",
        RestrictionGround.ACCURACY_CONTESTED);
    assertThat(scan()).as("nothing changed").isEqualTo(before);
    assertRefused(
        () -> inTransaction(em -> em.find(Customer.class, 1L).phone = "+44 7700 900999"),
        "Customer",
        RestrictionGround.ACCURACY_CONTESTED);

    restrict(new SubjectIdentifier("customer", "id", "1"), RestrictionGround.ACCURACY_CONTESTED);
    restrictions.lift(ADA);
    store.rectify(
        ADA_KEY,
        new Rectification(Customer.class, 1L, Map.of("email", "customer1.corrected@example.com")));
    assertThat(emf.<String>callInTransaction(em -> em.find(Customer.class, 1L).email))
        .isEqualTo("customer1.corrected@example.com");
    assertRefused(
        () -> inTransaction(em -> em.find(Customer.class, 1L).phone = "+44 7700 900999"),
        "Customer",
        RestrictionGround.ACCURACY_CONTESTED);
  }
}
