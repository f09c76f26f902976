package dev.lethe.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link Outbox} must do. Extend it and create an empty outbox. */
public abstract class OutboxCompatibilityKit {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");
  private static final Duration LEASE = Duration.ofMinutes(5);

  /** An empty outbox. */
  protected abstract Outbox createOutbox();

  private static OutboxMessage message(String key) {
    return new OutboxMessage(key, "crm", "test.notice", "{\"identity\":\"ada@example.com\"}");
  }

  @Test
  @DisplayName("Art. 19: an enqueued message is pending and due at once; its idempotency key admits it once")
  void enqueueIsIdempotentByKey() {
    Outbox outbox = createOutbox();

    OutboxEntry first = outbox.enqueue(message("k1"), T0);
    OutboxEntry again = outbox.enqueue(message("k1"), T0.plusSeconds(1));

    assertThat(first.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(first.attempts()).isZero();
    assertThat(first.nextAttemptAt()).isEqualTo(T0);
    assertThat(first.retrySince()).isEqualTo(T0);
    assertThat(first.message()).isEqualTo(message("k1"));
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(outbox.find(first.id())).contains(first);
    assertThat(outbox.counts()).isEqualTo(new OutboxCounts(1, 0));
  }

  @Test
  @DisplayName("Art. 19: a claim takes due messages oldest first, counts the attempt and hides them for the lease")
  void claimTakesDueMessagesForALease() {
    Outbox outbox = createOutbox();
    OutboxEntry older = outbox.enqueue(message("older"), T0);
    OutboxEntry newer = outbox.enqueue(message("newer"), T0.plusSeconds(1));
    outbox.enqueue(message("future"), T0.plusSeconds(60));

    List<OutboxEntry> claimed = outbox.claimDue(T0.plusSeconds(2), 10, LEASE);

    assertThat(claimed).extracting(OutboxEntry::id).containsExactly(older.id(), newer.id());
    assertThat(claimed).allSatisfy(entry -> {
      assertThat(entry.attempts()).isEqualTo(1);
      assertThat(entry.nextAttemptAt()).isEqualTo(T0.plusSeconds(2).plus(LEASE));
      assertThat(entry.payload()).isPresent();
    });
    assertThat(outbox.claimDue(T0.plusSeconds(2), 10, LEASE)).as("held by the first claim").isEmpty();
    assertThat(outbox.claimDue(T0.plusSeconds(2), 1, LEASE)).isEmpty();
    assertThat(outbox.claimDue(T0.plusSeconds(60), 1, LEASE)).extracting(OutboxEntry::idempotencyKey)
        .containsExactly("future");
  }

  @Test
  @DisplayName("Art. 19: a claim whose dispatcher died is taken again after the lease, and the stale claim can no longer mark it")
  void anExpiredClaimIsTakenAgain() {
    Outbox outbox = createOutbox();
    OutboxEntry entry = outbox.enqueue(message("k1"), T0);
    OutboxEntry firstClaim = outbox.claimDue(T0, 10, LEASE).get(0);

    List<OutboxEntry> second = outbox.claimDue(T0.plus(LEASE), 10, LEASE);

    assertThat(second).singleElement().satisfies(claim -> assertThat(claim.attempts()).isEqualTo(2));
    assertThat(outbox.markDelivered(entry.id(), firstClaim.attempts(), T0.plus(LEASE))).isFalse();
    assertThat(outbox.markFailed(entry.id(), firstClaim.attempts(), "x", T0)).isFalse();
    assertThat(outbox.markDead(entry.id(), firstClaim.attempts(), "x", T0)).isFalse();
    assertThat(outbox.markDelivered(entry.id(), 2, T0.plus(LEASE))).isTrue();
  }

  @Test
  @DisplayName("Art. 19: a delivered message loses its payload, so that no identity stays behind")
  void deliveredClearsThePayload() {
    Outbox outbox = createOutbox();
    OutboxEntry entry = outbox.enqueue(message("k1"), T0);
    outbox.claimDue(T0, 10, LEASE);

    assertThat(outbox.markDelivered(entry.id(), 1, T0.plusSeconds(3))).isTrue();

    OutboxEntry delivered = outbox.find(entry.id()).orElseThrow();
    assertThat(delivered.status()).isEqualTo(OutboxStatus.DELIVERED);
    assertThat(delivered.payload()).isEmpty();
    assertThat(delivered.finishedAt()).contains(T0.plusSeconds(3));
    assertThat(delivered.idempotencyKey()).isEqualTo("k1");
    assertThat(outbox.counts()).isEqualTo(new OutboxCounts(0, 0));
    assertThat(outbox.claimDue(T0.plus(Duration.ofDays(1)), 10, LEASE)).isEmpty();
    assertThat(outbox.enqueue(message("k1"), T0.plusSeconds(4)).id()).as("a redelivered key is still known")
        .isEqualTo(entry.id());
    assertThat(outbox.markDelivered(entry.id(), 1, T0)).as("marked once").isFalse();
  }

  @Test
  @DisplayName("Art. 19: a failed message stays pending until its next attempt, with the failure's type")
  void failedWaitsForItsNextAttempt() {
    Outbox outbox = createOutbox();
    OutboxEntry entry = outbox.enqueue(message("k1"), T0);
    outbox.claimDue(T0, 10, LEASE);

    assertThat(outbox.markFailed(entry.id(), 1, "java.io.IOException", T0.plusSeconds(10))).isTrue();

    OutboxEntry failed = outbox.find(entry.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(failed.lastFailure()).contains("java.io.IOException");
    assertThat(failed.nextAttemptAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(failed.payload()).isPresent();
    assertThat(outbox.claimDue(T0.plusSeconds(9), 10, LEASE)).isEmpty();
    assertThat(outbox.claimDue(T0.plusSeconds(10), 10, LEASE)).singleElement()
        .satisfies(claim -> assertThat(claim.attempts()).isEqualTo(2));
  }

  @Test
  @DisplayName("Art. 19: a dead message is listed and counted, never claimed, and an administrator's retry makes it due again")
  void deadMessagesAreListedAndRetried() {
    Outbox outbox = createOutbox();
    OutboxEntry one = outbox.enqueue(message("k1"), T0);
    OutboxEntry two = outbox.enqueue(message("k2"), T0.plusSeconds(1));
    OutboxEntry three = outbox.enqueue(message("k3"), T0.plusSeconds(2));
    outbox.claimDue(T0.plusSeconds(2), 10, LEASE);
    outbox.markDead(one.id(), 1, "java.io.IOException", T0.plusSeconds(3));
    outbox.markDead(two.id(), 1, "java.io.IOException", T0.plusSeconds(3));

    assertThat(outbox.counts()).isEqualTo(new OutboxCounts(1, 2));
    assertThat(outbox.list(OutboxStatus.DEAD, 10)).extracting(OutboxEntry::id).containsExactly(one.id(), two.id());
    assertThat(outbox.list(OutboxStatus.DEAD, 1)).hasSize(1);
    assertThat(outbox.list(OutboxStatus.PENDING, 10)).extracting(OutboxEntry::id).containsExactly(three.id());
    assertThat(outbox.find(one.id()).orElseThrow().payload()).as("kept for the retry").isPresent();
    assertThat(outbox.claimDue(T0.plus(Duration.ofDays(30)), 10, LEASE)).extracting(OutboxEntry::id)
        .containsExactly(three.id());

    Instant retried = T0.plus(Duration.ofDays(31));
    assertThat(outbox.retryDead(one.id(), retried)).isTrue();
    assertThat(outbox.retryDead(one.id(), retried)).as("no longer dead").isFalse();
    assertThat(outbox.retryDead(UUID.randomUUID(), retried)).isFalse();
    OutboxEntry again = outbox.find(one.id()).orElseThrow();
    assertThat(again.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(again.retrySince()).isEqualTo(retried);
    assertThat(again.nextAttemptAt()).isEqualTo(retried);
    assertThat(outbox.retryAllDead(retried)).isEqualTo(1);
    assertThat(outbox.counts().dead()).isZero();
    assertThat(outbox.claimDue(retried, 10, LEASE)).as("the third's claim expired long ago").extracting(OutboxEntry::id)
        .containsExactlyInAnyOrder(one.id(), two.id(), three.id());
  }

  @Test
  @DisplayName("Art. 19: dispatchers claiming at once each take a message alone: every message is claimed exactly once")
  void concurrentClaimsNeverOverlap() throws Exception {
    Outbox outbox = createOutbox();
    int messages = 120;
    IntStream.range(0, messages).forEach(i -> outbox.enqueue(message("k" + i), T0.plusMillis(i)));
    Set<UUID> claimed = ConcurrentHashMap.newKeySet();
    List<UUID> claims = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        workers.add(pool.submit(() -> {
          List<OutboxEntry> batch;
          do {
            batch = outbox.claimDue(T0.plusSeconds(1), 7, LEASE);
            batch.forEach(entry -> {
              claims.add(entry.id());
              claimed.add(entry.id());
            });
          } while (!batch.isEmpty());
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(claims).hasSize(messages);
    assertThat(claimed).hasSize(messages);
    assertThat(outbox.claimDue(T0.plusSeconds(1), 200, LEASE)).isEmpty();
  }

  @Test
  void anUnknownMessageIsNotFound() {
    assertThat(createOutbox().find(UUID.randomUUID())).isEqualTo(Optional.empty());
  }
}
