package dev.lethe.spi;

class InMemoryRestrictionStoreTest extends RestrictionStoreCompatibilityKit {

  @Override
  protected RestrictionStore createStore() {
    return RestrictionStore.inMemory();
  }
}
