package dev.lethe.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.erasure.LegalHold;
import dev.lethe.erasure.LegalHoldStore;
import dev.lethe.jpa.testing.SkipWhenUnreachable;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.retention.RetentionEnforcer;
import dev.lethe.retention.RetentionReport;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectKey;
import dev.lethe.tck.shop.Customer;
import dev.lethe.tck.shop.LoginEvent;
import dev.lethe.tck.shop.PurchaseOrder;
import dev.lethe.tck.shop.Shop;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Retention over random shop populations on the selected database: random clock values (null,
 * long past, just before, exactly at and just after the cutoff), random legal holds and batch
 * sizes. Tries are few, so that the suite stays fast on a real database.
 */
@AddLifecycleHook(SkipWhenUnreachable.class)
class RetentionPropertiesIT {

  private static final Instant NOW = Instant.parse("2031-06-01T00:00:00Z");
  private static final Instant LOGIN_CUTOFF =
      NOW.atZone(ZoneOffset.UTC).minus(Period.ofDays(90)).toInstant();
  private static final Instant ORDER_CUTOFF =
      NOW.atZone(ZoneOffset.UTC).minus(Period.ofYears(6)).toInstant();

  private static TestDatabase database;
  private static EntityManagerFactory emf;
  private static JpaPersonalDataStore store;

  @BeforeContainer
  static void openDatabase() {
    database = TestDatabase.create();
    emf = database.open(Shop.ENTITIES.toArray(Class<?>[]::new));
    store = JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey());
  }

  @AfterContainer
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Property(tries = 15)
  @Label(
      "Art. 5(1)(e), 17(3)(e): one run removes exactly the expired, unheld rows; a second run does nothing")
  void removesExactlyTheExpiredUnheldRows(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 4) int customers,
      @ForAll @IntRange(min = 0, max = 25) int logins,
      @ForAll @IntRange(min = 0, max = 15) int orders,
      @ForAll @IntRange(min = 1, max = 7) int batchSize) {
    Random random = new Random(seed);
    Set<Long> held = new HashSet<>();
    for (long c = 1; c <= customers; c++) {
      if (random.nextInt(3) == 0) {
        held.add(c);
      }
    }
    Map<Long, Boolean> loginsExpire = new TreeMap<>();
    Map<Long, Boolean> ordersExpire = new TreeMap<>();
    emf.getSchemaManager().truncate();
    emf.runInTransaction(
        em -> {
          List<Customer> all = new ArrayList<>();
          for (long c = 1; c <= customers; c++) {
            Customer customer =
                new Customer(c, "customer" + c + "@example.com", "Name " + c, "+44 7700 900" + c);
            em.persist(customer);
            all.add(customer);
          }
          long id = 100;
          for (int i = 0; i < logins; i++) {
            Customer customer = all.get(random.nextInt(all.size()));
            Instant at = clock(random, LOGIN_CUTOFF);
            em.persist(new LoginEvent(id, customer.email, at, "10.0." + customer.id + "." + i));
            loginsExpire.put(
                id++, at != null && !at.isAfter(LOGIN_CUTOFF) && !held.contains(customer.id));
          }
          for (int i = 0; i < orders; i++) {
            Customer customer = all.get(random.nextInt(all.size()));
            Instant placed = clock(random, ORDER_CUTOFF);
            em.persist(
                new PurchaseOrder(
                    id, customer, placed, customer.id + " Order Street " + i, new BigDecimal(i)));
            ordersExpire.put(
                id++,
                placed != null && !placed.isAfter(ORDER_CUTOFF) && !held.contains(customer.id));
          }
        });
    LegalHoldStore holds = LegalHoldStore.inMemory();
    held.forEach(
        c -> holds.place(LegalHold.onSubject(new SubjectKey("customer", c), "Claim " + c, NOW)));
    RetentionEnforcer enforcer =
        RetentionEnforcer.builder(store.model(), store)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .legalHolds(holds)
            .batchSize(batchSize)
            .build();

    RetentionReport dryRun = enforcer.dryRun();
    RetentionReport first = enforcer.run();
    RetentionReport second = enforcer.run();

    long expiredLogins = loginsExpire.values().stream().filter(Boolean::booleanValue).count();
    long expiredOrders = ordersExpire.values().stream().filter(Boolean::booleanValue).count();
    assertThat(dryRun.rowsProcessed())
        .as("the dry run's count")
        .isEqualTo(expiredLogins + expiredOrders);
    assertThat(first.rowsProcessed()).isEqualTo(expiredLogins + expiredOrders);
    assertThat(second.rowsProcessed()).as("the second run").isZero();
    Set<Long> keptLogins = new TreeSet<>();
    loginsExpire.forEach(
        (login, expires) -> {
          if (!expires) {
            keptLogins.add(login);
          }
        });
    List<Long> remaining =
        emf.callInTransaction(
            em -> em.createQuery("select l.id from LoginEvent l", Long.class).getResultList());
    assertThat(remaining).containsExactlyInAnyOrderElementsOf(keptLogins);
    List<Object[]> rows =
        emf.<List<Object[]>>callInTransaction(
            em ->
                em.createQuery(
                        "select o.id, o.deliveryAddress, o.total from PurchaseOrder o",
                        Object[].class)
                    .getResultList());
    assertThat(rows)
        .hasSize(ordersExpire.size())
        .allSatisfy(
            row -> {
              assertThat(row[1] == null)
                  .as("order %s anonymised", row[0])
                  .isEqualTo(ordersExpire.get((Long) row[0]));
              assertThat(row[2]).as("the kept total").isNotNull();
            });
  }

  /** A clock value: null, long past, or a second before, at or after the cutoff, or later. */
  private static Instant clock(Random random, Instant cutoff) {
    return switch (random.nextInt(6)) {
      case 0 -> null;
      case 1 -> cutoff.minus(Duration.ofDays(1_000));
      case 2 -> cutoff.minusSeconds(1);
      case 3 -> cutoff;
      case 4 -> cutoff.plusSeconds(1);
      default -> cutoff.plus(Duration.ofDays(30));
    };
  }
}
