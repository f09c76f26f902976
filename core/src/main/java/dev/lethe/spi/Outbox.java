package dev.lethe.spi;

import dev.lethe.internal.outbox.InMemoryOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one way out of Lethe: every message to a recipient or another service is first a row here,
 * written in the transaction of the change that caused it (Art. 19), then taken by a dispatcher and
 * delivered at least once. Several dispatchers, in several replicas, may work on one outbox at once:
 * {@link #claimDue} hands each due message to one of them for the length of a lease, and the
 * marking methods succeed only for the claim that is current, so that a stale dispatcher cannot
 * overwrite what a later one did.
 *
 * <p>A delivered message loses its payload, so that the identity a notice carries is kept only until
 * it is delivered. Implementations must pass {@code OutboxCompatibilityKit} from the lethe-core
 * test-jar.
 */
public interface Outbox {

  /**
   * Adds {@code message}, due at once, unless the outbox already holds one with its idempotency key.
   *
   * @param now when it is written
   * @return the message's entry: the new one, or the one already there with its key
   */
  OutboxEntry enqueue(OutboxMessage message, Instant now);

  /**
   * Claims up to {@code limit} pending messages due at {@code now}, oldest due first, skipping those
   * another dispatcher holds: each one's attempts grow by one and its next attempt moves to {@code
   * now + lease}, so that it comes back by itself if its dispatcher dies.
   *
   * @return the claimed entries, as they are after the claim
   */
  List<OutboxEntry> claimDue(Instant now, int limit, Duration lease);

  /**
   * Marks the message delivered and clears its payload, if {@code attempt} is still its current claim.
   *
   * @return whether it was marked
   */
  boolean markDelivered(UUID id, int attempt, Instant now);

  /**
   * Leaves the message pending until {@code nextAttemptAt}, recording {@code failure}, if {@code
   * attempt} is still its current claim.
   *
   * @param failure the failure's type, never its message
   * @return whether it was marked
   */
  boolean markFailed(UUID id, int attempt, String failure, Instant nextAttemptAt);

  /**
   * Gives up on the message until an administrator retries it, if {@code attempt} is still its
   * current claim; its payload is kept for that retry.
   *
   * @return whether it was marked
   */
  boolean markDead(UUID id, int attempt, String failure, Instant now);

  /** The message with {@code id}. */
  Optional<OutboxEntry> find(UUID id);

  /** Up to {@code limit} messages in {@code status}, oldest first. */
  List<OutboxEntry> list(OutboxStatus status, int limit);

  /**
   * Makes a dead message pending again, due at {@code now}, with its maximum age counted from {@code now}.
   *
   * @return whether it was dead
   */
  boolean retryDead(UUID id, Instant now);

  /** Makes every dead message pending again, as {@link #retryDead} does; returns how many. */
  int retryAllDead(Instant now);

  /** How many messages are pending and dead. */
  OutboxCounts counts();

  /** An outbox in memory: for tests and for plain use where nothing must survive a restart. */
  static Outbox inMemory() {
    return new InMemoryOutbox();
  }
}
