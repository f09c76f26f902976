package dev.lethe.jpa;

import dev.lethe.jpa.testing.ShopDatabase;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.tck.PersonalDataStoreCompatibilityKit;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

class JpaPersonalDataStoreIT extends PersonalDataStoreCompatibilityKit {

  @RegisterExtension static final ShopDatabase SHOP = new ShopDatabase();

  @Override
  protected PersonalDataStore createStore(PersonalDataModel model, List<Object> population) {
    return SHOP.holding(population);
  }
}
