package dev.lethe.spring.services;

import static dev.lethe.spring.services.Services.ADA;
import static dev.lethe.spring.services.Services.ADA_VALUES;
import static dev.lethe.spring.services.Services.BOB;
import static dev.lethe.spring.services.Services.await;
import static dev.lethe.spring.services.Services.cellsHolding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.access.SubjectReportWriter;
import dev.lethe.consent.ConsentEvidence;
import dev.lethe.consent.ConsentLedger;
import dev.lethe.consent.ConsentMethod;
import dev.lethe.consent.ConsentState;
import dev.lethe.law.ErasureGround;
import dev.lethe.law.RestrictionGround;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.objection.Objections;
import dev.lethe.request.Channel;
import dev.lethe.request.Rectification;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.restriction.Restrictions;
import dev.lethe.rights.Acknowledgements;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.RecipientNotifications;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxEntry;
import dev.lethe.spi.OutboxStatus;
import dev.lethe.spi.ParticipantReceipt;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.RecipientAcknowledgement;
import dev.lethe.spring.services.billing.Account;
import dev.lethe.spring.services.billing.Invoice;
import dev.lethe.spring.services.crm.Contact;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import dev.lethe.test.ResidueCheck;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A coordinator (crm) and two participants (billing, events), each a Spring Boot application with its
 * own model and database, whose changes travel over a real broker (Art. 17(2), 19). Subclasses give
 * the broker's properties and check that nothing personal stays in it.
 */
abstract class ServicesTravel {

  private Services services;

  /** The properties that connect a service to the broker. */
  abstract Map<String, Object> brokerProperties();

  /** Asserts that the broker keeps nothing of the notices once every participant acknowledged (Art. 5(1)(e)). */
  abstract void assertNothingPersonalLeftInBroker(List<String> noticeKeys) throws Exception;

  @BeforeEach
  void connectServices() {
    services = new Services(brokerProperties());
  }

  @AfterEach
  void stopEverything() throws Exception {
    services.close();
  }

  @Test
  @DisplayName(
      "Art. 17(2), 19: an erasure at the coordinator erases the subject in both participants' databases, each acknowledges, and the request completes")
  void erasureTravelsAndIsAcknowledged() throws Exception {
    ConfigurableApplicationContext crm = services.startCrm("billing,events");
    ConfigurableApplicationContext billing = services.startBilling(true);
    ConfigurableApplicationContext events = services.startEvents(true);
    DataSubjectRights rights = crm.getBean(DataSubjectRights.class);
    Acknowledgements acknowledgements = crm.getBean(Acknowledgements.class);
    RightsRequest request = submitErasure(rights);

    ResidueCheck.of(billing.getBean(DataSource.class))
        .ignoringTables(letheTables(billing).toArray(String[]::new))
        .erasing(
            subjectIn(billing),
            () -> {
              rights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);
              await(
                  "both participants acknowledge",
                  () -> rights.outstandingRecipients(request.id()).isEmpty());
            })
        .withExport(
            billing.getBean(PersonalDataModel.class), billing.getBean(PersonalDataStore.class))
        .assertNoResidue();

    assertThat(acknowledgements.forRequest(request.id()))
        .extracting(
            RecipientAcknowledgement::recipient,
            RecipientAcknowledgement::status,
            entry -> entry.outcome().orElseThrow())
        .containsExactlyInAnyOrder(
            Tuple.tuple(
                "billing",
                RecipientAcknowledgement.Status.ACKNOWLEDGED,
                ParticipantReceipt.Outcome.DONE),
            Tuple.tuple(
                "events",
                RecipientAcknowledgement.Status.ACKNOWLEDGED,
                ParticipantReceipt.Outcome.DONE));
    for (ConfigurableApplicationContext service : List.of(crm, billing, events)) {
      assertThat(cellsHolding(service, ADA_VALUES))
          .as(service.getId() + ": every table, Lethe's own included")
          .isEmpty();
    }
    assertThat(cellsHolding(events, List.of(BOB))).as("the other attendee stays").isNotEmpty();
    assertThat(rights.complete(request.id()).status()).isEqualTo(RequestStatus.COMPLETED);
    await(
        "the notices are cleared from the broker",
        () -> crm.getBean(Outbox.class).counts().pending() == 0);
    assertNothingPersonalLeftInBroker(
        acknowledgements.forRequest(request.id()).stream()
            .map(RecipientAcknowledgement::noticeKey)
            .toList());
  }

  @Test
  @DisplayName(
      "Art. 19: a participant that is down stays pending, and carries the erasure out once it is back")
  void aParticipantThatIsDownCatchesUp() throws Exception {
    ConfigurableApplicationContext crm = services.startCrm("billing,events");
    services.startBilling(true);
    ConfigurableApplicationContext events = services.startEvents(true);
    events.close();
    DataSubjectRights rights = crm.getBean(DataSubjectRights.class);
    RightsRequest request = submitErasure(rights);

    rights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);
    await(
        "billing acknowledges",
        () -> rights.outstandingRecipients(request.id()).equals(List.of("events")));
    assertThat(rights.outstandingRecipients(request.id())).containsExactly("events");

    ConfigurableApplicationContext eventsAgain = services.startEvents(false);
    await(
        "events acknowledges once back",
        () -> rights.outstandingRecipients(request.id()).isEmpty());
    assertThat(crm.getBean(Acknowledgements.class).forRequest(request.id()))
        .filteredOn(entry -> entry.recipient().equals("events"))
        .singleElement()
        .satisfies(
            entry ->
                assertThat(entry.outcome())
                    .as(entry.toString())
                    .contains(ParticipantReceipt.Outcome.DONE));
    assertThat(cellsHolding(eventsAgain, ADA_VALUES)).isEmpty();
    assertThat(cellsHolding(eventsAgain, List.of(BOB))).isNotEmpty();
  }

  @Test
  @DisplayName(
      "Art. 18, 19: a restriction placed and lifted at the coordinator is placed and lifted in both participants")
  void restrictionTravels() throws Exception {
    ConfigurableApplicationContext crm = services.startCrm("billing,events");
    ConfigurableApplicationContext billing = services.startBilling(true);
    ConfigurableApplicationContext events = services.startEvents(true);
    DataSubjectRights rights = crm.getBean(DataSubjectRights.class);
    Restrictions restrictions = crm.getBean(Restrictions.class);
    SubjectIdentifier ada = new SubjectIdentifier("customer", "email", ADA);
    RightsRequest request = rights.submit(RequestType.RESTRICTION, ada, Channel.WEB);
    request = rights.verify(request.id(), "email-link");

    restrictions.restrict(request, RestrictionGround.ACCURACY_CONTESTED);
    RightsRequest restriction = request;
    await(
        "both participants restrict",
        () -> rights.outstandingRecipients(restriction.id()).isEmpty());
    for (ConfigurableApplicationContext participant : List.of(billing, events)) {
      assertThat(participant.getBean(Restrictions.class).restriction(ada))
          .as(participant.getId())
          .isPresent();
    }

    restrictions.lift(ada);
    await(
        "both participants lift",
        () ->
            rights.outstandingRecipients(restriction.id()).isEmpty()
                && billing.getBean(Restrictions.class).restriction(ada).isEmpty()
                && events.getBean(Restrictions.class).restriction(ada).isEmpty());
    assertThat(crm.getBean(Acknowledgements.class).forRequest(request.id()))
        .hasSize(4)
        .allSatisfy(
            entry ->
                assertThat(entry.status()).isEqualTo(RecipientAcknowledgement.Status.ACKNOWLEDGED));
  }

  @Test
  @DisplayName(
      "Art. 15: an access request collects both participants' reports into the subject's one report, kept nowhere afterwards")
  void accessCollectsEveryParticipantsShare() throws Exception {
    ConfigurableApplicationContext crm = services.startCrm("billing,events");
    services.startBilling(true);
    services.startEvents(true);
    DataSubjectRights rights = crm.getBean(DataSubjectRights.class);
    RightsRequest request =
        rights.submit(
            RequestType.ACCESS, new SubjectIdentifier("customer", "email", ADA), Channel.WEB);
    rights.verify(request.id(), "email-link");

    rights.collectAccess(request.id());
    await(
        "both participants send their reports",
        () -> rights.outstandingRecipients(request.id()).isEmpty());
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    SubjectReportWriter.writeZip(rights.access(request.id()), zip);

    Map<String, String> entries = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(entries.get("participants/billing.json"))
        .contains("12 Analytical Lane", "Difference engine repair")
        .doesNotContain(BOB);
    assertThat(entries.get("participants/events.json"))
        .contains("Countess of Lovelace")
        .doesNotContain(BOB);
    assertThat(cellsHolding(crm, List.of("12 Analytical Lane", "Countess of Lovelace")))
        .as("no participant's section stays in the coordinator's tables")
        .isEmpty();
    await(
        "the sections are cleared from the broker",
        () -> crm.getBean(Outbox.class).counts().pending() == 0);
  }

  @Test
  @DisplayName(
      "Art. 16, 19, 21, 7(3): a rectification with its values, an objection and a consent withdrawal travel, each carried out under the participant's own names")
  void rectificationObjectionAndWithdrawalTravel() throws Exception {
    ConfigurableApplicationContext crm = services.startCrm("billing,events");
    services.startBilling(true);
    ConfigurableApplicationContext events = services.startEvents(true);
    DataSubjectRights rights = crm.getBean(DataSubjectRights.class);
    Acknowledgements acknowledgements = crm.getBean(Acknowledgements.class);
    SubjectIdentifier ada = new SubjectIdentifier("customer", "email", ADA);

    RightsRequest request = rights.submit(RequestType.RECTIFICATION, ada, Channel.WEB);
    rights.verify(request.id(), "email-link");
    rights.rectify(
        request.id(), new Rectification(Contact.class, 1L, Map.of("name", "Augusta Ada King")));
    await(
        "both participants answer the rectification",
        () -> rights.outstandingRecipients(request.id()).isEmpty());

    assertThat(acknowledgements.forRequest(request.id()))
        .extracting(RecipientAcknowledgement::recipient, entry -> entry.outcome().orElseThrow())
        .containsExactlyInAnyOrder(
            Tuple.tuple("billing", ParticipantReceipt.Outcome.NO_DATA_HELD),
            Tuple.tuple("events", ParticipantReceipt.Outcome.DONE));
    assertThat(cellsHolding(events, List.of("Augusta Ada King")))
        .as("the badge name, mapped from the CRM's name")
        .singleElement()
        .asString()
        .containsIgnoringCase("badge");
    assertThat(cellsHolding(events, List.of("Countess of Lovelace")))
        .as("the old value is gone")
        .isEmpty();
    assertThat(cellsHolding(events, List.of("Bob B."))).as("nobody else's changes").isNotEmpty();

    crm.getBean(Objections.class).object(ada, "event-invitations");
    Objections eventsObjections = events.getBean(Objections.class);
    await(
        "events records the objection on its own purpose",
        () -> eventsObjections.objection(ada, "invitations").isPresent());

    ConsentEvidence evidence =
        new ConsentEvidence("photos-v1", ConsentMethod.WEB_FORM_OPT_IN, false);
    crm.getBean(ConsentLedger.class).give(ada, "event-photos", evidence);
    ConsentLedger eventsConsent = events.getBean(ConsentLedger.class);
    eventsConsent.give(ada, "event-photos", evidence);
    crm.getBean(ConsentLedger.class).withdraw(ada, "event-photos", ConsentMethod.EMAIL);
    await(
        "events withdraws the consent it holds",
        () -> eventsConsent.state(ada, "event-photos") == ConsentState.WITHDRAWN);

    await("every participant's part is settled", () -> acknowledgements.countUnsettled() == 0);
    await(
        "the notices are cleared from the broker",
        () -> crm.getBean(Outbox.class).counts().pending() == 0);
    assertNothingPersonalLeftInBroker(
        crm.getBean(Outbox.class).list(OutboxStatus.DELIVERED, 100).stream()
            .filter(entry -> entry.type().equals(RecipientNotifications.MESSAGE_TYPE))
            .map(OutboxEntry::idempotencyKey)
            .toList());
  }

  @Test
  @DisplayName(
      "Art. 15: a participant's report larger than a broker message travels in chunks and is assembled whole, kept nowhere afterwards")
  void aReportLargerThanOneMessageTravelsInChunks() throws Exception {
    ConfigurableApplicationContext crm = services.startCrm("billing,events");
    ConfigurableApplicationContext billing = services.startBilling(true);
    services.startEvents(true);
    int invoices = 6000;
    EntityManager em = billing.getBean(EntityManagerFactory.class).createEntityManager();
    try {
      em.getTransaction().begin();
      Account ada = em.find(Account.class, 1L);
      for (int i = 0; i < invoices; i++) {
        // Two-byte characters too, so that chunks are cut beside them.
        em.persist(
            new Invoice(1000L + i, ada, String.format("Überholung n° %05d: ", i) + "é".repeat(90)));
      }
      em.getTransaction().commit();
    } finally {
      em.close();
    }
    DataSubjectRights rights = crm.getBean(DataSubjectRights.class);
    RightsRequest request =
        rights.submit(
            RequestType.ACCESS, new SubjectIdentifier("customer", "email", ADA), Channel.WEB);
    rights.verify(request.id(), "email-link");

    rights.collectAccess(request.id());
    await(
        "both participants send their reports",
        () -> rights.outstandingRecipients(request.id()).isEmpty());
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    SubjectReportWriter.writeZip(rights.access(request.id()), zip);

    byte[] section = null;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (entry.getName().equals("participants/billing.json")) {
          section = in.readAllBytes();
        }
      }
    }
    assertThat(section).as("billing's report").isNotNull();
    assertThat(section.length)
        .as("larger than Kafka's default message limit")
        .isGreaterThan(1_048_576);
    String text = new String(section, StandardCharsets.UTF_8);
    assertThat(text)
        .contains("Überholung n° 00000: ", "Überholung n° 05999: ", "12 Analytical Lane")
        .doesNotContain("\uFFFD");
    int invoicesRead = 0;
    try (JsonParser json = new JsonFactory().createParser(ObjectReadContext.empty(), section)) {
      for (var token = json.nextToken(); token != null; token = json.nextToken()) {
        if (token == JsonToken.VALUE_STRING && json.getString().startsWith("Überholung")) {
          invoicesRead++;
        }
      }
    }
    assertThat(invoicesRead)
        .as("every invoice, in a report that parses as one JSON document")
        .isEqualTo(invoices);
    assertThat(cellsHolding(crm, List.of("12 Analytical Lane", "Überholung")))
        .as("no chunk stays in the coordinator's tables")
        .isEmpty();
    await(
        "the chunks are cleared from the broker",
        () -> crm.getBean(Outbox.class).counts().pending() == 0);
  }

  private RightsRequest submitErasure(DataSubjectRights rights) {
    RightsRequest request =
        rights.submit(
            RequestType.ERASURE, new SubjectIdentifier("customer", "email", ADA), Channel.WEB);
    return request.isAwaitingVerification() ? rights.verify(request.id(), "email-link") : request;
  }

  private static SubjectKey subjectIn(ConfigurableApplicationContext service) {
    Set<SubjectKey> subjects =
        service
            .getBean(PersonalDataStore.class)
            .resolve(new SubjectIdentifier("customer", "email", ADA));
    assertThat(subjects).hasSize(1);
    return subjects.iterator().next();
  }

  private static List<String> letheTables(ConfigurableApplicationContext service)
      throws SQLException {
    return Services.letheTables(service.getBean(DataSource.class));
  }
}
