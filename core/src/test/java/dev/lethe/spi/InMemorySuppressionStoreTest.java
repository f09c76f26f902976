package dev.lethe.spi;

class InMemorySuppressionStoreTest extends SuppressionStoreCompatibilityKit {
  @Override
  protected SuppressionStore createStore() {
    return SuppressionStore.inMemory();
  }
}
