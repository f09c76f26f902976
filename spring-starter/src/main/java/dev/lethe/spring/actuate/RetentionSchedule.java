package dev.lethe.spring.actuate;

import dev.lethe.retention.RetentionEnforcer;
import java.time.ZoneId;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs retention enforcement (Art. 5(1)(e)) on its cron schedule while the application runs. Several
 * instances may run it at once: the store's sweep locks the rows it processes, so each expired row
 * is handled exactly once. A failed run is logged (counts and types only) and the next one completes it.
 */
public final class RetentionSchedule implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

  private final RetentionEnforcer enforcer;
  private final CronTrigger trigger;
  private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
  private @Nullable ScheduledFuture<?> scheduled;

  /** A schedule for {@code enforcer} by the Spring {@code cron} expression, read in {@code zone}. */
  public RetentionSchedule(RetentionEnforcer enforcer, String cron, ZoneId zone) {
    this.enforcer = enforcer;
    this.trigger = new CronTrigger(cron, zone);
    scheduler.setThreadNamePrefix("lethe-retention-");
    scheduler.setPoolSize(1);
  }

  @Override
  public synchronized void start() {
    scheduler.initialize();
    scheduled = scheduler.schedule(this::runOnce, trigger);
    LOG.info("Lethe retention is scheduled by '{}'", trigger.getExpression());
  }

  /** Runs retention now; a failure is logged, never thrown at the scheduler. */
  public void runOnce() {
    try {
      enforcer.run();
    } catch (RuntimeException e) {
      // A database driver's message may quote column values: the stack trace only at debug level.
      LOG.error("Lethe retention run failed ({}); the next run completes it", e.getClass().getSimpleName());
      LOG.debug("Lethe retention run failure", e);
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
