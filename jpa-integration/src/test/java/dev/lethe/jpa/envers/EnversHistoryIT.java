package dev.lethe.jpa.envers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.jpa.HistoryRowId;
import dev.lethe.jpa.JpaPersonalDataStore;
import dev.lethe.jpa.UnsupportedMappingException;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.law.ErasureGround;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.retention.RetentionEnforcer;
import dev.lethe.retention.RetentionReport;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectKey;
import dev.lethe.test.ResidueCheck;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the Hibernate Envers history of audited entities is erased with their rows, by
 * rights erasure and by the retention sweep alike, on the selected database. Every row has several
 * revisions, written in separate transactions; the residue check runs over every table of the
 * schema, the {@code _AUD} tables included, whose rows it counts as the subject's through the
 * identifier they hold.
 */
class EnversHistoryIT {

  private static final Instant NOW = Instant.parse("2031-06-01T00:00:00Z");
  private static final LocalDate LONG_AGO = LocalDate.parse("2027-01-01");
  private static final LocalDate RECENTLY = LocalDate.parse("2031-05-01");
  private static final SubjectKey ADA = new SubjectKey("patron", 1L);
  private static final SubjectKey BOB = new SubjectKey("patron", 2L);
  private static final List<String> NAMES = List.of("ada", "bob", "cyd");

  private TestDatabase database;
  private EntityManagerFactory emf;
  private JpaPersonalDataStore store;

  /** The values every expired loan and card held in any revision: what retention must leave nowhere. */
  private final List<String> expiredValues = new ArrayList<>();

  @BeforeEach
  void library() {
    database = TestDatabase.create();
    emf = database.open(Patron.class, Loan.class, Card.class, Book.class);
    store =
        JpaPersonalDataStore.builder(emf, Pseudonymizer.withRandomKey())
            .exportHistory(true)
            .build();
    populate();
  }

  @AfterEach
  void close() {
    database.close();
  }

  /** Three patrons, each with two loans and two cards (one of each expired), in three revisions. */
  private void populate() {
    emf.runInTransaction(
        em -> {
          em.persist(new Book(1L, "The Analytical Engine"));
          em.persist(new Book(2L, "Principia Mathematica"));
          for (int p = 1; p <= NAMES.size(); p++) {
            String who = NAMES.get(p - 1);
            Patron patron =
                new Patron(
                    (long) p,
                    who + ".first@example.com",
                    "Name of " + who + " one",
                    "+44 7700 900" + p + "01");
            patron.lastAddress = "1 Address of " + who;
            patron.nicknames.addAll(List.of("Nick " + who + " one", "Nick " + who + " two"));
            patron.interests.addAll(
                List.of("Interest " + who + " one", "Interest " + who + " two"));
            em.persist(patron);
            for (int i = 0; i < 2; i++) {
              long id = p * 10L + i;
              boolean expired = i == 0;
              Loan loan =
                  new Loan(
                      id,
                      patron,
                      "Loan note " + who + " " + id + " one",
                      expired ? LONG_AGO : RECENTLY);
              loan.remarks.add("Remark " + who + " " + id + " one");
              loan.books.add(em.find(Book.class, 1L + i));
              em.persist(loan);
              em.persist(
                  new Card(
                      id,
                      patron,
                      "Holder " + who + " " + id + " one",
                      "4000-0000-" + p + "-" + id + "-1",
                      expired ? LONG_AGO : RECENTLY.plusYears(3)));
            }
          }
        });
    for (String version : List.of("two", "three")) {
      emf.runInTransaction(
          em -> {
            for (int p = 1; p <= NAMES.size(); p++) {
              String who = NAMES.get(p - 1);
              Patron patron = em.find(Patron.class, (long) p);
              patron.name = "Name of " + who + " " + version;
              patron.email = who + "." + version + "@example.com";
              patron.phone = "+44 7700 900" + p + (version.equals("two") ? "02" : "03");
              patron.nicknames.add("Nick " + who + " " + version);
              patron.interests.remove("Interest " + who + " one");
              patron.interests.add("Interest " + who + " " + version);
              for (int i = 0; i < 2; i++) {
                long id = p * 10L + i;
                Loan loan = em.find(Loan.class, id);
                loan.note = "Loan note " + who + " " + id + " " + version;
                loan.remarks.add("Remark " + who + " " + id + " " + version);
                Card card = em.find(Card.class, id);
                card.holder = "Holder " + who + " " + id + " " + version;
                card.number = "4000-0000-" + p + "-" + id + "-" + (version.equals("two") ? 2 : 3);
              }
            }
          });
    }
    for (int p = 1; p <= NAMES.size(); p++) {
      String who = NAMES.get(p - 1);
      long id = p * 10L;
      for (String version : List.of("one", "two", "three")) {
        expiredValues.addAll(
            List.of(
                "Loan note " + who + " " + id + " " + version,
                "Remark " + who + " " + id + " " + version,
                "Holder " + who + " " + id + " " + version));
      }
      for (int number = 1; number <= 3; number++) {
        expiredValues.add("4000-0000-" + p + "-" + id + "-" + number);
      }
    }
  }

  private DataSource dataSource() {
    return (DataSource) emf.getProperties().get("hibernate.connection.datasource");
  }

  /** A residue check whose history rows belong to the rows whose identifier they hold. */
  private ResidueCheck check() {
    return ResidueCheck.of(dataSource())
        .withReference("Patron_AUD", "id", "Patron", "id")
        .withReference("Patron_nicknames_AUD", "Patron_id", "Patron", "id")
        .withReference("Patron_interests_AUD", "Patron_id", "Patron", "id")
        .withReference("Loan_AUD", "id", "Loan", "id")
        .withReference("Loan_remarks_AUD", "Loan_id", "Loan", "id")
        .withReference("Loan_Book_AUD", "Loan_id", "Loan", "id")
        .withReference("Card_AUD", "id", "Card", "id");
  }

  private ErasurePlan plan(SubjectKey subject) {
    return ErasurePlan.of(store.model(), subject, ErasureGround.CONSENT_WITHDRAWN, List.of());
  }

  private List<SubjectRecord> export(JpaPersonalDataStore from, SubjectKey subject) {
    List<SubjectRecord> records = new ArrayList<>();
    for (EntityDescriptor entity : from.model().entitiesOf(subject.subjectType())) {
      try (Stream<SubjectRecord> rows = from.records(subject, entity)) {
        rows.forEach(records::add);
      }
    }
    return records;
  }

  private static List<String> values(Collection<SubjectRecord> records) {
    List<String> values = new ArrayList<>();
    records.forEach(
        record ->
            record
                .values()
                .values()
                .forEach(
                    value -> {
                      if (value instanceof Collection<?> elements) {
                        elements.forEach(element -> values.add(String.valueOf(element)));
                      } else if (value != null) {
                        values.add(String.valueOf(value));
                      }
                    }));
    return values;
  }

  private int rows(String table) {
    return database.scan().entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(table))
        .mapToInt(entry -> entry.getValue().size())
        .sum();
  }

  @Test
  @DisplayName(
      "Art. 15(3): on request the export holds every revision of the subject's audited rows, and no one else's")
  void theExportHoldsTheHistoryOnRequest() {
    List<SubjectRecord> records = export(store, ADA);

    assertThat(values(records))
        .contains(
            "Name of ada one",
            "ada.first@example.com",
            "+44 7700 900101",
            "Nick ada one",
            "Interest ada one",
            "Loan note ada 10 one",
            "Remark ada 11 two",
            "Holder ada 11 one",
            "4000-0000-1-10-2",
            "Name of ada three")
        .noneMatch(value -> value.contains("bob") || value.contains("cyd"));
    assertThat(records)
        .as("history rows are named by row and revision")
        .anyMatch(
            record -> record.rowId() instanceof HistoryRowId history && history.rowId().equals(1L));
    assertThat(values(records))
        .as("a @NotAudited attribute has no history: its value once, from the row")
        .containsOnlyOnce("1 Address of ada");

    JpaPersonalDataStore withoutHistory =
        JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey());
    List<SubjectRecord> current = export(withoutHistory, ADA);
    assertThat(current).noneMatch(record -> record.rowId() instanceof HistoryRowId);
    assertThat(values(current))
        .contains("Name of ada three")
        .doesNotContain("Name of ada one", "Loan note ada 10 one");
  }

  @Test
  @DisplayName(
      "Art. 17(1): erasure leaves none of the subject's values in any table, history included, and changes no one else's rows")
  void erasureReachesTheHistory() {
    int bobsLoanHistory = rows("Loan_AUD");

    check()
        .withExport(store.model(), store)
        .erasing(ADA, () -> store.erase(plan(ADA)))
        .assertNoResidue();

    assertThat(rows("Loan_AUD"))
        .as("the history of Ada's deleted loans is deleted, the others' kept")
        .isEqualTo(bobsLoanHistory * 2 / 3);
    assertThat(values(export(store, ADA)))
        .as("Ada's history holds erased values only")
        // A HASH is 64 hex digits, which may spell "ada" by chance: only the other values are
        // looked into.
        .noneMatch(
            value ->
                !value.matches("[0-9a-f]{64}") && value.toLowerCase(Locale.ROOT).contains("ada"));
    assertThat(export(store, BOB)).as("Bob's history is still exported").isNotEmpty();
  }

  @Test
  @DisplayName(
      "Art. 17(1): the history of rows the application deleted before the erasure goes too, by the same rules")
  void erasureReachesTheHistoryOfRowsDeletedBefore() {
    emf.runInTransaction(
        em -> {
          em.remove(em.find(Loan.class, 11L));
          em.remove(em.find(Card.class, 11L));
        });
    List<String> deletedRowsValues = new ArrayList<>();
    for (String version : List.of("one", "two", "three")) {
      deletedRowsValues.addAll(
          List.of(
              "Loan note ada 11 " + version,
              "Remark ada 11 " + version,
              "Holder ada 11 " + version));
    }
    for (int number = 1; number <= 3; number++) {
      deletedRowsValues.add("4000-0000-1-11-" + number);
    }

    // The rows are gone, so their history belongs together by its identifier: the revision that
    // recorded the deletion holds no value, and is the deleted row's all the same.
    check()
        .withReference("Card_AUD", "id", "Card_AUD", "id")
        .withReference("Loan_AUD", "id", "Loan_AUD", "id")
        .withReference("Loan_Book_AUD", "Loan_id", "Loan_AUD", "id")
        .withReference("Loan_remarks_AUD", "Loan_id", "Loan_AUD", "id")
        .withExport(store.model(), store)
        .withValues(deletedRowsValues)
        .erasing(ADA, () -> store.erase(plan(ADA)))
        .assertNoResidue();

    assertThat(database.scan().toString())
        .as("nothing of the deleted loan and card is left in their history")
        .doesNotContain("Loan note ada 11", "Remark ada 11", "Holder ada 11");
  }

  @Test
  @DisplayName("Art. 17(1): a second erasure changes nothing, history included")
  void aSecondErasureChangesNothing() {
    store.erase(plan(ADA));
    Map<String, List<List<String>>> before = database.scan();

    Map<Class<?>, ErasurePlan.RowCount> counts = store.erase(plan(ADA));

    assertThat(counts.values()).allMatch(count -> !count.any());
    assertThat(database.scan()).isEqualTo(before);
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): retention deletes and anonymises expired rows with their history, and nothing else")
  void retentionReachesTheHistory() {
    RetentionEnforcer enforcer =
        RetentionEnforcer.builder(store.model(), store)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .batchSize(2)
            .build();
    RetentionReport[] report = new RetentionReport[1];

    check()
        .withValues(expiredValues)
        .erasing(new SubjectKey("patron", 0L), () -> report[0] = enforcer.run())
        .assertNoResidue();

    assertThat(report[0].policies())
        .anySatisfy(
            run -> {
              assertThat(run.entity()).isEqualTo("Loan");
              assertThat(run.deleted()).isEqualTo(3);
            })
        .anySatisfy(
            run -> {
              assertThat(run.entity()).isEqualTo("Card");
              assertThat(run.anonymised()).isEqualTo(3);
            });
    Map<String, List<List<String>>> after = database.scan();
    enforcer.run();
    assertThat(database.scan()).as("a second sweep changes nothing").isEqualTo(after);
  }

  @Test
  @DisplayName(
      "Art. 17(1): REPLACE on an audited collection whose history keys elements by value is refused at start-up")
  void aCollisionInTheHistoryIsRefused() {
    try (TestDatabase other = TestDatabase.create()) {
      EntityManagerFactory factory = other.open(Member.class);
      Throwable failure = null;
      try {
        JpaPersonalDataStore.of(factory, Pseudonymizer.withRandomKey());
      } catch (UnsupportedMappingException e) {
        failure = e;
      }
      assertThat(failure).isInstanceOf(UnsupportedMappingException.class);
      assertThat(((UnsupportedMappingException) failure).problems())
          .singleElement()
          .satisfies(
              problem -> {
                assertThat(problem.entity()).isEqualTo(Member.class);
                assertThat(problem.attribute()).isEqualTo("aliases");
                assertThat(problem.problem()).contains("Envers");
                assertThat(problem.fix()).contains("HASH", "NULLIFY", "@OrderColumn");
              });
    }
  }

  @Test
  @DisplayName("Art. 17(1): with Envers off the store works as before")
  void withoutEnversNothingChanges() {
    try (TestDatabase other = TestDatabase.create()) {
      EntityManagerFactory factory =
          other.open(
              Map.of("hibernate.integration.envers.enabled", false),
              Patron.class,
              Loan.class,
              Card.class,
              Book.class);
      JpaPersonalDataStore plain =
          JpaPersonalDataStore.builder(factory, Pseudonymizer.withRandomKey())
              .exportHistory(true)
              .build();
      factory.runInTransaction(em -> em.persist(new Patron(1L, "ada@example.com", "Ada", null)));

      assertThat(
              plain.erase(
                  ErasurePlan.of(plain.model(), ADA, ErasureGround.CONSENT_WITHDRAWN, List.of())))
          .containsEntry(Patron.class, new ErasurePlan.RowCount(0, 1));
      assertThat(other.scan().keySet())
          .noneMatch(table -> table.toUpperCase(Locale.ROOT).endsWith("_AUD"));
    }
  }
}
