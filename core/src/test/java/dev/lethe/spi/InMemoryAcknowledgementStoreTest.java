package dev.lethe.spi;

class InMemoryAcknowledgementStoreTest extends AcknowledgementStoreCompatibilityKit {
  @Override
  protected AcknowledgementStore createStore() {
    return AcknowledgementStore.inMemory();
  }
}
