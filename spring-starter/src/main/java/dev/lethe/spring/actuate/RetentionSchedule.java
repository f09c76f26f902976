package dev.lethe.spring.actuate;

import dev.lethe.outbox.OutboxAdministration;
import dev.lethe.retention.RetentionEnforcer;
import dev.lethe.rights.RequestIdentityRetention;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs retention enforcement (Art. 5(1)(e)) on its cron schedule while the application runs, and
 * with it the storage limitation of Lethe's own tables: the clearing of identities from closed
 * rights requests and from long-dead outbox notices, and the deletion of long-delivered ones. Several instances may run it at once: the
 * store's sweep locks the rows it processes, so each expired row is handled exactly once, and the
 * clearings are conditional updates. A failed step is logged (counts and types only), does not stop
 * the others, and the next run completes it.
 */
public final class RetentionSchedule implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

  private final RetentionEnforcer enforcer;
  private final @Nullable RequestIdentityRetention requestIdentities;
  private final @Nullable OutboxAdministration outbox;
  private final Map<String, Runnable> housekeeping;
  private final CronTrigger trigger;
  private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
  private @Nullable ScheduledFuture<?> scheduled;

  /** A schedule for {@code enforcer} by the Spring {@code cron} expression, read in {@code zone}. */
  public RetentionSchedule(RetentionEnforcer enforcer, String cron, ZoneId zone) {
    this(enforcer, null, null, cron, zone);
  }

  /**
   * A schedule for {@code enforcer} and, in the same run, for Lethe's own table of requests:
   * {@code requestIdentities} clears the identity of requests closed long enough (Art. 5(1)(e)).
   */
  public RetentionSchedule(
      RetentionEnforcer enforcer,
      @Nullable RequestIdentityRetention requestIdentities,
      String cron,
      ZoneId zone) {
    this(enforcer, requestIdentities, null, cron, zone);
  }

  /**
   * A schedule for {@code enforcer} and, in the same run, for Lethe's own tables: {@code
   * requestIdentities} clears the identity of requests closed long enough, {@code outbox} that of
   * notices dead long enough and deletes those delivered long ago (Art. 5(1)(e)).
   */
  public RetentionSchedule(
      RetentionEnforcer enforcer,
      @Nullable RequestIdentityRetention requestIdentities,
      @Nullable OutboxAdministration outbox,
      String cron,
      ZoneId zone) {
    this(enforcer, requestIdentities, outbox, Map.of(), cron, zone);
  }

  /**
   * As above, with more of Lethe's own housekeeping in the same run: each step by what it does, such as
   * deleting the acknowledgements settled long ago (Art. 5(1)(e)).
   */
  public RetentionSchedule(
      RetentionEnforcer enforcer,
      @Nullable RequestIdentityRetention requestIdentities,
      @Nullable OutboxAdministration outbox,
      Map<String, Runnable> housekeeping,
      String cron,
      ZoneId zone) {
    this.housekeeping = Map.copyOf(housekeeping);
    this.enforcer = enforcer;
    this.requestIdentities = requestIdentities;
    this.outbox = outbox;
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
   * Runs retention now, then clears the identities of closed requests and of long-dead notices and
   * deletes long-delivered notices; a
   * failure of any step is logged, never thrown at the scheduler, and does not stop the others.
   */
  public void runOnce() {
    step("Lethe retention run", enforcer::run);
    if (requestIdentities != null) {
      step("Clearing the identities of closed rights requests", requestIdentities::run);
    }
    if (outbox != null) {
      step("Clearing the identities of dead outbox notices", outbox::clearDeadIdentities);
      step("Deleting delivered outbox notices", outbox::purgeDelivered);
    }
    housekeeping.forEach(RetentionSchedule::step);
  }

  private static void step(String what, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      // A database driver's message may quote column values: the stack trace only at debug level.
      LOG.error("{} failed ({}); the next run completes it", what, e.getClass().getSimpleName());
      LOG.debug("{} failure", what, e);
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
