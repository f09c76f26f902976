package dev.lethe.spi;

import dev.lethe.restriction.RestrictionStore;

class InMemoryRestrictionStoreTest extends RestrictionStoreCompatibilityKit {

  @Override
  protected RestrictionStore createStore() {
    return RestrictionStore.inMemory();
  }
}
