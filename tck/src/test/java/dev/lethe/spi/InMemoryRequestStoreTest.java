package dev.lethe.spi;

import dev.lethe.rights.RequestStore;
import dev.lethe.tck.RequestStoreCompatibilityKit;

class InMemoryRequestStoreTest extends RequestStoreCompatibilityKit {

  @Override
  protected RequestStore createStore() {
    return RequestStore.inMemory();
  }
}
