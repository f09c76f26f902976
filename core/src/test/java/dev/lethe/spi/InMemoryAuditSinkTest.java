package dev.lethe.spi;

class InMemoryAuditSinkTest extends AuditSinkCompatibilityKit {

  @Override
  protected AuditSink createSink() {
    return AuditSink.inMemory();
  }
}
