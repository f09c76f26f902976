package dev.lethe.jpa.envers.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.jpa.JpaPersonalDataStore;
import dev.lethe.jpa.UnsupportedMappingException;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.law.ErasureGround;
import dev.lethe.retention.RetentionEnforcer;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectKey;
import dev.lethe.test.ResidueCheck;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the Envers history of rows the application deleted before the erasure is reached
 * however far they were from their subject: two hops ({@code invoice.shopper}, back through a
 * basket's join table), three ({@code line.invoice.shopper}), a one-way {@code @OneToMany} by join
 * column, with the row deleted at each hop (the note alone; the line and its note; the invoice with
 * its lines and notes). Every row has three revisions written in separate transactions; the residue
 * check runs over every table, {@code _AUD} included, after rights erasure and after retention.
 */
class EnversDeepHistoryIT {

  private static final Instant NOW = Instant.parse("2031-06-01T00:00:00Z");
  private static final LocalDate LONG_AGO = LocalDate.parse("2027-01-01");
  private static final LocalDate RECENTLY = LocalDate.parse("2031-05-01");
  private static final SubjectKey ADA = new SubjectKey("shopper", 1L);
  private static final List<String> NAMES = List.of("ada", "bob", "cyd");
  private static final List<String> VERSIONS = List.of("one", "two", "three");

  private TestDatabase database;
  private EntityManagerFactory emf;
  private JpaPersonalDataStore store;

  @BeforeEach
  void shop() {
    database = TestDatabase.create();
    emf =
        database.open(
            Shopper.class,
            Invoice.class,
            InvoiceLine.class,
            LineNote.class,
            Parcel.class,
            Basket.class,
            Item.class);
    store = JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey());
    populate();
    deleteSomeRows(1);
    deleteSomeRows(2);
    // Ada's line 101, its note deleted, moves to Bob's invoice: now it is Bob's.
    emf.runInTransaction(
        em -> {
          InvoiceLine line = em.find(InvoiceLine.class, 101L);
          line.invoice = em.find(Invoice.class, 20L);
          line.description = "Line bob moved here";
        });
  }

  @AfterEach
  void close() {
    database.close();
  }

  /**
   * Per shopper p: invoices p0 and p1, each with two lines (the first billed long ago), each line
   * with a note (written as long ago as the line); parcels p0 and p1; a basket with items p0 and p1.
   */
  private void populate() {
    emf.runInTransaction(
        em -> {
          for (int p = 1; p <= NAMES.size(); p++) {
            String who = NAMES.get(p - 1);
            Shopper shopper =
                new Shopper((long) p, who + "@example.com", "Name of " + who + " one");
            em.persist(shopper);
            Basket basket = new Basket((long) p, shopper);
            for (int i = 0; i < 2; i++) {
              long id = p * 10L + i;
              Invoice invoice = new Invoice(id, shopper, text("Billed", who, id, "one"));
              em.persist(invoice);
              for (int j = 0; j < 2; j++) {
                LocalDate when = j == 0 ? LONG_AGO : RECENTLY;
                InvoiceLine line =
                    new InvoiceLine(
                        id * 10 + j, invoice, text("Line", who, id * 10 + j, "one"), when);
                em.persist(line);
                em.persist(
                    new LineNote(line.id * 10, line, text("Note", who, line.id * 10, "one"), when));
              }
              Parcel parcel = new Parcel(id, text("Parcel", who, id, "one"));
              em.persist(parcel);
              shopper.parcels.add(parcel);
              Item item = new Item(id, text("Wish", who, id, "one"));
              em.persist(item);
              basket.items.add(item);
            }
            em.persist(basket);
          }
        });
    for (String version : VERSIONS.subList(1, 3)) {
      emf.runInTransaction(
          em -> {
            for (int p = 1; p <= NAMES.size(); p++) {
              String who = NAMES.get(p - 1);
              em.find(Shopper.class, (long) p).name = "Name of " + who + " " + version;
              for (int i = 0; i < 2; i++) {
                long id = p * 10L + i;
                em.find(Invoice.class, id).billedTo = text("Billed", who, id, version);
                for (int j = 0; j < 2; j++) {
                  long line = id * 10 + j;
                  em.find(InvoiceLine.class, line).description = text("Line", who, line, version);
                  em.find(LineNote.class, line * 10).text = text("Note", who, line * 10, version);
                }
                em.find(Parcel.class, id).address = text("Parcel", who, id, version);
                em.find(Item.class, id).wish = text("Wish", who, id, version);
              }
            }
          });
    }
  }

  private static String text(String what, String who, long id, String version) {
    return what + " " + who + " " + id + " " + version;
  }

  /**
   * The application deletes, for shopper {@code p}: the note of line p01 (its line and invoice
   * stay); line p00 with its note (its invoice stays); invoice p1 with its lines and their notes;
   * parcel p0; item p0.
   */
  private void deleteSomeRows(int p) {
    emf.runInTransaction(
        em -> {
          long invoice = p * 10L;
          em.remove(em.find(LineNote.class, (invoice * 10 + 1) * 10));
          em.remove(em.find(LineNote.class, invoice * 10 * 10));
          em.remove(em.find(InvoiceLine.class, invoice * 10));
          for (long line : List.of((invoice + 1) * 10, (invoice + 1) * 10 + 1)) {
            em.remove(em.find(LineNote.class, line * 10));
            em.remove(em.find(InvoiceLine.class, line));
          }
          em.remove(em.find(Invoice.class, invoice + 1));
          Shopper shopper = em.find(Shopper.class, (long) p);
          Parcel parcel = em.find(Parcel.class, invoice);
          shopper.parcels.remove(parcel);
          em.remove(parcel);
          Basket basket = em.find(Basket.class, (long) p);
          Item item = em.find(Item.class, invoice);
          basket.items.remove(item);
          em.remove(item);
        });
  }

  /** Every value shopper {@code p}'s deleted rows held, in every revision. */
  private static List<String> deletedRowsValues(int p) {
    String who = NAMES.get(p - 1);
    long invoice = p * 10L;
    List<String> values = new ArrayList<>();
    for (String version : VERSIONS) {
      values.addAll(
          List.of(
              text("Note", who, (invoice * 10 + 1) * 10, version),
              text("Note", who, invoice * 100, version),
              text("Line", who, invoice * 10, version),
              text("Billed", who, invoice + 1, version),
              text("Parcel", who, invoice, version),
              text("Wish", who, invoice, version)));
      for (long line : List.of((invoice + 1) * 10, (invoice + 1) * 10 + 1)) {
        values.addAll(
            List.of(text("Line", who, line, version), text("Note", who, line * 10, version)));
      }
    }
    return values;
  }

  private DataSource dataSource() {
    return (DataSource) emf.getProperties().get("hibernate.connection.datasource");
  }

  /**
   * A residue check whose history rows belong together by the identifier they hold, since their
   * rows are gone: the revision recording a deletion holds no value, and is that row's all the same.
   */
  private ResidueCheck check() {
    ResidueCheck check = ResidueCheck.of(dataSource());
    for (String entity :
        List.of("Shopper", "Invoice", "InvoiceLine", "LineNote", "Parcel", "Basket", "Item")) {
      check = check.withReference(entity + "_AUD", "id", entity + "_AUD", "id");
    }
    return check
        .withReference("Shopper_Parcel_AUD", "id", "Parcel_AUD", "id")
        .withReference("Basket_Item_AUD", "items_id", "Item_AUD", "id");
  }

  /** Every row, per table, that holds one of {@code who}'s values: a dump of that shopper's data. */
  private Map<String, List<List<String>>> rowsOf(String who) {
    Map<String, List<List<String>>> rows = new LinkedHashMap<>();
    database
        .scan()
        .forEach(
            (table, content) ->
                rows.put(
                    table,
                    content.stream()
                        .filter(
                            row -> row.stream().anyMatch(cell -> cell.contains(" " + who + " ")))
                        .toList()));
    return rows;
  }

  @Test
  @DisplayName(
      "Art. 17(1): erasure reaches the history of rows deleted earlier two and three hops away, and changes no one else's data")
  void art17_erasureReachesTheHistoryOfDeletedRowsBehindLongerRoutes() {
    Map<String, List<List<String>>> bobBefore = rowsOf("bob");
    Map<String, List<List<String>>> cydBefore = rowsOf("cyd");

    check()
        .withExport(store.model(), store)
        .withValues(deletedRowsValues(1))
        .erasing(
            ADA,
            () ->
                store.erase(
                    ErasurePlan.of(store.model(), ADA, ErasureGround.CONSENT_WITHDRAWN, List.of())))
        .assertNoResidue();

    assertThat(database.scan().toString())
        .as("nothing of Ada's deleted rows is left in their history")
        .doesNotContain(
            "Note ada 1000",
            "Note ada 1010",
            "Line ada 100 ",
            "Billed ada 11",
            "Line ada 110",
            "Line ada 111",
            "Note ada 1100",
            "Note ada 1110",
            "Parcel ada 10 ",
            "Wish ada 10 ");
    assertThat(rowsOf("bob"))
        .as("Bob's rows, history included, and the line he took over")
        .isEqualTo(bobBefore);
    assertThat(rowsOf("cyd")).isEqualTo(cydBefore);
    assertThat(rows("Shopper_Parcel_AUD"))
        .as("the history of Ada's parcel list left no row of a deleted parcel")
        .noneMatch(row -> row.contains("10") && row.contains("1"));
  }

  private List<List<String>> rows(String table) {
    return database.scan().entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(table))
        .flatMap(entry -> entry.getValue().stream())
        .toList();
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): retention deletes or anonymises the expired history of rows the application deleted, and nothing else")
  void art5_retentionReachesTheHistoryOfDeletedRows() {
    List<String> expired = new ArrayList<>();
    for (int p = 1; p <= NAMES.size(); p++) {
      String who = NAMES.get(p - 1);
      for (long line : List.of(p * 100L, p * 100L + 10)) {
        for (String version : VERSIONS) {
          expired.addAll(
              List.of(text("Line", who, line, version), text("Note", who, line * 10, version)));
        }
      }
    }
    RetentionEnforcer enforcer =
        RetentionEnforcer.builder(store.model(), store)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .batchSize(2)
            .build();

    check()
        .withValues(expired)
        .erasing(new SubjectKey("shopper", 0L), enforcer::run)
        .assertNoResidue();

    assertThat(database.scan().toString())
        .as("history not yet expired stays")
        .contains(
            "Line ada 111 three", "Note ada 1110 three", "Note ada 1010 two", "Line bob 201 one");
    Map<String, List<List<String>>> after = database.scan();
    enforcer.run();
    assertThat(database.scan()).as("a second sweep changes nothing").isEqualTo(after);
  }

  @Test
  @DisplayName(
      "Art. 17(1): a route through a link Envers keeps no history of is refused at start-up, with the fix")
  void art17_aRouteWhoseHistoryCannotBeFollowedIsRefused() {
    try (TestDatabase other = TestDatabase.create()) {
      EntityManagerFactory factory =
          other.open(Shopper.class, Parcel.class, Wallet.class, Coupon.class);

      assertThatThrownBy(() -> JpaPersonalDataStore.of(factory, Pseudonymizer.withRandomKey()))
          .isInstanceOfSatisfying(
              UnsupportedMappingException.class,
              e ->
                  assertThat(e.problems())
                      .singleElement()
                      .satisfies(
                          problem -> {
                            assertThat(problem.entity()).isEqualTo(Coupon.class);
                            assertThat(problem.attribute()).isEqualTo("wallet.shopper");
                            assertThat(problem.problem()).contains("Envers", "Wallet.shopper");
                            assertThat(problem.fix()).contains("@Audited", "@NotAudited");
                          }));
    }
  }
}
