package dev.lethe.spi;

import dev.lethe.tck.ErasureTombstoneStoreCompatibilityKit;

class InMemoryErasureTombstoneStoreTest extends ErasureTombstoneStoreCompatibilityKit {
  @Override
  protected ErasureTombstoneStore createStore() {
    return ErasureTombstoneStore.inMemory();
  }
}
