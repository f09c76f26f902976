package dev.lethe.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.request.Channel;
import dev.lethe.request.RejectionReason;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.testing.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DataSubjectRightsTest {

  private static final SubjectIdentifier ADA =
      new SubjectIdentifier("customer", "email", "ada@example.com");

  private final RightsFixture fixture = new RightsFixture(MutableClock.at("2025-01-31T09:00:00Z"));
  private final DataSubjectRights rights = fixture.rights().build();

  @Test
  @DisplayName(
      "Art. 12(3): a request is received at the clock's time and due one calendar month later")
  void submitSetsReceiptAndDueDate() {
    RightsRequest request = rights.submit(RequestType.ACCESS, ADA, Channel.WEB);

    assertThat(request.receivedAt()).isEqualTo("2025-01-31T09:00:00Z");
    assertThat(request.dueDate()).isEqualTo("2025-02-28");
    assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
    assertThat(rights.find(request.id())).contains(request);
  }

  @Test
  @DisplayName("Art. 12(3): the day of receipt is told in the controller's time zone")
  void theDayOfReceiptIsToldInTheControllersZone() {
    fixture.clock.set(Instant.parse("2025-01-31T23:30:00Z"));
    DataSubjectRights amsterdam = fixture.rights().zone(ZoneId.of("Europe/Amsterdam")).build();

    RightsRequest request = amsterdam.submit(RequestType.ERASURE, ADA, Channel.EMAIL);

    assertThat(request.dueDate()).isEqualTo("2025-03-01");
  }

  @Test
  @DisplayName("Art. 5(2): every step of a request is audited once, in order, on an intact chain")
  void everyStepIsAuditedOnce() {
    RightsRequest request = rights.submit(RequestType.ERASURE, ADA, Channel.WEB);
    rights.verify(request.id(), "email-link");
    rights.fulfil(request.id());
    RightsRequest completed = rights.complete(request.id());

    assertThat(completed.status()).isEqualTo(RequestStatus.COMPLETED);
    assertThat(fixture.events())
        .extracting(AuditEvent::type)
        .containsExactly(
            AuditEventType.REQUEST_SUBMITTED,
            AuditEventType.IDENTITY_VERIFIED,
            AuditEventType.REQUEST_FULFILLED,
            AuditEventType.REQUEST_COMPLETED);
    assertThat(fixture.events())
        .allSatisfy(
            event -> {
              assertThat(event.requestId()).contains(request.id());
              assertThat(event.requestType()).contains(RequestType.ERASURE);
              assertThat(event.subject()).contains(fixture.audit.pseudonymOf(ADA));
            });
    assertThat(fixture.audit.verify().isIntact()).isTrue();
  }

  @Test
  @DisplayName("Art. 4(5): the audit names the subject by pseudonym and holds no free text")
  void theAuditHoldsNoPersonalData() {
    RightsRequest request = rights.submit(RequestType.ERASURE, ADA, Channel.WEB);
    rights.extend(request.id(), Period.ofMonths(1), "Ada asked for 40 years of records");
    rights.cancel(request.id(), "Ada withdrew her request by phone");

    assertThat(fixture.events())
        .allSatisfy(
            event ->
                assertThat(event.toString())
                    .doesNotContain("ada@example.com")
                    .doesNotContain("Ada"));
  }

  @Test
  @DisplayName(
      "Art. 12(6): a request awaiting its identity check cannot be fulfilled, and nothing changes")
  void unverifiedFulfilmentIsRefused() {
    RightsRequest request = rights.submit(RequestType.ACCESS, ADA, Channel.WEB);

    assertRefusedWithoutChange(
        () -> rights.fulfil(request.id()),
        IllegalRequestTransitionException.class,
        request.id() + " is SUBMITTED and cannot fulfil",
        "identity must be verified first");

    assertThat(rights.verify(request.id(), "id-document").verification())
        .hasValueSatisfying(
            verification -> {
              assertThat(verification.method()).isEqualTo("id-document");
              assertThat(verification.verifiedAt()).isEqualTo(fixture.clock.instant());
            });
    assertThat(rights.fulfil(request.id()).status()).isEqualTo(RequestStatus.FULFILLED);
  }

  @Test
  @DisplayName("Art. 12(6): a request that needs no identity check can be fulfilled at once")
  void aRequestWithoutIdentityCheckCanBeFulfilledAtOnce() {
    DataSubjectRights trusting =
        fixture.rights().identityVerifier(IdentityVerifier.never()).build();
    RightsRequest request = trusting.submit(RequestType.ACCESS, ADA, Channel.API);

    assertThat(request.verificationRequired()).isFalse();
    assertThat(trusting.fulfil(request.id()).status()).isEqualTo(RequestStatus.FULFILLED);
  }

  @Test
  @DisplayName("Art. 12(3): deadline extends by two months with a reason")
  void extendsByTwoMonthsWithAReason() {
    RightsRequest request = rights.submit(RequestType.ACCESS, ADA, Channel.WEB);
    fixture.clock.advanceDays(10);

    RightsRequest extended =
        rights.extend(request.id(), Period.ofMonths(2), "Hundreds of requests after a breach");

    assertThat(extended.dueDate()).isEqualTo("2025-04-28");
    assertThat(extended.extension())
        .hasValueSatisfying(
            extension -> {
              assertThat(extension.reason()).isEqualTo("Hundreds of requests after a breach");
              assertThat(extension.extendedAt()).isEqualTo(fixture.clock.instant());
            });
    assertThat(fixture.events().get(1).type()).isEqualTo(AuditEventType.REQUEST_EXTENDED);
    assertThat(fixture.events().get(1).attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("originalDueDate", "2025-02-28", "dueDate", "2025-04-28"));
  }

  @Test
  @DisplayName("Art. 12(3): a second extension is refused, and nothing changes")
  void aSecondExtensionIsRefused() {
    RightsRequest request = rights.submit(RequestType.ACCESS, ADA, Channel.WEB);
    rights.extend(request.id(), Period.ofDays(10), "complex");

    assertRefusedWithoutChange(
        () -> rights.extend(request.id(), Period.ofDays(10), "still complex"),
        IllegalRequestTransitionException.class,
        request.id().toString(),
        "already extended once");
  }

  @Test
  @DisplayName("Art. 12(3): an extension beyond two months is refused, and nothing changes")
  void anExtensionBeyondTwoMonthsIsRefused() {
    RightsRequest request = rights.submit(RequestType.ACCESS, ADA, Channel.WEB);

    assertRefusedWithoutChange(
        () -> rights.extend(request.id(), Period.ofMonths(2).plusDays(1), "complex"),
        IllegalArgumentException.class,
        request.id().toString(),
        "at most P2M",
        "until 2025-04-28");
  }

  @Test
  @DisplayName(
      "Art. 12(3): an extension after the original due date is refused, and nothing changes")
  void aLateExtensionIsRefused() {
    RightsRequest request = rights.submit(RequestType.ACCESS, ADA, Channel.WEB);
    fixture.clock.advanceDays(29);

    assertRefusedWithoutChange(
        () -> rights.extend(request.id(), Period.ofMonths(1), "complex"),
        IllegalRequestTransitionException.class,
        request.id().toString(),
        "original due date 2025-02-28 has passed");
  }

  @Test
  @DisplayName("Art. 12(4), 12(5): a refusal states its reason and the subject's remedies")
  void aRejectionStatesReasonsAndRemedies() {
    RightsRequest request = rights.submit(RequestType.ACCESS, ADA, Channel.WEB);

    RightsRequest rejected =
        rights.reject(request.id(), RejectionReason.EXCESSIVE, "Fifth identical request this week");

    assertThat(rejected.status()).isEqualTo(RequestStatus.REJECTED);
    assertThat(rejected.isOpen()).isFalse();
    assertThat(rejected.rejection())
        .hasValueSatisfying(
            rejection -> {
              assertThat(rejection.reason()).isEqualTo(RejectionReason.EXCESSIVE);
              assertThat(rejection.explanation()).isEqualTo("Fifth identical request this week");
              assertThat(rejection.remedies())
                  .contains("supervisory authority")
                  .contains("judicial remedy");
            });
    assertThat(fixture.events().get(1).attributes()).containsEntry("reason", "EXCESSIVE");
  }

  @Test
  void aCancelledRequestKeepsItsReasonAndIsClosed() {
    RightsRequest request = rights.submit(RequestType.OBJECTION, ADA, Channel.PHONE);

    RightsRequest cancelled = rights.cancel(request.id(), "withdrawn by the subject");

    assertThat(cancelled.cancellation())
        .hasValueSatisfying(c -> assertThat(c.reason()).isEqualTo("withdrawn by the subject"));
    assertThat(rights.open()).isEmpty();
  }

  @Test
  void anIllegalMoveNamesTheRequestItsStatusAndTheMoveAndChangesNothing() {
    RightsRequest request = rights.submit(RequestType.ACCESS, ADA, Channel.WEB);
    rights.cancel(request.id(), "withdrawn");

    assertRefusedWithoutChange(
        () -> rights.verify(request.id(), "email-link"),
        IllegalRequestTransitionException.class,
        "Rights request " + request.id() + " is CANCELLED and cannot verify");
    assertThatThrownBy(() -> rights.complete(request.id()))
        .isInstanceOfSatisfying(
            IllegalRequestTransitionException.class,
            e -> {
              assertThat(e.requestId()).isEqualTo(request.id());
              assertThat(e.status()).isEqualTo(RequestStatus.CANCELLED);
              assertThat(e.attempted()).isEqualTo("complete");
            });
  }

  @Test
  void anUnknownRequestIsNamedAndNothingChanges() {
    rights.submit(RequestType.ACCESS, ADA, Channel.WEB);
    RequestId unknown = RequestId.random();

    assertRefusedWithoutChange(
        () -> rights.fulfil(unknown), UnknownRequestException.class, unknown.toString());
    assertThat(rights.find(unknown)).isEmpty();
  }

  @Test
  void aMissingIdentityIsNamedAndNothingChanges() {
    rights.submit(RequestType.ACCESS, ADA, Channel.WEB);

    assertRefusedWithoutChange(
        () -> rights.submit(RequestType.ACCESS, null, Channel.WEB),
        NullPointerException.class,
        "subject");
    assertRefusedWithoutChange(
        () -> rights.verify(null, "email-link"), NullPointerException.class, "id");
    assertRefusedWithoutChange(
        () -> rights.cancel(RequestId.random(), " "),
        IllegalArgumentException.class,
        "reason must not be blank");
  }

  @Test
  @DisplayName("Art. 12(3): overdue and due-soon requests are found as of the clock")
  void overdueAndDueSoonFollowTheClock() {
    DataSubjectRights rights =
        fixture
            .rights()
            .deadlinePolicy(
                DeadlinePolicy.article12().withPeriod(RequestType.RESTRICTION, Period.ofDays(28)))
            .build();
    RightsRequest access = rights.submit(RequestType.ACCESS, ADA, Channel.WEB); // due 2025-02-28
    RightsRequest restriction =
        rights.submit(RequestType.RESTRICTION, ADA, Channel.WEB); // due 2025-02-28
    fixture.clock.advanceDays(1);
    RightsRequest erasure = rights.submit(RequestType.ERASURE, ADA, Channel.WEB); // due 2025-03-01
    rights.cancel(restriction.id(), "withdrawn");

    fixture.clock.set(Instant.parse("2025-02-21T09:00:00Z"));
    assertThat(rights.dueWithin(6)).isEmpty();
    assertThat(rights.dueWithin(7)).containsExactly(access);
    assertThat(rights.dueWithin(8)).containsExactly(access, erasure);
    assertThat(rights.overdue()).isEmpty();

    fixture.clock.set(Instant.parse("2025-03-01T09:00:00Z"));
    assertThat(rights.overdue()).containsExactly(access);
    assertThat(rights.dueWithin(0)).containsExactly(erasure);
    assertThat(rights.open()).containsExactly(access, erasure);
    assertThat(access.isOverdue(LocalDate.parse("2025-03-01"))).isTrue();
  }

  @Test
  void dueWithinRefusesNegativeDays() {
    assertThatThrownBy(() -> rights.dueWithin(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  private void assertRefusedWithoutChange(
      ThrowingCallable call, Class<? extends Throwable> expected, String... message) {
    RightsFixture.State before = fixture.state();

    assertThatThrownBy(call).isInstanceOf(expected).hasMessageContainingAll(message);

    assertThat(fixture.state()).isEqualTo(before);
  }
}
