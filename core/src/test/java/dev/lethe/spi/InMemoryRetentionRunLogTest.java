package dev.lethe.spi;

class InMemoryRetentionRunLogTest extends RetentionRunLogCompatibilityKit {
  @Override
  protected RetentionRunLog createLog() {
    return RetentionRunLog.inMemory();
  }
}
