package dev.lethe.spi;

import dev.lethe.erasure.LegalHoldStore;

class InMemoryLegalHoldStoreTest extends LegalHoldStoreCompatibilityKit {
  @Override
  protected LegalHoldStore createStore() {
    return LegalHoldStore.inMemory();
  }
}
