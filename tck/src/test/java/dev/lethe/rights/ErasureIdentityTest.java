package dev.lethe.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.erasure.ErasureReceipt;
import dev.lethe.law.ErasureGround;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.spi.Notification;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.tck.shop.Shop;
import dev.lethe.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErasureIdentityTest {

  private final RightsFixture fixture = new RightsFixture(MutableClock.at("2026-01-31T09:00:00Z"));
  private final PersonalDataModel model = Shop.model();
  private final List<String> notified = new ArrayList<>();
  private final DataSubjectRights rights =
      fixture
          .rights()
          .personalData(
              model,
              PersonalDataStore.inMemory(model, Pseudonymizer.withRandomKey())
                  .add(Shop.population(2, 1).toArray()))
          .recipientNotifications(
              RecipientNotifications.builder(
                      (String recipient, Notification notification) -> notified.add(recipient),
                      fixture.audit)
                  .build())
          .build();

  @Test
  @DisplayName(
      "Art. 17, 12(4): an erasure whose identity names nobody says no data is held, not fulfilled with 0 rows")
  void noDataHeld() {
    RightsRequest request =
        verified(
            RequestType.ERASURE, new SubjectIdentifier("customer", "email", "nobody@example.com"));
    int eventsBefore = fixture.events().size();

    ErasureReceipt receipt = rights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);

    assertThat(receipt.outcome()).isEqualTo(ErasureReceipt.Outcome.NO_DATA_HELD);
    assertThat(receipt.noDataHeld()).isTrue();
    assertThat(receipt.entities()).isEmpty();
    List<AuditEvent> events = fixture.events().subList(eventsBefore, fixture.events().size());
    assertThat(events)
        .extracting(AuditEvent::type)
        .containsExactly(AuditEventType.REQUEST_FULFILLED);
    assertThat(events.get(0).attributes()).containsEntry("outcome", "NO_DATA_HELD");
    assertThat(notified)
        .as("Art. 19: no recipient is told of an erasure that erased nothing")
        .isEmpty();
    assertThat(rights.find(request.id()).orElseThrow().subject().value())
        .startsWith(DataSubjectRights.ERASED_IDENTITY_PREFIX);
  }

  @Test
  @DisplayName(
      "Art. 17: an erasure that names a subject says ERASED, with the erasure in the audit")
  void erasedSubjectSaysErased() {
    RightsRequest request =
        verified(
            RequestType.ERASURE,
            new SubjectIdentifier("customer", "email", "customer2@example.com"));

    ErasureReceipt receipt = rights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);

    assertThat(receipt.outcome()).isEqualTo(ErasureReceipt.Outcome.ERASED);
    assertThat(receipt.rowsTouched()).isPositive();
    assertThat(fixture.events())
        .extracting(AuditEvent::type)
        .contains(AuditEventType.SUBJECT_ERASED);
  }

  @Test
  @DisplayName(
      "Art. 17, 5(1)(c): erasure removes the identity from every request of the subject, open or closed, under any of its identities")
  void everyRequestOfTheSubjectLosesTheIdentity() {
    RightsRequest closedAccess =
        verified(
            RequestType.ACCESS,
            new SubjectIdentifier("customer", "email", "Customer2@Example.com"));
    rights.access(closedAccess.id());
    rights.complete(closedAccess.id());
    RightsRequest openObjection =
        rights.submit(
            RequestType.OBJECTION, new SubjectIdentifier("customer", "id", "2"), Channel.EMAIL);
    RightsRequest otherSubject =
        rights.submit(
            RequestType.ACCESS,
            new SubjectIdentifier("customer", "email", "customer1@example.com"),
            Channel.EMAIL);
    RightsRequest erasure =
        verified(
            RequestType.ERASURE,
            new SubjectIdentifier("customer", "email", " customer2@example.com"));

    rights.erase(erasure.id(), ErasureGround.CONSENT_WITHDRAWN);

    for (RightsRequest request : List.of(closedAccess, openObjection, erasure)) {
      RightsRequest stored = rights.find(request.id()).orElseThrow();
      assertThat(stored.subject().value())
          .as(request.type() + " request")
          .isEqualTo(
              DataSubjectRights.ERASED_IDENTITY_PREFIX
                  + fixture.audit.pseudonymOf(request.subject()).hex());
      assertThat(stored.status())
          .isEqualTo(
              request.id().equals(closedAccess.id())
                  ? RequestStatus.COMPLETED
                  : request.id().equals(erasure.id())
                      ? RequestStatus.FULFILLED
                      : RequestStatus.SUBMITTED);
    }
    assertThat(rights.find(otherSubject.id()).orElseThrow().subject().value())
        .isEqualTo("customer1@example.com");
  }

  @Test
  @DisplayName(
      "Art. 17, 5(1)(c): when another request of the subject changed after the erasure's snapshot (repeatable read), the erasure reads it again with a locking read and removes its identity, instead of spinning")
  void aStaleSnapshotOfAnotherRequestIsReadAgainLatest() {
    SnapshotRequestStore store = new SnapshotRequestStore(RequestStore.inMemory());
    DataSubjectRights snapshotRights =
        fixture
            .rights()
            .requestStore(store)
            .personalData(
                model,
                PersonalDataStore.inMemory(model, Pseudonymizer.withRandomKey())
                    .add(Shop.population(2, 1).toArray()))
            .build();
    SubjectIdentifier customer =
        new SubjectIdentifier("customer", "email", "customer2@example.com");
    RightsRequest access = snapshotRights.submit(RequestType.ACCESS, customer, Channel.WEB);
    store.snapshot(access.id());
    // Another replica moves the request after the erasure's transaction first read it.
    store.delegate.update(
        access.withVersion(access.version()).withIdentityValue(access.subject().value()));
    RightsRequest erasure =
        snapshotRights.verify(
            snapshotRights.submit(RequestType.ERASURE, customer, Channel.WEB).id(), "email-link");

    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> snapshotRights.erase(erasure.id(), ErasureGround.CONSENT_WITHDRAWN));

    assertThat(store.delegate.find(access.id()).orElseThrow().subject().value())
        .startsWith(DataSubjectRights.ERASED_IDENTITY_PREFIX);
  }

  /**
   * A store whose plain reads of the snapshotted requests return them as they were, as a repeatable
   * read transaction does; {@link #findLatest} reads the latest, as a locking read does.
   */
  private static final class SnapshotRequestStore implements RequestStore {
    final RequestStore delegate;
    private final Map<RequestId, RightsRequest> snapshots = new HashMap<>();

    SnapshotRequestStore(RequestStore delegate) {
      this.delegate = delegate;
    }

    void snapshot(RequestId id) {
      snapshots.put(id, delegate.find(id).orElseThrow());
    }

    @Override
    public void save(RightsRequest request) {
      delegate.save(request);
    }

    @Override
    public void insert(RightsRequest request) {
      delegate.insert(request);
    }

    @Override
    public Optional<RightsRequest> update(RightsRequest changed) {
      return delegate.update(changed);
    }

    @Override
    public Optional<RightsRequest> find(RequestId id) {
      return snapshots.containsKey(id) ? Optional.of(snapshots.get(id)) : delegate.find(id);
    }

    @Override
    public Optional<RightsRequest> findLatest(RequestId id) {
      return delegate.find(id);
    }

    @Override
    public List<RightsRequest> findOpen() {
      return delegate.findOpen();
    }

    @Override
    public Stream<RightsRequest> findAll() {
      return delegate.findAll().map(request -> snapshots.getOrDefault(request.id(), request));
    }

    @Override
    public int clearIdentitiesClosedBefore(Instant closedBefore) {
      return delegate.clearIdentitiesClosedBefore(closedBefore);
    }
  }

  private RightsRequest verified(RequestType type, SubjectIdentifier subject) {
    RightsRequest request = rights.submit(type, subject, Channel.WEB);
    return rights.verify(request.id(), "email-link");
  }
}
