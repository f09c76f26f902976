package dev.lethe.spi;

class InMemoryObjectionStoreTest extends ObjectionStoreCompatibilityKit {

  @Override
  protected ObjectionStore createStore() {
    return ObjectionStore.inMemory();
  }
}
