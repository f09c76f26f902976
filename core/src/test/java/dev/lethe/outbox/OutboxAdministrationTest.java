package dev.lethe.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.outbox.OutboxAdministration.RetryOutcome;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxEntry;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.OutboxStatus;
import dev.lethe.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutboxAdministrationTest {

  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  private final Outbox outbox = Outbox.inMemory();
  private final AuditTrail audit = AuditTrail.inMemory(clock);
  private final OutboxAdministration administration =
      OutboxAdministration.builder(outbox, audit)
          .clock(clock)
          .deadIdentityRetention(Duration.ofDays(30))
          .build();

  @Test
  @DisplayName(
      "Art. 5(1)(e): a notice dead for longer than the retention loses the identity, audited by count only")
  void deadNoticesLoseTheirIdentityAfterTheRetention() {
    OutboxEntry dead = dead("k1");
    clock.advance(Duration.ofDays(30));

    assertThat(administration.clearDeadIdentities())
        .as("not longer than the retention yet")
        .isZero();
    assertThat(events()).as("a run that changes nothing writes no event").isEmpty();

    clock.advance(Duration.ofSeconds(1));
    assertThat(administration.clearDeadIdentities()).isEqualTo(1);

    OutboxEntry cleared = outbox.find(dead.id()).orElseThrow();
    assertThat(cleared.status()).isEqualTo(OutboxStatus.DEAD);
    assertThat(cleared.payload()).isEmpty();
    assertThat(events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.type()).isEqualTo(AuditEventType.OUTBOX_IDENTITIES_CLEARED);
              assertThat(event.counts()).containsExactlyEntriesOf(Map.of("messages", 1L));
              assertThat(event.subject()).isEmpty();
              assertThat(event.attributes().values()).noneMatch(value -> value.contains("ada"));
            });
    assertThat(administration.clearDeadIdentities()).as("a second run changes nothing").isZero();
  }

  @Test
  @DisplayName(
      "Art. 19: an administrator's retry makes a dead notice due again; a cleared one, a pending one or an unknown id is refused with the reason")
  void aRetryTellsWhyItWasRefused() {
    OutboxEntry cleared = dead("k2");
    clock.advance(Duration.ofDays(31));
    OutboxEntry retryable = dead("k1");
    OutboxEntry pending = outbox.enqueue(message("k3"), clock.instant());
    assertThat(administration.clearDeadIdentities()).isEqualTo(1);

    assertThat(administration.retryDead(cleared.id())).isEqualTo(RetryOutcome.IDENTITY_CLEARED);
    assertThat(administration.retryDead(pending.id())).isEqualTo(RetryOutcome.NOT_DEAD);
    assertThat(administration.retryDead(UUID.randomUUID())).isEqualTo(RetryOutcome.NOT_FOUND);
    assertThat(events()).as("nothing retried, nothing audited but the clearing").hasSize(1);
    assertThat(administration.retryDead(retryable.id())).isEqualTo(RetryOutcome.RETRIED);
    assertThat(outbox.find(retryable.id()).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(outbox.find(cleared.id()).orElseThrow().status()).isEqualTo(OutboxStatus.DEAD);
    assertThat(administration.retryAllDead()).as("the cleared one cannot be").isZero();
    assertThat(events())
        .last()
        .satisfies(
            event -> {
              assertThat(event.type()).isEqualTo(AuditEventType.OUTBOX_MESSAGES_RETRIED);
              assertThat(event.counts()).isEqualTo(Map.of("messages", 1L));
              assertThat(event.attributes())
                  .isEqualTo(Map.of("message", retryable.id().toString()));
              assertThat(event.subject()).isEmpty();
            });
  }

  @Test
  @DisplayName("Art. 5(2): retrying every dead notice is audited with how many were retried")
  void retryingAllIsAudited() {
    dead("k1");
    dead("k2");

    assertThat(administration.retryAllDead()).isEqualTo(2);

    assertThat(events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.type()).isEqualTo(AuditEventType.OUTBOX_MESSAGES_RETRIED);
              assertThat(event.counts()).isEqualTo(Map.of("messages", 2L));
            });
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): delivered notices older than the retention are deleted batch by batch, audited by count only")
  void deliveredNoticesArePurgedInBatches() {
    OutboxAdministration small =
        OutboxAdministration.builder(outbox, audit)
            .clock(clock)
            .deliveredRetention(Duration.ofDays(30))
            .batchSize(2)
            .build();
    List<OutboxEntry> delivered = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      OutboxEntry entry = outbox.enqueue(message("d" + i), clock.instant());
      delivered.add(entry);
    }
    outbox.claimDue(clock.instant(), 10, Duration.ofMinutes(5));
    delivered.forEach(entry -> outbox.markDelivered(entry.id(), 1, clock.instant()));
    OutboxEntry dead = dead("dead");
    clock.advance(Duration.ofDays(30));
    OutboxEntry fresh = outbox.enqueue(message("fresh"), clock.instant());
    outbox.claimDue(clock.instant(), 10, Duration.ofMinutes(5));
    outbox.markDelivered(fresh.id(), 1, clock.instant());
    clock.advance(Duration.ofSeconds(1));

    assertThat(small.purgeDelivered()).isEqualTo(5);

    assertThat(delivered).allSatisfy(entry -> assertThat(outbox.find(entry.id())).isEmpty());
    assertThat(outbox.find(fresh.id())).as("delivered within the retention").isPresent();
    assertThat(outbox.find(dead.id())).isPresent();
    assertThat(events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.type()).isEqualTo(AuditEventType.OUTBOX_DELIVERED_PURGED);
              assertThat(event.counts()).containsExactlyEntriesOf(Map.of("messages", 5L));
            });
    assertThat(small.purgeDelivered()).isZero();
    assertThat(events()).as("nothing purged, nothing audited").hasSize(1);
  }

  @Test
  void aNegativeRetentionIsRefused() {
    assertThatThrownBy(
            () ->
                OutboxAdministration.builder(outbox, audit).deliveredRetention(Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deliveredRetention");
    assertThatThrownBy(() -> OutboxAdministration.builder(outbox, audit).batchSize(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                OutboxAdministration.builder(outbox, audit)
                    .deadIdentityRetention(Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deadIdentityRetention");
  }

  private OutboxEntry dead(String key) {
    OutboxEntry entry = outbox.enqueue(message(key), clock.instant());
    OutboxEntry claimed =
        outbox.claimDue(clock.instant(), 100, Duration.ofMinutes(5)).stream()
            .filter(candidate -> candidate.id().equals(entry.id()))
            .findFirst()
            .orElseThrow();
    outbox.markDead(entry.id(), claimed.attempts(), "java.io.IOException", clock.instant());
    return entry;
  }

  private List<AuditEvent> events() {
    try (Stream<AuditEvent> events = audit.events()) {
      return events.toList();
    }
  }

  private static OutboxMessage message(String key) {
    return new OutboxMessage(key, "crm", "test.notice", "{\"identity\":\"ada@example.com\"}");
  }
}
