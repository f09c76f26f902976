package dev.lethe.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.access.SubjectReport;
import dev.lethe.access.SubjectReportWriter;
import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditSink;
import dev.lethe.audit.AuditTrail;
import dev.lethe.consent.ConsentEvidence;
import dev.lethe.consent.ConsentLedger;
import dev.lethe.consent.ConsentMethod;
import dev.lethe.consent.ConsentState;
import dev.lethe.erasure.ErasurePlan;
import dev.lethe.erasure.SuppressionList;
import dev.lethe.erasure.SuppressionStore;
import dev.lethe.law.ErasureGround;
import dev.lethe.law.RestrictionGround;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.objection.ObjectionStore;
import dev.lethe.objection.Objections;
import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.request.Channel;
import dev.lethe.request.Rectification;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.restriction.RestrictionStore;
import dev.lethe.restriction.Restrictions;
import dev.lethe.rights.Acknowledgements;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.IllegalRequestTransitionException;
import dev.lethe.rights.RecipientNotifications;
import dev.lethe.spi.MessageReceiver;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.OutboxStatus;
import dev.lethe.spi.OutboxTransport;
import dev.lethe.spi.ParticipantReceipt;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.RecipientAcknowledgement;
import dev.lethe.spi.RecipientAcknowledgement.Status;
import dev.lethe.subject.InvalidSubjectIdentifierException;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import dev.lethe.tck.shop.Customer;
import dev.lethe.tck.shop.Shop;
import dev.lethe.testing.ForwardingPersonalDataStore;
import dev.lethe.testing.MutableClock;
import dev.lethe.testing.WrittenReports;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.groups.Tuple;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A coordinator and the two participants its processing names as recipients ("payment-provider" and
 * "email-host"), each with its own data, audit and outbox, joined by an in-process transport that
 * hands each message to the receiver of its destination: the protocol without a broker.
 */
class ParticipantsTest {

  private static final PersonalDataModel MODEL = Shop.model();
  private static final SubjectIdentifier CUSTOMER_2 =
      new SubjectIdentifier("customer", "email", "customer2@example.com");

  private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  private final Map<String, MessageReceiver> receivers = new HashMap<>();
  private final List<OutboxMessage> carried = new ArrayList<>();
  private final Service coordinator = new Service("crm", 3);
  private final Service payments = new Service("payment-provider", 3);
  private final Service mail = new Service("email-host", 1);
  private final Acknowledgements acknowledgements =
      Acknowledgements.builder(
              List.of("payment-provider", "email-host"), coordinator.audit, coordinator.outbox)
          .name("crm")
          .clock(clock)
          .build();
  private final DataSubjectRights coordinatorRights = coordinator.rights(acknowledgements);
  private final Participant paymentsParticipant = payments.participant();
  private final Participant mailParticipant = mail.participant();

  {
    receivers.put("crm", acknowledgements);
    receivers.put("payment-provider", paymentsParticipant);
    receivers.put("email-host", mailParticipant);
  }

  @Test
  @DisplayName(
      "Art. 17(2), 19: an erasure passed on is carried out by every participant on its own data, and the request completes once both acknowledged")
  void erasureTravelsToEveryParticipant() {
    RightsRequest request = coordinator.verifiedRequest(RequestType.ERASURE, CUSTOMER_2);
    coordinatorRights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);

    assertThat(coordinatorRights.outstandingRecipients(request.id()))
        .containsExactly("payment-provider", "email-host");
    assertThatThrownBy(() -> coordinatorRights.complete(request.id()))
        .isInstanceOf(IllegalRequestTransitionException.class)
        .hasMessageContaining("payment-provider")
        .hasMessageContaining("email-host");

    deliverEverything();

    assertThat(payments.heldOf(CUSTOMER_2)).isZero();
    assertThat(payments.heldOf(new SubjectIdentifier("customer", "email", "customer1@example.com")))
        .isOne();
    assertThat(acknowledgements.forRequest(request.id()))
        .extracting(
            RecipientAcknowledgement::recipient,
            RecipientAcknowledgement::status,
            RecipientAcknowledgement::outcome)
        .containsExactly(
            Tuple.tuple(
                "payment-provider",
                Status.ACKNOWLEDGED,
                Optional.of(ParticipantReceipt.Outcome.DONE)),
            Tuple.tuple(
                "email-host",
                Status.ACKNOWLEDGED,
                Optional.of(ParticipantReceipt.Outcome.NO_DATA_HELD)));
    assertThat(coordinator.events(AuditEventType.RECIPIENT_ACKNOWLEDGED)).hasSize(2);
    assertThat(coordinatorRights.complete(request.id()).status())
        .isEqualTo(RequestStatus.COMPLETED);
    assertThat(payments.events(AuditEventType.SUBJECT_ERASED))
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.attributes())
                    .as("the coordinator's ground travels")
                    .containsEntry("ground", ErasureGround.CONSENT_WITHDRAWN.name()));
  }

  @Test
  @DisplayName(
      "Art. 16, 19: a rectification travels with its corrected values, and each participant corrects its own copy")
  void rectificationTravelsWithItsValues() {
    RightsRequest request = coordinator.verifiedRequest(RequestType.RECTIFICATION, CUSTOMER_2);
    coordinatorRights.rectify(
        request.id(),
        new Rectification(
            Customer.class, 2L, Map.of("phone", "+44 7700 900999", "name", "Ada Lovelace")));

    deliverEverything();

    assertThat(payments.customerValue(CUSTOMER_2, "phone")).isEqualTo("+44 7700 900999");
    assertThat(payments.customerValue(CUSTOMER_2, "name")).isEqualTo("Ada Lovelace");
    assertThat(
            payments.customerValue(
                new SubjectIdentifier("customer", "email", "customer1@example.com"), "name"))
        .as("nobody else's data changes")
        .isEqualTo("Name 1");
    assertThat(acknowledgements.forRequest(request.id()))
        .extracting(RecipientAcknowledgement::recipient, RecipientAcknowledgement::outcome)
        .containsExactly(
            Tuple.tuple("payment-provider", Optional.of(ParticipantReceipt.Outcome.DONE)),
            Tuple.tuple("email-host", Optional.of(ParticipantReceipt.Outcome.NO_DATA_HELD)));
    assertThat(payments.events(AuditEventType.DATA_RECTIFIED))
        .singleElement()
        .satisfies(event -> assertThat(event.attributes()).containsEntry("entity", "Customer"));
    assertThat(coordinatorRights.complete(request.id()).status())
        .isEqualTo(RequestStatus.COMPLETED);
    assertThat(carried)
        .filteredOn(message -> message.type().equals(Acknowledgements.RECEIPT_TYPE))
        .allSatisfy(
            receipt ->
                assertThat(receipt.payload()).doesNotContain("7700").doesNotContain("Lovelace"));
  }

  @Test
  @DisplayName(
      "Art. 16, 19: corrected values this participant's constraints reject are answered FAILED naming the attribute, and nothing changes")
  void rejectedCorrectionsFailNamingTheAttribute() {
    Participant strict =
        Participant.builder(
                "payment-provider", "crm", payments.rights(null), payments.audit, payments.outbox)
            .attribute("phone", "email")
            .clock(clock)
            .build();
    receivers.put("payment-provider", strict);
    RightsRequest request = coordinator.verifiedRequest(RequestType.RECTIFICATION, CUSTOMER_2);
    coordinatorRights.rectify(
        request.id(), new Rectification(Customer.class, 2L, Map.of("phone", "+44 7700 900999")));

    deliverEverything();

    assertThat(acknowledgements.forRequest(request.id()))
        .filteredOn(entry -> entry.recipient().equals("payment-provider"))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.status()).isEqualTo(Status.FAILED);
              assertThat(entry.failure()).contains("RectificationRejected:[email]");
              assertThat(entry.failure().orElseThrow()).doesNotContain("7700");
            });
    assertThat(payments.customerValue(CUSTOMER_2, "email")).isEqualTo("customer2@example.com");
  }

  @Test
  @DisplayName(
      "Art. 21: an objection travels to the recipients of its purpose, which record it on their own data")
  void objectionTravels() {
    coordinator.objections().object(CUSTOMER_2, "newsletter");

    deliverEverything();

    assertThat(mail.objections().objection(CUSTOMER_2, "newsletter"))
        .isPresent()
        .hasValueSatisfying(objection -> assertThat(objection.stands()).isTrue());
    assertThat(payments.objections().objection(CUSTOMER_2, "newsletter"))
        .as("not a recipient of newsletter")
        .isEmpty();
    assertThat(acknowledgements.unsettled(10)).isEmpty();
    assertThat(coordinator.events(AuditEventType.RECIPIENT_ACKNOWLEDGED))
        .singleElement()
        .satisfies(
            event -> assertThat(event.attributes()).containsEntry("recipient", "email-host"));
  }

  @Test
  @DisplayName(
      "Art. 7(3): a withdrawal of consent travels to the recipients of its purpose, which withdraw the consent they hold")
  void consentWithdrawalTravels() {
    SubjectIdentifier customer1 =
        new SubjectIdentifier("customer", "email", "customer1@example.com");
    for (SubjectIdentifier subject : List.of(CUSTOMER_2, customer1)) {
      coordinator.consent.give(
          subject, "newsletter", new ConsentEvidence("v1", ConsentMethod.WEB_FORM_OPT_IN, false));
    }
    mail.consent.give(
        CUSTOMER_2, "newsletter", new ConsentEvidence("v1", ConsentMethod.WEB_FORM_OPT_IN, false));

    coordinator.consent.withdraw(CUSTOMER_2, "newsletter", ConsentMethod.EMAIL);
    coordinator.consent.withdraw(customer1, "newsletter", ConsentMethod.EMAIL);
    deliverEverything();

    assertThat(mail.consent.state(CUSTOMER_2, "newsletter")).isEqualTo(ConsentState.WITHDRAWN);
    assertThat(coordinator.events(AuditEventType.RECIPIENT_ACKNOWLEDGED))
        .extracting(event -> event.attributes().get("outcome"))
        .as("a consent the participant never held is no data held")
        .containsExactlyInAnyOrder("DONE", "NO_DATA_HELD");
  }

  @Test
  @DisplayName(
      "Art. 21: a participant that declares no such purpose answers FAILED naming it, so that the mapping can be fixed")
  void anUnknownPurposeFails() {
    Participant unmapped =
        Participant.builder("email-host", "crm", mail.rights(null), mail.audit, mail.outbox)
            .objections(mail.objections())
            .purpose("newsletter", "mailings")
            .clock(clock)
            .build();
    receivers.put("email-host", unmapped);

    coordinator.objections().object(CUSTOMER_2, "newsletter");
    deliverEverything();

    assertThat(acknowledgements.unsettled(10))
        .singleElement()
        .satisfies(entry -> assertThat(entry.failure()).contains("PurposeNotObjectable:mailings"));
    RecipientAcknowledgement failed = acknowledgements.unsettled(10).get(0);
    assertThat(acknowledgements.close(failed.requestId(), "mapping fixed by hand"))
        .containsExactly("email-host");
    assertThat(acknowledgements.unsettled(10)).isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): once a participant acknowledged, its notice is cleared from the broker; receipts carry no identity")
  void acknowledgedNoticesAreClearedAndReceiptsHoldNoIdentity() {
    RightsRequest request = coordinator.verifiedRequest(RequestType.ERASURE, CUSTOMER_2);
    coordinatorRights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);
    deliverEverything();

    List<String> noticeKeys =
        acknowledgements.forRequest(request.id()).stream()
            .map(RecipientAcknowledgement::noticeKey)
            .toList();
    assertThat(carried)
        .filteredOn(message -> message.type().equals(OutboxMessage.CLEAR_TYPE))
        .extracting(OutboxMessage::payload)
        .containsExactlyInAnyOrderElementsOf(noticeKeys);
    assertThat(carried)
        .filteredOn(message -> message.type().equals(Acknowledgements.RECEIPT_TYPE))
        .filteredOn(receipt -> receipt.destination().equals("crm"))
        .hasSize(2)
        .allSatisfy(
            receipt ->
                assertThat(receipt.payload())
                    .doesNotContain("customer2")
                    .doesNotContain("example.com"));
  }

  @Test
  @DisplayName(
      "Art. 17(2): a notice delivered twice is carried out once and answered with the same receipt")
  void redeliveryIsHarmless() {
    RightsRequest request = coordinator.verifiedRequest(RequestType.ERASURE, CUSTOMER_2);
    coordinatorRights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);
    OutboxMessage notice =
        coordinator.outbox.list(OutboxStatus.PENDING, 10).stream()
            .filter(entry -> entry.destination().equals("payment-provider"))
            .findFirst()
            .orElseThrow()
            .message();

    paymentsParticipant.receive(notice);
    paymentsParticipant.receive(notice);
    deliverEverything();

    assertThat(payments.events(AuditEventType.SUBJECT_ERASED)).hasSize(1);
    assertThat(payments.events(AuditEventType.REQUEST_SUBMITTED)).hasSize(1);
    assertThat(coordinator.events(AuditEventType.RECIPIENT_ACKNOWLEDGED)).hasSize(2);
  }

  @Test
  @DisplayName(
      "Art. 17(2): a participant that holds no data of the subject answers NO_DATA_HELD, a valid acknowledgement")
  void noDataHeldIsAnAcknowledgement() {
    SubjectIdentifier customer3 =
        new SubjectIdentifier("customer", "email", "customer3@example.com");
    RightsRequest request = coordinator.verifiedRequest(RequestType.ERASURE, customer3);
    coordinatorRights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);
    deliverEverything();

    assertThat(acknowledgements.forRequest(request.id()))
        .filteredOn(entry -> entry.recipient().equals("email-host"))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.status()).isEqualTo(Status.ACKNOWLEDGED);
              assertThat(entry.outcome()).contains(ParticipantReceipt.Outcome.NO_DATA_HELD);
            });
    assertThat(coordinatorRights.outstandingRecipients(request.id())).isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 19: a participant that fails is shown FAILED with the failure's type, and the retried notice settles it")
  void aFailureIsShownThenSettledByTheRetry() {
    AtomicInteger failuresLeft = new AtomicInteger(1);
    receivers.put(
        "payment-provider",
        message -> {
          if (failuresLeft.getAndDecrement() > 0) {
            payments.failNextErasure();
          }
          paymentsParticipant.receive(message);
        });
    RightsRequest request = coordinator.verifiedRequest(RequestType.ERASURE, CUSTOMER_2);
    coordinatorRights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);

    deliverEverything();

    assertThat(acknowledgements.forRequest(request.id()))
        .filteredOn(entry -> entry.recipient().equals("payment-provider"))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.status()).isEqualTo(Status.FAILED);
              assertThat(entry.failure()).contains(IllegalStateException.class.getName());
            });
    assertThat(payments.heldOf(CUSTOMER_2))
        .as("the failed erasure rolled back nothing half done")
        .isOne();
    assertThat(coordinator.events(AuditEventType.RECIPIENT_FAILED)).hasSize(1);

    clock.advance(Duration.ofMinutes(1));
    deliverEverything();

    assertThat(acknowledgements.outstanding(request.id())).isEmpty();
    assertThat(payments.heldOf(CUSTOMER_2)).isZero();
  }

  @Test
  @DisplayName(
      "Art. 5(2), 19: an administrator completes a request without an outstanding receipt only with a recorded reason")
  void anAdministratorClosesWithAReason() {
    receivers.put(
        "email-host",
        message -> {
          throw new IllegalStateException("down");
        });
    RightsRequest request = coordinator.verifiedRequest(RequestType.ERASURE, CUSTOMER_2);
    coordinatorRights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);
    deliverEverything();

    assertThat(coordinatorRights.outstandingRecipients(request.id())).containsExactly("email-host");
    RightsRequest completed =
        coordinatorRights.completeWithoutAcknowledgements(request.id(), "processor contract ended");

    assertThat(completed.status()).isEqualTo(RequestStatus.COMPLETED);
    assertThat(coordinator.events(AuditEventType.ACKNOWLEDGEMENTS_WAIVED))
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.attributes())
                    .containsEntry("recipients", "email-host")
                    .containsEntry("reason", "processor contract ended"));
    assertThat(acknowledgements.forRequest(request.id()))
        .extracting(RecipientAcknowledgement::status)
        .containsExactly(Status.ACKNOWLEDGED, Status.CLOSED);
  }

  @Test
  @DisplayName(
      "Art. 18, 19: a restriction placed and lifted travels to the participants, which restrict and lift on their own")
  void restrictionTravels() {
    RightsRequest request = coordinator.verifiedRequest(RequestType.RESTRICTION, CUSTOMER_2);
    coordinator.restrictions().restrict(request, RestrictionGround.ACCURACY_CONTESTED);
    deliverEverything();

    assertThat(payments.restrictionStore.find(payments.audit.pseudonymOf(CUSTOMER_2))).isPresent();
    assertThat(mail.restrictionStore.find(mail.audit.pseudonymOf(CUSTOMER_2))).isPresent();

    coordinator.restrictions().lift(CUSTOMER_2);
    deliverEverything();

    assertThat(payments.restrictionStore.find(payments.audit.pseudonymOf(CUSTOMER_2))).isEmpty();
    assertThat(mail.restrictionStore.find(mail.audit.pseudonymOf(CUSTOMER_2))).isEmpty();
    assertThat(acknowledgements.forRequest(request.id()))
        .hasSize(4)
        .allSatisfy(entry -> assertThat(entry.status()).isEqualTo(Status.ACKNOWLEDGED));
    assertThat(payments.events(AuditEventType.RESTRICTION_LIFTED))
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.attributes()).containsEntry("subjectNotified", "by-controller"));
  }

  @Test
  @DisplayName(
      "Art. 19: a participant whose model does not know the subject type answers FAILED, and is not offered the notice again")
  void anUnknownSubjectTypeFails() {
    Participant confused =
        Participant.builder(
                "payment-provider", "crm", payments.rights(null), payments.audit, payments.outbox)
            .subjectType("customer", "supplier")
            .clock(clock)
            .build();
    receivers.put("payment-provider", confused);
    RightsRequest request = coordinator.verifiedRequest(RequestType.ERASURE, CUSTOMER_2);
    coordinatorRights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);

    deliverEverything();

    assertThat(acknowledgements.forRequest(request.id()))
        .filteredOn(entry -> entry.recipient().equals("payment-provider"))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.status()).isEqualTo(Status.FAILED);
              assertThat(entry.failure())
                  .contains(InvalidSubjectIdentifierException.class.getName());
            });
    assertThat(payments.heldOf(CUSTOMER_2)).isOne();
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): settled acknowledgements and kept receipts are deleted after their retention; unsettled ones stay")
  void settledPartsAndReceiptsAreDeletedAfterTheirRetention() {
    receivers.put(
        "email-host",
        message -> {
          throw new IllegalStateException("down");
        });
    RightsRequest request = coordinator.verifiedRequest(RequestType.ERASURE, CUSTOMER_2);
    coordinatorRights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);
    deliverEverything();
    clock.advance(Duration.ofDays(29));

    assertThat(acknowledgements.purgeSettled(Duration.ofDays(30))).isZero();
    assertThat(paymentsParticipant.purgeReceipts(Duration.ofDays(30))).isZero();

    clock.advance(Duration.ofDays(2));

    assertThat(acknowledgements.purgeSettled(Duration.ofDays(30))).isOne();
    assertThat(paymentsParticipant.purgeReceipts(Duration.ofDays(30))).isOne();
    assertThat(acknowledgements.forRequest(request.id()))
        .extracting(RecipientAcknowledgement::recipient)
        .containsExactly("email-host");
  }

  @Test
  @DisplayName(
      "Art. 15: an access request collects each participant's report into the subject's one report, and the sections are kept nowhere afterwards")
  void accessCollectsEveryParticipantsShare() throws Exception {
    RightsRequest request = coordinator.verifiedRequest(RequestType.ACCESS, CUSTOMER_2);
    coordinatorRights.collectAccess(request.id());

    assertThatThrownBy(() -> coordinatorRights.access(request.id()))
        .isInstanceOf(IllegalRequestTransitionException.class)
        .hasMessageContaining("payment-provider");
    deliverEverything();
    SubjectReport report = coordinatorRights.access(request.id());

    assertThat(report.participantSections().participants())
        .containsExactly("payment-provider", "email-host");
    Map<String, String> entries = WrittenReports.zipEntries(report);
    assertThat(entries.get("participants/payment-provider.json"))
        .contains("customer2@example.com")
        .contains("\"processesPersonalData\":true");
    assertThat(entries.get("participants/email-host.json"))
        .contains("\"processesPersonalData\":false");
    assertThat(entries.get("report.json")).contains("\"participants\":{\"payment-provider\":{");
    assertThatThrownBy(() -> WrittenReports.zipEntries(report))
        .as("the sections were cleared once written")
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no longer kept");
    assertThat(acknowledgements.forRequest(request.id()))
        .extracting(RecipientAcknowledgement::outcome)
        .containsExactly(
            Optional.of(ParticipantReceipt.Outcome.DONE),
            Optional.of(ParticipantReceipt.Outcome.NO_DATA_HELD));
    deliverEverything();
    assertThat(carried)
        .filteredOn(
            message ->
                message.type().equals(OutboxMessage.CLEAR_TYPE)
                    && message.destination().equals("crm"))
        .hasSize(2);
    assertThat(payments.events(AuditEventType.DATA_EXPORTED)).hasSize(1);
  }

  @Test
  @DisplayName(
      "Art. 15: a participant's report split into many chunks is assembled byte for byte as the participant wrote it")
  void aReportInManyChunksIsAssembledWhole() throws Exception {
    receivers.put("payment-provider", payments.participant(7));
    RightsRequest request = coordinator.verifiedRequest(RequestType.ACCESS, CUSTOMER_2);
    coordinatorRights.collectAccess(request.id());
    deliverEverything();
    ByteArrayOutputStream unsplit = new ByteArrayOutputStream();
    SubjectReportWriter.writeJson(
        payments.rights.access(payments.verifiedRequest(RequestType.ACCESS, CUSTOMER_2).id()),
        unsplit);
    String expected = unsplit.toString(StandardCharsets.UTF_8);

    Map<String, String> entries = WrittenReports.zipEntries(coordinatorRights.access(request.id()));

    assertThat(carried)
        .filteredOn(
            message ->
                message.type().equals(Acknowledgements.ACCESS_SECTION_TYPE)
                    && message.idempotencyKey().endsWith(":100"))
        .as("split into more than a hundred chunks")
        .isNotEmpty();
    assertThat(expected).contains("customer2@example.com");
    assertThat(entries.get("participants/payment-provider.json")).isEqualTo(expected);
    assertThat(entries.get("report.json")).contains("\"payment-provider\":" + expected);
  }

  /** Dispatches every service's outbox until none has anything due. */
  private void deliverEverything() {
    for (int round = 0; round < 10; round++) {
      int delivered = 0;
      for (Service service : List.of(coordinator, payments, mail)) {
        delivered += service.dispatcher().dispatch().delivered();
      }
      if (delivered == 0) {
        return;
      }
    }
  }

  private final class Service {

    final String name;
    final AuditTrail audit =
        AuditTrail.of(AuditSink.inMemory(), Pseudonymizer.withRandomKey(), clock);
    final Outbox outbox = Outbox.inMemory();
    final RestrictionStore restrictionStore = RestrictionStore.inMemory();
    final ObjectionStore objectionStore = ObjectionStore.inMemory();
    final FailingStore store;
    ConsentLedger consent;
    private DataSubjectRights rights;
    private RecipientNotifications notifications;

    Service(String name, int customers) {
      this.name = name;
      this.store =
          new FailingStore(
              PersonalDataStore.inMemory(MODEL, Pseudonymizer.withRandomKey())
                  .add(Shop.population(customers, 1).toArray()));
    }

    DataSubjectRights rights(Acknowledgements acks) {
      RecipientNotifications.Builder builder =
          RecipientNotifications.builder((recipient, notification) -> {}, audit)
              .outbox(outbox)
              .clock(clock);
      if (acks != null) {
        builder.acknowledgements(acks);
      }
      notifications = builder.build();
      rights =
          DataSubjectRights.builder(audit)
              .clock(clock)
              .personalData(MODEL, store)
              .recipientNotifications(notifications)
              .build();
      consent =
          ConsentLedger.builder(MODEL, audit)
              .clock(clock)
              .recipientNotifications(notifications)
              .build();
      return rights;
    }

    Objections objections() {
      return Objections.builder(
              MODEL,
              audit,
              SuppressionList.of(SuppressionStore.inMemory(), Pseudonymizer.withRandomKey(), clock))
          .directMarketing("newsletter")
          .store(objectionStore)
          .recipientNotifications(notifications)
          .clock(clock)
          .build();
    }

    @Nullable Object customerValue(SubjectIdentifier subject, String attribute) {
      SubjectKey key = store.resolve(subject).iterator().next();
      try (var records = store.records(key, MODEL.entity(Customer.class).orElseThrow())) {
        return records.findFirst().orElseThrow().values().get(attribute);
      }
    }

    Restrictions restrictions() {
      // Only the coordinator tells the subject before lifting (Art. 18(3)); a participant never
      // does.
      return Restrictions.builder(
              MODEL,
              audit,
              notifications,
              (subject, restriction) -> {
                if (this != coordinator) {
                  throw new IllegalStateException("a participant told the subject");
                }
              })
          .store(restrictionStore)
          .clock(clock)
          .build();
    }

    Participant participant() {
      return participant(Participant.Builder.DEFAULT_SECTION_CHUNK_BYTES);
    }

    Participant participant(int sectionChunkBytes) {
      DataSubjectRights own = rights(null);
      return Participant.builder(name, "crm", own, audit, outbox)
          .restrictions(restrictions())
          .objections(objections())
          .consent(consent)
          .clock(clock)
          .sectionChunkBytes(sectionChunkBytes)
          .build();
    }

    /**
     * Hands each message to the receiver of its destination. The participants share the coordinator's
     * model, whose recipients they are: their own notices to those recipients are carried nowhere.
     */
    OutboxDispatcher dispatcher() {
      OutboxTransport inProcess =
          message -> {
            carried.add(message);
            boolean ownNotice =
                this != coordinator && message.type().equals(RecipientNotifications.MESSAGE_TYPE);
            if (!message.type().equals(OutboxMessage.CLEAR_TYPE) && !ownNotice) {
              receivers.get(message.destination()).receive(message);
            }
          };
      return OutboxDispatcher.builder(outbox, notifications.transport(inProcess))
          .clock(clock)
          .backOff(Duration.ofSeconds(1), Duration.ofSeconds(10))
          .build();
    }

    RightsRequest verifiedRequest(RequestType type, SubjectIdentifier subject) {
      RightsRequest request = rights.submit(type, subject, Channel.WEB);
      return request.isAwaitingVerification() ? rights.verify(request.id(), "email-link") : request;
    }

    long heldOf(SubjectIdentifier subject) {
      return store.resolve(subject).size();
    }

    void failNextErasure() {
      store.failNext = true;
    }

    List<AuditEvent> events(AuditEventType type) {
      try (var events = audit.events()) {
        return events.filter(event -> event.type() == type).toList();
      }
    }
  }

  /** A store whose next erasure fails after erasing, as a database that fails mid-transaction would. */
  private static final class FailingStore extends ForwardingPersonalDataStore {
    boolean failNext;

    FailingStore(PersonalDataStore delegate) {
      super(delegate);
    }

    @Override
    public Map<Class<?>, ErasurePlan.RowCount> erase(ErasurePlan plan) {
      if (failNext) {
        failNext = false;
        throw new IllegalStateException("the database went away");
      }
      return super.erase(plan);
    }
  }
}
