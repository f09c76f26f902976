package dev.lethe.spi;

import dev.lethe.model.PersonalDataModel;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.tck.RetentionSweeperCompatibilityKit;
import java.util.List;

class InMemoryRetentionSweeperTest extends RetentionSweeperCompatibilityKit {

  private PersonalDataStore.InMemoryStore store;

  @Override
  protected RetentionSweeper createSweeper(PersonalDataModel model, List<Object> population) {
    store =
        PersonalDataStore.inMemory(model, Pseudonymizer.withRandomKey()).add(population.toArray());
    return store;
  }

  @Override
  protected PersonalDataStore store() {
    return store;
  }
}
