package dev.lethe.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * it is delivered. A dead message keeps it for an administrator's retry until {@link
 * #clearDeadPayloads} clears it; it then stays dead for good. Delivered messages are deleted in
 * batches by {@link #deleteDelivered}. Implementations must pass {@code OutboxCompatibilityKit} from
 * the lethe-core test-jar.
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
   * Marks each of {@code claimed} delivered as {@link #markDelivered(UUID, int, Instant)} does, each
   * under the claim its entry holds ({@link OutboxEntry#attempts()}), together where the store can:
   * a dispatcher records a whole batch at once, since a commit per message costs more than the
   * message (Art. 19).
   *
   * @return the ids of the messages marked, those whose claim was still current
   */
  default Set<UUID> markDelivered(List<OutboxEntry> claimed, Instant now) {
    Set<UUID> marked = new LinkedHashSet<>();
    for (OutboxEntry entry : claimed) {
      if (markDelivered(entry.id(), entry.attempts(), now)) {
        marked.add(entry.id());
      }
    }
    return marked;
  }

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
   * Makes a dead message pending again, due at {@code now}, with its maximum age counted from {@code
   * now}, unless its payload was cleared: such a message can no longer be delivered.
   *
   * @return whether it was dead with its payload
   */
  boolean retryDead(UUID id, Instant now);

  /** Makes every dead message that still has its payload pending again, as {@link #retryDead} does; returns how many. */
  int retryAllDead(Instant now);

  /**
   * Clears the payload of every dead message declared dead before {@code deadBefore} (Art. 5(1)(c),
   * 5(1)(e)): the identity it carries is no longer kept for a retry that did not come. The message
   * stays dead, visible with its key, destination and times, and can no longer be retried. One
   * conditional update: several instances may run it at once, and a second run changes nothing.
   *
   * @return how many messages lost their payload
   */
  int clearDeadPayloads(Instant deadBefore);

  /**
   * Deletes up to {@code limit} messages delivered before {@code deliveredBefore}, oldest first,
   * skipping those another instance is deleting at the same time. Call it until it returns less
   * than {@code limit}.
   *
   * @return how many messages were deleted
   * @throws IllegalArgumentException if {@code limit} is less than 1
   */
  int deleteDelivered(Instant deliveredBefore, int limit);

  /** How many messages are pending, dead and dead with their payload cleared. */
  OutboxCounts counts();

  /** An outbox in memory: for tests and for plain use where nothing must survive a restart. */
  static Outbox inMemory() {
    return new InMemoryOutbox();
  }
}
