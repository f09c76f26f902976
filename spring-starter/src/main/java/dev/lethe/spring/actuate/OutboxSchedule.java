package dev.lethe.spring.actuate;

import dev.lethe.outbox.DispatchResult;
import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.spi.Outbox;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs the outbox's dispatcher (Art. 19) at a fixed delay while the application runs. Every replica
 * may run it: the outbox hands each notice to one dispatcher at a time. A failed pass is logged
 * (types only) and the next one carries on.
 */
public final class OutboxSchedule implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSchedule.class);

  private final OutboxDispatcher dispatcher;
  private final Outbox outbox;
  private final Duration interval;
  private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
  private @Nullable ScheduledFuture<?> scheduled;
  private volatile boolean warnedNotReady;

  /**
   * A schedule that runs {@code dispatcher} with {@code interval} between the end of one pass and the
   * next; {@code outbox} tells whether notices wait while no receiver is there.
   */
  public OutboxSchedule(OutboxDispatcher dispatcher, Outbox outbox, Duration interval) {
    this.dispatcher = dispatcher;
    this.outbox = outbox;
    this.interval = interval;
    scheduler.setThreadNamePrefix("lethe-outbox-");
    scheduler.setPoolSize(1);
  }

  @Override
  public synchronized void start() {
    scheduler.initialize();
    scheduled = scheduler.scheduleWithFixedDelay(this::runOnce, interval);
    LOG.info("Lethe's outbox is dispatched every {}", interval);
  }

  /** Runs one pass now; a failure is logged, never thrown at the scheduler. */
  public void runOnce() {
    try {
      DispatchResult result = dispatcher.dispatch();
      // Without a receiver nothing is claimed: warn once notices wait, not in an application that
      // has none.
      if (!result.transportReady() && !warnedNotReady) {
        long pending = outbox.counts().pending();
        if (pending > 0) {
          warnedNotReady = true;
          LOG.warn(
              "Lethe's outbox holds {} notice(s): the recipient notifier has no receiver", pending);
        }
      } else if (result.transportReady()) {
        warnedNotReady = false;
      }
    } catch (RuntimeException e) {
      // A database driver's message may quote column values: the stack trace only at debug level.
      LOG.error(
          "Lethe outbox dispatch failed ({}); the next pass carries on",
          e.getClass().getSimpleName());
      LOG.debug("Lethe outbox dispatch failure", e);
    }
  }

  @Override
  public synchronized void stop() {
    if (scheduled != null) {
      scheduled.cancel(false);
      scheduled = null;
    }
    scheduler.shutdown();
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduled != null;
  }
}
