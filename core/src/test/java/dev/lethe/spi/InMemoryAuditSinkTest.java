package dev.lethe.spi;

import dev.lethe.audit.AuditSink;

class InMemoryAuditSinkTest extends AuditSinkCompatibilityKit {

  @Override
  protected AuditSink createSink() {
    return AuditSink.inMemory();
  }
}
