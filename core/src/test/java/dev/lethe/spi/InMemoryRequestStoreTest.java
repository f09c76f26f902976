package dev.lethe.spi;

import dev.lethe.rights.RequestStore;

class InMemoryRequestStoreTest extends RequestStoreCompatibilityKit {

  @Override
  protected RequestStore createStore() {
    return RequestStore.inMemory();
  }
}
