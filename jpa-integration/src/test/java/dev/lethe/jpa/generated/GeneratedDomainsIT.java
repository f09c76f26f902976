package dev.lethe.jpa.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.jpa.JpaPersonalDataStore;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.law.ErasureGround;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectKey;
import dev.lethe.test.Residue;
import dev.lethe.test.ResidueCheck;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Random JPA domains with random populations, checked by four oracles per trial on the selected
 * database: after erasing a subject (1) no table holds one of its erasable values, join, element and
 * Lethe's tables included, (2) every other subject's rows and exports are unchanged, (3) before it,
 * every subject's export held exactly its values, and (4) a second erasure changes nothing. Each
 * domain also takes injected failures: a trigger that fails one table's statements of the erasure,
 * after which nothing may be half done.
 *
 * <p>{@code -Dlethe.trials=N} (default 300) trials, {@code -Dlethe.trialsPerDomain=N} (default 25)
 * per domain, {@code -Dlethe.seed=S} to replay: domain {@code i} of a run uses seed {@code S + i},
 * and a failure prints the seed that rebuilds its domain as domain 0. {@code -Dlethe.shapes=+A,-B}
 * turns {@link Shape shapes} on or off.
 */
class GeneratedDomainsIT {

  private static final int TRIALS = Integer.getInteger("lethe.trials", 300);
  private static final int PER_DOMAIN =
      Math.max(1, Integer.getInteger("lethe.trialsPerDomain", 25));
  private static final int INJECTIONS = 2;
  private static final long SEED = Long.getLong("lethe.seed", new Random().nextLong());
  private static final AtomicInteger FIRED = new AtomicInteger();
  private static final AtomicInteger RUN = new AtomicInteger();

  @TestFactory
  @DisplayName(
      "Art. 17, Art. 15: erasure on generated domains leaves nothing, changes nobody else, exports exactly, is idempotent and atomic")
  Stream<DynamicTest> generatedDomains() {
    int domains = (TRIALS + PER_DOMAIN - 1) / PER_DOMAIN;
    System.out.printf(
        "GeneratedDomainsIT: %d domains x %d trials on %s, shapes %s, run seed %d (-Dlethe.seed=%d)%n",
        domains, PER_DOMAIN, TestDatabase.selected(), Shape.ofRun(), SEED, SEED);
    return IntStream.range(0, domains)
        .mapToObj(
            number ->
                DynamicTest.dynamicTest(
                    "domain " + number + " (-Dlethe.seed=" + (SEED + number) + ")",
                    () -> domain(SEED + number, number)));
  }

  @AfterAll
  static void injectionsFired() {
    if (RUN.get() > 0) {
      assertThat(FIRED.get())
          .as("injected failures that fired, of %d domains", RUN.get())
          .isPositive();
    }
  }

  private static void domain(long seed, int number) throws Exception {
    Domain domain = Domain.random(seed, number, Shape.ofRun());
    String replay =
        "domain seed "
            + seed
            + " (replay with -Dlethe.seed="
            + seed
            + " -Dlethe.trials="
            + PER_DOMAIN
            + "), shapes "
            + domain.shapes()
            + ", entities "
            + domain.entities();
    Path directory = Files.createTempDirectory("lethe-generated");
    ClassLoader loader = DomainCompiler.compile(JavaSource.of(domain), directory);
    List<Class<?>> classes = new ArrayList<>();
    for (String file : JavaSource.of(domain).keySet()) {
      String name = file.substring(0, file.length() - ".java".length()).replace('/', '.');
      if (!name.endsWith(".Reversed")) {
        classes.add(loader.loadClass(name));
      }
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try (TestDatabase database = TestDatabase.create()) {
      RUN.incrementAndGet();
      EntityManagerFactory emf = database.open(classes.toArray(Class<?>[]::new));
      JpaPersonalDataStore store;
      try {
        store = JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey());
      } catch (RuntimeException refused) {
        throw new AssertionError(
            "The store refused a generated domain of supported shapes; " + replay, refused);
      }
      DataSource dataSource =
          (DataSource) emf.getProperties().get("hibernate.connection.datasource");
      Trial trial = new Trial(domain, loader, database, emf, store, ResidueCheck.of(dataSource));
      Random trials = new Random(seed ^ 0x5DEECE66DL);
      long started = System.nanoTime();
      long nextId = 1;
      for (int t = 0; t < PER_DOMAIN; t++) {
        long trialSeed = trials.nextLong();
        try {
          nextId = trial.erasure(trialSeed, nextId);
        } catch (AssertionError | RuntimeException failure) {
          throw new AssertionError(
              "Trial "
                  + t
                  + " (population seed "
                  + trialSeed
                  + ") failed; "
                  + replay
                  + ": "
                  + failure.getMessage(),
              failure);
        }
      }
      for (int t = 0; t < INJECTIONS; t++) {
        long trialSeed = trials.nextLong();
        try {
          nextId = trial.injectedFailure(trialSeed, nextId);
        } catch (AssertionError | RuntimeException failure) {
          throw new AssertionError(
              "Injected failure "
                  + t
                  + " (population seed "
                  + trialSeed
                  + ") failed; "
                  + replay
                  + ": "
                  + failure.getMessage(),
              failure);
        }
      }
      System.out.printf(
          "GeneratedDomainsIT: domain %d (seed %d, shapes %s) passed %d trials and %d injections in %d ms, %s%n",
          number,
          seed,
          domain.shapes(),
          PER_DOMAIN,
          INJECTIONS,
          (System.nanoTime() - started) / 1_000_000,
          trial.timings());
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** The trials of one domain on one database. */
  private record Trial(
      Domain domain,
      ClassLoader loader,
      TestDatabase database,
      EntityManagerFactory emf,
      JpaPersonalDataStore store,
      ResidueCheck check,
      long[] nanos) {

    Trial(
        Domain domain,
        ClassLoader loader,
        TestDatabase database,
        EntityManagerFactory emf,
        JpaPersonalDataStore store,
        ResidueCheck check) {
      this(domain, loader, database, emf, store, check, new long[4]);
    }

    /** Where the time went, so that the CI budget can be checked from the log. */
    String timings() {
      return String.format(
          "persist %d ms, exports %d ms, erasure with residue check %d ms, second erasure %d ms",
          nanos[0] / 1_000_000, nanos[1] / 1_000_000, nanos[2] / 1_000_000, nanos[3] / 1_000_000);
    }

    private long lap(int phase, long since) {
      long now = System.nanoTime();
      nanos[phase] += now - since;
      return now;
    }

    long erasure(long seed, long firstId) {
      long time = System.nanoTime();
      Population population = persisted(seed, firstId);
      time = lap(0, time);
      Random random = new Random(seed);
      List<SubjectKey> subjects = population.subjects();
      for (SubjectKey subject : subjects) {
        List<String> exported = export(subject);
        assertThat(exported)
            .as(
                "oracle 3, Art. 15: the export of subject %d holds exactly its values%s",
                subject.id(), whereMissing(population.export(subject), exported))
            .isEqualTo(population.export(subject));
      }
      SubjectKey erased = subjects.get(random.nextInt(subjects.size()));
      ErasurePlan plan =
          ErasurePlan.of(store.model(), erased, ErasureGround.CONSENT_WITHDRAWN, List.of());
      time = lap(1, time);

      List<Residue> found =
          check
              .erasing(erased, () -> store.erase(plan))
              .withExport(store.model(), store)
              .withValues(population.erasable(erased))
              .sharedWith(others(population, erased))
              .findResidue();

      time = lap(2, time);
      assertThat(found)
          .as(
              "oracles 1 and 2, Art. 17(1): residue of subject %d, or other subjects' rows changed",
              erased.id())
          .isEmpty();
      for (SubjectKey other : subjects) {
        if (!other.equals(erased)) {
          assertThat(export(other))
              .as("oracle 2: the export of subject %d after erasing %d", other.id(), erased.id())
              .isEqualTo(population.export(other));
        }
      }
      time = lap(1, time);
      Map<String, List<List<String>>> once = database.scan();
      Map<Class<?>, ErasurePlan.RowCount> second = store.erase(plan);
      assertThat(second.values())
          .as("oracle 4: the second erasure touches no row")
          .noneMatch(ErasurePlan.RowCount::any);
      assertThat(database.scan())
          .as("oracle 4: the second erasure changes nothing")
          .isEqualTo(once);
      lap(3, time);
      return population.nextId();
    }

    long injectedFailure(long seed, long firstId) {
      Population population = persisted(seed, firstId);
      Random random = new Random(seed);
      List<SubjectKey> candidates =
          population.subjects().stream()
              .filter(subject -> !population.tables(subject).isEmpty())
              .toList();
      if (candidates.isEmpty()) {
        return population.nextId();
      }
      SubjectKey erased = candidates.get(random.nextInt(candidates.size()));
      List<String> tables = List.copyOf(population.tables(erased));
      String target = tables.get(random.nextInt(tables.size()));
      Domain.Entity entity =
          domain.entities().get(Integer.parseInt(target.substring(0, target.indexOf(':'))));
      String table =
          entity.sql(
              target.substring(target.indexOf(':') + 1),
              database.kind() == TestDatabase.Kind.MARIADB ? "`" : "\"");
      ErasurePlan plan =
          ErasurePlan.of(store.model(), erased, ErasureGround.CONSENT_WITHDRAWN, List.of());
      Map<String, List<List<String>>> before = database.scan();
      List<String> drops = failOn(table);
      boolean fired;
      try {
        store.erase(plan);
        fired = false;
      } catch (RuntimeException expected) {
        fired = true;
      } finally {
        drops.forEach(database::execute);
      }
      assertThat(fired)
          .as(
              "the erasure of subject %d wrote to %s, whose every update and delete fails",
              erased.id(), table)
          .isTrue();
      FIRED.incrementAndGet();
      assertThat(database.scan())
          .as("Art. 17: a failed erasure (%s) leaves every table as it was", table)
          .isEqualTo(before);
      assertThat(
              check
                  .erasing(erased, () -> store.erase(plan))
                  .withExport(store.model(), store)
                  .withValues(population.erasable(erased))
                  .sharedWith(others(population, erased))
                  .findResidue())
          .as("the erasure retried without the failure leaves nothing")
          .isEmpty();
      return population.nextId();
    }

    /** Installs a trigger that fails every update and delete of {@code table}; returns the statements that drop it. */
    private List<String> failOn(String table) {
      String name = "lethe_fail_" + Math.abs(table.hashCode());
      switch (database.kind()) {
        case H2 -> {
          database.execute(
              "create trigger "
                  + name
                  + " before update, delete on "
                  + table
                  + " for each row call '"
                  + FailingTrigger.class.getName()
                  + "'");
          return List.of("drop trigger " + name);
        }
        case POSTGRESQL -> {
          database.execute(
              "create or replace function lethe_fail() returns trigger language plpgsql as"
                  + " $$ begin raise exception 'injected failure'; end $$");
          database.execute(
              "create trigger "
                  + name
                  + " before update or delete on "
                  + table
                  + " for each row execute function lethe_fail()");
          return List.of("drop trigger " + name + " on " + table);
        }
        case MARIADB -> {
          for (String event : List.of("update", "delete")) {
            database.execute(
                "create trigger "
                    + name
                    + "_"
                    + event
                    + " before "
                    + event
                    + " on "
                    + table
                    + " for each row signal sqlstate '45000' set message_text = 'injected failure'");
          }
          return List.of("drop trigger " + name + "_update", "drop trigger " + name + "_delete");
        }
      }
      throw new IllegalStateException("unknown database " + database.kind());
    }

    private Population persisted(long seed, long firstId) {
      Population population = Population.random(domain, loader, seed, firstId);
      EntityManager em = emf.createEntityManager();
      try {
        em.getTransaction().begin();
        population.entities().forEach(em::persist);
        em.getTransaction().commit();
      } finally {
        if (em.getTransaction().isActive()) {
          em.getTransaction().rollback();
        }
        em.close();
      }
      return population;
    }

    /** The rows (test tokens, no one's data) that hold values the export missed, to tell a mapping from a read. */
    private String whereMissing(List<String> expected, List<String> exported) {
      List<String> missing =
          expected.stream()
              .filter(value -> !exported.contains(value))
              .map(value -> value.substring(value.indexOf('=') + 1))
              .toList();
      if (missing.isEmpty()) {
        return "";
      }
      StringBuilder rows = new StringBuilder("; rows holding the missing values:");
      database
          .scan()
          .forEach(
              (table, content) ->
                  content.stream()
                      .filter(
                          row ->
                              row.stream()
                                  .anyMatch(
                                      cell ->
                                          cell != null
                                              && missing.stream().anyMatch(cell::contains)))
                      .forEach(row -> rows.append(' ').append(table).append(row)));
      return rows.toString();
    }

    /** Every subject but {@code erased}: the rows they share with it stay theirs. */
    private static List<SubjectKey> others(Population population, SubjectKey erased) {
      return population.subjects().stream().filter(subject -> !subject.equals(erased)).toList();
    }

    private List<String> export(SubjectKey subject) {
      List<String> values = new ArrayList<>();
      for (EntityDescriptor entity : store.model().entitiesOf(subject.subjectType())) {
        // The values a report writes, read without the rows' identifiers.
        try (Stream<Map<String, @Nullable Object>> rows = store.values(subject, entity)) {
          rows.forEach(
              row ->
                  row.forEach(
                      (name, value) -> {
                        if (value instanceof Collection<?> elements) {
                          elements.forEach(element -> values.add(name + "=" + element));
                        } else if (value != null) {
                          values.add(name + "=" + value);
                        }
                      }));
        }
      }
      return values.stream().sorted().toList();
    }
  }

  static {
    if (TRIALS < 1) {
      fail("-Dlethe.trials must be at least 1");
    }
  }
}
