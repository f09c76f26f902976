package dev.lethe.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.erasure.LegalHold;
import dev.lethe.erasure.LegalHoldStore;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectKey;
import dev.lethe.tck.shop.LoginEvent;
import dev.lethe.tck.shop.Shop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RetentionPropertiesTest {

  private static final PersonalDataModel MODEL = Shop.model();
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  @Property(tries = 100)
  @Label(
      "Art. 5(1)(e), 17(3)(e): one run removes exactly the expired rows of subjects not on hold; a second run does nothing")
  void runRemovesExactlyTheExpiredUnheldRows(
      @ForAll @IntRange(min = 1, max = 6) int customers,
      @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 200) Integer> loginAgesInDays,
      @ForAll @Size(max = 3) Set<@IntRange(min = 1, max = 6) Integer> held,
      @ForAll @IntRange(min = 1, max = 5) int batchSize) {
    List<Object> population = Shop.population(customers, 0);
    population.removeIf(LoginEvent.class::isInstance);
    Set<String> expectedIps = new HashSet<>();
    for (int i = 0; i < loginAgesInDays.size(); i++) {
      int customer = i % customers + 1;
      String ip = "192.168." + customer + "." + i;
      Instant at = NOW.minus(Duration.ofDays(loginAgesInDays.get(i)));
      population.add(new LoginEvent(1000L + i, "customer" + customer + "@example.com", at, ip));
      boolean expired = !at.isAfter(NOW.minus(Duration.ofDays(90)));
      if (!expired || held.contains(customer)) {
        expectedIps.add(ip);
      }
    }
    PersonalDataStore.InMemoryStore store =
        PersonalDataStore.inMemory(MODEL, Pseudonymizer.withRandomKey()).add(population.toArray());
    LegalHoldStore holds = LegalHoldStore.inMemory();
    held.forEach(
        customer ->
            holds.place(
                LegalHold.onSubject(new SubjectKey("customer", (long) customer), "hold", NOW)));
    RetentionEnforcer enforcer =
        RetentionEnforcer.builder(MODEL, store)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .legalHolds(holds)
            .batchSize(batchSize)
            .build();

    enforcer.run();

    assertThat(remainingIps(store, customers)).isEqualTo(expectedIps);
    assertThat(enforcer.run().rowsProcessed()).isZero();
    assertThat(remainingIps(store, customers)).isEqualTo(expectedIps);
  }

  private static Set<String> remainingIps(PersonalDataStore store, int customers) {
    Set<String> ips = new HashSet<>();
    for (int customer = 1; customer <= customers; customer++) {
      try (Stream<SubjectRecord> records =
          store.records(
              new SubjectKey("customer", (long) customer),
              MODEL.entity(LoginEvent.class).orElseThrow())) {
        ips.addAll(
            records
                .map(record -> (String) record.values().get("ipAddress"))
                .collect(Collectors.toSet()));
      }
    }
    return ips;
  }
}
