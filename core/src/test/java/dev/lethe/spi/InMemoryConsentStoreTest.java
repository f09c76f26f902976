package dev.lethe.spi;

import dev.lethe.consent.ConsentStore;

class InMemoryConsentStoreTest extends ConsentStoreCompatibilityKit {

  @Override
  protected ConsentStore createStore() {
    return ConsentStore.inMemory();
  }
}
