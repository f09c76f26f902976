package dev.lethe.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.spi.Notification;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxEntry;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.OutboxStatus;
import dev.lethe.spi.RecipientAcknowledgement.Status;
import dev.lethe.spi.RecipientNotifier;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecipientNotificationsTest {

  private static final SubjectIdentifier ADA =
      new SubjectIdentifier("subscriber", "email", "ada@example.com");

  private final RightsFixture fixture = new RightsFixture(MutableClock.at("2025-01-31T09:00:00Z"));
  private final DataSubjectRights rights =
      fixture.rights().identityVerifier(IdentityVerifier.never()).build();
  private final ScriptedNotifier notifier = new ScriptedNotifier();
  private final RecipientNotifications notifications =
      RecipientNotifications.builder(notifier, fixture.audit).clock(fixture.clock).build();
  private final OutboxDispatcher dispatcher =
      OutboxDispatcher.builder(notifications.outbox(), notifications.transport())
          .clock(fixture.clock)
          .backOff(Duration.ofMinutes(1), Duration.ofHours(1))
          .maxAge(Duration.ofDays(1))
          .build();

  @Test
  @DisplayName(
      "Art. 19: every recipient is told of an erasure through the outbox, and each notice is audited")
  void everyRecipientIsToldOfAnErasure() {
    RightsRequest erasure = fulfilled(RequestType.ERASURE);

    List<PendingNotification> written =
        notifications.notifyRecipients(erasure, List.of("crm", "e-mail host", "crm"));

    assertThat(written)
        .extracting(PendingNotification::recipient)
        .containsExactly("crm", "e-mail host");
    assertThat(notifier.delivered).as("nothing leaves before the dispatcher runs").isEmpty();
    assertThat(notifications.pending()).isEqualTo(written);
    assertThat(dispatcher.dispatch().delivered()).isEqualTo(2);
    assertThat(notifier.delivered).containsExactlyInAnyOrder("crm", "e-mail host");
    assertThat(notifications.pending()).isEmpty();
    assertThat(notificationEvents())
        .allSatisfy(
            event -> {
              assertThat(event.type()).isEqualTo(AuditEventType.RECIPIENT_NOTIFIED);
              assertThat(event.requestId()).contains(erasure.id());
              assertThat(event.counts()).containsEntry("attempts", 1L);
              assertThat(event.attributes().get("idempotencyKey"))
                  .startsWith("art19:" + erasure.id() + ":erasure:");
            })
        .extracting(event -> event.attributes().get("recipient"))
        .containsExactlyInAnyOrder("crm", "e-mail host");
  }

  @Test
  @DisplayName("Art. 19: a notice keeps the subject's identity only until it is delivered")
  void theIdentityIsClearedOnceDelivered() {
    List<PendingNotification> written =
        notifications.notifyRecipients(fulfilled(RequestType.ERASURE), List.of("crm"));
    OutboxEntry waiting = notifications.outbox().find(written.get(0).id()).orElseThrow();
    assertThat(waiting.payload())
        .hasValueSatisfying(payload -> assertThat(payload).contains("ada@example.com"));

    dispatcher.dispatch();

    OutboxEntry delivered = notifications.outbox().find(written.get(0).id()).orElseThrow();
    assertThat(delivered.status()).isEqualTo(OutboxStatus.DELIVERED);
    assertThat(delivered.payload()).isEmpty();
    assertThat(delivered.toString()).doesNotContain("ada@example.com");
    assertThat(waiting.toString()).doesNotContain("ada@example.com");
  }

  @Test
  @DisplayName(
      "Art. 19: notifying twice of one change writes one notice per recipient, under one idempotency key")
  void notifyingTwiceWritesOneNotice() {
    RightsRequest erasure = fulfilled(RequestType.ERASURE);

    PendingNotification first = notifications.notifyRecipients(erasure, List.of("crm")).get(0);
    PendingNotification second = notifications.notifyRecipients(erasure, List.of("crm")).get(0);
    dispatcher.dispatch();

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.idempotencyKey())
        .isEqualTo(first.idempotencyKey())
        .isEqualTo(
            RecipientNotifications.idempotencyKey(
                new Notification(erasure.id(), RequestType.ERASURE, ADA), "crm"));
    assertThat(notifier.delivered).containsExactly("crm");
    assertThat(notifications.notifyRecipients(erasure, List.of("crm")))
        .as("already delivered")
        .isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 19: a failed attempt is audited with the failure's type only, and the notice waits for its back-off")
  void aFailedAttemptIsAuditedAndRetried() {
    notifier.failures.put("analytics", 2);
    RightsRequest restriction = fulfilled(RequestType.RESTRICTION);
    notifications.notifyRecipients(restriction, List.of("analytics", "crm"));

    dispatcher.dispatch();

    assertThat(notifications.pending())
        .singleElement()
        .satisfies(
            pending -> {
              assertThat(pending.recipient()).isEqualTo("analytics");
              assertThat(pending.notification())
                  .isEqualTo(new Notification(restriction.id(), RequestType.RESTRICTION, ADA));
              assertThat(pending.attempts()).isEqualTo(1);
              assertThat(pending.nextAttemptAt())
                  .isEqualTo(fixture.clock.instant().plus(Duration.ofMinutes(1)));
              assertThat(pending.lastFailure()).contains(IllegalStateException.class.getName());
            });
    assertThat(notificationEvents())
        .extracting(AuditEvent::type)
        .containsExactlyInAnyOrder(
            AuditEventType.NOTIFICATION_FAILED, AuditEventType.RECIPIENT_NOTIFIED);
    assertThat(notificationEvents())
        .filteredOn(event -> event.type() == AuditEventType.NOTIFICATION_FAILED)
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.attributes())
                    .containsEntry("recipient", "analytics")
                    .containsEntry("failure", IllegalStateException.class.getName()));

    fixture.clock.advance(Duration.ofMinutes(1));
    dispatcher.dispatch();
    fixture.clock.advance(Duration.ofMinutes(2));
    dispatcher.dispatch();

    assertThat(notifications.pending()).isEmpty();
    assertThat(notifier.delivered).containsExactlyInAnyOrder("crm", "analytics");
    assertThat(notificationEvents())
        .last()
        .satisfies(
            event -> {
              assertThat(event.type()).isEqualTo(AuditEventType.RECIPIENT_NOTIFIED);
              assertThat(event.counts()).containsEntry("attempts", 3L);
            });
    assertThat(fixture.events())
        .allSatisfy(event -> assertThat(event.toString()).doesNotContain("ada@example.com"));
    assertThat(fixture.audit.verify().isIntact()).isTrue();
  }

  @Test
  @DisplayName(
      "Art. 17(2), 19: a participant's part dies with its notice, even at the first attempt, and is awaited again once an administrator's retry delivers it")
  void aParticipantsPartIsAwaitedAgainOnceItsDeadNoticeIsDelivered() {
    Outbox outbox = Outbox.inMemory();
    Acknowledgements acknowledgements =
        Acknowledgements.builder(List.of("billing"), fixture.audit, outbox)
            .clock(fixture.clock)
            .build();
    RecipientNotifications toParticipants =
        RecipientNotifications.builder(notifier, fixture.audit)
            .outbox(outbox)
            .acknowledgements(acknowledgements)
            .clock(fixture.clock)
            .build();
    OutboxDispatcher dispatching =
        OutboxDispatcher.builder(outbox, toParticipants.transport())
            .clock(fixture.clock)
            .maxAge(Duration.ofDays(1))
            .build();
    notifier.failures.put("billing", 1);
    RightsRequest erasure = fulfilled(RequestType.ERASURE);
    toParticipants.notifyRecipients(erasure, List.of("billing"));
    fixture.clock.advanceDays(2);

    assertThat(dispatching.dispatch().dead()).isEqualTo(1);
    assertThat(acknowledgements.forRequest(erasure.id()))
        .singleElement()
        .satisfies(part -> assertThat(part.status()).isEqualTo(Status.DEAD));

    outbox.retryDead(toParticipants.dead().get(0).id(), fixture.clock.instant());
    assertThat(dispatching.dispatch().delivered()).isEqualTo(1);

    assertThat(acknowledgements.forRequest(erasure.id()))
        .singleElement()
        .satisfies(part -> assertThat(part.status()).isEqualTo(Status.PENDING));
    assertThat(acknowledgements.outstanding(erasure.id())).containsExactly("billing");
  }

  @Test
  @DisplayName(
      "Art. 19: a notice failing until its maximum age is dead, audited as such, and delivered by an administrator's retry")
  void aDeadNoticeIsAuditedAndRetried() {
    notifier.failures.put("analytics", 1_000);
    notifications.notifyRecipients(fulfilled(RequestType.ERASURE), List.of("analytics"));
    fixture.clock.advanceDays(2);

    assertThat(dispatcher.dispatch().dead()).isEqualTo(1);

    assertThat(notifications.pending()).isEmpty();
    PendingNotification dead = notifications.dead().get(0);
    assertThat(dead.status()).isEqualTo(OutboxStatus.DEAD);
    assertThat(notificationEvents())
        .extracting(AuditEvent::type)
        .containsExactly(AuditEventType.NOTIFICATION_DEAD);

    notifier.failures.clear();
    notifications.outbox().retryDead(dead.id(), fixture.clock.instant());
    dispatcher.dispatch();

    assertThat(notifications.dead()).isEmpty();
    assertThat(notifier.delivered).containsExactly("analytics");
  }

  @Test
  @DisplayName(
      "Art. 19: a notifier without a receiver never counts a notice delivered: it stays pending")
  void aNotifierWithoutReceiverLeavesNoticesPending() {
    notifier.receiverPresent = false;
    notifications.notifyRecipients(fulfilled(RequestType.ERASURE), List.of("crm"));

    assertThat(dispatcher.dispatch().transportReady()).isFalse();

    assertThat(notifications.pending())
        .singleElement()
        .satisfies(pending -> assertThat(pending.attempts()).isZero());
    assertThat(notificationEvents()).isEmpty();
  }

  @Test
  @DisplayName("Art. 19: only rectification, erasure and restriction are passed on, once fulfilled")
  void onlyFulfilledRectificationErasureAndRestrictionArePassedOn() {
    RightsRequest access = fulfilled(RequestType.ACCESS);
    RightsRequest openErasure = rights.submit(RequestType.ERASURE, ADA, Channel.WEB);
    RightsFixture.State before = fixture.state();

    assertThatThrownBy(() -> notifications.notifyRecipients(access, List.of("crm")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not ACCESS");
    assertThatThrownBy(() -> notifications.notifyRecipients(openErasure, List.of("crm")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(openErasure.id() + " is SUBMITTED");
    assertThatThrownBy(
            () ->
                notifications.notifyRecipients(
                    new Notification(openErasure.id(), RequestType.ERASURE, ADA),
                    List.of("crm", " ")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(fixture.state()).isEqualTo(before);
    assertThat(notifications.pending()).isEmpty();
  }

  @Test
  @DisplayName("Art. 18(3), 19: a lifted restriction is a notice of its own, audited as such")
  void aLiftedRestrictionIsANoticeOfItsOwn() {
    RightsRequest restriction = fulfilled(RequestType.RESTRICTION);

    notifications.notifyRecipients(restriction, List.of("analytics"));
    notifications.notifyRecipients(
        Notification.restrictionLifted(restriction.id(), ADA), List.of("analytics"));

    assertThat(notifications.pending())
        .extracting(pending -> pending.notification().restrictionLifted())
        .containsExactly(false, true);
    assertThat(
            Set.copyOf(
                notifications.pending().stream().map(PendingNotification::idempotencyKey).toList()))
        .hasSize(2);
    dispatcher.dispatch();
    assertThat(notificationEvents())
        .extracting(event -> event.attributes().get("restrictionLifted"))
        .containsExactlyInAnyOrder(null, "true");
  }

  @Test
  void theTransportRefusesOtherMessageTypes() {
    assertThatThrownBy(
            () ->
                notifications
                    .transport()
                    .deliver(new OutboxMessage("k", "crm", "other.type", "{}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other.type");
  }

  private RightsRequest fulfilled(RequestType type) {
    return rights.fulfil(rights.submit(type, ADA, Channel.WEB).id());
  }

  private List<AuditEvent> notificationEvents() {
    return fixture.events().stream()
        .filter(
            event ->
                event.type() == AuditEventType.RECIPIENT_NOTIFIED
                    || event.type() == AuditEventType.NOTIFICATION_FAILED
                    || event.type() == AuditEventType.NOTIFICATION_DEAD)
        .toList();
  }

  /** Fails for each recipient as often as scripted, with a message that quotes the subject, then delivers. */
  private static final class ScriptedNotifier implements RecipientNotifier {
    final Map<String, Integer> failures = new HashMap<>();
    final List<String> delivered = new ArrayList<>();
    boolean receiverPresent = true;

    @Override
    public void notifyRecipient(String recipient, Notification notification) {
      if (failures.merge(recipient, -1, Integer::sum) >= 0) {
        throw new IllegalStateException(
            "unreachable while sending " + notification.subject().value());
      }
      delivered.add(recipient);
    }

    @Override
    public boolean canDeliver() {
      return receiverPresent;
    }
  }
}
