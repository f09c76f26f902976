package dev.lethe.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.spi.IdentityVerifier;
import dev.lethe.spi.Notification;
import dev.lethe.spi.RecipientNotifier;
import dev.lethe.testing.MutableClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecipientNotificationsTest {

  private static final SubjectIdentifier ADA = new SubjectIdentifier("subscriber", "email", "ada@example.com");

  private final RightsFixture fixture = new RightsFixture(MutableClock.at("2025-01-31T09:00:00Z"));
  private final DataSubjectRights rights = fixture.rights().identityVerifier(IdentityVerifier.never()).build();
  private final ScriptedNotifier notifier = new ScriptedNotifier();
  private final RecipientNotifications notifications =
      RecipientNotifications.builder(notifier, fixture.audit).clock(fixture.clock).maxAttempts(3).build();

  @Test
  @DisplayName("Art. 19: every recipient is told of an erasure, and each notice is audited")
  void everyRecipientIsToldOfAnErasure() {
    RightsRequest erasure = fulfilled(RequestType.ERASURE);

    List<PendingNotification> failed = notifications.notifyRecipients(erasure, List.of("crm", "e-mail host", "crm"));

    assertThat(failed).isEmpty();
    assertThat(notifier.delivered).containsExactly("crm", "e-mail host");
    assertThat(notificationEvents()).allSatisfy(event -> {
      assertThat(event.type()).isEqualTo(AuditEventType.RECIPIENT_NOTIFIED);
      assertThat(event.requestId()).contains(erasure.id());
      assertThat(event.counts()).containsEntry("attempts", 1L);
    }).extracting(event -> event.attributes().get("recipient")).containsExactly("crm", "e-mail host");
  }

  @Test
  @DisplayName("Art. 19: a failed notice is retried, and succeeds without being reported as failed")
  void aFailedNoticeIsRetried() {
    notifier.failures.put("crm", 2);

    assertThat(notifications.notifyRecipients(fulfilled(RequestType.RECTIFICATION), List.of("crm"))).isEmpty();

    assertThat(notificationEvents()).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo(AuditEventType.RECIPIENT_NOTIFIED);
      assertThat(event.counts()).containsEntry("attempts", 3L);
    });
  }

  @Test
  @DisplayName("Art. 19: a notice that fails every attempt is audited and stays pending, never lost")
  void aNoticeThatKeepsFailingStaysPending() {
    notifier.failures.put("analytics", 5);
    RightsRequest restriction = fulfilled(RequestType.RESTRICTION);

    List<PendingNotification> failed = notifications.notifyRecipients(restriction, List.of("analytics", "crm"));

    assertThat(failed).singleElement().satisfies(pending -> {
      assertThat(pending.recipient()).isEqualTo("analytics");
      assertThat(pending.notification()).isEqualTo(new Notification(restriction.id(), RequestType.RESTRICTION, ADA));
      assertThat(pending.attempts()).isEqualTo(3);
      assertThat(pending.lastAttemptAt()).isEqualTo(fixture.clock.instant());
    });
    assertThat(notifications.pending()).isEqualTo(failed);
    assertThat(notificationEvents()).extracting(AuditEvent::type)
        .containsExactly(AuditEventType.NOTIFICATION_FAILED, AuditEventType.RECIPIENT_NOTIFIED);
    assertThat(notificationEvents().get(0).attributes())
        .containsEntry("recipient", "analytics")
        .containsEntry("failure", IllegalStateException.class.getName());
    assertThat(fixture.events()).allSatisfy(event -> assertThat(event.toString()).doesNotContain("ada@example.com"));
  }

  @Test
  @DisplayName("Art. 19: pending notices are delivered by a later retry")
  void pendingNoticesAreDeliveredByALaterRetry() {
    notifier.failures.put("analytics", 4);
    notifications.notifyRecipients(fulfilled(RequestType.ERASURE), List.of("analytics"));

    assertThat(notifications.retryPending()).isEmpty();

    assertThat(notifications.pending()).isEmpty();
    assertThat(notifier.delivered).containsExactly("analytics");
    assertThat(notificationEvents()).extracting(AuditEvent::type)
        .containsExactly(AuditEventType.NOTIFICATION_FAILED, AuditEventType.RECIPIENT_NOTIFIED);
    assertThat(notificationEvents().get(1).counts()).containsEntry("attempts", 5L);
    assertThat(fixture.audit.verify().isIntact()).isTrue();
  }

  @Test
  void aRetryThatFailsAgainCountsEveryAttempt() {
    notifier.failures.put("analytics", 100);
    notifications.notifyRecipients(fulfilled(RequestType.ERASURE), List.of("analytics"));
    fixture.clock.advanceDays(1);

    assertThat(notifications.retryPending()).singleElement().satisfies(pending -> {
      assertThat(pending.attempts()).isEqualTo(6);
      assertThat(pending.lastAttemptAt()).isEqualTo(fixture.clock.instant());
    });
  }

  @Test
  @DisplayName("Art. 19: only rectification, erasure and restriction are passed on, once fulfilled")
  void onlyFulfilledRectificationErasureAndRestrictionArePassedOn() {
    RightsRequest access = fulfilled(RequestType.ACCESS);
    RightsRequest openErasure = rights.submit(RequestType.ERASURE, ADA, Channel.WEB);
    RightsFixture.State before = fixture.state();

    assertThatThrownBy(() -> notifications.notifyRecipients(access, List.of("crm")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not ACCESS");
    assertThatThrownBy(() -> notifications.notifyRecipients(openErasure, List.of("crm")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(openErasure.id() + " is SUBMITTED");
    assertThat(fixture.state()).isEqualTo(before);
    assertThat(notifier.delivered).isEmpty();
  }

  @Test
  @DisplayName("Art. 18(3), 19: a lifted restriction is a notice of its own, audited as such and kept pending beside the placement")
  void aLiftedRestrictionIsANoticeOfItsOwn() {
    notifier.failures.put("analytics", 100);
    RightsRequest restriction = fulfilled(RequestType.RESTRICTION);

    notifications.notifyRecipients(restriction, List.of("analytics"));
    notifications.notifyRecipients(new Notification(restriction.id(), RequestType.RESTRICTION, ADA, true),
        List.of("analytics"));

    assertThat(notifications.pending()).extracting(pending -> pending.notification().restrictionLifted())
        .containsExactly(false, true);
    assertThat(notificationEvents()).extracting(event -> event.attributes().get("restrictionLifted"))
        .containsExactly(null, "true");
    assertThatThrownBy(() -> new Notification(restriction.id(), RequestType.ERASURE, ADA, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Only a restriction is lifted");
  }

  @Test
  void atLeastOneAttemptIsMade() {
    assertThatThrownBy(() -> RecipientNotifications.builder(notifier, fixture.audit).maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
  }

  private RightsRequest fulfilled(RequestType type) {
    return rights.fulfil(rights.submit(type, ADA, Channel.WEB).id());
  }

  private List<AuditEvent> notificationEvents() {
    return fixture.events().stream()
        .filter(event -> event.type() == AuditEventType.RECIPIENT_NOTIFIED
            || event.type() == AuditEventType.NOTIFICATION_FAILED)
        .toList();
  }

  /** Fails for each recipient as often as scripted, with a message that quotes the subject, then delivers. */
  private static final class ScriptedNotifier implements RecipientNotifier {
    final Map<String, Integer> failures = new HashMap<>();
    final List<String> delivered = new ArrayList<>();

    @Override
    public void notifyRecipient(String recipient, Notification notification) {
      if (failures.merge(recipient, -1, Integer::sum) >= 0) {
        throw new IllegalStateException("unreachable while sending " + notification.subject().value());
      }
      delivered.add(recipient);
    }
  }
}
