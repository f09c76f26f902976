package dev.lethe.retention;

import static java.util.Objects.requireNonNull;

import dev.lethe.erasure.LegalHold;
import dev.lethe.erasure.LegalHoldStore;
import dev.lethe.erasure.RetentionTask;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.RetentionPolicy;
import dev.lethe.spi.RetentionSweeper;
import dev.lethe.subject.SubjectKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces storage limitation (Art. 5(1)(e)): for every {@code @Retention} policy in the model,
 * deletes or anonymises the rows whose period has run out, in batches of one
 * transaction each, leaving what legal holds cover (Art. 17(3)(e)). Every run is recorded in the
 * {@link RetentionRunLog} as proof (Art. 5(2)); long runs report progress with counts and rates,
 * never personal data. A {@link #dryRun()} reports what a run would do and changes nothing.
 */
public final class RetentionEnforcer {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionEnforcer.class);

  private final PersonalDataModel model;
  private final RetentionSweeper sweeper;
  private final Clock clock;
  private final ZoneId zone;
  private final LegalHoldStore legalHolds;
  private final RetentionRunLog runLog;
  private final int batchSize;
  private final Consumer<RetentionProgress> progress;
  private final Consumer<RetentionReport> runListener;

  private RetentionEnforcer(Builder builder) {
    this.model = builder.model;
    this.sweeper = builder.sweeper;
    this.clock = builder.clock;
    this.zone = builder.zone != null ? builder.zone : builder.clock.getZone();
    this.legalHolds = builder.legalHolds;
    this.runLog = builder.runLog;
    this.batchSize = builder.batchSize;
    this.progress = builder.progress;
    this.runListener = builder.runListener;
  }

  /** A builder for an enforcer of {@code model}'s policies through {@code sweeper}. */
  public static Builder builder(PersonalDataModel model, RetentionSweeper sweeper) {
    return new Builder(requireNonNull(model, "model"), requireNonNull(sweeper, "sweeper"));
  }

  /** Runs every policy now and records the run (Art. 5(1)(e), 5(2)). */
  public RetentionReport run() {
    return execute(false);
  }

  /** Reports what {@link #run()} would do now, changing nothing; dry runs are not recorded. */
  public RetentionReport dryRun() {
    return execute(true);
  }

  private RetentionReport execute(boolean dryRun) {
    Instant started = clock.instant();
    List<LegalHold> holds = legalHolds.all();
    Set<SubjectKey> heldSubjects =
        holds.stream().flatMap(hold -> hold.subject().stream()).collect(Collectors.toSet());
    List<RetentionReport.PolicyRun> runs = new ArrayList<>();
    for (EntityDescriptor entity : model.entities()) {
      if (entity.retention().isEmpty()) {
        continue;
      }
      RetentionPolicy policy = entity.retention().get();
      RetentionTask task =
          new RetentionTask(
              entity,
              policy,
              started.atZone(zone).minus(policy.period()).toInstant(),
              zone,
              heldSubjects);
      List<String> entityHolds =
          holds.stream()
              .filter(hold -> hold.entity().filter(entity.type()::equals).isPresent())
              .map(LegalHold::reason)
              .toList();
      runs.add(dryRun || !entityHolds.isEmpty() ? counted(task, entityHolds, dryRun) : swept(task));
    }
    RetentionReport report = new RetentionReport(started, clock.instant(), dryRun, runs);
    if (!dryRun) {
      runLog.record(report);
      runListener.accept(report);
    }
    LOG.info(
        "Retention {} finished: {} policies, {} rows processed",
        dryRun ? "dry run" : "run",
        runs.size(),
        report.rowsProcessed());
    return report;
  }

  /** What the task would do; with entity holds, every expired row is held back instead. */
  private RetentionReport.PolicyRun counted(
      RetentionTask task, List<String> entityHolds, boolean dryRun) {
    RetentionSweeper.Batch count = sweeper.count(task);
    if (entityHolds.isEmpty()) {
      return policyRun(task, count.deleted(), count.anonymised(), count.heldBack(), entityHolds);
    }
    LOG.info(
        "Retention of {} held back by {} legal hold(s): {} expired rows kept",
        task.entity().name(),
        entityHolds.size(),
        count.processed() + count.heldBack());
    return policyRun(task, 0, 0, count.processed() + count.heldBack(), entityHolds);
  }

  private RetentionReport.PolicyRun swept(RetentionTask task) {
    long deleted = 0;
    long anonymised = 0;
    long heldBack = 0;
    Instant start = clock.instant();
    Optional<Object> after = Optional.empty();
    while (true) {
      RetentionSweeper.Batch batch = sweeper.sweep(task, after, batchSize);
      deleted += batch.deleted();
      anonymised += batch.anonymised();
      heldBack += batch.heldBack();
      if (batch.lastKey().isEmpty()) {
        break;
      }
      after = batch.lastKey();
      RetentionProgress soFar = progressOf(task, deleted + anonymised, heldBack, start);
      // At DEBUG: a sweep of a million rows is a thousand batches.
      LOG.debug(
          "Retention of {} so far: {} rows processed, {} held back, {} rows/s",
          soFar.entity(),
          soFar.processed(),
          soFar.heldBack(),
          Math.round(soFar.rowsPerSecond()));
      progress.accept(soFar);
    }
    RetentionProgress done = progressOf(task, deleted + anonymised, heldBack, start);
    LOG.info(
        "Retention of {}: {} rows processed, {} held back, {} rows/s",
        done.entity(),
        done.processed(),
        done.heldBack(),
        Math.round(done.rowsPerSecond()));
    return policyRun(task, deleted, anonymised, heldBack, List.of());
  }

  private RetentionProgress progressOf(
      RetentionTask task, long processed, long heldBack, Instant start) {
    Duration elapsed = Duration.between(start, clock.instant());
    double rate =
        elapsed.isZero() ? processed : processed * 1000.0 / Math.max(1, elapsed.toMillis());
    return new RetentionProgress(task.entity().name(), processed, heldBack, rate);
  }

  private static RetentionReport.PolicyRun policyRun(
      RetentionTask task, long deleted, long anonymised, long heldBack, List<String> heldBy) {
    return new RetentionReport.PolicyRun(
        task.entity().name(), task.policy(), task.cutoff(), deleted, anonymised, heldBack, heldBy);
  }

  /**
   * Progress of a long run, after each batch: counts and rate, no personal data.
   *
   * @param entity the entity being swept
   * @param processed rows deleted or anonymised so far
   * @param heldBack expired rows kept under legal hold so far
   * @param rowsPerSecond the rate so far
   */
  public record RetentionProgress(
      String entity, long processed, long heldBack, double rowsPerSecond) {}

  /** Configures a {@link RetentionEnforcer}. */
  public static final class Builder {

    private final PersonalDataModel model;
    private final RetentionSweeper sweeper;
    private Clock clock = Clock.systemUTC();
    private @Nullable ZoneId zone;
    private LegalHoldStore legalHolds = LegalHoldStore.inMemory();
    private RetentionRunLog runLog = RetentionRunLog.inMemory();
    private int batchSize = 1_000;
    private Consumer<RetentionProgress> progress = event -> {};
    private Consumer<RetentionReport> runListener = report -> {};

    private Builder(PersonalDataModel model, RetentionSweeper sweeper) {
      this.model = model;
      this.sweeper = sweeper;
    }

    /** The clock that decides what has expired. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** The controller's zone, in which periods are counted in calendar terms; the clock's zone by default. */
    public Builder zone(ZoneId zone) {
      this.zone = requireNonNull(zone, "zone");
      return this;
    }

    /** The legal holds that suspend retention (Art. 17(3)(e)). */
    public Builder legalHolds(LegalHoldStore legalHolds) {
      this.legalHolds = requireNonNull(legalHolds, "legalHolds");
      return this;
    }

    /** Where runs are recorded (Art. 5(2)). */
    public Builder runLog(RetentionRunLog runLog) {
      this.runLog = requireNonNull(runLog, "runLog");
      return this;
    }

    /**
     * Rows per batch and transaction; 1,000 by default.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder batchSize(int batchSize) {
      if (batchSize <= 0) {
        throw new IllegalArgumentException(
            "The retention batch size must be positive, but is " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /** Called after each batch with the progress of the policy being swept. */
    public Builder progress(Consumer<RetentionProgress> progress) {
      this.progress = requireNonNull(progress, "progress");
      return this;
    }

    /** Called with the report of every run that was not a dry run, after it is logged: for metrics. */
    public Builder runListener(Consumer<RetentionReport> runListener) {
      this.runListener = requireNonNull(runListener, "runListener");
      return this;
    }

    /** The enforcer, configured. */
    public RetentionEnforcer build() {
      return new RetentionEnforcer(this);
    }
  }
}
