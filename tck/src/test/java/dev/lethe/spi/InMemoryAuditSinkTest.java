package dev.lethe.spi;

import dev.lethe.audit.AuditSink;
import dev.lethe.tck.AuditSinkCompatibilityKit;

class InMemoryAuditSinkTest extends AuditSinkCompatibilityKit {

  @Override
  protected AuditSink createSink() {
    return AuditSink.inMemory();
  }
}
