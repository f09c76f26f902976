package dev.lethe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lethe.erasure.OtherCopy;
import dev.lethe.erasure.OtherCopy.Kind;
import dev.lethe.jpa.copies.CopyingTrigger;
import dev.lethe.jpa.copies.Subscriber;
import dev.lethe.jpa.envers.Book;
import dev.lethe.jpa.envers.Card;
import dev.lethe.jpa.envers.Loan;
import dev.lethe.jpa.envers.Patron;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.subject.Pseudonymizer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, the inventory of copies: at start-up the store lists the copies of personal data its
 * erasure cannot reach (Art. 17(1), 17(2), 30(1)), names objects and never values, and refuses to
 * start when told to. Triggers, views and unmapped tables on every database; materialized views and
 * publications on PostgreSQL.
 */
class OtherCopiesIT {

  private static final String EMAIL = "wilhelmina.copyfinder@example.org";
  private static final String NAME = "Wilhelmina Copyfinder";

  private TestDatabase database;
  private EntityManagerFactory emf;

  @BeforeEach
  void openDatabase() {
    database = TestDatabase.create();
    emf = database.open(Subscriber.class);
    EntityManager em = emf.createEntityManager();
    em.getTransaction().begin();
    em.persist(new Subscriber(1L, EMAIL, NAME, "Kirkcaldy"));
    em.getTransaction().commit();
    em.close();
  }

  @AfterEach
  void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  private JpaPersonalDataStore.Builder builder() {
    return JpaPersonalDataStore.builder(emf, Pseudonymizer.withRandomKey());
  }

  private List<OtherCopy> copies() {
    return builder().build().otherCopies();
  }

  private void createTrigger() {
    switch (database.kind()) {
      case H2 ->
          database.execute(
              "create trigger subscriber_copy after insert on subscriber for each row call '"
                  + CopyingTrigger.class.getName()
                  + "'");
      case POSTGRESQL -> {
        database.execute("create table subscriber_log (id bigint)");
        database.execute(
            "create function "
                + database.schema()
                + ".log_subscriber() returns trigger language plpgsql"
                + " as $$ begin insert into "
                + database.schema()
                + ".subscriber_log values (new.id); return new; end $$");
        database.execute(
            "create trigger subscriber_copy after insert or update on subscriber for each row"
                + " execute function "
                + database.schema()
                + ".log_subscriber()");
      }
      case MARIADB -> {
        database.execute("create table subscriber_log (id bigint)");
        database.execute(
            "create trigger subscriber_copy after insert on subscriber for each row"
                + " insert into subscriber_log values (new.id)");
      }
    }
  }

  @Test
  @DisplayName("Art. 17(1): a schema holding only what the model maps has no other copies")
  void nothingBesideTheModel() {
    assertThat(copies()).isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 17(1), 17(2): a trigger on a model table is listed once, with why and what to do")
  void triggersAreListed() {
    createTrigger();

    List<OtherCopy> copies = copies();

    assertThat(copies)
        .singleElement()
        .satisfies(
            copy -> {
              assertThat(copy.kind()).isEqualTo(Kind.TRIGGER);
              assertThat(copy.where().toLowerCase())
                  .isEqualTo("trigger subscriber_copy on table subscriber");
              assertThat(copy.why()).contains("Subscriber");
              assertThat(copy.fix()).isNotBlank();
            });
  }

  @Test
  @DisplayName(
      "Art. 17(1): an unmapped table with two or more of a model table's personal column names is listed; one shared name is not")
  void unmappedTablesWithPersonalColumnsAreListed() {
    database.execute(
        "create table newsletter_export (id bigint, email varchar(200), full_name varchar(200),"
            + " plan varchar(20))");
    database.execute("create table mail_bounce (id bigint, email varchar(200), plan varchar(20))");

    List<OtherCopy> copies = copies();

    assertThat(copies)
        .singleElement()
        .satisfies(
            copy -> {
              assertThat(copy.kind()).isEqualTo(Kind.UNMAPPED_TABLE);
              assertThat(copy.where().toLowerCase())
                  .isEqualTo(
                      "table newsletter_export (columns email, full_name, as in subscriber)");
            });
  }

  @Test
  @DisplayName(
      "Art. 17(1): history tables of a model table that Envers does not manage are listed, once")
  void historyTablesWithoutEnversAreListed() {
    database.execute(
        "create table subscriber_aud (id bigint, rev integer, revtype smallint, email varchar(200),"
            + " full_name varchar(200))");

    assertThat(copies())
        .singleElement()
        .satisfies(
            copy -> {
              assertThat(copy.kind()).isEqualTo(Kind.HISTORY_TABLE);
              assertThat(copy.where().toLowerCase())
                  .isEqualTo("table subscriber_aud beside subscriber");
            });
  }

  @Test
  @DisplayName("Art. 17(1): Envers history Lethe erases is no other copy")
  void enversHistoryLetheErasesIsNotListed() {
    EntityManagerFactory audited = database.open(Patron.class, Loan.class, Card.class, Book.class);

    assertThat(JpaPersonalDataStore.of(audited, Pseudonymizer.withRandomKey()).otherCopies())
        .isEmpty();
  }

  @Test
  @DisplayName("Art. 17(2): a view over a model table is listed as a way out")
  void viewsAreListed() {
    database.execute("create view subscriber_names as select id, full_name from subscriber");

    assertThat(copies())
        .singleElement()
        .satisfies(
            copy -> {
              assertThat(copy.kind()).isEqualTo(Kind.VIEW);
              assertThat(copy.where().toLowerCase())
                  .isEqualTo("view subscriber_names over subscriber");
            });
  }

  @Test
  @DisplayName(
      "Art. 17(1), 17(2): on PostgreSQL, materialized views and logical replication publications of model tables are listed")
  void materializedViewsAndPublicationsAreListedOnPostgresql() {
    assumeTrue(
        database.kind() == TestDatabase.Kind.POSTGRESQL,
        "materialized views and publications are PostgreSQL's");
    String publication =
        "lethe_it_" + database.schema().toLowerCase().replaceAll("[^a-z0-9_]", "_");
    database.execute(
        "create materialized view subscriber_cities as select city, count(*) as n from subscriber group by city");
    database.execute(
        "create publication " + publication + " for table " + database.schema() + ".subscriber");
    try {
      List<OtherCopy> copies = copies();

      assertThat(copies)
          .extracting(OtherCopy::kind)
          .containsExactlyInAnyOrder(Kind.MATERIALIZED_VIEW, Kind.PUBLICATION);
      assertThat(copies)
          .extracting(OtherCopy::where)
          .contains(
              "materialized view subscriber_cities over subscriber",
              "publication " + publication + " of subscriber");
    } finally {
      database.execute("drop publication " + publication);
    }
  }

  @Test
  @DisplayName(
      "Art. 17(1): told to refuse, the store does not start and lists every copy in one exception; accepted copies do not refuse")
  void refusesToStartListingEveryCopy() {
    createTrigger();
    database.execute(
        "create table newsletter_export (id bigint, email varchar(200), full_name varchar(200))");

    assertThatThrownBy(() -> builder().refuseOtherCopies(true).build())
        .isInstanceOfSatisfying(
            OtherCopiesException.class,
            refused -> {
              assertThat(refused.copies())
                  .extracting(OtherCopy::kind)
                  .containsExactlyInAnyOrder(Kind.TRIGGER, Kind.UNMAPPED_TABLE);
              assertThat(refused.getMessage())
                  .contains("2 copies")
                  .containsIgnoringCase("subscriber_copy")
                  .containsIgnoringCase("newsletter_export");
            });
    List<String> where = copies().stream().map(OtherCopy::where).toList();
    JpaPersonalDataStore accepted =
        builder().refuseOtherCopies(true).acceptCopies(where.toArray(String[]::new)).build();
    assertThat(accepted.otherCopies()).hasSize(2);
  }

  @Test
  @DisplayName("No personal data in findings: they name objects, never the values in them")
  void findingsHoldNoValues() {
    createTrigger();
    database.execute(
        "create table newsletter_export (id bigint, email varchar(200), full_name varchar(200))");
    database.execute("insert into newsletter_export values (1, '" + EMAIL + "', '" + NAME + "')");
    database.execute("create view subscriber_names as select id, full_name from subscriber");

    List<OtherCopy> copies = copies();

    assertThat(copies).hasSize(3);
    assertThat(copies.toString())
        .doesNotContain(EMAIL)
        .doesNotContain(NAME)
        .doesNotContain("Kirkcaldy");
  }
}
