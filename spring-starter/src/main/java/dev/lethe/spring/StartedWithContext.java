package dev.lethe.spring;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Starts something that runs on its own, such as a broker's inbox, once the context is up, so that no
 * message reaches the participant or the acknowledgements before the stores and their schema are
 * ready, and closes it first at shutdown.
 */
final class StartedWithContext implements SmartLifecycle {

  private final Supplier<AutoCloseable> start;
  private @Nullable AutoCloseable running;

  StartedWithContext(Supplier<AutoCloseable> start) {
    this.start = start;
  }

  @Override
  public synchronized void start() {
    if (running == null) {
      running = start.get();
    }
  }

  @Override
  public synchronized void stop() {
    if (running != null) {
      try {
        running.close();
      } catch (Exception e) {
        throw new IllegalStateException(
            "Stopping a Lethe component failed: " + e.getClass().getName(), e);
      } finally {
        running = null;
      }
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return running != null;
  }
}
