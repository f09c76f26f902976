package dev.lethe.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.law.ErasureGround;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectKey;
import dev.lethe.tck.shop.PurchaseOrder;
import dev.lethe.tck.shop.Shop;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ErasurePropertiesTest {

  private static final PersonalDataModel MODEL = Shop.model();

  @Property(tries = 60)
  @Label(
      "Art. 17: after erasure none of the subject's values remain but the kept ones, nobody else's change, and twice equals once")
  void erasureRemovesExactlyTheSubject(
      @ForAll @IntRange(min = 2, max = 5) int customers,
      @ForAll @IntRange(min = 0, max = 3) int ordersEach,
      @ForAll @IntRange(min = 1, max = 5) int chosen) {
    int subject = Math.min(chosen, customers);
    List<Object> population = Shop.population(customers, ordersEach);
    Set<String> mine = new HashSet<>();
    Set<String> kept = new HashSet<>();
    for (Object row : population) {
      if (Shop.belongsTo(row, subject)) {
        mine.addAll(Shop.personalValues(row));
        if (row instanceof PurchaseOrder order) {
          kept.add(order.total.toString());
        }
      }
    }
    PersonalDataStore store =
        PersonalDataStore.inMemory(MODEL, Pseudonymizer.withRandomKey()).add(population.toArray());
    Map<Integer, Map<Class<?>, List<Map<String, Object>>>> before = everyone(store, customers);
    ErasurePlan plan =
        ErasurePlan.of(
            MODEL,
            new SubjectKey("customer", (long) subject),
            ErasureGround.CONSENT_WITHDRAWN,
            List.of());

    store.erase(plan);
    Map<Integer, Map<Class<?>, List<Map<String, Object>>>> afterOnce = everyone(store, customers);
    Map<Class<?>, ErasurePlan.RowCount> second = store.erase(plan);

    Set<String> remaining = new HashSet<>();
    afterOnce
        .values()
        .forEach(
            rows ->
                rows.values()
                    .forEach(
                        list ->
                            list.forEach(
                                row ->
                                    row.values()
                                        .forEach(value -> remaining.add(String.valueOf(value))))));
    Set<String> erased = new HashSet<>(mine);
    erased.removeAll(kept);
    assertThat(remaining).doesNotContainAnyElementsOf(erased).containsAll(kept);
    for (int other = 1; other <= customers; other++) {
      if (other != subject) {
        assertThat(afterOnce.get(other)).isEqualTo(before.get(other));
      }
    }
    assertThat(second.values()).noneMatch(ErasurePlan.RowCount::any);
    assertThat(everyone(store, customers)).isEqualTo(afterOnce);
  }

  private static Map<Integer, Map<Class<?>, List<Map<String, Object>>>> everyone(
      PersonalDataStore store, int customers) {
    Map<Integer, Map<Class<?>, List<Map<String, Object>>>> everyone = new HashMap<>();
    for (int customer = 1; customer <= customers; customer++) {
      Map<Class<?>, List<Map<String, Object>>> rows = new HashMap<>();
      for (EntityDescriptor entity : MODEL.entities()) {
        try (Stream<SubjectRecord> records =
            store.records(new SubjectKey("customer", (long) customer), entity)) {
          rows.put(
              entity.type(),
              records.<Map<String, Object>>map(record -> new HashMap<>(record.values())).toList());
        }
      }
      everyone.put(customer, rows);
    }
    return everyone;
  }
}
