package dev.lethe.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.Pseudonymizer;
import dev.lethe.erasure.ErasureReceipt;
import dev.lethe.law.ErasureGround;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.spi.Notification;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.shop.Shop;
import dev.lethe.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErasureIdentityTest {

  private final RightsFixture fixture = new RightsFixture(MutableClock.at("2026-01-31T09:00:00Z"));
  private final PersonalDataModel model = Shop.model();
  private final List<String> notified = new ArrayList<>();
  private final DataSubjectRights rights = fixture.rights()
      .personalData(model, PersonalDataStore.inMemory(model, Pseudonymizer.withRandomKey())
          .add(Shop.population(2, 1).toArray()))
      .recipientNotifications(RecipientNotifications.builder(
          (String recipient, Notification notification) -> notified.add(recipient), fixture.audit).build())
      .build();

  @Test
  @DisplayName("Art. 17, 12(4): an erasure whose identity names nobody says no data is held, not fulfilled with 0 rows")
  void noDataHeld() {
    RightsRequest request = verified(RequestType.ERASURE, new SubjectIdentifier("customer", "email", "nobody@example.com"));
    int eventsBefore = fixture.events().size();

    ErasureReceipt receipt = rights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);

    assertThat(receipt.outcome()).isEqualTo(ErasureReceipt.Outcome.NO_DATA_HELD);
    assertThat(receipt.noDataHeld()).isTrue();
    assertThat(receipt.entities()).isEmpty();
    List<AuditEvent> events = fixture.events().subList(eventsBefore, fixture.events().size());
    assertThat(events).extracting(AuditEvent::type).containsExactly(AuditEventType.REQUEST_FULFILLED);
    assertThat(events.get(0).attributes()).containsEntry("outcome", "NO_DATA_HELD");
    assertThat(notified).as("Art. 19: no recipient is told of an erasure that erased nothing").isEmpty();
    assertThat(rights.find(request.id()).orElseThrow().subject().value())
        .startsWith(DataSubjectRights.ERASED_IDENTITY_PREFIX);
  }

  @Test
  @DisplayName("Art. 17: an erasure that names a subject says ERASED, with the erasure in the audit")
  void erasedSubjectSaysErased() {
    RightsRequest request = verified(RequestType.ERASURE, new SubjectIdentifier("customer", "email", "customer2@example.com"));

    ErasureReceipt receipt = rights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);

    assertThat(receipt.outcome()).isEqualTo(ErasureReceipt.Outcome.ERASED);
    assertThat(receipt.rowsTouched()).isPositive();
    assertThat(fixture.events()).extracting(AuditEvent::type).contains(AuditEventType.SUBJECT_ERASED);
  }

  @Test
  @DisplayName("Art. 17, 5(1)(c): erasure removes the identity from every request of the subject, open or closed, under any of its identities")
  void everyRequestOfTheSubjectLosesTheIdentity() {
    RightsRequest closedAccess = verified(RequestType.ACCESS, new SubjectIdentifier("customer", "email", "Customer2@Example.com"));
    rights.access(closedAccess.id());
    rights.complete(closedAccess.id());
    RightsRequest openObjection = rights.submit(RequestType.OBJECTION, new SubjectIdentifier("customer", "id", "2"),
        Channel.EMAIL);
    RightsRequest otherSubject = rights.submit(RequestType.ACCESS,
        new SubjectIdentifier("customer", "email", "customer1@example.com"), Channel.EMAIL);
    RightsRequest erasure = verified(RequestType.ERASURE, new SubjectIdentifier("customer", "email", " customer2@example.com"));

    rights.erase(erasure.id(), ErasureGround.CONSENT_WITHDRAWN);

    for (RightsRequest request : List.of(closedAccess, openObjection, erasure)) {
      RightsRequest stored = rights.find(request.id()).orElseThrow();
      assertThat(stored.subject().value()).as(request.type() + " request")
          .isEqualTo(DataSubjectRights.ERASED_IDENTITY_PREFIX + fixture.audit.pseudonymOf(request.subject()).hex());
      assertThat(stored.status()).isEqualTo(request.id().equals(closedAccess.id()) ? RequestStatus.COMPLETED
          : request.id().equals(erasure.id()) ? RequestStatus.FULFILLED : RequestStatus.SUBMITTED);
    }
    assertThat(rights.find(otherSubject.id()).orElseThrow().subject().value()).isEqualTo("customer1@example.com");
  }

  private RightsRequest verified(RequestType type, SubjectIdentifier subject) {
    RightsRequest request = rights.submit(type, subject, Channel.WEB);
    return rights.verify(request.id(), "email-link");
  }
}
