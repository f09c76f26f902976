package dev.lethe.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxCounts;
import dev.lethe.spi.OutboxEntry;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.OutboxStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
  @DisplayName(
      "Art. 19: an enqueued message is pending and due at once; its idempotency key admits it once")
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
  @DisplayName(
      "Art. 19: a claim takes due messages oldest first, counts the attempt and hides them for the lease")
  void claimTakesDueMessagesForALease() {
    Outbox outbox = createOutbox();
    OutboxEntry older = outbox.enqueue(message("older"), T0);
    OutboxEntry newer = outbox.enqueue(message("newer"), T0.plusSeconds(1));
    outbox.enqueue(message("future"), T0.plusSeconds(60));

    List<OutboxEntry> claimed = outbox.claimDue(T0.plusSeconds(2), 10, LEASE);

    assertThat(claimed).extracting(OutboxEntry::id).containsExactly(older.id(), newer.id());
    assertThat(claimed)
        .allSatisfy(
            entry -> {
              assertThat(entry.attempts()).isEqualTo(1);
              assertThat(entry.nextAttemptAt()).isEqualTo(T0.plusSeconds(2).plus(LEASE));
              assertThat(entry.payload()).isPresent();
            });
    assertThat(outbox.claimDue(T0.plusSeconds(2), 10, LEASE))
        .as("held by the first claim")
        .isEmpty();
    assertThat(outbox.claimDue(T0.plusSeconds(2), 1, LEASE)).isEmpty();
    assertThat(outbox.claimDue(T0.plusSeconds(60), 1, LEASE))
        .extracting(OutboxEntry::idempotencyKey)
        .containsExactly("future");
  }

  @Test
  @DisplayName(
      "Art. 19: a claim whose dispatcher died is taken again after the lease, and the stale claim can no longer mark it")
  void anExpiredClaimIsTakenAgain() {
    Outbox outbox = createOutbox();
    OutboxEntry entry = outbox.enqueue(message("k1"), T0);
    OutboxEntry firstClaim = outbox.claimDue(T0, 10, LEASE).get(0);

    List<OutboxEntry> second = outbox.claimDue(T0.plus(LEASE), 10, LEASE);

    assertThat(second)
        .singleElement()
        .satisfies(claim -> assertThat(claim.attempts()).isEqualTo(2));
    assertThat(outbox.markDelivered(entry.id(), firstClaim.attempts(), T0.plus(LEASE))).isFalse();
    assertThat(outbox.markFailed(entry.id(), firstClaim.attempts(), "x", T0)).isFalse();
    assertThat(outbox.markDead(entry.id(), firstClaim.attempts(), "x", T0)).isFalse();
    assertThat(outbox.markDelivered(entry.id(), 2, T0.plus(LEASE))).isTrue();
  }

  @Test
  @DisplayName(
      "Art. 19: a batch of deliveries is marked at once, each under its own claim: a stale claim in it marks nothing")
  void aBatchIsMarkedUnderEachClaim() {
    Outbox outbox = createOutbox();
    outbox.enqueue(message("k1"), T0);
    outbox.enqueue(message("k2"), T0.plusSeconds(1));
    outbox.enqueue(message("k3"), T0.plusSeconds(2));
    List<OutboxEntry> firstClaims = outbox.claimDue(T0.plusSeconds(2), 10, LEASE);
    Instant leaseOver = T0.plusSeconds(2).plus(LEASE);
    // One lease ran out and another dispatcher took that message.
    OutboxEntry reclaimed = outbox.claimDue(leaseOver, 1, LEASE).get(0);

    Set<UUID> marked = outbox.markDelivered(firstClaims, leaseOver);

    assertThat(firstClaims).hasSize(3);
    assertThat(marked)
        .containsExactlyInAnyOrderElementsOf(
            firstClaims.stream()
                .map(OutboxEntry::id)
                .filter(id -> !id.equals(reclaimed.id()))
                .toList());
    assertThat(outbox.find(reclaimed.id()).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(marked)
        .allSatisfy(id -> assertThat(outbox.find(id).orElseThrow().payload()).isEmpty());
    assertThat(outbox.markDelivered(List.of(reclaimed), leaseOver)).containsExactly(reclaimed.id());
    assertThat(outbox.markDelivered(List.of(), leaseOver)).isEmpty();
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
    assertThat(outbox.enqueue(message("k1"), T0.plusSeconds(4)).id())
        .as("a redelivered key is still known")
        .isEqualTo(entry.id());
    assertThat(outbox.markDelivered(entry.id(), 1, T0)).as("marked once").isFalse();
  }

  @Test
  @DisplayName(
      "Art. 19: a failed message stays pending until its next attempt, with the failure's type")
  void failedWaitsForItsNextAttempt() {
    Outbox outbox = createOutbox();
    OutboxEntry entry = outbox.enqueue(message("k1"), T0);
    outbox.claimDue(T0, 10, LEASE);

    assertThat(outbox.markFailed(entry.id(), 1, "java.io.IOException", T0.plusSeconds(10)))
        .isTrue();

    OutboxEntry failed = outbox.find(entry.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(failed.lastFailure()).contains("java.io.IOException");
    assertThat(failed.nextAttemptAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(failed.payload()).isPresent();
    assertThat(outbox.claimDue(T0.plusSeconds(9), 10, LEASE)).isEmpty();
    assertThat(outbox.claimDue(T0.plusSeconds(10), 10, LEASE))
        .singleElement()
        .satisfies(claim -> assertThat(claim.attempts()).isEqualTo(2));
  }

  @Test
  @DisplayName(
      "Art. 19: a dead message is listed and counted, never claimed, and an administrator's retry makes it due again")
  void deadMessagesAreListedAndRetried() {
    Outbox outbox = createOutbox();
    OutboxEntry one = outbox.enqueue(message("k1"), T0);
    OutboxEntry two = outbox.enqueue(message("k2"), T0.plusSeconds(1));
    OutboxEntry three = outbox.enqueue(message("k3"), T0.plusSeconds(2));
    outbox.claimDue(T0.plusSeconds(2), 10, LEASE);
    outbox.markDead(one.id(), 1, "java.io.IOException", T0.plusSeconds(3));
    outbox.markDead(two.id(), 1, "java.io.IOException", T0.plusSeconds(3));

    assertThat(outbox.counts()).isEqualTo(new OutboxCounts(1, 2));
    assertThat(outbox.list(OutboxStatus.DEAD, 10))
        .extracting(OutboxEntry::id)
        .containsExactly(one.id(), two.id());
    assertThat(outbox.list(OutboxStatus.DEAD, 1)).hasSize(1);
    assertThat(outbox.list(OutboxStatus.PENDING, 10))
        .extracting(OutboxEntry::id)
        .containsExactly(three.id());
    assertThat(outbox.find(one.id()).orElseThrow().payload()).as("kept for the retry").isPresent();
    assertThat(outbox.claimDue(T0.plus(Duration.ofDays(30)), 10, LEASE))
        .extracting(OutboxEntry::id)
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
    assertThat(outbox.claimDue(retried, 10, LEASE))
        .as("the third's claim expired long ago")
        .extracting(OutboxEntry::id)
        .containsExactlyInAnyOrder(one.id(), two.id(), three.id());
  }

  @Test
  @DisplayName(
      "Art. 19: dispatchers claiming at once each take a message alone: every message is claimed exactly once")
  void concurrentClaimsNeverOverlap() throws Exception {
    Outbox outbox = createOutbox();
    int messages = 120;
    IntStream.range(0, messages).forEach(i -> outbox.enqueue(message("k" + i), T0.plusMillis(i)));
    Set<UUID> claimed = ConcurrentHashMap.newKeySet();
    List<UUID> claims = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        workers.add(
            pool.submit(
                () -> {
                  List<OutboxEntry> batch;
                  do {
                    batch = outbox.claimDue(T0.plusSeconds(1), 7, LEASE);
                    batch.forEach(
                        entry -> {
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
  @DisplayName(
      "Art. 5(1)(e): a message dead before the cut-off loses its payload, stays dead and can no longer be retried")
  void oldDeadMessagesLoseTheirPayload() {
    Outbox outbox = createOutbox();
    OutboxEntry old = outbox.enqueue(message("old"), T0);
    OutboxEntry recent = outbox.enqueue(message("recent"), T0);
    OutboxEntry pending = outbox.enqueue(message("pending"), T0);
    outbox.claimDue(T0, 10, LEASE);
    outbox.markDead(old.id(), 1, "java.io.IOException", T0.plusSeconds(10));
    outbox.markDead(recent.id(), 1, "java.io.IOException", T0.plusSeconds(20));
    outbox.markFailed(pending.id(), 1, "java.io.IOException", T0.plusSeconds(5));

    assertThat(outbox.clearDeadPayloads(T0.plusSeconds(10)))
        .as("strictly before the cut-off")
        .isZero();
    assertThat(outbox.clearDeadPayloads(T0.plusSeconds(11))).isEqualTo(1);
    assertThat(outbox.clearDeadPayloads(T0.plusSeconds(11)))
        .as("a second run changes nothing")
        .isZero();

    OutboxEntry cleared = outbox.find(old.id()).orElseThrow();
    assertThat(cleared.status()).isEqualTo(OutboxStatus.DEAD);
    assertThat(cleared.payload()).isEmpty();
    assertThat(cleared.retryable()).isFalse();
    assertThat(cleared.idempotencyKey()).isEqualTo("old");
    assertThat(cleared.lastFailure()).contains("java.io.IOException");
    assertThat(cleared.finishedAt()).contains(T0.plusSeconds(10));
    assertThat(outbox.find(recent.id()).orElseThrow().payload()).isPresent();
    assertThat(outbox.find(pending.id()).orElseThrow().payload())
        .as("pending messages keep it")
        .isPresent();
    assertThat(outbox.counts()).isEqualTo(new OutboxCounts(1, 1, 1));
    assertThat(outbox.list(OutboxStatus.DEAD, 10))
        .extracting(OutboxEntry::id)
        .as("still shown to the administrator")
        .containsExactlyInAnyOrder(old.id(), recent.id());

    assertThat(outbox.retryDead(old.id(), T0.plusSeconds(30))).isFalse();
    assertThat(outbox.retryAllDead(T0.plusSeconds(30)))
        .as("only the one with its payload")
        .isEqualTo(1);
    assertThat(outbox.find(old.id()).orElseThrow().status()).isEqualTo(OutboxStatus.DEAD);
    assertThat(outbox.claimDue(T0.plusSeconds(30), 10, LEASE))
        .extracting(OutboxEntry::id)
        .containsExactlyInAnyOrder(recent.id(), pending.id());
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): delivered messages older than the cut-off are deleted in batches, oldest first; nothing else is")
  void oldDeliveredMessagesAreDeletedInBatches() {
    Outbox outbox = createOutbox();
    List<OutboxEntry> delivered = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      OutboxEntry entry = outbox.enqueue(message("d" + i), T0);
      delivered.add(entry);
    }
    OutboxEntry dead = outbox.enqueue(message("dead"), T0);
    OutboxEntry pending = outbox.enqueue(message("pending"), T0.plusSeconds(100));
    outbox.claimDue(T0, 10, LEASE);
    for (int i = 0; i < 5; i++) {
      outbox.markDelivered(delivered.get(i).id(), 1, T0.plusSeconds(i));
    }
    outbox.markDead(dead.id(), 1, "java.io.IOException", T0);

    assertThat(outbox.deleteDelivered(T0.plusSeconds(4), 3)).isEqualTo(3);
    assertThat(outbox.find(delivered.get(0).id())).isEmpty();
    assertThat(outbox.find(delivered.get(2).id())).isEmpty();
    assertThat(outbox.find(delivered.get(3).id())).as("oldest first").isPresent();
    assertThat(outbox.deleteDelivered(T0.plusSeconds(4), 3)).isEqualTo(1);
    assertThat(outbox.deleteDelivered(T0.plusSeconds(4), 3)).isZero();
    assertThat(outbox.find(delivered.get(4).id())).as("delivered at the cut-off").isPresent();
    assertThat(outbox.find(dead.id())).isPresent();
    assertThat(outbox.find(pending.id())).isPresent();
    assertThat(outbox.deleteDelivered(T0.plus(Duration.ofDays(1)), 100)).isEqualTo(1);
    assertThat(outbox.counts()).isEqualTo(new OutboxCounts(1, 1, 0));
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): instances purging and clearing at once delete each delivered message and clear each dead one exactly once")
  void concurrentHousekeepingCountsEachRowOnce() throws Exception {
    Outbox outbox = createOutbox();
    int messages = 90;
    List<OutboxEntry> entries = new ArrayList<>();
    IntStream.range(0, messages).forEach(i -> entries.add(outbox.enqueue(message("k" + i), T0)));
    outbox.claimDue(T0, messages, LEASE);
    for (int i = 0; i < messages; i++) {
      if (i % 3 == 0) {
        outbox.markDead(entries.get(i).id(), 1, "java.io.IOException", T0);
      } else {
        outbox.markDelivered(entries.get(i).id(), 1, T0);
      }
    }
    AtomicInteger deleted = new AtomicInteger();
    AtomicInteger cleared = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        workers.add(
            pool.submit(
                () -> {
                  cleared.addAndGet(outbox.clearDeadPayloads(T0.plusSeconds(1)));
                  int batch;
                  do {
                    batch = outbox.deleteDelivered(T0.plusSeconds(1), 7);
                    deleted.addAndGet(batch);
                  } while (batch > 0);
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(deleted).hasValue(60);
    assertThat(cleared).hasValue(30);
    assertThat(outbox.counts()).isEqualTo(new OutboxCounts(0, 0, 30));
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): instances purging delivered messages while others enqueue delete each delivered"
          + " message once, and every enqueue succeeds")
  void purgingBesideEnqueues() throws Exception {
    Outbox outbox = createOutbox();
    int delivered = 120;
    int enqueued = 60;
    List<OutboxEntry> old = new ArrayList<>();
    IntStream.range(0, delivered).forEach(i -> old.add(outbox.enqueue(message("old" + i), T0)));
    outbox.claimDue(T0, delivered, LEASE);
    old.forEach(entry -> outbox.markDelivered(entry.id(), 1, T0));
    AtomicInteger deleted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        workers.add(
            pool.submit(
                () -> {
                  int batch;
                  do {
                    batch = outbox.deleteDelivered(T0.plusSeconds(1), 5);
                    deleted.addAndGet(batch);
                  } while (batch > 0);
                  return null;
                }));
        int writer = w;
        workers.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < enqueued / 2; i++) {
                    outbox.enqueue(message("new" + writer + "-" + i), T0.plusSeconds(2));
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(deleted).hasValue(delivered);
    assertThat(outbox.counts()).isEqualTo(new OutboxCounts(enqueued, 0, 0));
  }

  @Test
  void anUnknownMessageIsNotFound() {
    assertThat(createOutbox().find(UUID.randomUUID())).isEqualTo(Optional.empty());
  }
}
