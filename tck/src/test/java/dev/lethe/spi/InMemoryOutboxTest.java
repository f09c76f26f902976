package dev.lethe.spi;

import dev.lethe.tck.OutboxCompatibilityKit;

class InMemoryOutboxTest extends OutboxCompatibilityKit {

  @Override
  protected Outbox createOutbox() {
    return Outbox.inMemory();
  }
}
