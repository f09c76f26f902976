package dev.lethe.spring.actuate;

import dev.lethe.retention.RetentionEnforcer;
import dev.lethe.rights.RequestIdentityRetention;
import java.time.ZoneId;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs retention enforcement (Art. 5(1)(e)) on its cron schedule while the application runs, and
 * with it the clearing of identities from closed rights requests. Several instances may run it at once: the store's sweep locks the rows it processes, so each expired row
 * is handled exactly once. A failed run is logged (counts and types only) and the next one completes it.
 */
public final class RetentionSchedule implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

  private final RetentionEnforcer enforcer;
  private final @Nullable RequestIdentityRetention requestIdentities;
  private final CronTrigger trigger;
  private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
  private @Nullable ScheduledFuture<?> scheduled;

  /** A schedule for {@code enforcer} by the Spring {@code cron} expression, read in {@code zone}. */
  public RetentionSchedule(RetentionEnforcer enforcer, String cron, ZoneId zone) {
    this(enforcer, null, cron, zone);
  }

  /**
   * A schedule for {@code enforcer} and, in the same run, for Lethe's own table of requests:
   * {@code requestIdentities} clears the identity of requests closed long enough (Art. 5(1)(e)).
   */
  public RetentionSchedule(RetentionEnforcer enforcer, @Nullable RequestIdentityRetention requestIdentities,
      String cron, ZoneId zone) {
    this.enforcer = enforcer;
    this.requestIdentities = requestIdentities;
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

  /**
   * Runs retention now, then clears the identities of closed requests; a failure of either is
   * logged, never thrown at the scheduler, and does not stop the other.
   */
  public void runOnce() {
    try {
      enforcer.run();
    } catch (RuntimeException e) {
      // A database driver's message may quote column values: the stack trace only at debug level.
      LOG.error("Lethe retention run failed ({}); the next run completes it", e.getClass().getSimpleName());
      LOG.debug("Lethe retention run failure", e);
    }
    if (requestIdentities != null) {
      try {
        requestIdentities.run();
      } catch (RuntimeException e) {
        LOG.error("Clearing the identities of closed rights requests failed ({}); the next run completes it",
            e.getClass().getSimpleName());
        LOG.debug("Lethe request identity clearing failure", e);
      }
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
