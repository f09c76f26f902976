package dev.lethe.spi;

import dev.lethe.tck.ReceiptStoreCompatibilityKit;

class InMemoryReceiptStoreTest extends ReceiptStoreCompatibilityKit {
  @Override
  protected ReceiptStore createStore() {
    return ReceiptStore.inMemory();
  }
}
