package dev.lethe.testing;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that tests move by hand, so that deadlines can be crossed without waiting. */
public final class MutableClock extends Clock {

  private volatile Instant now;
  private final ZoneId zone;

  private MutableClock(Instant now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A clock showing {@code now} in {@code zone}. */
  public static MutableClock at(Instant now, ZoneId zone) {
    return new MutableClock(requireNonNull(now, "now"), requireNonNull(zone, "zone"));
  }

  /** A clock showing the ISO-8601 instant {@code now}, such as {@code 2025-01-31T09:00:00Z}, in UTC. */
  public static MutableClock at(String now) {
    return at(Instant.parse(now), ZoneId.of("UTC"));
  }

  /** Moves the clock on by {@code duration}. */
  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  /** Moves the clock on by whole days. */
  public void advanceDays(long days) {
    advance(Duration.ofDays(days));
  }

  /** Sets the clock to {@code instant}. */
  public void set(Instant instant) {
    now = requireNonNull(instant, "instant");
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A separate clock in {@code zone}, showing this clock's present instant; it does not follow later moves. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new MutableClock(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
