package dev.lethe.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.testing.MutableClock;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestIdentityRetentionTest {

  // Mid-month, so that three months on and three months back land on the same day of the month.
  private final MutableClock clock = MutableClock.at("2026-01-15T09:00:00Z");
  private final RequestStore store = RequestStore.inMemory(clock);
  private final AuditTrail audit = AuditTrail.inMemory(clock);
  private final DataSubjectRights rights =
      DataSubjectRights.builder(audit).clock(clock).requestStore(store).build();
  private final RequestIdentityRetention retention =
      RequestIdentityRetention.of(
          store, audit, RequestIdentityRetention.DEFAULT_PERIOD, clock, ZoneOffset.UTC);

  @Test
  @DisplayName(
      "Art. 5(1)(e): a closed request keeps its identity three months after it closed, then loses it")
  void closedRequestsLoseTheirIdentityAfterThePeriod() {
    RightsRequest completed =
        completed(new SubjectIdentifier("customer", "email", "ada@example.com"));
    RightsRequest cancelled =
        rights.submit(
            RequestType.ACCESS, new SubjectIdentifier("customer", "id", "7"), Channel.WEB);
    rights.cancel(cancelled.id(), "withdrawn");
    RightsRequest open =
        rights.submit(
            RequestType.ERASURE, new SubjectIdentifier("customer", "id", "8"), Channel.WEB);

    clock.set(clock.instant().atZone(ZoneOffset.UTC).plusMonths(3).minusSeconds(1).toInstant());
    assertThat(retention.run()).isZero();
    assertThat(rights.find(completed.id()).orElseThrow().subject().value())
        .isEqualTo("ada@example.com");

    clock.advance(Duration.ofSeconds(2));
    assertThat(retention.run()).isEqualTo(2);

    assertThat(rights.find(completed.id()).orElseThrow().subject().value())
        .isEqualTo(RequestStore.CLEARED_IDENTITY);
    assertThat(rights.find(completed.id()).orElseThrow().status())
        .isEqualTo(RequestStatus.COMPLETED);
    assertThat(rights.find(cancelled.id()).orElseThrow().subject().value())
        .isEqualTo(RequestStore.CLEARED_IDENTITY);
    assertThat(rights.find(open.id()).orElseThrow().subject().value())
        .as("an open request keeps it")
        .isEqualTo("8");
    assertThat(retention.run()).as("a second run finds nothing left").isZero();
    try (Stream<AuditEvent> events = audit.events()) {
      assertThat(events.filter(event -> event.type() == AuditEventType.REQUEST_IDENTITIES_CLEARED))
          .as("Art. 5(2): one event for the run that cleared, counts only")
          .singleElement()
          .satisfies(
              event -> {
                assertThat(event.counts()).isEqualTo(Map.of("requests", 2L));
                assertThat(event.subject()).isEmpty();
                assertThat(event.attributes()).isEmpty();
              });
    }
  }

  @Test
  @DisplayName(
      "The period counts from closing, not from receipt: a request open for months keeps its identity after")
  void periodCountsFromClosing() {
    RightsRequest request =
        rights.submit(
            RequestType.ACCESS, new SubjectIdentifier("customer", "id", "9"), Channel.WEB);
    rights.verify(request.id(), "login");
    clock.advanceDays(80);
    rights.fulfil(request.id());
    rights.complete(request.id());
    clock.advanceDays(30);

    assertThat(retention.run()).isZero();
    assertThat(rights.find(request.id()).orElseThrow().subject().value()).isEqualTo("9");
  }

  @Test
  void aNegativePeriodIsRefused() {
    assertThatThrownBy(
            () ->
                RequestIdentityRetention.of(store, audit, Period.ofDays(-1), clock, ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private RightsRequest completed(SubjectIdentifier subject) {
    RightsRequest request = rights.submit(RequestType.ACCESS, subject, Channel.WEB);
    rights.verify(request.id(), "login");
    rights.fulfil(request.id());
    return rights.complete(request.id());
  }
}
