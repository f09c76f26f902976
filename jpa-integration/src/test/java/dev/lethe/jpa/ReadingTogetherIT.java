package dev.lethe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.access.SubjectReport;
import dev.lethe.access.SubjectReportWriter;
import dev.lethe.internal.rights.SubjectReports;
import dev.lethe.jpa.clinic.Clinic;
import dev.lethe.jpa.clinic.Letter;
import dev.lethe.jpa.clinic.Review;
import dev.lethe.jpa.clinic.Visit;
import dev.lethe.jpa.testing.ConnectionCounter;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import dev.lethe.tck.shop.Shop;
import dev.lethe.testing.ForwardingPersonalDataStore;
import dev.lethe.testing.WrittenReports;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A report read together (decision record 0042): its sections on one connection and transaction,
 * the same bytes as read stream by stream, a stream opened beside another on a connection of its
 * own, and nothing left checked out of the pool whatever fails, on the selected database.
 */
class ReadingTogetherIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
  private static final SubjectIdentifier CUSTOMER_TWO =
      new SubjectIdentifier("customer", "email", "customer2@example.com");
  private static final SubjectKey OWNER_ONE = new SubjectKey("owner", 1L);

  private static TestDatabase shopDatabase;
  private static TestDatabase clinicDatabase;
  private static final ConnectionCounter SHOP_CONNECTIONS = new ConnectionCounter();
  private static final ConnectionCounter CLINIC_CONNECTIONS = new ConnectionCounter();
  private static JpaPersonalDataStore shop;
  private static JpaPersonalDataStore clinic;

  @BeforeAll
  static void openDatabases() {
    shopDatabase = TestDatabase.create();
    EntityManagerFactory shopFactory =
        open(shopDatabase, SHOP_CONNECTIONS, Shop.ENTITIES.toArray(Class<?>[]::new));
    shopFactory.runInTransaction(em -> Shop.population(3, 20).forEach(em::persist));
    shop = JpaPersonalDataStore.of(shopFactory, Pseudonymizer.withRandomKey());

    clinicDatabase = TestDatabase.create();
    EntityManagerFactory clinicFactory =
        open(clinicDatabase, CLINIC_CONNECTIONS, Clinic.ENTITIES.toArray(Class<?>[]::new));
    // Thirty rows of every type: a report larger than the JSON generator's buffer.
    Clinic.uniform(30).persistInto(clinicFactory);
    clinic = JpaPersonalDataStore.of(clinicFactory, Pseudonymizer.withRandomKey());
  }

  /** A factory whose connections, taken from the database's pool, are counted. */
  private static EntityManagerFactory open(
      TestDatabase database, ConnectionCounter connections, Class<?>... classes) {
    return database.open(
        Map.of("hibernate.connection.datasource", connections.wrap(database.pool())), classes);
  }

  @AfterAll
  static void closeDatabases() {
    if (shopDatabase != null) {
      shopDatabase.close();
    }
    if (clinicDatabase != null) {
      clinicDatabase.close();
    }
  }

  @AfterEach
  void nothingLeftCheckedOut() {
    assertThat(SHOP_CONNECTIONS.open()).as("shop connections not given back").isZero();
    assertThat(CLINIC_CONNECTIONS.open()).as("clinic connections not given back").isZero();
    assertThat(shopDatabase.pool().getHikariPoolMXBean().getActiveConnections()).isZero();
    assertThat(clinicDatabase.pool().getHikariPoolMXBean().getActiveConnections()).isZero();
  }

  @Test
  @DisplayName(
      "Art. 15(3), 20(1): a report of four sections is written on one connection from the pool, as"
          + " JSON or as a ZIP (which reads every section twice), the same to the byte as read"
          + " stream by stream, each stream on a connection of its own")
  void aReportIsWrittenOnOneConnection() throws IOException {
    SubjectReport report = reports(shop).access(CUSTOMER_TWO);
    SubjectReport streamByStream = streamByStream(shop).access(CUSTOMER_TWO);

    SHOP_CONNECTIONS.reset();
    String together = WrittenReports.json(report);
    assertThat(SHOP_CONNECTIONS.taken()).isEqualTo(1);
    SHOP_CONNECTIONS.reset();
    Map<String, String> zippedTogether = WrittenReports.zipEntries(report);
    assertThat(SHOP_CONNECTIONS.taken()).isEqualTo(1);

    SHOP_CONNECTIONS.reset();
    String apart = WrittenReports.json(streamByStream);
    assertThat(SHOP_CONNECTIONS.taken())
        .as("whether data is processed (the customer's row), then each section")
        .isEqualTo(1 + report.sections().size());

    assertThat(report.sections()).hasSize(4);
    assertThat(together).contains("customer2@example.com").isEqualTo(apart);
    assertThat(zippedTogether)
        .containsKey("PurchaseOrder.csv")
        .isEqualTo(WrittenReports.zipEntries(streamByStream));
  }

  @Test
  @DisplayName(
      "Art. 15(3): the clinic's report (an element collection, link columns, routes of several"
          + " hops) is the same JSON to the byte as read stream by stream; the collection's"
          + " elements, read beside their rows, take a connection of their own each time")
  void aReportMergingAnElementCollection() throws IOException {
    SubjectIdentifier owner = new SubjectIdentifier("owner", "id", "1");
    SubjectReport report = reports(clinic).access(owner);
    SubjectReport streamByStream = streamByStream(clinic).access(owner);

    CLINIC_CONNECTIONS.reset();
    String together = WrittenReports.json(report);
    assertThat(CLINIC_CONNECTIONS.taken())
        .as(
            "the shared connection, and the phones read beside the owner's row twice: whether data"
                + " is processed, then the owner's section")
        .isEqualTo(3);

    assertThat(together).contains("+44 [o1] 555 0").isEqualTo(WrittenReports.json(streamByStream));
  }

  @Test
  @DisplayName(
      "Art. 15(3): a stream opened while another reads on the shared connection gets one of its"
          + " own, both read what they read apart, and the next stream reads on the shared one again")
  void twoStreamsOpenAtOnce() {
    List<Map<String, @Nullable Object>> visits = values(Visit.class);
    List<Map<String, @Nullable Object>> letters = values(Letter.class);
    List<Map<String, @Nullable Object>> reviews = values(Review.class);
    List<Map<String, @Nullable Object>> visitsTogether = new ArrayList<>();
    List<Map<String, @Nullable Object>> lettersTogether = new ArrayList<>();

    CLINIC_CONNECTIONS.reset();
    List<Map<String, @Nullable Object>> reviewsTogether =
        clinic.readingTogether(
            () -> {
              try (Stream<Map<String, @Nullable Object>> first =
                      clinic.values(OWNER_ONE, entity(Visit.class));
                  Stream<Map<String, @Nullable Object>> second =
                      clinic.values(OWNER_ONE, entity(Letter.class))) {
                Iterator<Map<String, @Nullable Object>> a = first.iterator();
                Iterator<Map<String, @Nullable Object>> b = second.iterator();
                while (a.hasNext() || b.hasNext()) {
                  if (a.hasNext()) {
                    visitsTogether.add(a.next());
                  }
                  if (b.hasNext()) {
                    lettersTogether.add(b.next());
                  }
                }
              }
              // Nested: inside the outer reading, on its shared connection.
              return clinic.readingTogether(() -> values(Review.class));
            });

    assertThat(visitsTogether).isNotEmpty().isEqualTo(visits);
    assertThat(lettersTogether).isNotEmpty().isEqualTo(letters);
    assertThat(reviewsTogether).isNotEmpty().isEqualTo(reviews);
    assertThat(CLINIC_CONNECTIONS.taken())
        .as("the shared one, and the second stream's")
        .isEqualTo(2);
  }

  @Test
  @DisplayName(
      "Art. 15(3): what the work throws comes out as thrown, and the streams it left open, shared"
          + " or not, are closed: no connection stays checked out")
  void aFailureInsideLeavesNothingCheckedOut() {
    IOException outputFailed = new IOException("The report's output failed");

    CLINIC_CONNECTIONS.reset();
    assertThatThrownBy(
            () ->
                clinic.readingTogether(
                    () -> {
                      Stream<Map<String, @Nullable Object>> first =
                          clinic.values(OWNER_ONE, entity(Visit.class));
                      Stream<Map<String, @Nullable Object>> second =
                          clinic.values(OWNER_ONE, entity(Letter.class));
                      assertThat(first.iterator().next()).isNotEmpty();
                      assertThat(second.iterator().next()).isNotEmpty();
                      throw outputFailed;
                    }))
        .isSameAs(outputFailed);

    assertThat(CLINIC_CONNECTIONS.taken()).isEqualTo(2);
    // nothingLeftCheckedOut: the pool has every connection back.
  }

  @Test
  @DisplayName(
      "Art. 15(3): a report whose output fails midway gives the failure and leaves no connection"
          + " checked out")
  void aReportWhoseOutputFails() throws IOException {
    SubjectReport report = reports(clinic).access(new SubjectIdentifier("owner", "id", "1"));
    OutputStream failing =
        new OutputStream() {
          private int written;

          @Override
          public void write(int b) throws IOException {
            if (++written > 2_000) {
              throw new IOException("The client went away");
            }
          }
        };

    // Longer than the generator's buffer (8,000 bytes), which it first writes out when full.
    assertThat(WrittenReports.json(report).length()).as("the report's length").isGreaterThan(8_000);

    assertThatThrownBy(() -> SubjectReportWriter.writeJson(report, failing))
        .isInstanceOf(IOException.class)
        .hasMessage("The client went away");
    // nothingLeftCheckedOut: the pool has every connection back.
  }

  @Test
  @DisplayName(
      "Art. 15(3): after a read that fails inside, the next stream reads on a new transaction (the"
          + " failed statement may have aborted the shared one) and reads what it reads apart")
  void aFailedReadInsideEndsTheSharedTransaction() {
    List<Map<String, @Nullable Object>> visits = values(Visit.class);

    CLINIC_CONNECTIONS.reset();
    List<Map<String, @Nullable Object>> again =
        clinic.readingTogether(
            () -> {
              clinicDatabase.statements().failAt(1);
              assertThatThrownBy(() -> values(Visit.class))
                  .hasRootCauseMessage("Injected failure at statement 1");
              return values(Visit.class);
            });

    assertThat(again).isEqualTo(visits);
    assertThat(CLINIC_CONNECTIONS.taken())
        .as("the failed transaction's, then a new one")
        .isEqualTo(2);
  }

  private static EntityDescriptor entity(Class<?> type) {
    return clinic.model().entity(type).orElseThrow();
  }

  /** Owner one's rows of {@code type}, read through a stream closed here. */
  private static List<Map<String, @Nullable Object>> values(Class<?> type) {
    try (Stream<Map<String, @Nullable Object>> rows = clinic.values(OWNER_ONE, entity(type))) {
      return rows.toList();
    }
  }

  /** Reports over {@code store}, read as it reads them. */
  private static SubjectReports reports(JpaPersonalDataStore store) {
    return new SubjectReports(store.model(), store, CLOCK);
  }

  /** Reports over {@code store}, read stream by stream, each stream on a connection of its own. */
  private static SubjectReports streamByStream(JpaPersonalDataStore store) {
    return new SubjectReports(store.model(), new StreamByStream(store), CLOCK);
  }

  /**
   * The store as reports read it before decision 0042: {@link PersonalDataStore#readingTogether}'s
   * default, every stream on a connection of its own.
   */
  private static final class StreamByStream extends ForwardingPersonalDataStore {
    StreamByStream(PersonalDataStore store) {
      super(store);
    }

    @Override
    public <T, E extends Exception> T readingTogether(ReadWork<T, E> work) throws E {
      return work.run();
    }
  }
}
