package dev.lethe.spi;

import dev.lethe.objection.ObjectionStore;

class InMemoryObjectionStoreTest extends ObjectionStoreCompatibilityKit {

  @Override
  protected ObjectionStore createStore() {
    return ObjectionStore.inMemory();
  }
}
