package dev.lethe.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxEntry;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.OutboxStatus;
import dev.lethe.spi.OutboxTransport;
import dev.lethe.spi.Transactions;
import dev.lethe.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutboxDispatcherTest {

  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  private final Outbox outbox = Outbox.inMemory();
  private final FlakyTransport transport = new FlakyTransport();
  private final OutboxDispatcher dispatcher =
      OutboxDispatcher.builder(outbox, transport)
          .clock(clock)
          .backOff(Duration.ofSeconds(10), Duration.ofMinutes(5))
          .maxAge(Duration.ofHours(1))
          .build();

  @Test
  void theBackOffDoublesUpToItsMaximum() {
    assertThat(List.of(1, 2, 3, 4, 5, 6, 100))
        .extracting(dispatcher::backOff)
        .containsExactly(
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(40),
            Duration.ofSeconds(80),
            Duration.ofSeconds(160),
            Duration.ofMinutes(5),
            Duration.ofMinutes(5));
    assertThatThrownBy(() -> dispatcher.backOff(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName(
      "Art. 19: a failed message is retried after an exponential back-off and delivered once the receiver is back")
  void aFailedMessageIsRetriedWithBackOff() {
    OutboxEntry entry = outbox.enqueue(message("k1"), clock.instant());
    transport.down = true;

    assertThat(dispatcher.dispatch()).isEqualTo(new DispatchResult(0, 1, 0, 0, true));
    assertThat(outbox.find(entry.id()).orElseThrow().nextAttemptAt())
        .isEqualTo(clock.instant().plusSeconds(10));
    clock.advance(Duration.ofSeconds(9));
    assertThat(dispatcher.dispatch())
        .as("not due yet")
        .isEqualTo(new DispatchResult(0, 0, 0, 0, true));
    clock.advance(Duration.ofSeconds(1));
    dispatcher.dispatch();
    assertThat(outbox.find(entry.id()).orElseThrow().nextAttemptAt())
        .isEqualTo(clock.instant().plusSeconds(20));

    transport.down = false;
    clock.advance(Duration.ofSeconds(20));
    assertThat(dispatcher.dispatch().delivered()).isEqualTo(1);

    assertThat(transport.delivered).containsExactly("k1");
    assertThat(transport.outcomes)
        .containsExactly("failed k1 #1", "failed k1 #2", "delivered k1 #3");
    assertThat(outbox.find(entry.id()).orElseThrow().status()).isEqualTo(OutboxStatus.DELIVERED);
  }

  @Test
  @DisplayName(
      "Art. 19: a message still failing at its maximum age is marked dead, its last attempt made at that age")
  void aMessageFailingUntilItsMaximumAgeIsDead() {
    OutboxEntry entry = outbox.enqueue(message("k1"), clock.instant());
    transport.down = true;

    int passes = 0;
    while (outbox.find(entry.id()).orElseThrow().status() == OutboxStatus.PENDING
        && passes++ < 100) {
      dispatcher.dispatch();
      clock.set(outbox.find(entry.id()).orElseThrow().nextAttemptAt());
    }

    OutboxEntry dead = outbox.find(entry.id()).orElseThrow();
    assertThat(dead.status()).isEqualTo(OutboxStatus.DEAD);
    assertThat(dead.finishedAt()).contains(entry.enqueuedAt().plus(Duration.ofHours(1)));
    assertThat(dead.lastFailure()).contains(IllegalStateException.class.getName());
    // 10 + 20 + 40 + 80 + 160 s, then every 5 min until the hour: 6 + 10 attempts, the last one at
    // the hour.
    assertThat(dead.attempts()).isEqualTo(17);
    assertThat(transport.outcomes).last().isEqualTo("dead k1 #17");
    assertThat(outbox.list(OutboxStatus.DEAD, 10))
        .extracting(OutboxEntry::id)
        .containsExactly(entry.id());
  }

  @Test
  @DisplayName(
      "Art. 19: a dead message retried by an administrator gets a new maximum age and is delivered")
  void aRetriedDeadMessageIsDelivered() {
    OutboxEntry entry = outbox.enqueue(message("k1"), clock.instant());
    transport.down = true;
    clock.advance(Duration.ofHours(2));
    assertThat(dispatcher.dispatch().dead()).isEqualTo(1);
    transport.down = false;

    assertThat(outbox.retryDead(entry.id(), clock.instant())).isTrue();
    assertThat(dispatcher.dispatch().delivered()).isEqualTo(1);

    assertThat(transport.delivered).containsExactly("k1");
  }

  @Test
  @DisplayName(
      "Art. 19: while the transport has no receiver nothing is claimed or counted: messages stay pending")
  void nothingIsClaimedWhileTheTransportIsNotReady() {
    OutboxEntry entry = outbox.enqueue(message("k1"), clock.instant());
    transport.ready = false;

    assertThat(dispatcher.dispatch()).isEqualTo(new DispatchResult(0, 0, 0, 0, false));

    OutboxEntry pending = outbox.find(entry.id()).orElseThrow();
    assertThat(pending.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(pending.attempts()).isZero();
    assertThat(transport.delivered).isEmpty();
  }

  @Test
  @DisplayName("Art. 19: a pass delivers every due message, batch after batch")
  void aPassDeliversEveryBatch() {
    OutboxDispatcher small =
        OutboxDispatcher.builder(outbox, transport).clock(clock).batchSize(2).build();
    for (int i = 0; i < 5; i++) {
      outbox.enqueue(message("k" + i), clock.instant());
    }

    assertThat(small.dispatch().delivered()).isEqualTo(5);
    assertThat(transport.delivered).containsExactlyInAnyOrder("k0", "k1", "k2", "k3", "k4");
  }

  @Test
  @DisplayName("Art. 19: a failure recording the outcome does not stop the retries")
  void aFailingOutcomeRecordStillSchedulesTheRetry() {
    OutboxEntry entry = outbox.enqueue(message("k1"), clock.instant());
    transport.down = true;
    transport.recordingFails = true;

    assertThat(dispatcher.dispatch().failed()).isEqualTo(1);
    assertThat(outbox.find(entry.id()).orElseThrow().attempts()).isEqualTo(1);
    assertThat(outbox.find(entry.id()).orElseThrow().lastFailure()).isPresent();
  }

  @Test
  @DisplayName(
      "Art. 19: a claimed batch's deliveries are recorded in one transaction, marks and the transport's records together")
  void aBatchIsRecordedInOneTransaction() {
    for (int i = 0; i < 5; i++) {
      outbox.enqueue(message("k" + i), clock.instant());
    }

    assertThat(dispatcher.dispatch().delivered()).isEqualTo(5);
    assertThat(transport.transactions).isEqualTo(1);
    assertThat(transport.outcomes).hasSize(5).allMatch(outcome -> outcome.startsWith("delivered"));
    assertThat(outbox.list(OutboxStatus.DELIVERED, 10)).hasSize(5);
  }

  @Test
  @DisplayName(
      "Art. 19: once half the lease has passed, what was sent is recorded at once, before another dispatcher may claim it")
  void slowDeliveriesAreRecordedBeforeTheLeaseRunsOut() {
    OutboxDispatcher leased =
        OutboxDispatcher.builder(outbox, transport)
            .clock(clock)
            .lease(Duration.ofMinutes(2))
            .build();
    for (int i = 0; i < 3; i++) {
      outbox.enqueue(message("k" + i), clock.instant());
    }
    transport.eachDeliveryTakes = Duration.ofMinutes(1).plusSeconds(1);

    assertThat(leased.dispatch().delivered()).isEqualTo(3);
    assertThat(transport.transactions).as("one record per delivery").isEqualTo(3);
    assertThat(outbox.list(OutboxStatus.DELIVERED, 10)).hasSize(3);
  }

  @Test
  @DisplayName(
      "Art. 19: every message of a batch is in flight before the dispatcher waits for the first, and each has its own outcome")
  void aBatchIsInFlightAtOnce() {
    List<OutboxEntry> entries = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      entries.add(outbox.enqueue(message("k" + i), clock.instant()));
    }
    List<CompletableFuture<Void>> inFlight = new ArrayList<>();
    OutboxTransport answeredOnceAllStarted =
        startingOnly(
            message -> {
              CompletableFuture<Void> delivery = new CompletableFuture<>();
              inFlight.add(delivery);
              if (inFlight.size() == 3) {
                inFlight.get(0).complete(null);
                inFlight.get(1).completeExceptionally(new IllegalStateException("refused"));
                inFlight.get(2).complete(null);
              }
              return delivery;
            });

    DispatchResult result =
        OutboxDispatcher.builder(outbox, answeredOnceAllStarted).clock(clock).build().dispatch();

    assertThat(result).isEqualTo(new DispatchResult(2, 1, 0, 0, true));
    assertThat(entries)
        .extracting(entry -> outbox.find(entry.id()).orElseThrow().status())
        .containsExactly(OutboxStatus.DELIVERED, OutboxStatus.PENDING, OutboxStatus.DELIVERED);
    assertThat(outbox.find(entries.get(1).id()).orElseThrow().lastFailure())
        .hasValue(IllegalStateException.class.getName());
  }

  @Test
  @DisplayName(
      "Art. 19: a delivery that has not ended when the claim's lease does is an attempt that failed")
  void aDeliveryOutlastingTheLeaseFails() {
    OutboxEntry entry = outbox.enqueue(message("k1"), clock.instant());
    OutboxTransport neverAnswering = startingOnly(message -> new CompletableFuture<>());

    DispatchResult result =
        OutboxDispatcher.builder(outbox, neverAnswering)
            .clock(clock)
            .lease(Duration.ofMillis(50))
            .build()
            .dispatch();

    assertThat(result.failed()).isEqualTo(1);
    assertThat(outbox.find(entry.id()).orElseThrow().lastFailure())
        .hasValue(TimeoutException.class.getName());
  }

  @Test
  void settingsAreChecked() {
    OutboxDispatcher.Builder builder = OutboxDispatcher.builder(outbox, transport);
    assertThatThrownBy(() -> builder.batchSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.maxAge(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.lease(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.backOff(Duration.ofMinutes(2), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds");
  }

  /** A transport whose deliveries only start, as {@code start} says, and are never made at once. */
  private static OutboxTransport startingOnly(
      Function<OutboxMessage, CompletionStage<Void>> start) {
    return new OutboxTransport() {
      @Override
      public void deliver(OutboxMessage message) {
        throw new AssertionError("the dispatcher starts deliveries");
      }

      @Override
      public CompletionStage<Void> startDelivery(OutboxMessage message) {
        return start.apply(message);
      }
    };
  }

  private static OutboxMessage message(String key) {
    return new OutboxMessage(key, "crm", "test.notice", "{}");
  }

  private final class FlakyTransport implements OutboxTransport {
    boolean down;
    boolean ready = true;
    boolean recordingFails;
    Duration eachDeliveryTakes = Duration.ZERO;
    int transactions;
    final List<String> delivered = new ArrayList<>();
    final List<String> outcomes = new ArrayList<>();

    @Override
    public void deliver(OutboxMessage message) {
      if (down) {
        throw new IllegalStateException("receiver down");
      }
      clock.advance(eachDeliveryTakes);
      delivered.add(message.idempotencyKey());
    }

    @Override
    public Transactions transactions() {
      return new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
          transactions++;
          return work.get();
        }

        @Override
        public void afterCommit(Runnable action) {
          action.run();
        }
      };
    }

    @Override
    public boolean ready() {
      return ready;
    }

    @Override
    public void delivered(OutboxMessage message, int attempts) {
      outcomes.add("delivered " + message.idempotencyKey() + " #" + attempts);
    }

    @Override
    public void failed(OutboxMessage message, int attempts, String failure, boolean dead) {
      if (recordingFails) {
        throw new IllegalStateException("audit down");
      }
      outcomes.add((dead ? "dead " : "failed ") + message.idempotencyKey() + " #" + attempts);
    }
  }
}
