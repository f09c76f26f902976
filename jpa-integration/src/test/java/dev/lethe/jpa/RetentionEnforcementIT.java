package dev.lethe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lethe.erasure.LegalHold;
import dev.lethe.erasure.LegalHoldStore;
import dev.lethe.erasure.RetentionTask;
import dev.lethe.jpa.hr.Applicant;
import dev.lethe.jpa.hr.Referee;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.retention.RetentionEnforcer;
import dev.lethe.retention.RetentionReport;
import dev.lethe.spi.RetentionSweeper;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectKey;
import dev.lethe.tck.shop.Customer;
import dev.lethe.tck.shop.LoginEvent;
import dev.lethe.tck.shop.PurchaseOrder;
import dev.lethe.tck.shop.Shop;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Retention on the database: two instances sweeping at once, a failure in a batch, the index
 * warning, bad input and date-only clocks, on the selected database.
 */
class RetentionEnforcementIT {

  /** Now, for the enforcers: logins expire 90 days after they happened, orders six years after. */
  private static final Instant NOW = Instant.parse("2031-06-01T00:00:00Z");

  private static final Instant OLD = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant RECENT = Instant.parse("2031-05-01T00:00:00Z");
  private static final int CUSTOMERS = 10;
  private static final long HELD_CUSTOMER = 3;

  private static TestDatabase database;
  private static EntityManagerFactory first;
  private static EntityManagerFactory second;

  @BeforeAll
  static void openDatabase() {
    database = TestDatabase.create();
    List<Class<?>> classes = new ArrayList<>(Shop.ENTITIES);
    classes.add(Applicant.class);
    classes.add(Referee.class);
    first = database.open(classes.toArray(Class<?>[]::new));
    // A second instance of the application over the same schema, which it must not recreate.
    second =
        database.open(
            Map.of(PersistenceConfiguration.SCHEMAGEN_DATABASE_ACTION, "none"),
            classes.toArray(Class<?>[]::new));
  }

  @AfterAll
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  /** Logins and orders, every third one recent; returns {expired unheld logins, expired unheld orders}. */
  private static long[] populate(int logins, int orders) {
    first.getSchemaManager().truncate();
    long[] expected = new long[2];
    first.runInTransaction(
        em -> {
          List<Customer> customers = new ArrayList<>();
          for (long c = 1; c <= CUSTOMERS; c++) {
            Customer customer =
                new Customer(c, "customer" + c + "@example.com", "Name " + c, "+44 7700 900" + c);
            em.persist(customer);
            customers.add(customer);
          }
          long id = 1_000;
          for (int i = 0; i < logins; i++) {
            Customer customer = customers.get(i % CUSTOMERS);
            Instant at = i % 3 == 0 ? RECENT : i % 7 == 0 ? null : OLD;
            em.persist(new LoginEvent(id++, customer.email, at, "10.0.0." + (i % 250)));
            if (at == OLD && customer.id != HELD_CUSTOMER) {
              expected[0]++;
            }
          }
          for (int i = 0; i < orders; i++) {
            Customer customer = customers.get(i % CUSTOMERS);
            Instant placed = i % 3 == 0 ? RECENT : OLD;
            em.persist(
                new PurchaseOrder(id++, customer, placed, i + " Order Street", new BigDecimal(i)));
            if (placed == OLD && customer.id != HELD_CUSTOMER) {
              expected[1]++;
            }
          }
        });
    return expected;
  }

  private static RetentionEnforcer enforcer(
      JpaPersonalDataStore store, LegalHoldStore holds, int batchSize) {
    return RetentionEnforcer.builder(store.model(), store)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .legalHolds(holds)
        .batchSize(batchSize)
        .build();
  }

  private static LegalHoldStore holdOnCustomer() {
    LegalHoldStore holds = LegalHoldStore.inMemory();
    holds.place(
        LegalHold.onSubject(new SubjectKey("customer", HELD_CUSTOMER), "Litigation 2031-17", NOW));
    return holds;
  }

  private static long count(String jpql) {
    return first.callInTransaction(em -> em.createQuery(jpql, Long.class).getSingleResult());
  }

  private static long count(String jpql, Instant cutoff) {
    return first.callInTransaction(
        em -> em.createQuery(jpql, Long.class).setParameter("cutoff", cutoff).getSingleResult());
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): two instances sweeping at once process every expired row exactly once")
  void concurrentEnforcers() throws Exception {
    long[] expected = populate(1_200, 600);
    long loginsBefore = count("select count(l) from LoginEvent l");
    JpaPersonalDataStore one = JpaPersonalDataStore.of(first, Pseudonymizer.withRandomKey());
    JpaPersonalDataStore two = JpaPersonalDataStore.of(second, Pseudonymizer.withRandomKey());
    LegalHoldStore holds = holdOnCustomer();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<RetentionReport> a =
          threads.submit(
              () -> {
                start.await();
                return enforcer(one, holds, 20).run();
              });
      Future<RetentionReport> b =
          threads.submit(
              () -> {
                start.await();
                return enforcer(two, holds, 20).run();
              });
      start.countDown();
      RetentionReport reportA = a.get();
      RetentionReport reportB = b.get();

      long deletedA = policy(reportA, "LoginEvent").deleted();
      long deletedB = policy(reportB, "LoginEvent").deleted();
      long anonymisedA = policy(reportA, "PurchaseOrder").anonymised();
      long anonymisedB = policy(reportB, "PurchaseOrder").anonymised();
      System.out.printf(
          "Concurrent retention on %s with %s: logins deleted %d + %d, orders anonymised %d + %d%n",
          database.kind(), one.lockClause(), deletedA, deletedB, anonymisedA, anonymisedB);
      assertThat(deletedA + deletedB).as("logins deleted in total").isEqualTo(expected[0]);
      assertThat(anonymisedA + anonymisedB).as("orders anonymised in total").isEqualTo(expected[1]);
      assertThat(count("select count(l) from LoginEvent l")).isEqualTo(loginsBefore - expected[0]);
      assertThat(count("select count(o) from PurchaseOrder o where o.deliveryAddress is null"))
          .isEqualTo(expected[1]);
      assertThat(count("select count(o) from PurchaseOrder o where o.total is null")).isZero();
      assertThat(enforcer(one, holds, 20).run().rowsProcessed()).as("a second run").isZero();
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): with no legal hold, two instances deleting at once delete every expired row exactly once")
  void concurrentEnforcersWithoutHolds() throws Exception {
    populate(1_200, 0);
    Instant cutoff = NOW.minus(Duration.ofDays(90));
    long expired =
        first.callInTransaction(
            em ->
                em.createQuery(
                        "select count(l) from LoginEvent l where l.at <= :cutoff", Long.class)
                    .setParameter("cutoff", cutoff)
                    .getSingleResult());
    JpaPersonalDataStore one = JpaPersonalDataStore.of(first, Pseudonymizer.withRandomKey());
    JpaPersonalDataStore two = JpaPersonalDataStore.of(second, Pseudonymizer.withRandomKey());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<RetentionReport> a =
          threads.submit(
              () -> {
                start.await();
                return enforcer(one, LegalHoldStore.inMemory(), 20).run();
              });
      Future<RetentionReport> b =
          threads.submit(
              () -> {
                start.await();
                return enforcer(two, LegalHoldStore.inMemory(), 20).run();
              });
      start.countDown();
      long deleted =
          policy(a.get(), "LoginEvent").deleted() + policy(b.get(), "LoginEvent").deleted();

      assertThat(deleted).as("logins deleted in total").isEqualTo(expired);
      long left =
          first.callInTransaction(
              em ->
                  em.createQuery(
                          "select count(l) from LoginEvent l where l.at <= :cutoff", Long.class)
                      .setParameter("cutoff", cutoff)
                      .getSingleResult());
      assertThat(left).as("expired logins left").isZero();
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): a batch the database rolls back to break a deadlock is tried again and deletes every expired row once")
  void batchRolledBackForADeadlockIsTriedAgain() throws Exception {
    // H2 rolls back the transaction that closes the cycle, never the sweeper that waited first.
    assumeTrue(
        database.kind() != TestDatabase.Kind.H2, "H2 does not choose the sweeper as the victim");
    Instant cutoff = NOW.minus(Duration.ofDays(90));
    long firstRow = 1_000;
    long lastRow = firstRow + 9;
    first.getSchemaManager().truncate();
    first.runInTransaction(
        em -> {
          for (long id = firstRow; id <= lastRow; id++) {
            em.persist(
                new LoginEvent(id, "customer1@example.com", OLD.plusSeconds(id), "10.0.0.1"));
          }
        });
    JpaPersonalDataStore store = JpaPersonalDataStore.of(first, Pseudonymizer.withRandomKey());
    RetentionTask task = task(store.model(), LoginEvent.class, cutoff, Set.of());
    CountDownLatch lastRowLocked = new CountDownLatch(1);
    CountDownLatch sweeperWaits = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      // Another transaction holds the batch's last row, and once the sweeper has locked the rows
      // before it and waits, asks for its first row. Its inserts make it the larger transaction,
      // which MariaDB keeps; PostgreSQL rolls back the one that waited first: the sweeper either
      // way.
      Future<?> other =
          threads.submit(
              () ->
                  second.runInTransaction(
                      em -> {
                        for (long c = 1; c <= 200; c++) {
                          em.persist(
                              new Customer(c, "c" + c + "@example.com", "Name", "+44 7700 900"));
                        }
                        em.flush();
                        lockForUpdate(em, lastRow);
                        lastRowLocked.countDown();
                        await(sweeperWaits);
                        lockForUpdate(em, firstRow);
                      }));
      await(lastRowLocked);
      Future<RetentionSweeper.Batch> sweep =
          threads.submit(() -> store.sweep(task, Optional.empty(), 10));
      awaitALockWait();
      sweeperWaits.countDown();

      other.get(60, TimeUnit.SECONDS);
      assertThat(sweep.get(60, TimeUnit.SECONDS).deleted())
          .as("rows the batch deleted after its retry")
          .isEqualTo(10);
      assertThat(count("select count(l) from LoginEvent l")).as("expired rows left").isZero();
    } finally {
      threads.shutdownNow();
    }
  }

  private static void lockForUpdate(EntityManager em, long loginId) {
    em.createNativeQuery("select id from LoginEvent where id = " + loginId + " for update")
        .getResultList();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(60, TimeUnit.SECONDS)).as("waited for the other thread").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until some transaction of the test's database waits for a row lock. */
  private static void awaitALockWait() throws Exception {
    String waiting =
        database.kind() == TestDatabase.Kind.POSTGRESQL
            ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
            : "select variable_value from information_schema.global_status"
                + " where variable_name = 'INNODB_ROW_LOCK_CURRENT_WAITS'";
    Instant deadline = Instant.now().plusSeconds(60);
    try (Connection connection = database.autoCommitDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      while (true) {
        try (ResultSet rows = statement.executeQuery(waiting)) {
          rows.next();
          if (rows.getLong(1) > 0) {
            return;
          }
        }
        assertThat(Instant.now()).as("the sweeper waits for the locked row").isBefore(deadline);
        Thread.sleep(5);
      }
    }
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): a sweep of N expired rows sends a fixed number of statements per batch, two while no hold stands")
  void statementsPerBatch() {
    populate(600, 0);
    JpaPersonalDataStore store = JpaPersonalDataStore.of(first, Pseudonymizer.withRandomKey());
    RetentionTask task =
        task(store.model(), LoginEvent.class, NOW.minus(Duration.ofDays(90)), Set.of());
    long expired = store.count(task).processed();
    int batchSize = 25;

    database.statements().reset();
    int batches = 0;
    Optional<Object> after = Optional.empty();
    do {
      after = store.sweep(task, after, batchSize).lastKey();
      batches++;
    } while (after.isPresent());
    int statements = database.statements().count();

    // The delete of the range up to the batch's last row (decision records 0035, 0039), after the
    // query for that row; on PostgreSQL one query finds ten batches' last rows (decision 0044).
    int lastRowQueries =
        database.kind() == TestDatabase.Kind.POSTGRESQL ? (batches + 9) / 10 + 1 : batches;
    assertThat(batches)
        .as("full batches and the one that deletes the rest and ends the sweep")
        .isEqualTo((int) (expired / batchSize) + 1);
    assertThat(statements)
        .as("statements of %d batches: %s", batches, database.statements().statements())
        .isLessThanOrEqualTo(batches + lastRowQueries);
    // Keys follow the clock here: between the first batch and the last, which have no key to
    // start from or to end at, each delete is bounded by its keys where tables are clustered on
    // them (decision 0049).
    long alongKeys =
        database.statements().statements().stream()
            .filter(sql -> sql.startsWith("delete") && sql.endsWith(" and id > ? and id <= ?"))
            .count();
    assertThat(alongKeys)
        .as("deletes bounded by the batch's keys")
        .isEqualTo(database.kind() == TestDatabase.Kind.POSTGRESQL ? 0 : batches - 2);
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): where keys do not follow the clock, each expired row is still deleted once and every other kept")
  void keysAgainstTheClock() {
    Instant cutoff = NOW.minus(Duration.ofDays(90));
    Random random = new Random(17);
    for (int batchSize : new int[] {1, 7, 25, 1_000}) {
      first.getSchemaManager().truncate();
      Set<Long> kept = new TreeSet<>();
      long expired =
          first.callInTransaction(
              em -> {
                em.persist(new Customer(1L, "customer1@example.com", "Name 1", "+44 7700 9001"));
                long count = 0;
                for (long id = 1; id <= 600; id++) {
                  // Most keys follow the clock; some rows' clocks were moved back or ahead since,
                  // and some runs of keys were handed out against it.
                  int shape = random.nextInt(10);
                  Instant at =
                      switch (shape) {
                        case 0, 1 -> OLD.plusSeconds(random.nextInt(600));
                        case 2 -> OLD.plusSeconds(600 - id);
                        case 3 -> RECENT;
                        case 4 -> null;
                        default -> OLD.plusSeconds(id);
                      };
                  em.persist(new LoginEvent(id, "customer1@example.com", at, "10.0.0.1"));
                  if (at == null || at.isAfter(cutoff)) {
                    kept.add(id);
                  } else {
                    count++;
                  }
                }
                return count;
              });
      JpaPersonalDataStore store = JpaPersonalDataStore.of(first, Pseudonymizer.withRandomKey());
      RetentionTask task = task(store.model(), LoginEvent.class, cutoff, Set.of());

      long deleted = 0;
      Optional<Object> after = Optional.empty();
      do {
        RetentionSweeper.Batch batch = store.sweep(task, after, batchSize);
        deleted += batch.deleted();
        after = batch.lastKey();
      } while (after.isPresent());

      assertThat(deleted).as("logins deleted in batches of %d", batchSize).isEqualTo(expired);
      List<Long> left =
          first.callInTransaction(
              em -> em.createQuery("select l.id from LoginEvent l", Long.class).getResultList());
      assertThat(left).as("logins left after batches of %d", batchSize).hasSameElementsAs(kept);
    }
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): rows deleted by another sweeper or expiring during a sweep, ahead of where it stands, are each deleted once")
  void rowsChangingAheadOfASweep() {
    populate(600, 0);
    Instant cutoff = NOW.minus(Duration.ofDays(90));
    RetentionTask task =
        task(
            JpaPersonalDataStore.of(first, Pseudonymizer.withRandomKey()).model(),
            LoginEvent.class,
            cutoff,
            Set.of());
    JpaPersonalDataStore one = JpaPersonalDataStore.of(first, Pseudonymizer.withRandomKey());
    JpaPersonalDataStore two = JpaPersonalDataStore.of(second, Pseudonymizer.withRandomKey());
    int batchSize = 20;
    long expiredAtStart = count("select count(l) from LoginEvent l where l.at <= :cutoff", cutoff);

    RetentionSweeper.Batch firstBatch = one.sweep(task, Optional.empty(), batchSize);
    // A second sweeper deletes the rows the first would take next, and logins that had not
    // expired are backdated among the rows the first has yet to reach.
    long deletedByTwo = 0;
    Optional<Object> afterTwo = Optional.empty();
    for (int i = 0; i < 3; i++) {
      RetentionSweeper.Batch batch = two.sweep(task, afterTwo, batchSize);
      deletedByTwo += batch.deleted();
      afterTwo = batch.lastKey();
    }
    int backdated =
        first.callInTransaction(
            em ->
                em.createQuery(
                        "update LoginEvent l set l.at = :old where l.at = :recent and l.id between"
                            + " 1150 and 1400")
                    .setParameter("old", OLD)
                    .setParameter("recent", RECENT)
                    .executeUpdate());
    long deletedByOne = firstBatch.deleted();
    Optional<Object> after = firstBatch.lastKey();
    while (after.isPresent()) {
      RetentionSweeper.Batch batch = one.sweep(task, after, batchSize);
      deletedByOne += batch.deleted();
      after = batch.lastKey();
    }

    assertThat(backdated).as("logins backdated").isPositive();
    assertThat(count("select count(l) from LoginEvent l where l.at <= :cutoff", cutoff))
        .as("expired logins left")
        .isZero();
    assertThat(deletedByOne + deletedByTwo)
        .as("logins deleted, each once")
        .isEqualTo(expiredAtStart + backdated);
    assertThat(count("select count(l) from LoginEvent l where l.at > :cutoff", cutoff))
        .as("logins not expired, all kept")
        .isEqualTo(200 - backdated);
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): a failure in a batch leaves that batch untouched and the next run completes it")
  void failureInBatch() {
    long[] expected = populate(60, 0);
    long before = count("select count(l) from LoginEvent l");
    JpaPersonalDataStore store = JpaPersonalDataStore.of(first, Pseudonymizer.withRandomKey());
    RetentionTask task =
        task(store.model(), LoginEvent.class, NOW.minus(Duration.ofDays(90)), Set.of());

    RetentionSweeper.Batch batch = store.sweep(task, Optional.empty(), 10);
    assertThat(batch.deleted()).isEqualTo(10);
    // The next batch's statement that deletes: its second, after the query for its last row, or
    // on PostgreSQL its first, the first batch having found its last row (decision 0044).
    database.statements().failAt(database.kind() == TestDatabase.Kind.POSTGRESQL ? 1 : 2);
    assertThatThrownBy(() -> store.sweep(task, batch.lastKey(), 10))
        .isInstanceOf(RuntimeException.class);
    database.statements().reset();
    assertThat(count("select count(l) from LoginEvent l"))
        .as("the failed batch changed nothing")
        .isEqualTo(before - 10);

    RetentionReport next = enforcer(store, LegalHoldStore.inMemory(), 10).run();
    assertThat(policy(next, "LoginEvent").deleted()).isEqualTo(expected[0] - 10 + heldExpired(60));
    assertThat(store.count(task).processed()).isZero();
  }

  /** Expired logins of the held customer among {@code logins}, which the unheld run also deletes. */
  private static long heldExpired(int logins) {
    long held = 0;
    for (int i = 0; i < logins; i++) {
      if (i % CUSTOMERS == HELD_CUSTOMER - 1 && i % 3 != 0 && i % 7 != 0) {
        held++;
      }
    }
    return held;
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): a policy whose clock column leads no index is warned about once, naming entity and column;"
          + " on PostgreSQL a clock index without the key is advised about once")
  void warnsAboutMissingIndex() throws IOException {
    populate(5, 5);
    database.execute(
        "create index if not exists purchase_order_placed on PurchaseOrder (placedAt)");
    List<String> logged = loggedWhileSweeping();
    List<String> warnings = logged.stream().filter(line -> line.contains("WARN")).toList();

    assertThat(warnings)
        .filteredOn(line -> line.contains("LoginEvent"))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line).containsIgnoringCase("column at ").contains("index");
              assertThat(line).doesNotContain("@example.com").doesNotContain("10.0.0.");
            });
    assertThat(warnings).noneMatch(line -> line.contains("PurchaseOrder"));
    // PostgreSQL's index on the clock alone leaves each batch to read the table for its range;
    // InnoDB's and H2's end with the key already.
    List<String> advice =
        logged.stream()
            .filter(line -> line.contains("PurchaseOrder") && line.contains("index"))
            .toList();
    if (database.kind() == TestDatabase.Kind.POSTGRESQL) {
      assertThat(advice)
          .singleElement()
          .satisfies(
              line -> assertThat(line).contains("INFO").containsIgnoringCase("(placedAt, id)"));
    } else {
      assertThat(advice).isEmpty();
    }

    database.execute(
        "create index if not exists purchase_order_placed_id on PurchaseOrder (placedAt, id)");
    assertThat(loggedWhileSweeping())
        .noneMatch(line -> line.contains("PurchaseOrder") && line.contains("index"));
  }

  /** The lines Lethe logged while a new store was created and swept twice. */
  private List<String> loggedWhileSweeping() throws IOException {
    // The tests' slf4j-simple writes to this file (simplelogger.properties of the core test-jar).
    Path log = Path.of("target", "lethe-tests.log");
    long offset = log.toFile().length();
    JpaPersonalDataStore store = JpaPersonalDataStore.of(first, Pseudonymizer.withRandomKey());
    enforcer(store, LegalHoldStore.inMemory(), 100).run();
    enforcer(store, LegalHoldStore.inMemory(), 100).dryRun();
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      file.seek(offset);
      byte[] bytes = new byte[(int) (file.length() - offset)];
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Test
  @DisplayName("Art. 5(1)(e): a batch runs the same few statements whether it holds 10 rows or 200")
  void setBasedBatches() {
    populate(600, 600);
    JpaPersonalDataStore store = JpaPersonalDataStore.of(first, Pseudonymizer.withRandomKey());
    Instant cutoff = NOW.minus(Duration.ofDays(90));
    Set<SubjectKey> held = Set.of(new SubjectKey("customer", HELD_CUSTOMER));
    int[] statements = new int[4];
    int i = 0;
    for (Class<?> type : List.of(LoginEvent.class, PurchaseOrder.class)) {
      RetentionTask task =
          task(
              store.model(),
              type,
              type == LoginEvent.class ? cutoff : NOW.minus(Duration.ofDays(6 * 366)),
              held);
      Optional<Object> after = Optional.empty();
      for (int size : new int[] {10, 200}) {
        database.statements().reset();
        RetentionSweeper.Batch batch = store.sweep(task, after, size);
        statements[i++] = database.statements().count();
        assertThat(batch.processed()).isPositive();
        if (type == PurchaseOrder.class) {
          // Its one anonymised attribute is NULLIFY: the update counts the rows it changes, nothing
          // reads them.
          assertThat(database.statements().statements())
              .as("anonymise batch of %d", size)
              .noneMatch(
                  sql ->
                      sql.trim().toLowerCase(Locale.ROOT).startsWith("select")
                          && sql.toLowerCase(Locale.ROOT).contains("delivery"));
          assertThat(store.sweep(task, after, size).anonymised())
              .as("the same batch again")
              .isZero();
        }
        after = batch.lastKey();
      }
    }
    assertThat(statements[1]).as("delete batch of 200 vs 10").isEqualTo(statements[0]);
    assertThat(statements[3]).as("anonymise batch of 200 vs 10").isEqualTo(statements[2]);
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): a batch size that is not positive is refused by the sweep and the enforcer")
  void refusesBadBatchSize() {
    JpaPersonalDataStore store = JpaPersonalDataStore.of(first, Pseudonymizer.withRandomKey());
    RetentionTask task = task(store.model(), LoginEvent.class, NOW, Set.of());
    assertThatThrownBy(() -> store.sweep(task, Optional.empty(), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> store.sweep(task, Optional.empty(), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetentionEnforcer.builder(store.model(), store).batchSize(-5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): a date-only clock expires at midnight in the controller's zone, with its element collection")
  void dateOnlyClockInZone() {
    first.getSchemaManager().truncate();
    first.runInTransaction(
        em -> {
          em.persist(
              new Applicant(
                  1L, "a@example.com", LocalDate.parse("2025-03-10"), List.of("java", "sql")));
          em.persist(
              new Applicant(2L, "b@example.com", LocalDate.parse("2025-03-11"), List.of("go")));
          em.persist(new Applicant(3L, "c@example.com", null, List.of("rust")));
        });
    JpaPersonalDataStore store = JpaPersonalDataStore.of(first, Pseudonymizer.withRandomKey());
    Instant cutoff = Instant.parse("2025-03-09T12:00:00Z"); // 10 March, 01:00 in Auckland
    EntityDescriptor applicant = store.model().entity(Applicant.class).orElseThrow();
    RetentionTask inLondon =
        new RetentionTask(
            applicant,
            applicant.retention().orElseThrow(),
            cutoff,
            ZoneId.of("Europe/London"),
            Set.of());
    RetentionTask inAuckland =
        new RetentionTask(
            applicant,
            applicant.retention().orElseThrow(),
            cutoff,
            ZoneId.of("Pacific/Auckland"),
            Set.of());

    assertThat(store.sweep(inLondon, Optional.empty(), 10).deleted()).isZero();
    assertThat(store.sweep(inAuckland, Optional.empty(), 10).deleted()).isEqualTo(1);

    assertThat(count("select count(a) from Applicant a")).isEqualTo(2);
    assertThat(database.scan().get("applicant_skills"))
        .extracting(row -> row.get(1))
        .containsExactlyInAnyOrder("go", "rust");
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e), 17(3)(e): anonymisation erases scalars and collection elements of expired rows, skips held subjects, and does nothing twice")
  void anonymisesWithCollections() {
    first.getSchemaManager().truncate();
    LocalDateTime old = LocalDateTime.parse("2030-01-01T10:00:00");
    first.runInTransaction(
        em -> {
          Applicant ann = new Applicant(1L, "ann@example.com", null, List.of());
          Applicant bob = new Applicant(2L, "bob@example.com", null, List.of());
          em.persist(ann);
          em.persist(bob);
          em.persist(
              new Referee(10L, ann, old, "Ref One", Set.of("+44 7700 900111", "+44 7700 900112")));
          em.persist(new Referee(11L, ann, null, "Ref Two", Set.of("+44 7700 900113")));
          em.persist(new Referee(12L, bob, old, "Ref Three", Set.of("+44 7700 900114")));
          em.persist(new Referee(13L, ann, old, "Ref Four", Set.of()));
        });
    JpaPersonalDataStore store = JpaPersonalDataStore.of(first, Pseudonymizer.withRandomKey());
    EntityDescriptor referee = store.model().entity(Referee.class).orElseThrow();
    RetentionTask task =
        new RetentionTask(
            referee,
            referee.retention().orElseThrow(),
            NOW,
            ZoneOffset.UTC,
            Set.of(new SubjectKey("applicant", 2L)));

    RetentionSweeper.Batch batch = store.sweep(task, Optional.empty(), 10);

    assertThat(batch.anonymised()).isEqualTo(2);
    assertThat(batch.heldBack()).isEqualTo(1);
    Map<String, List<List<String>>> scan = database.scan();
    assertThat(scan.get("referee").toString())
        .doesNotContain("Ref One")
        .doesNotContain("Ref Four")
        .contains("Ref Two")
        .contains("Ref Three");
    assertThat(scan.get("referee_phones").toString())
        .doesNotContain("900111")
        .doesNotContain("900112")
        .contains("900113")
        .contains("900114")
        .contains("11")
        .contains("12");
    assertThat(store.sweep(task, Optional.empty(), 10).anonymised()).as("a second sweep").isZero();
    assertThat(database.scan()).isEqualTo(scan);
  }

  private static RetentionReport.PolicyRun policy(RetentionReport report, String entity) {
    return report.policies().stream()
        .filter(run -> run.entity().equals(entity))
        .findFirst()
        .orElseThrow();
  }

  private static RetentionTask task(
      PersonalDataModel model, Class<?> type, Instant cutoff, Set<SubjectKey> held) {
    EntityDescriptor entity = model.entity(type).orElseThrow();
    return new RetentionTask(
        entity, entity.retention().orElseThrow(), cutoff, ZoneOffset.UTC, held);
  }
}
