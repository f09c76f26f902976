package dev.lethe.spi;

import dev.lethe.tck.AcknowledgementStoreCompatibilityKit;

class InMemoryAcknowledgementStoreTest extends AcknowledgementStoreCompatibilityKit {
  @Override
  protected AcknowledgementStore createStore() {
    return AcknowledgementStore.inMemory();
  }
}
