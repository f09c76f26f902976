package dev.lethe.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.erasure.LegalHold;
import dev.lethe.law.ErasureGround;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.request.Rectification;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import dev.lethe.tck.shop.Customer;
import dev.lethe.tck.shop.LoginEvent;
import dev.lethe.tck.shop.OrderNote;
import dev.lethe.tck.shop.PurchaseOrder;
import dev.lethe.tck.shop.Shop;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PersonalDataStore} must do, over the {@link Shop} domain. Extend it, and create
 * a store that holds exactly the given population.
 */
public abstract class PersonalDataStoreCompatibilityKit {

  protected final PersonalDataModel model = Shop.model();
  protected PersonalDataStore store;

  /** A store over {@code model} holding exactly {@code population}, its objects' ids as given. */
  protected abstract PersonalDataStore createStore(
      PersonalDataModel model, List<Object> population);

  @BeforeEach
  void createPopulatedStore() {
    store = createStore(model, Shop.population(3, 2));
  }

  @Test
  @DisplayName("Art. 15: an identity resolves to its subject's key; an unknown one to none")
  void resolvesIdentities() {
    assertThat(store.resolve(new SubjectIdentifier("customer", "email", "customer2@example.com")))
        .containsExactly(new SubjectKey("customer", 2L));
    assertThat(store.resolve(new SubjectIdentifier("customer", "id", "3")))
        .containsExactly(new SubjectKey("customer", 3L));
    assertThat(store.resolve(new SubjectIdentifier("customer", "email", "nobody@example.com")))
        .isEmpty();
    assertThat(store.resolve(new SubjectIdentifier("customer", "fax", "123"))).isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 12(2), 15: an e-mail identity resolves whatever its case and surrounding spaces, the same on every store")
  void resolvesEmailIgnoringCaseAndSpaces() {
    assertThat(
            store.resolve(new SubjectIdentifier("customer", "email", "  Customer2@EXAMPLE.com ")))
        .containsExactly(new SubjectKey("customer", 2L));
    assertThat(store.resolve(new SubjectIdentifier("customer", "email", "customer2@example.co")))
        .isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 15(3): the subject's rows come through every route: association, two hops, identity column")
  void streamsTheSubjectsRows() {
    SubjectKey two = new SubjectKey("customer", 2L);
    assertThat(values(two, Customer.class))
        .containsExactly(
            Map.of("email", "customer2@example.com", "name", "Name 2", "phone", "+44 7700 900002"));
    assertThat(values(two, PurchaseOrder.class))
        .extracting(row -> row.get("deliveryAddress"))
        .containsExactlyInAnyOrder("2 Order Street 1", "2 Order Street 2");
    assertThat(values(two, OrderNote.class))
        .extracting(row -> row.get("text"))
        .containsExactlyInAnyOrder("note 1 of customer 2", "note 2 of customer 2");
    assertThat(values(two, LoginEvent.class))
        .extracting(row -> row.get("ipAddress"))
        .containsExactlyInAnyOrder("10.0.2.1", "10.0.2.2");
    assertThat(values(new SubjectKey("customer", 99L), PurchaseOrder.class)).isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 15(3), 20(1): reads inside readingTogether give what they give apart: one stream after"
          + " another, nested, or two streams open at once")
  void readsTogetherAsApart() {
    SubjectKey two = new SubjectKey("customer", 2L);
    Map<Class<?>, List<Map<String, Object>>> apart = allValues(two);

    assertThat(store.readingTogether(() -> allValues(two))).isEqualTo(apart);
    assertThat(store.readingTogether(() -> store.readingTogether(() -> allValues(two))))
        .isEqualTo(apart);
    List<Map<String, Object>> orders = new ArrayList<>();
    List<Map<String, Object>> notes = new ArrayList<>();
    store.readingTogether(
        () -> {
          try (Stream<Map<String, Object>> first = store.values(two, entity(PurchaseOrder.class));
              Stream<Map<String, Object>> second = store.values(two, entity(OrderNote.class))) {
            // A row of one, then a row of the other: both are read while the other is open.
            Iterator<Map<String, Object>> a = first.iterator();
            Iterator<Map<String, Object>> b = second.iterator();
            while (a.hasNext() || b.hasNext()) {
              if (a.hasNext()) {
                orders.add(nonNull(a.next()));
              }
              if (b.hasNext()) {
                notes.add(nonNull(b.next()));
              }
            }
          }
          return null;
        });
    assertThat(orders).containsExactlyInAnyOrderElementsOf(apart.get(PurchaseOrder.class));
    assertThat(notes).containsExactlyInAnyOrderElementsOf(apart.get(OrderNote.class));
  }

  @Test
  @DisplayName(
      "Art. 15(3): what the work inside readingTogether throws comes out as it was thrown, and the"
          + " store reads on after it")
  void failureInsideReadingTogetherComesOut() {
    SubjectKey two = new SubjectKey("customer", 2L);
    Map<Class<?>, List<Map<String, Object>>> before = allValues(two);
    IOException outputFailed = new IOException("The report's output failed");

    assertThatThrownBy(
            () ->
                store.readingTogether(
                    () -> {
                      try (Stream<Map<String, Object>> rows =
                          store.values(two, entity(PurchaseOrder.class))) {
                        assertThat(rows.findFirst()).isPresent();
                        throw outputFailed;
                      }
                    }))
        .isSameAs(outputFailed);
    assertThat(allValues(two)).isEqualTo(before);
  }

  @Test
  @DisplayName(
      "Art. 17: erasure applies every strategy to the subject and leaves everyone else alone")
  void erasesTheSubjectOnly() {
    SubjectKey two = new SubjectKey("customer", 2L);
    SubjectKey one = new SubjectKey("customer", 1L);
    Map<Class<?>, List<Map<String, Object>>> othersBefore = allValues(one);

    Map<Class<?>, ErasurePlan.RowCount> counts =
        store.erase(ErasurePlan.of(model, two, ErasureGround.CONSENT_WITHDRAWN, List.of()));

    assertThat(counts)
        .containsEntry(OrderNote.class, new ErasurePlan.RowCount(2, 0))
        .containsEntry(PurchaseOrder.class, new ErasurePlan.RowCount(0, 2))
        .containsEntry(LoginEvent.class, new ErasurePlan.RowCount(0, 2))
        .containsEntry(Customer.class, new ErasurePlan.RowCount(0, 1));
    assertThat(values(two, OrderNote.class)).isEmpty();
    Map<String, Object> customer = values(two, Customer.class).get(0);
    assertThat(customer.get("email")).isEqualTo("erased@erased.invalid");
    assertThat(customer.get("name")).isEqualTo("[erased]");
    assertThat(customer.get("phone")).isEqualTo("*************02");
    List<Map<String, Object>> orders = values(two, PurchaseOrder.class);
    assertThat(orders).allSatisfy(order -> assertThat(order.get("deliveryAddress")).isNull());
    assertThat(orders)
        .extracting(order -> ((BigDecimal) order.get("total")).intValue())
        .as("KEEP under Art. 17(3)(b)")
        .containsExactlyInAnyOrder(2001, 2002);
    assertThat(allValues(one)).isEqualTo(othersBefore);
  }

  @Test
  @DisplayName("Art. 17: erasing twice touches nothing the second time")
  void erasureIsIdempotent() {
    ErasurePlan plan =
        ErasurePlan.of(model, new SubjectKey("customer", 3L), ErasureGround.OBJECTION, List.of());
    store.erase(plan);
    Map<Class<?>, List<Map<String, Object>>> afterFirst = allValues(new SubjectKey("customer", 3L));

    Map<Class<?>, ErasurePlan.RowCount> second = store.erase(plan);

    assertThat(second.values()).allSatisfy(count -> assertThat(count.any()).isFalse());
    assertThat(allValues(new SubjectKey("customer", 3L))).isEqualTo(afterFirst);
  }

  @Test
  @DisplayName("Art. 17(3)(e): an entity type under legal hold is left untouched")
  void legalHoldKeepsEntity() {
    SubjectKey two = new SubjectKey("customer", 2L);
    List<Map<String, Object>> notesBefore = values(two, OrderNote.class);

    store.erase(
        ErasurePlan.of(
            model,
            two,
            ErasureGround.NO_LONGER_NECESSARY,
            List.of(LegalHold.onEntity(OrderNote.class, "Dispute 2025-17", Instant.EPOCH))));

    assertThat(values(two, OrderNote.class)).isEqualTo(notesBefore);
    assertThat(values(two, LoginEvent.class))
        .extracting(row -> row.get("ipAddress"))
        .doesNotContain("10.0.2.1");
  }

  @Test
  @DisplayName("Art. 16: a rectification changes the named attributes of the subject's row")
  void rectifies() {
    SubjectKey two = new SubjectKey("customer", 2L);
    store.rectify(two, new Rectification(Customer.class, 2L, Map.of("name", "Corrected Name")));
    assertThat(values(two, Customer.class).get(0)).containsEntry("name", "Corrected Name");

    Object orderRow = rowIds(two, PurchaseOrder.class).get(0);
    store.rectify(
        two,
        new Rectification(
            PurchaseOrder.class, orderRow, Map.of("deliveryAddress", "New Street 1")));
    assertThat(values(two, PurchaseOrder.class))
        .extracting(row -> row.get("deliveryAddress"))
        .contains("New Street 1");
  }

  @Test
  @DisplayName(
      "Art. 16: a rectification of a row that is not the subject's is refused and changes nothing")
  void rectificationOfAnotherSubjectsRowRefused() {
    Object othersOrder = rowIds(new SubjectKey("customer", 1L), PurchaseOrder.class).get(0);
    Map<Class<?>, List<Map<String, Object>>> before = allValues(new SubjectKey("customer", 1L));

    assertThatThrownBy(
            () ->
                store.rectify(
                    new SubjectKey("customer", 2L),
                    new Rectification(
                        PurchaseOrder.class, othersOrder, Map.of("deliveryAddress", "Hijacked"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(allValues(new SubjectKey("customer", 1L))).isEqualTo(before);
  }

  @Test
  @DisplayName(
      "Art. 33(3)(a), 34(1): the subjects of the rows whose time lies in a breach's window are found along"
          + " every route, an association and an identity column, the window's start included and its end excluded")
  void art33_subjectsOfRowsInATimeWindow() {
    Instant from = Instant.parse("2025-03-01T00:00:00Z");
    Instant to = Instant.parse("2025-03-05T00:00:00Z");
    List<Object> population = Shop.population(3, 1);
    for (Object row : population) {
      if (row instanceof PurchaseOrder order) {
        // Customer 1 ordered before the window, customer 2 as it opened, customer 3 as it closed.
        order.placedAt =
            Shop.belongsTo(order, 1) ? from.minusSeconds(1) : Shop.belongsTo(order, 2) ? from : to;
      } else if (row instanceof LoginEvent login && Shop.belongsTo(login, 3)) {
        login.at = to.minusSeconds(1);
      } else if (row instanceof LoginEvent login && Shop.belongsTo(login, 1)) {
        login.at = null;
      }
    }
    store = createStore(model, population);
    EntityDescriptor orders = entity(PurchaseOrder.class);

    assertThat(store.subjectsWithRowsBetween(orders, "placedAt", from, to))
        .containsExactly(new SubjectKey("customer", 2L));
    assertThat(store.subjectsWithRowsBetween(entity(LoginEvent.class), "at", from, to))
        .as(
            "through the e-mail column linking a login to its customer; a row without a time is in no window")
        .containsExactly(new SubjectKey("customer", 3L));
    assertThat(
            store.subjectsWithRowsBetween(
                orders, "placedAt", from.minusSeconds(1), to.plusSeconds(1)))
        .containsExactlyInAnyOrder(
            new SubjectKey("customer", 1L),
            new SubjectKey("customer", 2L),
            new SubjectKey("customer", 3L));
    assertThat(
            store.subjectsWithRowsBetween(
                orders, "placedAt", to.plusSeconds(1), to.plusSeconds(60)))
        .isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 33(3)(a): a window over an attribute that is no date or time of its entity is refused, naming the"
          + " entity and the attributes it could be, or how to add one")
  void art33_windowOverAnAttributeWithoutTimeRefused() {
    Instant from = Instant.parse("2025-03-01T00:00:00Z");
    assertThatThrownBy(
            () ->
                store.subjectsWithRowsBetween(
                    entity(PurchaseOrder.class), "total", from, from.plusSeconds(60)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PurchaseOrder")
        .hasMessageContaining("[placedAt]");
    assertThatThrownBy(
            () ->
                store.subjectsWithRowsBetween(
                    entity(Customer.class), "name", from, from.plusSeconds(60)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Customer has no date or time attribute");
  }

  protected List<Map<String, Object>> values(SubjectKey subject, Class<?> entity) {
    EntityDescriptor descriptor = entity(entity);
    List<Map<String, Object>> ofRecords;
    try (Stream<SubjectRecord> records = store.records(subject, descriptor)) {
      ofRecords = records.map(record -> nonNull(record.values())).toList();
    }
    // What a report writes: the same values, without the rows' identifiers.
    try (Stream<Map<String, Object>> values = store.values(subject, descriptor)) {
      assertThat(values.map(PersonalDataStoreCompatibilityKit::nonNull).toList())
          .as("values(%s, %s) against records' values", subject, entity.getSimpleName())
          .containsExactlyInAnyOrderElementsOf(ofRecords);
    }
    return ofRecords;
  }

  protected Map<Class<?>, List<Map<String, Object>>> allValues(SubjectKey subject) {
    return Shop.ENTITIES.stream()
        .collect(Collectors.toMap(entity -> entity, entity -> values(subject, entity)));
  }

  private EntityDescriptor entity(Class<?> type) {
    return model.entity(type).orElseThrow();
  }

  private List<Object> rowIds(SubjectKey subject, Class<?> entity) {
    try (Stream<SubjectRecord> records = store.records(subject, entity(entity))) {
      return records.map(SubjectRecord::rowId).toList();
    }
  }

  /** The values without the nulls, so that rows compare by what they hold. */
  private static Map<String, Object> nonNull(Map<String, ?> values) {
    Map<String, Object> copy = new HashMap<>();
    values.forEach(
        (attribute, value) -> {
          if (value != null) {
            copy.put(attribute, value);
          }
        });
    return copy;
  }
}
