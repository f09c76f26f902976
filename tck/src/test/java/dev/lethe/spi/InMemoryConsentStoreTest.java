package dev.lethe.spi;

import dev.lethe.consent.ConsentStore;
import dev.lethe.tck.ConsentStoreCompatibilityKit;

class InMemoryConsentStoreTest extends ConsentStoreCompatibilityKit {

  @Override
  protected ConsentStore createStore() {
    return ConsentStore.inMemory();
  }
}
