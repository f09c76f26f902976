package dev.lethe.jpa.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.jpa.JpaPersonalDataStore;
import dev.lethe.jpa.clinic.Clinic;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.law.ErasureGround;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectKey;
import dev.lethe.test.Residue;
import dev.lethe.test.ResidueCheck;
import jakarta.persistence.EntityManagerFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The lethe-test residue check on the selected database (H2, PostgreSQL or MariaDB), over the clinic
 * domain: it passes Lethe's own erasure and catches an erasure that forgets a table or touches
 * someone else, by location and without values.
 */
class ResidueCheckIT {

  private TestDatabase database;
  private EntityManagerFactory emf;
  private JpaPersonalDataStore store;
  private Clinic.Population population;
  private SubjectKey owner;
  private SubjectKey otherOwner;
  private ResidueCheck check;

  @BeforeEach
  void clinic() {
    database = TestDatabase.create();
    emf = database.open(Clinic.ENTITIES.toArray(Class<?>[]::new));
    store = JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey());
    population = Clinic.random(11, 3, 2);
    population.persistInto(emf);
    List<SubjectKey> owners =
        population.subjects().stream()
            .filter(key -> key.subjectType().equals("owner"))
            .sorted(Comparator.comparing(key -> (Long) key.id()))
            .toList();
    owner = owners.get(0);
    otherOwner = owners.get(1);
    check =
        ResidueCheck.of((DataSource) emf.getProperties().get("hibernate.connection.datasource"))
            .withExport(store.model(), store);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private ErasurePlan plan() {
    return ErasurePlan.of(store.model(), owner, ErasureGround.CONSENT_WITHDRAWN, List.of());
  }

  @Test
  @DisplayName(
      "Art. 17(1): Lethe's erasure of an owner passes the residue check on every table of the schema")
  void lethesErasurePasses() {
    check.erasing(owner, () -> store.erase(plan())).assertNoResidue();
  }

  @Test
  @DisplayName(
      "Art. 17(1): an erasure that forgets tables fails the check, naming table, column and row, never a value")
  void forgottenTablesAreReported() {
    List<Residue> found =
        check
            .erasing(
                owner,
                () ->
                    database.execute(
                        "update " + quoted("Owner") + " set email = null where id = " + owner.id()))
            .findResidue();

    assertThat(found)
        .isNotEmpty()
        .allMatch(residue -> residue.kind() == Residue.Kind.RESIDUAL_VALUE);
    assertThat(found)
        .extracting(residue -> residue.table().toLowerCase(Locale.ROOT))
        .contains("owner", "pet", "visit");
    assertThat(found)
        .extracting(residue -> residue.column().toLowerCase(Locale.ROOT))
        .doesNotContain("email");
    assertThatThrownBy(
            () ->
                ResidueCheck.of(
                        (DataSource) emf.getProperties().get("hibernate.connection.datasource"))
                    .withValues(population.values().get(owner))
                    .erasing(owner, () -> {})
                    .assertNoResidue())
        .isInstanceOf(AssertionError.class)
        .satisfies(
            failure ->
                assertThat(population.values().get(owner))
                    .noneMatch(failure.getMessage()::contains));
  }

  @Test
  @DisplayName(
      "Art. 5(1)(d): an erasure that also changes another owner's row fails the check, naming the row")
  void otherSubjectsChangeIsReported() {
    List<Residue> found =
        check
            .erasing(
                owner,
                () -> {
                  store.erase(plan());
                  database.execute(
                      "update "
                          + quoted("Owner")
                          + " set email = 'someone-else@example.org'"
                          + " where id = "
                          + otherOwner.id());
                })
            .findResidue();

    assertThat(found)
        .singleElement()
        .satisfies(
            residue -> {
              assertThat(residue.kind()).isEqualTo(Residue.Kind.OTHER_ROW_CHANGED);
              assertThat(residue.table()).isEqualToIgnoringCase("owner");
              assertThat(residue.row()).isEqualToIgnoringCase("id=" + otherOwner.id());
            });
  }

  /** The table as Hibernate created it: OWNER is a keyword, so auto-quoting keeps its case. */
  private String quoted(String table) {
    return switch (database.kind()) {
      case H2 -> table.toUpperCase(Locale.ROOT);
      case POSTGRESQL -> "\"" + table + "\"";
      case MARIADB -> table;
    };
  }
}
