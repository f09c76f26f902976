package dev.lethe.jpa;

import dev.lethe.audit.Pseudonymizer;
import dev.lethe.jpa.testing.TestDatabase;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.RetentionSweeper;
import dev.lethe.spi.RetentionSweeperCompatibilityKit;
import dev.lethe.spi.shop.Shop;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store passes the core compatibility kit of {@link RetentionSweeper} on the selected database. */
class JpaRetentionSweeperIT extends RetentionSweeperCompatibilityKit {

  private static TestDatabase database;
  private static EntityManagerFactory emf;
  private static JpaPersonalDataStore jpaStore;

  @BeforeAll
  static void openDatabase() {
    database = TestDatabase.create();
    emf = database.open(Shop.ENTITIES.toArray(Class<?>[]::new));
    jpaStore = JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey());
  }

  @AfterAll
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  protected RetentionSweeper createSweeper(PersonalDataModel model, List<Object> population) {
    emf.getSchemaManager().truncate();
    emf.runInTransaction(em -> population.forEach(em::persist));
    return jpaStore;
  }

  @Override
  protected PersonalDataStore store() {
    return jpaStore;
  }
}
