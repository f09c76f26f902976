package dev.lethe.spi;

class InMemoryLegalHoldStoreTest extends LegalHoldStoreCompatibilityKit {
  @Override
  protected LegalHoldStore createStore() {
    return LegalHoldStore.inMemory();
  }
}
