package dev.lethe.rights;

import static java.util.Objects.requireNonNull;

import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.internal.housekeeping.AuditedHousekeeping;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lethe's own storage limitation (Art. 5(1)(c), 5(1)(e)): a closed rights request keeps its
 * subject's identity in clear only for a period after it closed, then holds
 * {@link RequestStore#CLEARED_IDENTITY} instead. The request itself stays, with its type, dates,
 * status and reasons, as proof that it was answered (Art. 5(2)); its audit events name the subject
 * by keyed pseudonym, so a later complaint can still be matched to it by recomputing the pseudonym
 * from the identity the complainant gives.
 *
 * <p>{@link #DEFAULT_PERIOD} is three months after closing: the longest time Art. 12(3) allows for
 * answering a request, given again for the follow-ups a closed request draws (the subject's
 * reply to the answer, a question from the supervisory authority about a complaint under Art. 77),
 * which need the request found by the identity the subject used. Run it as part of the retention
 * run; several instances may run it at once, as it is one conditional update. Each run that clears
 * something is audited ({@link AuditEventType#REQUEST_IDENTITIES_CLEARED}, counts only) in one
 * transaction with the clearing.
 *
 * <pre>{@code
 * RequestIdentityRetention.of(requestStore, auditTrail, RequestIdentityRetention.DEFAULT_PERIOD, clock, zone).run();
 * }</pre>
 */
public final class RequestIdentityRetention {

  /** How long after closing a request keeps the identity by default: three months. */
  public static final Period DEFAULT_PERIOD = Period.ofMonths(3);

  private static final Logger LOG = LoggerFactory.getLogger(RequestIdentityRetention.class);

  private final RequestStore store;
  private final AuditTrail audit;
  private final Period period;
  private final Clock clock;
  private final ZoneId zone;

  private RequestIdentityRetention(
      RequestStore store, AuditTrail audit, Period period, Clock clock, ZoneId zone) {
    this.store = store;
    this.audit = audit;
    this.period = period;
    this.clock = clock;
    this.zone = zone;
  }

  /**
   * Clears the identity of requests in {@code store} that closed more than {@code period} ago, as
   * {@code clock} tells in the controller's {@code zone}, audited in {@code audit}.
   *
   * @param audit records each clearing (Art. 5(2)), and carries the transactions it runs in
   * @throws IllegalArgumentException if {@code period} is negative
   */
  public static RequestIdentityRetention of(
      RequestStore store, AuditTrail audit, Period period, Clock clock, ZoneId zone) {
    requireNonNull(period, "period");
    if (period.isNegative()) {
      throw new IllegalArgumentException(
          "The period a closed request keeps its identity cannot be negative: " + period);
    }
    return new RequestIdentityRetention(
        requireNonNull(store, "store"),
        requireNonNull(audit, "audit"),
        period,
        requireNonNull(clock, "clock"),
        requireNonNull(zone, "zone"));
  }

  /**
   * Clears the identity of every request that closed before now minus the period, and audits how
   * many, in one transaction; returns how many.
   */
  public int run() {
    Instant closedBefore = clock.instant().atZone(zone).minus(period).toInstant();
    int cleared =
        AuditedHousekeeping.run(
            audit,
            AuditEventType.REQUEST_IDENTITIES_CLEARED,
            "requests",
            () -> store.clearIdentitiesClosedBefore(closedBefore));
    LOG.info(
        "Lethe cleared the identity of {} rights request(s) closed before {}",
        cleared,
        closedBefore);
    return cleared;
  }

  /** How long after closing a request keeps its identity. */
  public Period period() {
    return period;
  }
}
