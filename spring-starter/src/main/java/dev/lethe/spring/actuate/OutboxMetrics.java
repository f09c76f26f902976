package dev.lethe.spring.actuate;

import dev.lethe.rights.Acknowledgements;
import dev.lethe.spi.Outbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The outbox's Micrometer gauges (Art. 19), naming no person: {@code lethe.outbox.pending}, the
 * notices not delivered yet, and {@code lethe.outbox.dead}, those given up on after their maximum
 * age, which wait for an administrator: alert on it above zero.
 */
public final class OutboxMetrics implements MeterBinder {

  private final Outbox outbox;
  private final Acknowledgements acknowledgements;

  /** Gauges over {@code outbox} and the {@code acknowledgements} awaited from participant services. */
  public OutboxMetrics(Outbox outbox, Acknowledgements acknowledgements) {
    this.outbox = outbox;
    this.acknowledgements = acknowledgements;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("lethe.outbox.pending", outbox, box -> box.counts().pending())
        .description("Outbox messages not delivered yet (Art. 19)")
        .register(registry);
    Gauge.builder("lethe.outbox.dead", outbox, box -> box.counts().dead())
        .description(
            "Outbox messages given up on after their maximum age, waiting for an administrator (Art. 19)")
        .register(registry);
    Gauge.builder("lethe.outbox.cleared", outbox, box -> box.counts().cleared())
        .description(
            "Dead outbox messages whose identity was cleared after the retention: never delivered,"
                + " no longer retryable (Art. 5(1)(e), 19)")
        .register(registry);
    Gauge.builder("lethe.recipients.unsettled", acknowledgements, Acknowledgements::countUnsettled)
        .description(
            "Changes passed on to participant services that they have not acknowledged yet (Art. 17(2), 19)")
        .register(registry);
  }
}
