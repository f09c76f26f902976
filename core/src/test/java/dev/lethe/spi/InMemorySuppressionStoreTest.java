package dev.lethe.spi;

import dev.lethe.erasure.SuppressionStore;

class InMemorySuppressionStoreTest extends SuppressionStoreCompatibilityKit {
  @Override
  protected SuppressionStore createStore() {
    return SuppressionStore.inMemory();
  }
}
