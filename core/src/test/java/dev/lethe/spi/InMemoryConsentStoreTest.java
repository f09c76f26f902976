package dev.lethe.spi;

class InMemoryConsentStoreTest extends ConsentStoreCompatibilityKit {

  @Override
  protected ConsentStore createStore() {
    return ConsentStore.inMemory();
  }
}
