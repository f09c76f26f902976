package dev.lethe.spi;

import dev.lethe.model.PersonalDataModel;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.tck.PersonalDataStoreCompatibilityKit;
import java.util.List;

class InMemoryPersonalDataStoreTest extends PersonalDataStoreCompatibilityKit {

  @Override
  protected PersonalDataStore createStore(PersonalDataModel model, List<Object> population) {
    return PersonalDataStore.inMemory(model, Pseudonymizer.withRandomKey())
        .add(population.toArray());
  }
}
