package dev.lethe.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.readme.Shop;
import dev.lethe.retention.LegalHolds;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.subject.InvalidSubjectIdentifierException;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.testing.MutableClock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LegalHoldsTest {

  private final MutableClock clock =
      MutableClock.at(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
  private final PersonalDataModel model = Shop.model();
  private final Object ada = Shop.customer(1L, "ada@example.com");
  private final PersonalDataStore data =
      PersonalDataStore.inMemory(model, Pseudonymizer.withRandomKey())
          .add(ada, Shop.order(ada, "1 Rose Lane", clock.instant()));
  private final AuditTrail audit = AuditTrail.inMemory(clock);
  private final LegalHoldStore store = LegalHoldStore.inMemory();
  private final LegalHolds holds = LegalHolds.of(store, model, data, audit, clock);

  @Test
  @DisplayName(
      "Art. 17(3)(e): a hold on a subject named by identity holds its key, audited by pseudonym, never the identity")
  void art17_3_e_holdOnSubject() {
    List<LegalHold> placed =
        holds.placeOnSubject(
            new SubjectIdentifier("customer", "email", "ada@example.com"), "Case 2026-7");

    assertThat(placed)
        .singleElement()
        .satisfies(
            hold -> {
              assertThat(hold.subject()).isPresent();
              assertThat(hold.placedAt()).isEqualTo(clock.instant());
            });
    assertThat(store.all()).isEqualTo(placed);
    String pseudonym = holds.pseudonymOf(placed.get(0)).orElseThrow();
    assertThat(placedEvents())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.attributes())
                  .containsEntry("subject", pseudonym)
                  .containsEntry("subjectType", "customer");
              assertThat(event.attributes().values()).noneMatch(value -> value.contains("ada@"));
            });
  }

  @Test
  @DisplayName(
      "Art. 17(3)(e): an identity that names nobody places nothing; a misspelt identity is refused")
  void art17_3_e_nobodyOrMisspelt() {
    assertThat(
            holds.placeOnSubject(
                new SubjectIdentifier("customer", "email", "nobody@example.com"), "Case"))
        .isEmpty();
    assertThatThrownBy(
            () ->
                holds.placeOnSubject(
                    new SubjectIdentifier("customer", "e-mail", "ada@example.com"), "Case"))
        .isInstanceOf(InvalidSubjectIdentifierException.class);
    assertThat(store.all()).isEmpty();
    assertThat(placedEvents()).isEmpty();
  }

  @Test
  @DisplayName("Art. 17(3)(e): a hold on an entity type by name, and lifting it once, each audited")
  void art17_3_e_holdOnEntityAndLift() {
    LegalHold hold = holds.placeOnEntity("Order", "Tax audit 2026");
    assertThat(hold.entity()).contains(Shop.orderType());
    assertThat(holds.pseudonymOf(hold)).isEmpty();
    assertThatThrownBy(() -> holds.placeOnEntity("Invoice", "Tax audit"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Order");

    assertThat(holds.lift(hold.id())).isTrue();
    assertThat(holds.lift(hold.id())).isFalse();
    assertThat(holds.lift(UUID.randomUUID())).isFalse();
    assertThat(holds.all()).isEmpty();
    assertThat(audit.events().filter(event -> event.type() == AuditEventType.LEGAL_HOLD_LIFTED))
        .hasSize(1);
  }

  private List<AuditEvent> placedEvents() {
    return audit
        .events()
        .filter(event -> event.type() == AuditEventType.LEGAL_HOLD_PLACED)
        .toList();
  }
}
