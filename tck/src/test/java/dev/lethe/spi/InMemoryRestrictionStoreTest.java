package dev.lethe.spi;

import dev.lethe.restriction.RestrictionStore;
import dev.lethe.tck.RestrictionStoreCompatibilityKit;

class InMemoryRestrictionStoreTest extends RestrictionStoreCompatibilityKit {

  @Override
  protected RestrictionStore createStore() {
    return RestrictionStore.inMemory();
  }
}
