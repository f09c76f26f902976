package dev.lethe.spi;

import dev.lethe.erasure.SuppressionStore;
import dev.lethe.tck.SuppressionStoreCompatibilityKit;

class InMemorySuppressionStoreTest extends SuppressionStoreCompatibilityKit {
  @Override
  protected SuppressionStore createStore() {
    return SuppressionStore.inMemory();
  }
}
