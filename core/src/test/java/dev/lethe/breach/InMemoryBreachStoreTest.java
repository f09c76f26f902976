package dev.lethe.breach;

class InMemoryBreachStoreTest extends BreachStoreCompatibilityKit {

  @Override
  protected BreachStore createStore() {
    return BreachStore.inMemory();
  }
}
