package dev.lethe.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.law.ErasureGround;
import dev.lethe.spi.ErasureTombstoneStore;
import dev.lethe.spi.ErasureTombstoneStore.Tombstone;
import dev.lethe.subject.SubjectPseudonym;
import dev.lethe.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErasureTombstoneRetentionTest {

  private final MutableClock clock = MutableClock.at("2026-06-01T03:00:00Z");
  private final ErasureTombstoneStore store = ErasureTombstoneStore.inMemory();
  private final AuditTrail audit = AuditTrail.inMemory(clock);
  private final ErasureTombstoneRetention retention =
      ErasureTombstoneRetention.of(store, audit, Duration.ofDays(35), clock);

  @Test
  @DisplayName(
      "Art. 5(1)(e): a tombstone stays while a backup taken before its erasure may be restored, then is deleted, audited by count")
  void tombstonesOutliveTheRestorableBackupsOnly() {
    Instant now = clock.instant();
    store.add(tombstone('a', now.minus(Duration.ofDays(40))));
    store.add(tombstone('b', now.minus(Duration.ofDays(35)).minusSeconds(1)));
    store.add(tombstone('c', now.minus(Duration.ofDays(35))));
    store.add(tombstone('d', now.minus(Duration.ofDays(1))));

    assertThat(retention.run()).isEqualTo(2);

    assertThat(store.since(Instant.EPOCH))
        .as("a backup 35 days old may still be restored: its erasures' tombstones stay")
        .extracting(tombstone -> tombstone.subject().hex())
        .containsExactly("c".repeat(64), "d".repeat(64));
    assertThat(retention.run()).as("a second run finds nothing left").isZero();
    try (Stream<AuditEvent> events = audit.events()) {
      assertThat(events.filter(event -> event.type() == AuditEventType.ERASURE_TOMBSTONES_DELETED))
          .as("Art. 5(2): one event for the run that deleted, counts only")
          .singleElement()
          .satisfies(
              event -> {
                assertThat(event.counts()).isEqualTo(Map.of("tombstones", 2L));
                assertThat(event.subject()).isEmpty();
              });
    }
  }

  @Test
  void aNegativeAgeIsRefused() {
    assertThatThrownBy(() -> ErasureTombstoneRetention.of(store, audit, Duration.ofDays(-1), clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be negative");
  }

  private static Tombstone tombstone(char pseudonymDigit, Instant erasedAt) {
    return new Tombstone(
        "customer",
        new SubjectPseudonym(String.valueOf(pseudonymDigit).repeat(64)),
        ErasureGround.CONSENT_WITHDRAWN,
        erasedAt);
  }
}
