package dev.lethe.breach;

import dev.lethe.tck.BreachStoreCompatibilityKit;

class InMemoryBreachStoreTest extends BreachStoreCompatibilityKit {

  @Override
  protected BreachStore createStore() {
    return BreachStore.inMemory();
  }
}
