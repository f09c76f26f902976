package dev.lethe.spi;

class InMemoryRequestStoreTest extends RequestStoreCompatibilityKit {

  @Override
  protected RequestStore createStore() {
    return RequestStore.inMemory();
  }
}
