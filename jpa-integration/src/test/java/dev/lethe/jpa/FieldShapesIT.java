package dev.lethe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.erasure.ErasureReceipt;
import dev.lethe.jpa.shapes.fields.Customer;
import dev.lethe.jpa.shapes.fields.Invoice;
import dev.lethe.jpa.shapes.fields.Preferences;
import dev.lethe.jpa.shapes.fields.Supplier;
import dev.lethe.jpa.shapes.fields.Ticket;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.law.ErasureExemption;
import dev.lethe.law.ErasureGround;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.request.Rectification;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectKey;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Inherited attributes, overrides, link columns (one of them an identifier) and rows that keep an
 * attribute (issue 13 items 2, 5 and 6), exported and erased on the selected database: nothing of
 * the erased subject stays in any table but what is kept, nobody else's rows change, and the
 * receipt says what happened.
 */
class FieldShapesIT {

  private static final SubjectKey CUSTOMER_ONE = new SubjectKey("customer", 1L);
  private static final SubjectKey SUPPLIER_ONE = new SubjectKey("supplier", 1L);

  private static TestDatabase database;
  private static EntityManagerFactory emf;
  private static JpaPersonalDataStore store;

  @BeforeAll
  static void openDatabase() {
    database = TestDatabase.create();
    emf =
        database.open(
            Customer.class, Supplier.class, Ticket.class, Invoice.class, Preferences.class);
    store = JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey());
  }

  @AfterAll
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  /** Two customers and two suppliers; every personal value carries its subject's marker, such as [c1]. */
  @BeforeEach
  void populate() {
    emf.getSchemaManager().truncate();
    emf.runInTransaction(
        em -> {
          for (long n = 1; n <= 2; n++) {
            Customer customer =
                new Customer(
                    n,
                    "Name [c" + n + "]",
                    "+44 [c" + n + "] 5550",
                    "buyer[c" + n + "]@example.com");
            em.persist(customer);
            em.persist(new Supplier(n, "Trading name " + n, "+44 [s" + n + "] 7712"));
            em.persist(new Preferences(n, "Topics [c" + n + "]"));
            for (long i = 1; i <= 2; i++) {
              // As people type it: the link reaches the customer as the identity lookup would.
              String typed =
                  i == 1
                      ? customer.email
                      : " "
                          + customer.email.replace("buyer", "Buyer").replace("example", "Example");
              em.persist(new Ticket(n * 10 + i, typed, "kettle"));
              em.persist(
                  new Invoice(
                      n * 10 + i,
                      customer,
                      "Billed [c" + n + "]",
                      "Ref [c" + n + "] " + i,
                      new BigDecimal(n * 100 + i)));
            }
          }
        });
    emf.getCache().evictAll();
  }

  @Test
  @DisplayName(
      "Art. 15: the export holds attributes inherited from a mapped superclass, overridden ones, derived ones (a formula) and link columns, however an e-mail link is typed")
  void exportsInheritedAttributesAndLinks() {
    Map<Class<?>, List<SubjectRecord>> customer = export(CUSTOMER_ONE);

    assertThat(customer.get(Customer.class))
        .singleElement()
        .satisfies(
            row ->
                assertThat(row.values())
                    .containsEntry("displayName", "Name [c1]")
                    .containsEntry("telephone", "+44 [c1] 5550")
                    .containsEntry("email", "buyer[c1]@example.com"));
    assertThat(customer.get(Ticket.class))
        .extracting(row -> row.values().get("customerEmail"))
        .containsExactlyInAnyOrder("buyer[c1]@example.com", " Buyer[c1]@Example.com");
    assertThat(customer.get(Invoice.class))
        .hasSize(2)
        .allSatisfy(
            row -> {
              assertThat(row.values())
                  .containsOnlyKeys("billingName", "reference", "amount", "doubled")
                  .containsEntry("billingName", "Billed [c1]");
              assertThat((BigDecimal) row.values().get("doubled"))
                  .as("a formula, read through JPQL")
                  .isEqualByComparingTo(
                      ((BigDecimal) row.values().get("amount")).multiply(BigDecimal.valueOf(2)));
            });
    assertThat(customer.get(Preferences.class))
        .singleElement()
        .satisfies(
            row ->
                assertThat(row.values())
                    .containsEntry("customerId", 1L)
                    .containsEntry("topics", "Topics [c1]"));
    assertThat(customer.toString()).doesNotContain("[c2]", "[s1]");

    assertThat(export(SUPPLIER_ONE).get(Supplier.class))
        .singleElement()
        .satisfies(
            row ->
                assertThat(row.values())
                    .as("the trading name is not personal data")
                    .containsExactly(Map.entry("telephone", "+44 [s1] 7712")));
  }

  @Test
  @DisplayName(
      "Art. 17: erasure leaves no inherited attribute or link column of the subject in any table, and nobody else's rows change")
  void erasesInheritedAttributesAndLinks() {
    Map<String, List<List<String>>> before = database.scan();

    Map<Class<?>, ErasurePlan.RowCount> counts = store.erase(plan(CUSTOMER_ONE));

    assertThat(counts)
        .containsEntry(Customer.class, new ErasurePlan.RowCount(0, 1))
        .containsEntry(Ticket.class, new ErasurePlan.RowCount(0, 2))
        .containsEntry(Invoice.class, new ErasurePlan.RowCount(0, 2))
        .containsEntry(Preferences.class, new ErasurePlan.RowCount(1, 0));
    Map<String, List<List<String>>> after = database.scan();
    assertThat(after.toString()).doesNotContain("[c1]");
    assertThat(rowsOf(before, "[c2]").get("invoice")).hasSize(2);
    assertThat(rowsOf(after, "[c2]")).isEqualTo(rowsOf(before, "[c2]"));
    assertThat(rowsOf(after, "[s")).isEqualTo(rowsOf(before, "[s"));
    assertThat(after.get("ticket")).as("the tickets stay, without the link").hasSize(4);
    assertThat(after.get("preferences")).as("the row keyed by the link goes").hasSize(1);
    assertThat(store.erase(plan(CUSTOMER_ONE)).values())
        .as("a second erasure")
        .noneMatch(ErasurePlan.RowCount::any);
  }

  @Test
  @DisplayName("Art. 17: an override erases an inherited attribute of one subclass only")
  void erasesOverriddenAttribute() {
    Map<String, List<List<String>>> before = database.scan();

    assertThat(
            store.erase(
                ErasurePlan.of(
                    store.model(), SUPPLIER_ONE, ErasureGround.CONSENT_WITHDRAWN, List.of())))
        .containsEntry(Supplier.class, new ErasurePlan.RowCount(0, 1));

    Supplier supplier = emf.callInTransaction(em -> em.find(Supplier.class, 1L));
    assertThat(supplier.telephone).doesNotContain("[s1]").endsWith("12");
    assertThat(supplier.displayName).isEqualTo("Trading name 1");
    assertThat(rowsOf(database.scan(), "[c")).isEqualTo(rowsOf(before, "[c"));
  }

  @Test
  @DisplayName(
      "Art. 17(3)(b): DELETE_ROW beside a kept amount keeps the row and amount, erases the rest in place, and the receipt says so")
  void keptAttributeKeepsItsRowAndTheReceiptSaysSo() {
    ErasurePlan plan = plan(CUSTOMER_ONE);
    ErasureReceipt receipt = ErasureReceipt.of(plan, store.erase(plan), Instant.EPOCH);

    assertThat(receipt.entities())
        .filteredOn(outcome -> outcome.entity().equals("Invoice"))
        .singleElement()
        .satisfies(
            outcome -> {
              assertThat(outcome.rows()).isEqualTo(new ErasurePlan.RowCount(0, 2));
              assertThat(outcome.kept())
                  .containsExactly(
                      new ErasureReceipt.KeptField(
                          "amount", ErasureExemption.LEGAL_OBLIGATION_OR_PUBLIC_TASK),
                      new ErasureReceipt.KeptField(
                          "doubled", ErasureExemption.LEGAL_OBLIGATION_OR_PUBLIC_TASK));
            });
    assertThat(receipt.toString()).doesNotContain("[c1]", "buyer");
    Invoice invoice = emf.callInTransaction(em -> em.find(Invoice.class, 11L));
    assertThat(invoice.amount).isEqualByComparingTo(new BigDecimal(101));
    assertThat(invoice.billingName).isNull();
    assertThat(invoice.reference).isNull();
  }

  @Test
  @DisplayName(
      "Art. 16: a rectification of a @Formula attribute, which Hibernate never writes, is refused, naming it, and nothing changes")
  void formulaIsNotRectified() {
    Map<String, List<List<String>>> before = database.scan();

    assertThatThrownBy(
            () ->
                store.rectify(
                    CUSTOMER_ONE,
                    new Rectification(Invoice.class, 11L, Map.of("doubled", new BigDecimal("7")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invoice [doubled] cannot be rectified");
    assertThat(database.scan()).isEqualTo(before);
  }

  private static ErasurePlan plan(SubjectKey subject) {
    return ErasurePlan.of(store.model(), subject, ErasureGround.CONSENT_WITHDRAWN, List.of());
  }

  private static Map<Class<?>, List<SubjectRecord>> export(SubjectKey subject) {
    Map<Class<?>, List<SubjectRecord>> export = new LinkedHashMap<>();
    for (EntityDescriptor entity : store.model().entitiesOf(subject.subjectType())) {
      try (Stream<SubjectRecord> records = store.records(subject, entity)) {
        export.put(entity.type(), records.toList());
      }
      // A report reads the same values without the rows' identifiers (a formula through JPQL).
      try (Stream<Map<String, @Nullable Object>> values = store.values(subject, entity)) {
        assertThat(values.toList())
            .as("values of %s", entity.type().getSimpleName())
            .containsExactlyInAnyOrderElementsOf(
                export.get(entity.type()).stream().map(SubjectRecord::values).toList());
      }
    }
    return export;
  }

  /** The rows of every table that hold {@code marker} in some cell. */
  private static Map<String, List<List<String>>> rowsOf(
      Map<String, List<List<String>>> tables, String marker) {
    Map<String, List<List<String>>> rows = new LinkedHashMap<>();
    tables.forEach(
        (table, content) ->
            rows.put(
                table,
                content.stream()
                    .filter(row -> row.stream().anyMatch(cell -> cell.contains(marker)))
                    .toList()));
    return rows;
  }
}
