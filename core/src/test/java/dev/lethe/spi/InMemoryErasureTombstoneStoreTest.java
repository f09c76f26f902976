package dev.lethe.spi;

class InMemoryErasureTombstoneStoreTest extends ErasureTombstoneStoreCompatibilityKit {
  @Override
  protected ErasureTombstoneStore createStore() {
    return ErasureTombstoneStore.inMemory();
  }
}
