package dev.lethe.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.law.ErasureGround;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectKey;
import dev.lethe.tck.shop.Customer;
import dev.lethe.tck.shop.LoginEvent;
import dev.lethe.tck.shop.Shop;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * HASH and MASK compute each row's value in Java (a keyed HMAC is not portable SQL): their rewrite
 * is one batched statement per attribute, so that an erasure's statements do not grow with the
 * number of distinct values, counted below the pool on the selected database.
 */
class HashAndMaskStatementsIT {

  private static final SubjectKey CUSTOMER_1 = new SubjectKey("customer", 1L);

  private static TestDatabase database;
  private static EntityManagerFactory emf;
  private static JpaPersonalDataStore store;

  @BeforeAll
  static void open() {
    database = TestDatabase.create();
    emf = database.open(Shop.ENTITIES.toArray(Class<?>[]::new));
    store = JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey());
  }

  @AfterAll
  static void close() {
    if (database != null) {
      database.close();
    }
  }

  /** Two customers, each with {@code logins} logins from distinct addresses. */
  private static void populate(int logins) {
    emf.getSchemaManager().truncate();
    emf.runInTransaction(
        em -> {
          long id = 100;
          for (long c = 1; c <= 2; c++) {
            Customer customer =
                new Customer(c, "customer" + c + "@example.com", "Name " + c, "+44 7700 90000" + c);
            em.persist(customer);
            for (int l = 0; l < logins; l++) {
              em.persist(
                  new LoginEvent(
                      id++,
                      customer.email,
                      Instant.parse("2026-01-01T00:00:00Z"),
                      "10." + c + "." + l / 250 + "." + l % 250));
            }
          }
        });
  }

  /** Erases customer 1; returns the statements it sent. */
  private static int erasureStatements() {
    database.statements().reset();
    store.erase(
        ErasurePlan.of(store.model(), CUSTOMER_1, ErasureGround.CONSENT_WITHDRAWN, List.of()));
    return database.statements().count();
  }

  /** The addresses of the logins of customer {@code customer}, by id: ids from 100 on, customer 1's first. */
  private static List<String> addressesOf(int customer, int logins) {
    long from = 100L + (customer - 1L) * logins;
    return emf.callInTransaction(
        em ->
            em.createQuery(
                    "select l.ipAddress from LoginEvent l where l.id >= :from"
                        + " and l.id < :to order by l.id",
                    String.class)
                .setParameter("from", from)
                .setParameter("to", from + logins)
                .getResultList());
  }

  @Test
  @DisplayName(
      "Art. 17: HASH and MASK erasure of 5 or 600 distinct values sends the same statements, and hashes every one")
  void art17_statementsDoNotGrowWithDistinctValues() {
    populate(5);
    int few = erasureStatements();
    populate(600);
    List<String> before = addressesOf(1, 600);
    int many = erasureStatements();

    assertThat(many)
        .as(
            "statements erasing 600 distinct addresses against 5: %s",
            database.statements().statements())
        .isEqualTo(few);
    assertThat(addressesOf(1, 600))
        .hasSize(600)
        .doesNotContainAnyElementsOf(before)
        .doesNotHaveDuplicates();
    assertThat(addressesOf(2, 600))
        .as("the other customer's addresses")
        .hasSize(600)
        .allMatch(ip -> ip.startsWith("10.2."));
    String phone = emf.callInTransaction(em -> em.find(Customer.class, 1L).phone);
    assertThat(phone).as("the masked phone").endsWith("01").doesNotContain("7700");
    assertThat(
            store
                .erase(
                    ErasurePlan.of(
                        store.model(), CUSTOMER_1, ErasureGround.CONSENT_WITHDRAWN, List.of()))
                .values())
        .as("a second erasure")
        .noneMatch(ErasurePlan.RowCount::any);
  }
}
