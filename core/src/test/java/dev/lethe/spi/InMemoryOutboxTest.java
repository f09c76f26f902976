package dev.lethe.spi;

class InMemoryOutboxTest extends OutboxCompatibilityKit {

  @Override
  protected Outbox createOutbox() {
    return Outbox.inMemory();
  }
}
