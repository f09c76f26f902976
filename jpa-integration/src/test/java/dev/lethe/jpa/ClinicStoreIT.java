package dev.lethe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.jpa.clinic.Clinic;
import dev.lethe.jpa.clinic.Complaint;
import dev.lethe.jpa.clinic.Document;
import dev.lethe.jpa.clinic.Dog;
import dev.lethe.jpa.clinic.Invoice;
import dev.lethe.jpa.clinic.Letter;
import dev.lethe.jpa.clinic.Message;
import dev.lethe.jpa.clinic.Owner;
import dev.lethe.jpa.clinic.Pet;
import dev.lethe.jpa.clinic.Referral;
import dev.lethe.jpa.clinic.ReminderLog;
import dev.lethe.jpa.clinic.Review;
import dev.lethe.jpa.clinic.Vet;
import dev.lethe.jpa.clinic.VetLicense;
import dev.lethe.jpa.clinic.Visit;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.law.ErasureGround;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.request.Rectification;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import jakarta.persistence.EntityManagerFactory;
import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The store over the clinic, every mapping kind, on the selected database. */
class ClinicStoreIT {

  private static final SubjectKey OWNER_ONE = new SubjectKey("owner", 1L);

  private static TestDatabase database;
  private static EntityManagerFactory emf;
  private static JpaPersonalDataStore store;

  @BeforeAll
  static void openDatabase() {
    database = TestDatabase.create();
    emf = database.open(Clinic.ENTITIES.toArray(Class<?>[]::new));
    store = JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey());
  }

  @AfterAll
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  @DisplayName(
      "Art. 30: discovery routes every entity to its subjects through associations, join tables and link columns")
  void discoversRoutes() {
    PersonalDataModel model = store.model();
    assertThat(route(model, Visit.class, "owner")).isEqualTo("pet.owner.id");
    assertThat(route(model, Dog.class, "owner")).isEqualTo("owner.id");
    assertThat(route(model, Invoice.class, "owner")).isEqualTo("owner.id");
    assertThat(route(model, Referral.class, "owner")).isEqualTo("owners.id");
    assertThat(route(model, ReminderLog.class, "owner")).isEqualTo("ownerEmail");
    assertThat(route(model, Review.class, "owner")).isEqualTo("author.id");
    assertThat(model.entity(Owner.class).orElseThrow().fields())
        .extracting(FieldDescriptor::name)
        .containsExactlyInAnyOrder("name", "email", "address.street", "address.city", "phones");
    assertThat(model.entity(Owner.class).orElseThrow().field("phones").orElseThrow().collection())
        .isTrue();
    assertThat(model.entity(Dog.class).orElseThrow().fields())
        .extracting(FieldDescriptor::name)
        .containsExactlyInAnyOrder("petName", "chip");
    assertThat(model.entitiesOf("vet"))
        .extracting(EntityDescriptor::type)
        .containsExactlyInAnyOrder(Vet.class, VetLicense.class);
  }

  @Test
  @DisplayName(
      "Art. 33(3)(a): a breach's window over a date column counts each day from its start, two hops from the"
          + " owner; an attribute that is no date is refused naming the one there is")
  void art33_windowOverADateCountsTheDayFromItsStart() {
    Clinic.uniform(2).persistInto(emf);
    EntityDescriptor visits = store.model().entity(Visit.class).orElseThrow();
    ZoneId zone = ZoneId.systemDefault();
    Instant visitDay = LocalDate.of(2025, 1, 2).atStartOfDay(zone).toInstant();
    Instant nextDay = LocalDate.of(2025, 1, 3).atStartOfDay(zone).toInstant();
    SubjectKey ownerTwo = new SubjectKey("owner", 2L);

    assertThat(store.subjectsWithRowsBetween(visits, "day", visitDay, nextDay))
        .containsExactlyInAnyOrder(OWNER_ONE, ownerTwo);
    assertThat(
            store.subjectsWithRowsBetween(
                visits, "day", visitDay.plusSeconds(1), nextDay.plusSeconds(1)))
        .as("the day starts before the window")
        .isEmpty();
    assertThat(store.subjectsWithRowsBetween(visits, "day", visitDay.minusSeconds(3600), visitDay))
        .as("the window ends as the day starts")
        .isEmpty();
    assertThat(
            store.subjectsWithRowsBetween(
                visits, "day", visitDay.minusSeconds(3600), visitDay.plusSeconds(1)))
        .containsExactlyInAnyOrder(OWNER_ONE, ownerTwo);
    assertThatThrownBy(() -> store.subjectsWithRowsBetween(visits, "notes", visitDay, nextDay))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Visit")
        .hasMessageContaining("[day]");
  }

  @Test
  @DisplayName(
      "Art. 15: an identity resolves to keys typed as the root's identifier; one that matches no one to none")
  void resolves() {
    Clinic.uniform(1).persistInto(emf);
    assertThat(store.resolve(new SubjectIdentifier("owner", "email", "owner[o2]@example.com")))
        .containsExactly(new SubjectKey("owner", 2L));
    assertThat(store.resolve(new SubjectIdentifier("owner", "id", "1"))).containsExactly(OWNER_ONE);
    assertThat(store.resolve(new SubjectIdentifier("owner", "id", "not-a-number"))).isEmpty();
    assertThat(store.resolve(new SubjectIdentifier("owner", "email", "nobody@example.com")))
        .isEmpty();
    assertThat(export(new SubjectKey("owner", 99L)).values())
        .allSatisfy(rows -> assertThat(rows).isEmpty());
  }

  @Test
  @DisplayName(
      "Art. 15(3): the export holds soft-deleted rows, element collections and embedded values")
  void exportsEveryMappingKind() {
    Clinic.Population population = Clinic.uniform(2);
    population.persistInto(emf);
    Map<Class<?>, List<SubjectRecord>> export = export(OWNER_ONE);
    assertThat(export.get(Review.class)).hasSize(2);
    assertThat(export.get(Message.class)).hasSize(2);
    assertThat(export.get(Owner.class).get(0).values().get("phones"))
        .isEqualTo(List.of("+44 [o1] 555 0", "+44 [o1] 555 0"));
    assertThat(export.get(Owner.class).get(0).values().get("address.city")).isEqualTo("City [o1]");
    assertThat(export.get(Pet.class))
        .hasSize(2)
        .allSatisfy(row -> assertThat(row.values()).containsOnlyKeys("petName"));
    assertThat(export.get(Dog.class)).hasSize(2);
    assertThat(export.get(Document.class)).isEmpty();
    assertThat(texts(export)).isEqualTo(population.values().get(OWNER_ONE));
  }

  @Test
  @DisplayName(
      "Art. 17: erasure reaches every mapping kind, soft-deleted rows included, and leaves the other owner alone")
  void erasesEveryMappingKind() {
    Clinic.uniform(2).persistInto(emf);
    Map<Class<?>, List<SubjectRecord>> otherBefore = export(new SubjectKey("owner", 2L));

    Map<Class<?>, ErasurePlan.RowCount> counts = store.erase(plan(OWNER_ONE));

    assertThat(counts)
        .containsEntry(Letter.class, new ErasurePlan.RowCount(2, 0))
        .containsEntry(Referral.class, new ErasurePlan.RowCount(2, 0))
        .containsEntry(ReminderLog.class, new ErasurePlan.RowCount(2, 0))
        .containsEntry(Message.class, new ErasurePlan.RowCount(2, 0))
        .containsEntry(Review.class, new ErasurePlan.RowCount(0, 2))
        .containsEntry(Complaint.class, new ErasurePlan.RowCount(0, 2))
        .containsEntry(Invoice.class, new ErasurePlan.RowCount(0, 2))
        .containsEntry(Dog.class, new ErasurePlan.RowCount(0, 2))
        .containsEntry(Pet.class, new ErasurePlan.RowCount(0, 2))
        .containsEntry(Visit.class, new ErasurePlan.RowCount(0, 2))
        .containsEntry(Owner.class, new ErasurePlan.RowCount(0, 1));
    Map<String, List<List<String>>> tables = database.scan();
    assertThat(tables.get("message")).noneMatch(row -> row.toString().contains("[o1]"));
    assertThat(tables.get("referral_owner")).hasSize(1);
    assertThat(tables.get("review"))
        .filteredOn(row -> row.toString().contains("Rev****"))
        .hasSize(2);
    Map<String, Object> owner = export(OWNER_ONE).get(Owner.class).get(0).values();
    assertThat(owner.get("name")).isEqualTo("[erased]");
    assertThat((String) owner.get("email")).matches("[0-9a-f]{64}");
    assertThat(owner.get("address.street")).isNull();
    assertThat(owner.get("address.city")).isEqualTo("C********");
    assertThat(owner.get("phones")).isEqualTo(List.of("+*********** 0", "+*********** 0"));
    assertThat(export(new SubjectKey("owner", 2L))).isEqualTo(otherBefore);
  }

  @Test
  @DisplayName(
      "Art. 17: the number of statements grows with entity types, not rows: equal at 1, 10 and 100 rows")
  void statementsDoNotGrowWithRows() {
    List<Integer> counts = new ArrayList<>();
    for (int rows : List.of(1, 10, 100)) {
      Clinic.uniform(rows).persistInto(emf);
      database.statements().reset();
      Map<Class<?>, ErasurePlan.RowCount> touched = store.erase(plan(OWNER_ONE));
      counts.add(database.statements().count());
      assertThat(touched.get(Visit.class).updated()).isEqualTo(rows);
      assertThat(touched.get(Letter.class).deleted()).isEqualTo(rows);
    }
    System.out.println(
        "Statements per erasure at 1, 10, 100 rows per entity type on "
            + database.kind()
            + ": "
            + counts);
    assertThat(counts).as("statements at 1, 10, 100 rows").containsOnly(counts.get(0));
  }

  @Test
  @DisplayName(
      "Art. 15(3): an export reads a type's rows in one statement that joins along the to-one links to"
          + " the subject's key, as a hand-written query would, without first selecting identifiers")
  void exportJoinsAlongToOneLinks() {
    Clinic.uniform(3).persistInto(emf);
    // Visit reaches its owner through two to-one links: visit.pet.owner.
    EntityDescriptor visits = store.model().entity(Visit.class).orElseThrow();

    database.statements().reset();
    List<SubjectRecord> records;
    try (Stream<SubjectRecord> stream = store.records(OWNER_ONE, visits)) {
      records = stream.toList();
    }

    assertThat(records).hasSize(3);
    assertThat(database.statements().statements())
        .singleElement()
        .satisfies(
            sql ->
                assertThat(sql.toLowerCase(Locale.ROOT))
                    .startsWith("select")
                    .contains(" join ")
                    .doesNotContain(" in ("));
  }

  @Test
  @DisplayName(
      "Art. 17: a type erased by NULLIFY and REPLACE only costs one update of the rows that change, no read;"
          + " erasing again reports and changes nothing")
  void nullifyAndReplaceCostOneUpdate() {
    Clinic.uniform(3).persistInto(emf);
    // Visit (two hops away), Pet (a type with a subtype, JPQL) and Complaint (soft-deleted, native
    // SQL).
    Set<Class<?>> inPlace = Set.of(Visit.class, Pet.class, Complaint.class);
    ErasurePlan all = plan(OWNER_ONE);
    ErasurePlan plan =
        new ErasurePlan(
            all.subject(),
            all.ground(),
            all.steps().stream().filter(step -> inPlace.contains(step.entity().type())).toList(),
            all.heldBack());

    database.statements().reset();
    Map<Class<?>, ErasurePlan.RowCount> first = store.erase(plan);
    List<String> trace = database.statements().statements();
    Map<String, List<List<String>>> afterOnce = database.scan();
    Map<Class<?>, ErasurePlan.RowCount> second = store.erase(plan);

    assertThat(trace)
        .as("statements")
        .hasSize(3)
        .allMatch(statement -> statement.trim().toLowerCase(Locale.ROOT).startsWith("update"));
    assertThat(first)
        .containsEntry(Visit.class, new ErasurePlan.RowCount(0, 3))
        .containsEntry(Pet.class, new ErasurePlan.RowCount(0, 3))
        .containsEntry(Complaint.class, new ErasurePlan.RowCount(0, 3));
    assertThat(texts(export(OWNER_ONE)))
        .doesNotContain("notes [o1] 1/1", "Tom [o1] 1", "Complaint [o1] 1", "Signed [o1] 2");
    assertThat(second.values()).as("the second erasure").noneMatch(ErasurePlan.RowCount::any);
    assertThat(database.scan()).isEqualTo(afterOnce);
  }

  @Test
  @DisplayName(
      "Art. 17(1): a failure at any write of an erasure leaves the database as it was; the retry completes")
  void failureInTheMiddleChangesNothing() {
    Clinic.uniform(2).persistInto(emf);
    database.statements().reset();
    store.erase(plan(OWNER_ONE));
    List<String> trace = database.statements().statements();
    List<Integer> writes = new ArrayList<>();
    for (int i = 0; i < trace.size(); i++) {
      String statement = trace.get(i).trim().toLowerCase(Locale.ROOT);
      // Hibernate's own temporary tables for multi-table statements are left out: a failure there
      // changes no data.
      boolean temporary = statement.matches("(update|delete from) \\W?hte?_.*");
      if ((statement.startsWith("update") || statement.startsWith("delete")) && !temporary) {
        writes.add(i + 1);
      }
    }
    assertThat(writes).as("writes in %s", trace).hasSizeGreaterThan(5);

    Clinic.uniform(2).persistInto(emf);
    Map<String, List<List<String>>> before = database.scan();
    for (int write : writes) {
      database.statements().failAt(write);
      String failing = trace.get(write - 1);
      assertThatThrownBy(() -> store.erase(plan(OWNER_ONE)))
          .as("failure at statement %d: %s", write, failing)
          .isInstanceOf(RuntimeException.class);
      assertThat(database.scan()).as("after a failure at statement %d", write).isEqualTo(before);
    }
    database.statements().reset();
    store.erase(plan(OWNER_ONE));
    assertThat(texts(export(OWNER_ONE)))
        .doesNotContain("Name [o1]", "notes [o1] 1/1", "Letter [o1] 1");
  }

  @Test
  @DisplayName(
      "Art. 16: a rectification goes through the entity and its listeners; Bean Validation refuses an invalid value, unchanged")
  void rectifiesThroughTheEntity() {
    Clinic.uniform(1).persistInto(emf);
    store.rectify(
        OWNER_ONE,
        new Rectification(
            Owner.class,
            1L,
            Map.of("name", "Corrected [o1]", "address.street", "New Street [o1]")));
    Map<String, Object> owner = export(OWNER_ONE).get(Owner.class).get(0).values();
    assertThat(owner)
        .containsEntry("name", "Corrected [o1]")
        .containsEntry("address.street", "New Street [o1]");
    Instant updatedAt = emf.callInTransaction(em -> em.find(Owner.class, 1L).updatedAt);
    assertThat(updatedAt).as("set by @PreUpdate").isNotNull();

    assertThatThrownBy(
            () -> store.rectify(OWNER_ONE, new Rectification(Owner.class, 1L, Map.of("name", " "))))
        .isInstanceOf(ConstraintViolationException.class);
    assertThat(export(OWNER_ONE).get(Owner.class).get(0).values())
        .containsEntry("name", "Corrected [o1]");

    Object othersVisit = export(new SubjectKey("owner", 2L)).get(Visit.class).get(0).rowId();
    assertThatThrownBy(
            () ->
                store.rectify(
                    OWNER_ONE,
                    new Rectification(Visit.class, othersVisit, Map.of("notes", "hijacked"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(texts(export(new SubjectKey("owner", 2L)))).doesNotContain("hijacked");
  }

  static ErasurePlan plan(SubjectKey subject) {
    return ErasurePlan.of(store.model(), subject, ErasureGround.CONSENT_WITHDRAWN, List.of());
  }

  static Map<Class<?>, List<SubjectRecord>> export(SubjectKey subject) {
    Map<Class<?>, List<SubjectRecord>> export = new LinkedHashMap<>();
    for (EntityDescriptor entity : store.model().entitiesOf(subject.subjectType())) {
      try (Stream<SubjectRecord> records = store.records(subject, entity)) {
        export.put(entity.type(), records.toList());
      }
    }
    return export;
  }

  /** Every text value of an export, collections flattened. */
  static Set<String> texts(Map<Class<?>, List<SubjectRecord>> export) {
    Set<String> texts = new HashSet<>();
    export
        .values()
        .forEach(
            rows ->
                rows.forEach(
                    row ->
                        row.values()
                            .values()
                            .forEach(
                                value -> {
                                  if (value instanceof String text) {
                                    texts.add(text);
                                  } else if (value instanceof Collection<?> collection) {
                                    collection.forEach(
                                        element -> texts.add(String.valueOf(element)));
                                  }
                                })));
    return texts;
  }

  private static String route(PersonalDataModel model, Class<?> entity, String subjectType) {
    return model.entity(entity).orElseThrow().routeTo(subjectType).orElseThrow().dottedPath();
  }
}
