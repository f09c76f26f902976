package dev.lethe.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.jpa.clinic.Clinic;
import dev.lethe.jpa.clinic.Invoice;
import dev.lethe.jpa.testing.SkipWhenUnreachable;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.law.ErasureGround;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectKey;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Properties of the store over random clinic populations, checked past the ORM with a JDBC scan
 * of every table and column. Tries are few, so that the suite stays fast on a real database.
 */
@AddLifecycleHook(SkipWhenUnreachable.class)
class ClinicPropertiesIT {

  private static TestDatabase database;
  private static EntityManagerFactory emf;
  private static JpaPersonalDataStore store;

  @BeforeContainer
  static void openDatabase() {
    database = TestDatabase.create();
    emf = database.open(Clinic.ENTITIES.toArray(Class<?>[]::new));
    store = JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey());
  }

  @AfterContainer
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Property(tries = 20)
  @Label(
      "Art. 17: after erasing S no table holds a value of S, everyone else's rows are unchanged, and twice equals once")
  void erasureRemovesExactlyTheSubject(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 3) int owners,
      @ForAll @IntRange(min = 1, max = 2) int vets,
      @ForAll @IntRange(min = 0, max = 4) int pick) {
    Clinic.Population population = Clinic.random(seed, owners, vets);
    population.persistInto(emf);
    List<SubjectKey> subjects = new ArrayList<>(population.subjects());
    subjects.sort(
        Comparator.comparing(SubjectKey::subjectType).thenComparing(key -> (Long) key.id()));
    SubjectKey erased = subjects.get(pick % subjects.size());
    Map<String, List<List<String>>> before = database.scan();
    Map<SubjectKey, Map<Class<?>, List<SubjectRecord>>> exportsBefore = exports(subjects);
    ErasurePlan plan =
        ErasurePlan.of(store.model(), erased, ErasureGround.CONSENT_WITHDRAWN, List.of());

    store.erase(plan);
    Map<String, List<List<String>>> afterOnce = database.scan();
    Map<Class<?>, ErasurePlan.RowCount> second = store.erase(plan);

    Set<String> cells = new HashSet<>();
    afterOnce.values().forEach(rows -> rows.forEach(cells::addAll));
    assertThat(cells)
        .as("cells after erasing %s", erased)
        .doesNotContainAnyElementsOf(population.values().get(erased));
    List<String> kept =
        plan.steps().stream()
            .flatMap(step -> step.kept().stream())
            .map(FieldDescriptor::name)
            .toList();
    assertThat(kept)
        .as("kept fields, reported in the receipt")
        .isEqualTo(erased.subjectType().equals("owner") ? List.of("amount") : List.of());
    for (SubjectKey other : subjects) {
      if (!other.equals(erased)) {
        String tag = Clinic.tag(other);
        before.forEach(
            (table, rows) ->
                assertThat(tagged(afterOnce.get(table), tag))
                    .as("rows of %s in %s", tag, table)
                    .isEqualTo(tagged(rows, tag)));
        assertThat(exports(List.of(other)).get(other)).isEqualTo(exportsBefore.get(other));
      }
    }
    assertThat(second.values())
        .as("the second erasure touches nothing")
        .noneMatch(ErasurePlan.RowCount::any);
    assertThat(database.scan()).isEqualTo(afterOnce);
  }

  @Property(tries = 20)
  @Label(
      "Art. 15(3), 15(4): the export of S holds every personal-data value of S and no value of anyone else")
  void exportHoldsExactlyTheSubject(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 3) int owners,
      @ForAll @IntRange(min = 1, max = 2) int vets) {
    Clinic.Population population = Clinic.random(seed, owners, vets);
    population.persistInto(emf);
    for (SubjectKey subject : population.subjects()) {
      Map<Class<?>, List<SubjectRecord>> export = exports(List.of(subject)).get(subject);
      assertThat(ClinicStoreIT.texts(export))
          .as("export of %s", subject)
          .isEqualTo(population.values().get(subject));
      if (subject.subjectType().equals("owner")) {
        assertThat(export.get(Invoice.class))
            .allSatisfy(row -> assertThat(row.values().get("amount")).isNotNull());
      }
    }
  }

  private static List<List<String>> tagged(List<List<String>> rows, String tag) {
    return rows.stream().filter(row -> row.stream().anyMatch(cell -> cell.contains(tag))).toList();
  }

  private static Map<SubjectKey, Map<Class<?>, List<SubjectRecord>>> exports(
      Collection<SubjectKey> subjects) {
    Map<SubjectKey, Map<Class<?>, List<SubjectRecord>>> exports = new LinkedHashMap<>();
    for (SubjectKey subject : subjects) {
      Map<Class<?>, List<SubjectRecord>> export = new LinkedHashMap<>();
      for (EntityDescriptor entity : store.model().entitiesOf(subject.subjectType())) {
        try (Stream<SubjectRecord> records = store.records(subject, entity)) {
          export.put(entity.type(), records.toList());
        }
      }
      exports.put(subject, export);
    }
    return exports;
  }
}
