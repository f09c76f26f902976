package dev.lethe.jpa;

import dev.lethe.jpa.testing.ShopDatabase;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.RetentionSweeper;
import dev.lethe.tck.RetentionSweeperCompatibilityKit;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

class JpaRetentionSweeperIT extends RetentionSweeperCompatibilityKit {

  @RegisterExtension static final ShopDatabase SHOP = new ShopDatabase();

  @Override
  protected RetentionSweeper createSweeper(PersonalDataModel model, List<Object> population) {
    return SHOP.holding(population);
  }

  @Override
  protected PersonalDataStore store() {
    return SHOP.store();
  }
}
