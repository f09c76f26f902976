package dev.lethe.spring.actuate;

import dev.lethe.audit.AuditTrail;
import dev.lethe.erasure.ErasureReceipt;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.retention.RetentionReport;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.RequestStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;

/**
 * Lethe's Micrometer metrics, none of which names a person:
 * <ul>
 *   <li>{@code lethe.requests} (gauge, tags {@code type}, {@code status}): rights requests (Art. 12);
 *   <li>{@code lethe.requests.overdue} (gauge): open requests past their Art. 12(3) deadline;
 *   <li>{@code lethe.audit.sequence} (gauge): the sequence of the audit chain's latest committed
 *       event this replica knows, a checkpoint kept outside the database (Art. 5(2));
 *   <li>{@code lethe.erasure.rows} (counter, tags {@code entity}, {@code action} deleted|erased):
 *       rows touched by erasure (Art. 17);
 *   <li>{@code lethe.retention.rows} (counter, tags {@code entity}, {@code action}
 *       deleted|anonymised|held_back): rows handled by retention (Art. 5(1)(e)).
 * </ul>
 * Request counts are read from the store at most every ten seconds, whatever the scrape rate.
 */
public final class LetheMetrics implements MeterBinder {

  private static final Duration SNAPSHOT_AGE = Duration.ofSeconds(10);

  private final RequestStore requests;
  private final DataSubjectRights rights;
  private final Clock clock;
  private final @Nullable AuditTrail audit;
  private @Nullable MeterRegistry registry;
  private Map<String, Long> snapshot = Map.of();
  private Instant snapshotAt = Instant.MIN;

  /** Metrics over the request store and the rights service. */
  public LetheMetrics(RequestStore requests, DataSubjectRights rights, Clock clock) {
    this(requests, rights, clock, null);
  }

  /** Metrics over the request store, the rights service and the audit trail's checkpoint. */
  public LetheMetrics(
      RequestStore requests, DataSubjectRights rights, Clock clock, @Nullable AuditTrail audit) {
    this.requests = requests;
    this.rights = rights;
    this.clock = clock;
    this.audit = audit;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    for (RequestType type : RequestType.values()) {
      for (RequestStatus status : RequestStatus.values()) {
        String key = key(type, status);
        Gauge.builder("lethe.requests", this, metrics -> metrics.count(key))
            .description("Rights requests by type and status (Art. 12)")
            .tag("type", type.name())
            .tag("status", status.name())
            .register(registry);
      }
    }
    Gauge.builder("lethe.requests.overdue", rights, service -> service.overdue().size())
        .description("Open rights requests past their Art. 12(3) deadline")
        .register(registry);
    if (audit != null) {
      Gauge.builder("lethe.audit.sequence", audit, trail -> trail.checkpoint().sequence())
          .description(
              "The sequence of the audit chain's latest committed event known here: a checkpoint (Art. 5(2))")
          .register(registry);
    }
  }

  /** Counts the rows of an erasure. */
  @EventListener
  public void erased(ErasureReceipt receipt) {
    receipt
        .entities()
        .forEach(
            entity -> {
              increment("lethe.erasure.rows", entity.entity(), "deleted", entity.rows().deleted());
              increment("lethe.erasure.rows", entity.entity(), "erased", entity.rows().updated());
            });
  }

  /** Counts the rows of a retention run. */
  @EventListener
  public void retained(RetentionReport report) {
    report
        .policies()
        .forEach(
            policy -> {
              increment("lethe.retention.rows", policy.entity(), "deleted", policy.deleted());
              increment("lethe.retention.rows", policy.entity(), "anonymised", policy.anonymised());
              increment("lethe.retention.rows", policy.entity(), "held_back", policy.heldBack());
            });
  }

  private void increment(String name, String entity, String action, long rows) {
    if (registry != null && rows > 0) {
      registry.counter(name, "entity", entity, "action", action).increment(rows);
    }
  }

  private synchronized double count(String key) {
    Instant now = clock.instant();
    if (snapshotAt.plus(SNAPSHOT_AGE).isBefore(now)) {
      try (Stream<RightsRequest> all = requests.findAll()) {
        snapshot =
            all.collect(
                Collectors.groupingBy(
                    request -> key(request.type(), request.status()), Collectors.counting()));
      }
      snapshotAt = now;
    }
    return snapshot.getOrDefault(key, 0L);
  }

  private static String key(RequestType type, RequestStatus status) {
    return type + "/" + status;
  }
}
