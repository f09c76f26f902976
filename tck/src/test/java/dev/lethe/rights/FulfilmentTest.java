package dev.lethe.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.access.SubjectReport;
import dev.lethe.access.SubjectReportWriter;
import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.erasure.ErasureReceipt;
import dev.lethe.erasure.LegalHold;
import dev.lethe.erasure.LegalHoldStore;
import dev.lethe.erasure.SuppressionList;
import dev.lethe.erasure.SuppressionStore;
import dev.lethe.law.ErasureGround;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.request.Channel;
import dev.lethe.request.Rectification;
import dev.lethe.request.RectificationRejectedException;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.spi.Notification;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import dev.lethe.tck.shop.Customer;
import dev.lethe.tck.shop.Shop;
import dev.lethe.testing.MutableClock;
import dev.lethe.testing.TestLog;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FulfilmentTest {

  private static final SubjectIdentifier ADA =
      new SubjectIdentifier("customer", "email", "customer2@example.com");

  private final MutableClock clock = MutableClock.at("2026-01-31T09:00:00Z");
  private final RightsFixture fixture = new RightsFixture(clock);
  private final PersonalDataModel model = Shop.model();
  private final List<Object> population = Shop.population(3, 2);
  private final PersonalDataStore store =
      PersonalDataStore.inMemory(model, Pseudonymizer.withRandomKey()).add(population.toArray());
  private final LegalHoldStore holds = LegalHoldStore.inMemory();
  private final SuppressionList suppression =
      SuppressionList.of(SuppressionStore.inMemory(), Pseudonymizer.withRandomKey(), clock);
  private final List<String> notified = new ArrayList<>();
  private final RecipientNotifications notifications =
      RecipientNotifications.builder(
              (String recipient, Notification notification) ->
                  notified.add(recipient + ":" + notification.change()),
              fixture.audit)
          .clock(fixture.clock)
          .build();
  private final OutboxDispatcher dispatcher =
      OutboxDispatcher.builder(notifications.outbox(), notifications.transport())
          .clock(fixture.clock)
          .build();
  private final DataSubjectRights rights =
      fixture
          .rights()
          .personalData(model, store)
          .legalHolds(holds)
          .suppressAfterErasure(suppression)
          .recipientNotifications(notifications)
          .build();

  @Test
  @DisplayName(
      "Art. 15, 12(6): access is answered only after the identity is verified, with the subject's data")
  void access() throws Exception {
    RightsRequest request = rights.submit(RequestType.ACCESS, ADA, Channel.WEB);
    assertThat(request.dueDate()).as("Art. 12(3): one calendar month").hasToString("2026-02-28");
    RightsFixture.State before = fixture.state();

    assertThatThrownBy(() -> rights.access(request.id()))
        .isInstanceOf(IllegalRequestTransitionException.class);
    assertThat(fixture.state()).isEqualTo(before);

    rights.verify(request.id(), "email-link");
    SubjectReport report = rights.access(request.id());

    assertThat(report.processesPersonalData()).isTrue();
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    SubjectReportWriter.writeJson(report, json);
    assertThat(json.toString(StandardCharsets.UTF_8))
        .contains("customer2@example.com", "2 Order Street 1")
        .doesNotContain("customer1@example.com");
    assertThat(rights.find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.FULFILLED);
    assertThat(eventTypes())
        .containsSubsequence(AuditEventType.REQUEST_FULFILLED, AuditEventType.DATA_EXPORTED);
  }

  @Test
  @DisplayName("Art. 17: a request Lethe carries out cannot be marked fulfilled without doing it")
  void fulfilWithoutDoingRefused() {
    RightsRequest request = rights.submit(RequestType.ERASURE, ADA, Channel.EMAIL);
    rights.verify(request.id(), "id-document");

    assertThatThrownBy(() -> rights.fulfil(request.id()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("erase(id, ground)");
    assertThatThrownBy(() -> rights.access(request.id()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "is an erasure request, not an access request or a portability request");
    assertThat(rights.find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.VERIFIED);
  }

  @Test
  @DisplayName(
      "Art. 17, 19, 21(3): erasure removes the data, suppresses the address, tells every recipient, and says so")
  void erase() {
    RightsRequest request = verified(RequestType.ERASURE);

    ErasureReceipt receipt = rights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);

    assertThat(receipt.rowsTouched()).isEqualTo(2 + 2 + 2 + 1);
    assertThat(receipt.toString()).doesNotContain("customer2");
    assertThat(rootValues(2L)).doesNotContainValue("customer2@example.com");
    assertThat(rootValues(1L)).containsEntry("email", "customer1@example.com");
    assertThat(suppression.isSuppressed("email", "customer2@example.com")).isTrue();
    assertThat(rights.find(request.id()).orElseThrow().subject().value())
        .as("the stored request keeps a pseudonym, not the address")
        .startsWith(DataSubjectRights.ERASED_IDENTITY_PREFIX)
        .doesNotContain("customer2");
    assertThat(notified).as("notices wait in the outbox for the dispatcher").isEmpty();
    dispatcher.dispatch();
    assertThat(notified)
        .containsExactlyInAnyOrder("payment-provider:ERASURE", "email-host:ERASURE");
    assertThat(eventTypes())
        .contains(AuditEventType.SUBJECT_ERASED, AuditEventType.RECIPIENT_NOTIFIED);

    RightsRequest again =
        rights.submit(
            RequestType.ERASURE, new SubjectIdentifier("customer", "id", "2"), Channel.EMAIL);
    rights.verify(again.id(), "id-document");
    assertThat(rights.erase(again.id(), ErasureGround.CONSENT_WITHDRAWN).nothingLeft()).isTrue();
  }

  @Test
  @DisplayName(
      "Art. 17(3)(e): a legal hold on the subject keeps the data, and the receipt gives the hold's reason")
  void legalHold() {
    holds.place(
        LegalHold.onSubject(
            new SubjectKey("customer", 2L), "Claim 2026-07 pending", Instant.EPOCH));
    RightsRequest request = verified(RequestType.ERASURE);

    ErasureReceipt receipt = rights.erase(request.id(), ErasureGround.OBJECTION);

    assertThat(receipt.nothingLeft()).isTrue();
    assertThat(receipt.entities())
        .allSatisfy(outcome -> assertThat(outcome.heldBy()).contains("Claim 2026-07 pending"));
    assertThat(rootValues(2L)).containsEntry("email", "customer2@example.com");
  }

  @Test
  @DisplayName(
      "Art. 16: a rectification breaking the entity's constraints is refused with every violation, and nothing changes")
  void rectificationValidated() {
    RightsRequest request = verified(RequestType.RECTIFICATION);

    assertThatThrownBy(
            () ->
                rights.rectify(
                    request.id(),
                    new Rectification(
                        Customer.class, 2L, Map.of("email", "not-an-address", "name", " "))))
        .isInstanceOfSatisfying(
            RectificationRejectedException.class,
            rejected -> {
              assertThat(rejected.violations())
                  .extracting(RectificationRejectedException.Violation::attribute)
                  .containsExactlyInAnyOrder("email", "name");
              assertThat(rejected.getMessage()).doesNotContain("not-an-address");
            });
    assertThat(rootValues(2L)).containsEntry("email", "customer2@example.com");
    assertThat(rights.find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.VERIFIED);

    rights.rectify(
        request.id(), new Rectification(Customer.class, 2L, Map.of("name", "Ada Lovelace")));

    assertThat(rootValues(2L)).containsEntry("name", "Ada Lovelace");
    dispatcher.dispatch();
    assertThat(notified).contains("payment-provider:RECTIFICATION");
    assertThat(eventTypes()).contains(AuditEventType.DATA_RECTIFIED);
  }

  @Test
  @DisplayName("Art. 16: rectifying another subject's row through one's own request is refused")
  void rectificationOfAnotherSubjectsRow() {
    RightsRequest request = verified(RequestType.RECTIFICATION);

    assertThatThrownBy(
            () ->
                rights.rectify(
                    request.id(), new Rectification(Customer.class, 1L, Map.of("name", "Mallory"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(rootValues(1L)).containsEntry("name", "Name 1");
  }

  @Test
  @DisplayName(
      "Art. 5(1)(f): a full run of submit, verify, access and erase logs none of the subject's values")
  void logsNoPersonalData() throws Exception {
    Set<String> values = new HashSet<>();
    population.stream()
        .filter(row -> Shop.belongsTo(row, 2))
        .forEach(row -> values.addAll(Shop.personalValues(row)));
    // Bare numbers such as an order total turn up inside any hex hash or UUID; text values are what
    // can leak.
    values.removeIf(value -> value.chars().allMatch(Character::isDigit));
    TestLog mark = TestLog.mark();
    RightsRequest access = verified(RequestType.ACCESS);
    SubjectReportWriter.writeZip(rights.access(access.id()), new ByteArrayOutputStream());
    RightsRequest erasure = verified(RequestType.ERASURE);
    rights.erase(erasure.id(), ErasureGround.CONSENT_WITHDRAWN);
    rights.complete(erasure.id());
    String log = mark.since();
    assertThat(log).as("something was logged").contains("Rights request");
    assertThat(values).isNotEmpty().allSatisfy(value -> assertThat(log).doesNotContain(value));
    try (Stream<AuditEvent> events = fixture.audit.events()) {
      String audit = events.map(Object::toString).reduce("", String::concat);
      assertThat(values).allSatisfy(value -> assertThat(audit).doesNotContain(value));
    }
  }

  private RightsRequest verified(RequestType type) {
    RightsRequest request = rights.submit(type, ADA, Channel.WEB);
    return rights.verify(request.id(), "email-link");
  }

  private Map<String, Object> rootValues(long id) {
    try (Stream<SubjectRecord> records =
        store.records(new SubjectKey("customer", id), model.entity(Customer.class).orElseThrow())) {
      return records
          .findFirst()
          .map(record -> new HashMap<String, Object>(record.values()))
          .orElseThrow();
    }
  }

  private List<AuditEventType> eventTypes() {
    return fixture.events().stream().map(AuditEvent::type).toList();
  }
}
