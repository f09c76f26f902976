package dev.lethe.outbox;

import static java.util.Objects.requireNonNull;

import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxEntry;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.OutboxTransport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what the {@link Outbox} holds (Art. 19): each {@link #dispatch()} claims the due
 * messages, starts delivering each through the transport before it waits for the first (see {@link
 * OutboxTransport#startDelivery}), marks the claimed batch's deliveries in one transaction (sooner,
 * once half the lease has passed), and on failure schedules the
 * next attempt after an exponential back-off ({@code initialBackOff × 2^(attempts−1)}, at most
 * {@code maxBackOff}). A message still failing once its maximum age has passed, counted from when it
 * was written or last retried by an administrator, is marked dead; the last attempt is made at that
 * age. Delivery is at least once: a dispatcher that dies mid-delivery leaves its claim to expire
 * after the lease, and another one delivers again with the same idempotency key.
 *
 * <p>Safe to run in every replica at once and from any thread: the outbox hands each message to
 * one claim at a time. It keeps no state between passes.
 */
public final class OutboxDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final Outbox outbox;
  private final OutboxTransport transport;
  private final Clock clock;
  private final int batchSize;
  private final Duration initialBackOff;
  private final Duration maxBackOff;
  private final Duration maxAge;
  private final Duration lease;

  private OutboxDispatcher(Builder builder) {
    this.outbox = builder.outbox;
    this.transport = builder.transport;
    this.clock = builder.clock;
    this.batchSize = builder.batchSize;
    this.initialBackOff = builder.initialBackOff;
    this.maxBackOff = builder.maxBackOff;
    this.maxAge = builder.maxAge;
    this.lease = builder.lease;
  }

  /**
   * A builder for a dispatcher of {@code outbox} through {@code transport}.
   *
   * @param outbox where the messages wait
   * @param transport delivers them
   */
  public static Builder builder(Outbox outbox, OutboxTransport transport) {
    return new Builder(requireNonNull(outbox, "outbox"), requireNonNull(transport, "transport"));
  }

  /**
   * Delivers every message due now, batch by batch, until none is due (Art. 19). Does nothing while
   * the transport is not {@linkplain OutboxTransport#ready() ready}: the messages stay pending.
   */
  public DispatchResult dispatch() {
    if (!transport.ready()) {
      return DispatchResult.notReady();
    }
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    List<OutboxEntry> batch;
    do {
      Instant claimedAt = clock.instant();
      batch = outbox.claimDue(claimedAt, batchSize, lease);
      new ClaimedBatch(claimedAt, outcomes).deliver(batch);
      // Failed messages are due later and delivered ones no longer pending, so the loop ends.
    } while (batch.size() == batchSize);
    int delivered = outcomes.getOrDefault(Outcome.DELIVERED, 0);
    int failed = outcomes.getOrDefault(Outcome.FAILED, 0);
    int dead = outcomes.getOrDefault(Outcome.DEAD, 0);
    int lost = outcomes.getOrDefault(Outcome.LOST, 0);
    return new DispatchResult(delivered, failed, dead, lost, true);
  }

  /** How long after its {@code attempts}-th failed attempt a message is tried again, before the maximum age caps it. */
  public Duration backOff(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException(
          "A back-off follows at least one attempt, not " + attempts);
    }
    // Doubling stops before it could overflow: 2^30 times any sensible initial back-off is past the
    // cap.
    Duration backOff = initialBackOff.multipliedBy(1L << Math.min(attempts - 1, 30));
    return backOff.compareTo(maxBackOff) > 0 ? maxBackOff : backOff;
  }

  /**
   * One claimed batch on its way: every message is started before the first is awaited, and the
   * outcomes are taken in the order of the claim. What was delivered is recorded in one transaction
   * at the end, or sooner, once half the lease has passed, before another dispatcher could claim it
   * again and send it twice.
   */
  private final class ClaimedBatch {

    private final Instant claimedAt;
    private final Map<Outcome, Integer> outcomes;
    private final Deque<InFlight> inFlight = new ArrayDeque<>();
    private final List<OutboxEntry> sent = new ArrayList<>();

    private record InFlight(OutboxEntry entry, CompletableFuture<Void> delivery) {}

    ClaimedBatch(Instant claimedAt, Map<Outcome, Integer> outcomes) {
      this.claimedAt = claimedAt;
      this.outcomes = outcomes;
    }

    void deliver(List<OutboxEntry> batch) {
      for (OutboxEntry entry : batch) {
        inFlight.add(new InFlight(entry, start(entry.message())));
        // A transport that delivers at once, as by default, has each outcome taken before the next
        // message starts, so a slow one still records its deliveries at half the lease.
        while (!inFlight.isEmpty() && inFlight.peek().delivery().isDone()) {
          settle(inFlight.remove());
        }
      }
      while (!inFlight.isEmpty()) {
        settle(inFlight.remove());
      }
      count(record(sent));
    }

    private void settle(InFlight message) {
      Optional<String> failure = outcomeOf(message.delivery());
      if (failure.isEmpty()) {
        sent.add(message.entry());
      } else {
        count(List.of(fail(message.entry(), message.entry().message(), failure.get())));
      }
      if (clock.instant().isAfter(claimedAt.plus(lease.dividedBy(2)))) {
        count(record(sent));
        sent.clear();
      }
    }

    /**
     * Waits for a delivery until the claim's lease ends (after it, another dispatcher may send the
     * message again anyway): its failure's type, if it failed or did not end in time.
     */
    private Optional<String> outcomeOf(CompletableFuture<Void> delivery) {
      Duration left = Duration.between(clock.instant(), claimedAt.plus(lease));
      try {
        delivery.get(Math.max(0, left.toNanos()), TimeUnit.NANOSECONDS);
        return Optional.empty();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Error error) {
          throw error;
        }
        return Optional.of((cause == null ? e : cause).getClass().getName());
      } catch (TimeoutException e) {
        return Optional.of(e.getClass().getName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.of(e.getClass().getName());
      }
    }

    private void count(List<Outcome> settled) {
      settled.forEach(outcome -> outcomes.merge(outcome, 1, Integer::sum));
    }
  }

  private CompletableFuture<Void> start(OutboxMessage message) {
    try {
      return transport.startDelivery(message).toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Records the delivery of the messages {@code sent}, in one transaction: the marks, and what the
   * transport records of each delivery, commit together or not at all, and a message whose claim
   * another dispatcher took after the lease ran out is neither marked nor recorded twice.
   */
  private List<Outcome> record(List<OutboxEntry> sent) {
    if (sent.isEmpty()) {
      return List.of();
    }
    try {
      return transport
          .transactions()
          .inTransaction(
              () -> {
                Set<UUID> marked = outbox.markDelivered(sent, clock.instant());
                List<Outcome> outcomes = new ArrayList<>();
                for (OutboxEntry entry : sent) {
                  if (marked.contains(entry.id())) {
                    transport.delivered(entry.message(), entry.attempts());
                    outcomes.add(Outcome.DELIVERED);
                  } else {
                    outcomes.add(lost(entry));
                  }
                }
                return outcomes;
              });
    } catch (RuntimeException e) {
      // Delivered, but not recorded: they stay claimed until their lease ends, then go again with
      // their keys.
      LOG.warn(
          "Recording the delivery of {} outbox messages failed: {}",
          sent.size(),
          e.getClass().getName());
      return Collections.nCopies(sent.size(), Outcome.FAILED);
    }
  }

  private Outcome fail(OutboxEntry entry, OutboxMessage message, String failure) {
    Instant now = clock.instant();
    Instant deadline = entry.retrySince().plus(maxAge);
    boolean dead = !now.isBefore(deadline);
    // The failure's type is logged and kept, never its message: a message may quote the subject's
    // data.
    if (dead) {
      LOG.warn(
          "Outbox message {} to {} is dead after {} attempts (last failure: {}); an administrator may retry it",
          entry.id(),
          entry.destination(),
          entry.attempts(),
          failure);
    } else {
      LOG.info(
          "Outbox message {} to {} failed (attempt {}: {}); retrying later",
          entry.id(),
          entry.destination(),
          entry.attempts(),
          failure);
    }
    try {
      transport.failed(message, entry.attempts(), failure, dead);
    } catch (RuntimeException e) {
      // The outcome is marked all the same, so that a failing audit never stops the retries.
      LOG.warn(
          "Recording the failure of outbox message {} failed: {}",
          entry.id(),
          e.getClass().getName());
    }
    if (dead) {
      return outbox.markDead(entry.id(), entry.attempts(), failure, now)
          ? Outcome.DEAD
          : lost(entry);
    }
    Instant next = now.plus(backOff(entry.attempts()));
    return outbox.markFailed(
            entry.id(), entry.attempts(), failure, next.isAfter(deadline) ? deadline : next)
        ? Outcome.FAILED
        : lost(entry);
  }

  private static Outcome lost(OutboxEntry entry) {
    LOG.info(
        "Outbox message {} was claimed again by another dispatcher after its lease ran out",
        entry.id());
    return Outcome.LOST;
  }

  private enum Outcome {
    DELIVERED,
    FAILED,
    DEAD,
    LOST
  }

  /**
   * Configures {@link OutboxDispatcher}. By default: batches of 100, back-off from 10 seconds doubling
   * to 1 hour, dead after 3 days, a claim lease of 5 minutes, the system UTC clock.
   */
  public static final class Builder {

    private final Outbox outbox;
    private final OutboxTransport transport;
    private Clock clock = Clock.systemUTC();
    private int batchSize = 100;
    private Duration initialBackOff = Duration.ofSeconds(10);
    private Duration maxBackOff = Duration.ofHours(1);
    private Duration maxAge = Duration.ofDays(3);
    private Duration lease = Duration.ofMinutes(5);

    private Builder(Outbox outbox, OutboxTransport transport) {
      this.outbox = outbox;
      this.transport = transport;
    }

    /** The clock that decides what is due and when a message is dead. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How many messages one claim takes.
     *
     * @throws IllegalArgumentException if less than 1
     */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1, but is " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /**
     * The wait after the first failed attempt, which doubles after each further one up to {@code max}.
     *
     * @throws IllegalArgumentException if either is not positive or {@code initial} exceeds {@code max}
     */
    public Builder backOff(Duration initial, Duration max) {
      requirePositive(initial, "initial back-off");
      requirePositive(max, "maximum back-off");
      if (initial.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            "The initial back-off " + initial + " exceeds the maximum " + max);
      }
      this.initialBackOff = initial;
      this.maxBackOff = max;
      return this;
    }

    /**
     * How long a message is retried before it is marked dead.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = requirePositive(maxAge, "maxAge");
      return this;
    }

    /**
     * How long a claim lasts: a message whose dispatcher died is taken again after it. Longer than
     * the slowest delivery, or a slow delivery may be repeated.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder lease(Duration lease) {
      this.lease = requirePositive(lease, "lease");
      return this;
    }

    /** The dispatcher, configured. */
    public OutboxDispatcher build() {
      return new OutboxDispatcher(this);
    }

    private static Duration requirePositive(Duration duration, String name) {
      requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, but is " + duration);
      }
      return duration;
    }
  }
}
