package dev.lethe.spi;

import dev.lethe.retention.RetentionRunLog;

class InMemoryRetentionRunLogTest extends RetentionRunLogCompatibilityKit {
  @Override
  protected RetentionRunLog createLog() {
    return RetentionRunLog.inMemory();
  }
}
