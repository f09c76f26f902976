package dev.lethe.spi;

class InMemoryReceiptStoreTest extends ReceiptStoreCompatibilityKit {
  @Override
  protected ReceiptStore createStore() {
    return ReceiptStore.inMemory();
  }
}
