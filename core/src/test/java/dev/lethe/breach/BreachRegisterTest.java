package dev.lethe.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.readme.Shop;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxStatus;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BreachRegisterTest {

  private static final Instant AWARE = Instant.parse("2025-03-03T09:00:00Z");

  private final MutableClock clock =
      MutableClock.at(AWARE.plus(Duration.ofHours(2)), ZoneOffset.UTC);
  private final PersonalDataModel model = Shop.model();
  private final Object ada = Shop.customer(1L, "ada@example.com");
  private final Object bob = Shop.customer(2L, "bob@example.com");
  private final Object cy = Shop.customer(3L, "cy@example.com");
  private final PersonalDataStore data =
      PersonalDataStore.inMemory(model, Pseudonymizer.withRandomKey())
          .add(
              ada,
              bob,
              cy,
              Shop.order(ada, "1 Rose Lane", Instant.parse("2025-03-01T10:00:00Z")),
              Shop.order(bob, "2 Oak Road", Instant.parse("2025-03-02T10:00:00Z")),
              Shop.order(cy, "3 Elm Way", Instant.parse("2025-02-01T10:00:00Z")));
  private final AuditTrail audit = AuditTrail.inMemory(clock);
  private final BreachStore store = BreachStore.inMemory();
  private final Outbox outbox = Outbox.inMemory();
  private final List<BreachNotice> told = new ArrayList<>();
  private final BreachRegister register = register();

  private BreachRegister register() {
    return BreachRegister.builder(store, audit)
        .clock(clock)
        .personalData(model, data)
        .outbox(outbox)
        .notifier(told::add)
        .build();
  }

  private static BreachReport report(Breach.Risk risk) {
    return new BreachReport(
        AWARE,
        "Payment page script injected by a third party",
        List.of("contact.postal-address"),
        List.of("customer"),
        2,
        2,
        "Delivery addresses may be used for fraud",
        "Script removed; keys rotated",
        "dpo@shop.example",
        risk);
  }

  @Test
  @DisplayName(
      "Art. 33(1): the 72 hours run from awareness, and every replica reads the same deadline from the store")
  void art33_deadlineRunsFromAwareness() {
    Breach breach = register.record(report(Breach.Risk.RISK));
    assertThat(breach.authorityDeadline()).isEqualTo(AWARE.plus(Duration.ofHours(72)));
    assertThat(register.overdue()).isEmpty();

    clock.set(AWARE.plus(Duration.ofHours(72)).plusSeconds(1));
    BreachRegister otherReplica = register();
    assertThat(otherReplica.overdue()).extracting(Breach::id).containsExactly(breach.id());
    assertThat(register.overdue()).extracting(Breach::id).containsExactly(breach.id());
  }

  @Test
  @DisplayName(
      "Art. 33(1): notifying the authority after 72 hours without the reasons for the delay is refused, with them recorded")
  void art33_lateNotificationNeedsReasons() {
    Breach breach = register.record(report(Breach.Risk.RISK));
    clock.set(AWARE.plus(Duration.ofHours(80)));
    long events = audit.events().count();

    assertThatThrownBy(() -> register.notifyAuthority(breach.id(), Optional.of("  ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delayReasons")
        .hasMessageContaining("80 hours");
    assertThat(register.find(breach.id()).orElseThrow().authorityNotifiedAt()).isEmpty();
    assertThat(audit.events().count()).isEqualTo(events);

    Breach notified =
        register.notifyAuthority(breach.id(), Optional.of("The forensic analysis took four days"));
    assertThat(notified.wasNotifiedLate()).isTrue();
    assertThat(notified.delayReasons()).contains("The forensic analysis took four days");
    assertThat(register.overdue()).isEmpty();
    AuditEvent event = last(AuditEventType.BREACH_AUTHORITY_NOTIFIED);
    assertThat(event.attributes())
        .containsEntry("late", "true")
        .containsEntry("breach", breach.id().toString());
    assertThat(event.counts()).containsEntry("hoursAfterAwareness", 80L);
  }

  @Test
  @DisplayName(
      "Art. 33(1): within 72 hours no reasons are needed; a second notification is refused")
  void art33_notificationInTime() {
    Breach breach = register.record(report(Breach.Risk.RISK));
    Breach notified = register.notifyAuthority(breach.id(), Optional.empty());
    assertThat(notified.wasNotifiedLate()).isFalse();
    assertThat(notified.version()).isEqualTo(1);
    assertThatThrownBy(() -> register.notifyAuthority(breach.id(), Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already notified");
  }

  @Test
  @DisplayName("Art. 33(1): a breach unlikely to result in a risk is documented but never overdue")
  void art33_unlikelyRiskIsNeverOverdue() {
    register.record(report(Breach.Risk.UNLIKELY));
    clock.set(AWARE.plus(Duration.ofDays(10)));
    assertThat(register.overdue()).isEmpty();
    assertThat(register.list()).hasSize(1);
  }

  @Test
  @DisplayName(
      "Art. 33(3), 34(1): the subjects of the rows in the time window are found from the model and each told once")
  void art34_subjectsOfRowsInWindowAreTold() {
    Breach breach = register.record(report(Breach.Risk.HIGH));
    AffectedSubjects window =
        AffectedSubjects.rowsBetween(
            "Order",
            "placedAt",
            Instant.parse("2025-03-01T00:00:00Z"),
            Instant.parse("2025-03-03T00:00:00Z"));

    Breach notified = register.notifySubjects(breach.id(), window);
    assertThat(notified.subjectsNotified()).isEqualTo(2);
    assertThat(notified.subjectsNotifiedAt()).contains(clock.instant());
    // Asked again later, with one subject listed as well: nobody is told twice.
    clock.advance(Duration.ofMinutes(5));
    Breach again =
        register.notifySubjects(
            breach.id(),
            window.and(
                AffectedSubjects.listed(
                    List.of(new SubjectIdentifier("customer", "email", "cy@example.com")))));
    assertThat(again.subjectsNotified()).isEqualTo(3);

    OutboxDispatcher.builder(outbox, register.transport()).clock(clock).build().dispatch();
    assertThat(told)
        .extracting(notice -> notice.subject().value())
        .containsExactlyInAnyOrder("1", "2", "3");
    assertThat(told)
        .allSatisfy(
            notice -> {
              assertThat(notice.breachId()).isEqualTo(breach.id());
              assertThat(notice.nature())
                  .isEqualTo("Payment page script injected by a third party");
              assertThat(notice.dpoContact()).isEqualTo("dpo@shop.example");
            });
    assertThat(outbox.list(OutboxStatus.DELIVERED, 10)).hasSize(3);

    // Long after, the delivered notices are gone from the outbox; the register still knows who was
    // told.
    clock.advance(Duration.ofDays(60));
    assertThat(outbox.deleteDelivered(clock.instant(), 10)).isEqualTo(3);
    assertThat(register.notifySubjects(breach.id(), window).subjectsNotified())
        .as("nobody told twice")
        .isEqualTo(3);
    assertThat(outbox.counts().pending()).isZero();
    assertThat(
            audit.events().filter(event -> event.type() == AuditEventType.BREACH_NOTICE_DELIVERED))
        .hasSize(3);
  }

  @Test
  @DisplayName(
      "Art. 34(1): subjects are told only of a breach assessed as a high risk; nothing is written otherwise")
  void art34_onlyHighRiskIsToldToSubjects() {
    Breach breach = register.record(report(Breach.Risk.RISK));
    assertThatThrownBy(
            () ->
                register.notifySubjects(
                    breach.id(),
                    AffectedSubjects.listed(
                        List.of(new SubjectIdentifier("customer", "email", "ada@example.com")))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Art. 34(1)");
    assertThat(outbox.counts().pending()).isZero();
    assertThatThrownBy(
            () ->
                register.notifySubjects(
                    breach.id(),
                    AffectedSubjects.rowsBetween(
                        "Nope", "placedAt", AWARE.minusSeconds(60), AWARE)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName(
      "Art. 34(1): without a notifier that can deliver, telling subjects is refused and nothing is written")
  void art34_noNotifierRefusesTellingSubjects() {
    BreachRegister withoutNotifier =
        BreachRegister.builder(store, audit)
            .clock(clock)
            .personalData(model, data)
            .outbox(outbox)
            .build();
    Breach breach = withoutNotifier.record(report(Breach.Risk.HIGH));

    assertThatThrownBy(
            () ->
                withoutNotifier.notifySubjects(
                    breach.id(),
                    AffectedSubjects.listed(
                        List.of(new SubjectIdentifier("customer", "email", "ada@example.com")))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("BreachNotifier")
        .hasMessageContaining("Art. 34(1)");
    assertThat(outbox.counts().pending()).isZero();
    assertThat(withoutNotifier.find(breach.id()).orElseThrow().subjectsNotified()).isZero();
  }

  @Test
  @DisplayName(
      "Art. 34(1): a breach assessed anew as a high risk can be told to its subjects; the change is audited")
  void art34_riskAssessedAnewAllowsTellingSubjects() {
    Breach breach = register.record(report(Breach.Risk.RISK));
    Breach assessed = register.assessRisk(breach.id(), Breach.Risk.HIGH);
    assertThat(assessed.report().risk()).isEqualTo(Breach.Risk.HIGH);
    assertThat(register.assessRisk(breach.id(), Breach.Risk.HIGH)).isEqualTo(assessed);
    assertThat(
            register
                .notifySubjects(
                    breach.id(),
                    AffectedSubjects.listed(
                        List.of(new SubjectIdentifier("customer", "email", "ada@example.com"))))
                .subjectsNotified())
        .isEqualTo(1);
    assertThat(audit.events().filter(event -> event.type() == AuditEventType.BREACH_RISK_ASSESSED))
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.attributes())
                    .containsEntry("riskBefore", "RISK")
                    .containsEntry("risk", "HIGH"));
  }

  @Test
  @DisplayName(
      "Art. 33(3)(a): a window over an entity the model lacks, or an attribute that is no date or time of"
          + " its entity, is refused, naming the entity and the attributes it could be")
  void art33_unknownEntityOrAttributeIsRefused() {
    Breach breach = register.record(report(Breach.Risk.HIGH));
    assertThatThrownBy(
            () ->
                register.notifySubjects(
                    breach.id(),
                    AffectedSubjects.rowsBetween(
                        "Nope", "placedAt", AWARE.minusSeconds(60), AWARE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entity")
        .hasMessageContaining("Order");
    assertThatThrownBy(
            () ->
                register.notifySubjects(
                    breach.id(),
                    AffectedSubjects.rowsBetween("Order", "nope", AWARE.minusSeconds(60), AWARE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Order")
        .hasMessageContaining("[placedAt]")
        .hasMessageNotContaining("nope");
    assertThatThrownBy(
            () ->
                register.notifySubjects(
                    breach.id(),
                    AffectedSubjects.rowsBetween(
                        "Order", "deliveryAddress", AWARE.minusSeconds(60), AWARE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[placedAt]");
    assertThat(outbox.counts().pending()).isZero();
  }

  @Test
  @DisplayName(
      "Art. 33(5), 5(2): every step is audited with ids, categories and counts, never a description or an identity")
  void art33_auditHoldsNoPersonalData() {
    Breach breach = register.record(report(Breach.Risk.HIGH));
    register.notifyAuthority(breach.id(), Optional.empty());
    register.notifySubjects(
        breach.id(),
        AffectedSubjects.listed(
            List.of(new SubjectIdentifier("customer", "email", "ada@example.com"))));
    OutboxDispatcher.builder(outbox, register.transport()).clock(clock).build().dispatch();

    assertThat(audit.events().map(AuditEvent::type))
        .containsSubsequence(
            AuditEventType.BREACH_RECORDED,
            AuditEventType.BREACH_AUTHORITY_NOTIFIED,
            AuditEventType.BREACH_SUBJECTS_NOTIFIED,
            AuditEventType.BREACH_NOTICE_DELIVERED);
    AuditEvent recorded = last(AuditEventType.BREACH_RECORDED);
    assertThat(recorded.attributes())
        .containsEntry("risk", "HIGH")
        .containsEntry("subjectTypes", "customer")
        .containsEntry("dataCategories", "contact.postal-address");
    assertThat(recorded.counts())
        .containsEntry("approximateSubjects", 2L)
        .containsEntry("approximateRecords", 2L);
    assertThat(audit.events().map(AuditEvent::toString))
        .noneMatch(
            text ->
                text.contains("ada@example.com")
                    || text.contains("Payment page")
                    || text.contains("Rose Lane")
                    || text.contains("dpo@shop.example"));
    assertThat(outbox.list(OutboxStatus.DELIVERED, 10))
        .allSatisfy(
            entry ->
                assertThat(entry.idempotencyKey())
                    .doesNotContain("ada@example.com")
                    .startsWith("art34:" + breach.id()));
  }

  @Test
  @DisplayName(
      "Art. 33(1): awareness in the future and subject types the model lacks are refused before anything is stored")
  void art33_badReportsAreRefused() {
    BreachReport future =
        new BreachReport(
            clock.instant().plusSeconds(60),
            "x",
            List.of(),
            List.of("customer"),
            0,
            0,
            "c",
            "m",
            "dpo",
            Breach.Risk.RISK);
    assertThatThrownBy(() -> register.record(future)).hasMessageContaining("awareAt");
    BreachReport unknownType =
        new BreachReport(
            AWARE, "x", List.of(), List.of("alien"), 0, 0, "c", "m", "dpo", Breach.Risk.RISK);
    assertThatThrownBy(() -> register.record(unknownType))
        .hasMessageContaining("subjectTypes")
        .hasMessageContaining("[customer]")
        .hasMessageNotContaining("alien");
    assertThat(register.list()).isEmpty();
  }

  private AuditEvent last(AuditEventType type) {
    return audit
        .events()
        .filter(event -> event.type() == type)
        .reduce((first, second) -> second)
        .orElseThrow();
  }
}
