package dev.lethe.spi;

import dev.lethe.retention.RetentionRunLog;
import dev.lethe.tck.RetentionRunLogCompatibilityKit;

class InMemoryRetentionRunLogTest extends RetentionRunLogCompatibilityKit {
  @Override
  protected RetentionRunLog createLog() {
    return RetentionRunLog.inMemory();
  }
}
