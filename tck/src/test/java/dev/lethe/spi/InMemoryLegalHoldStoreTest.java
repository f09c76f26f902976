package dev.lethe.spi;

import dev.lethe.erasure.LegalHoldStore;
import dev.lethe.tck.LegalHoldStoreCompatibilityKit;

class InMemoryLegalHoldStoreTest extends LegalHoldStoreCompatibilityKit {
  @Override
  protected LegalHoldStore createStore() {
    return LegalHoldStore.inMemory();
  }
}
