package dev.lethe.jpa.testing;

import dev.lethe.jpa.JpaPersonalDataStore;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.tck.shop.Shop;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The core compatibility kits' shop domain on a test database, behind one JPA store, for one test
 * class: {@code @RegisterExtension static final ShopDatabase SHOP = new ShopDatabase()}.
 */
public final class ShopDatabase implements BeforeAllCallback, AfterAllCallback {

  private @Nullable TestDatabase database;
  private @Nullable EntityManagerFactory emf;
  private @Nullable JpaPersonalDataStore store;

  @Override
  public void beforeAll(ExtensionContext context) {
    database = TestDatabase.create();
    emf = database.open(Shop.ENTITIES.toArray(Class<?>[]::new));
    store = JpaPersonalDataStore.of(emf, Pseudonymizer.withRandomKey());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (database != null) {
      database.close();
    }
  }

  /** The store, its tables holding exactly {@code population}. */
  public JpaPersonalDataStore holding(List<Object> population) {
    if (emf == null || store == null) {
      throw new IllegalStateException("The database is created before the test class runs");
    }
    emf.getSchemaManager().truncate();
    emf.runInTransaction(em -> population.forEach(em::persist));
    return store;
  }

  /** The store, as last populated. */
  public JpaPersonalDataStore store() {
    if (store == null) {
      throw new IllegalStateException("The database is created before the test class runs");
    }
    return store;
  }
}
