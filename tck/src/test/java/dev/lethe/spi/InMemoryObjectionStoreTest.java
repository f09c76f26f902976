package dev.lethe.spi;

import dev.lethe.objection.ObjectionStore;
import dev.lethe.tck.ObjectionStoreCompatibilityKit;

class InMemoryObjectionStoreTest extends ObjectionStoreCompatibilityKit {

  @Override
  protected ObjectionStore createStore() {
    return ObjectionStore.inMemory();
  }
}
