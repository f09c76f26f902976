package dev.lethe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.consent.ConsentEvidence;
import dev.lethe.consent.ConsentMethod;
import dev.lethe.erasure.ErasureReceipt;
import dev.lethe.law.ErasureGround;
import dev.lethe.law.RestrictionGround;
import dev.lethe.records.Contact;
import dev.lethe.records.Controller;
import dev.lethe.records.Recipient;
import dev.lethe.records.SupervisoryAuthority;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.DeadlinePolicy;
import dev.lethe.rights.IdentityVerifier;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.testing.MutableClock;
import dev.lethe.testing.club.Club;
import dev.lethe.testing.club.Member;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one entry point: every service over one model, clock, pseudonymisation key and audit trail. */
class LetheTest {

  private static final SubjectIdentifier ADA = Club.ADA;
  private static final Controller CONTROLLER =
      Controller.of(
              "The Club",
              "1 Club Road",
              Contact.of("dpo@club.example"),
              SupervisoryAuthority.of("Authority", "https://authority.example"))
          .withRecipients(
              Stream.of("payment-provider", "email-host", "partner", "venue")
                  .map(name -> Recipient.processor(name, "Processing for the club", "NL"))
                  .toArray(Recipient[]::new));

  private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  private final Pseudonymizer pseudonymizer = Pseudonymizer.withKey(new byte[32]);
  private final PersonalDataStore members =
      PersonalDataStore.inMemory(Club.MODEL, pseudonymizer)
          .add(
              new Member(1L, "ada@example.com", "Ada"),
              new Member(2L, "grace@example.org", "Grace"));

  private Lethe.Builder lethe() {
    return Lethe.builder(Club.MODEL, pseudonymizer)
        .clock(clock)
        .identityVerifier(IdentityVerifier.never());
  }

  @Test
  @DisplayName("Art. 5(2): what each service records lands in one audit chain, on one clock")
  void art5_2_oneAuditTrailForEveryService() {
    Lethe lethe =
        lethe().personalData(members).subjectNotifier((subject, restriction) -> {}).build();

    lethe
        .consent()
        .give(ADA, "newsletter", ConsentEvidence.of("v1", ConsentMethod.WEB_FORM_OPT_IN));
    lethe.objections().object(ADA, "event-invitations");
    RightsRequest restriction = lethe.rights().submit(RequestType.RESTRICTION, ADA, Channel.WEB);
    lethe.restrictions().restrict(restriction, RestrictionGround.ACCURACY_CONTESTED);

    List<AuditEvent> events;
    try (Stream<AuditEvent> all = lethe.audit().events()) {
      events = all.toList();
    }
    assertThat(events)
        .extracting(AuditEvent::type)
        .contains(
            AuditEventType.CONSENT_GIVEN,
            AuditEventType.OBJECTION_RECORDED,
            AuditEventType.REQUEST_SUBMITTED,
            AuditEventType.RESTRICTION_PLACED);
    assertThat(events)
        .extracting(AuditEvent::occurredAt)
        .containsOnly(Instant.parse("2026-03-02T09:00:00Z"));
    assertThat(lethe.audit().verify().isIntact()).isTrue();
  }

  @Test
  @DisplayName(
      "Art. 6, 7(3), 18(2), 21: the guard sees what the consent ledger, objections and restrictions of the same Lethe hold")
  void art6_art18_art21_guardSeesTheOtherServices() {
    Lethe lethe = lethe().subjectNotifier((subject, restriction) -> {}).build();
    assertThat(lethe.guard().check(ADA, "newsletter").allowed()).as("no consent yet").isFalse();

    lethe
        .consent()
        .give(ADA, "newsletter", ConsentEvidence.of("v1", ConsentMethod.WEB_FORM_OPT_IN));
    assertThat(lethe.guard().check(ADA, "newsletter").allowed()).isTrue();

    lethe.objections().object(ADA, "event-invitations");
    assertThat(lethe.guard().check(ADA, "event-invitations").allowed()).isFalse();

    RightsRequest restriction = lethe.rights().submit(RequestType.RESTRICTION, ADA, Channel.WEB);
    lethe.restrictions().restrict(restriction, RestrictionGround.ACCURACY_CONTESTED);
    assertThat(lethe.guard().check(ADA, "membership").allowed()).isFalse();
    assertThat(lethe.guard().check(Club.GRACE, "membership").allowed()).isTrue();
  }

  @Test
  @DisplayName(
      "Art. 18(1): a restriction request is fulfilled only once its subject's processing is restricted")
  void art18_1_restrictionRequestFulfilledOnlyOnceRestricted() {
    Lethe lethe = lethe().subjectNotifier((subject, restriction) -> {}).build();
    RightsRequest request = lethe.rights().submit(RequestType.RESTRICTION, ADA, Channel.WEB);

    assertNotFulfilled(
        lethe, request, "no restriction of its subject's processing stands", "Art. 18(1)");

    lethe.restrictions().restrict(request, RestrictionGround.ACCURACY_CONTESTED);
    assertThat(lethe.rights().fulfil(request.id()).status()).isEqualTo(RequestStatus.FULFILLED);
  }

  @Test
  @DisplayName(
      "Art. 21: an objection request is fulfilled only once the objection is recorded for it, audited with the request")
  void art21_objectionRequestFulfilledOnlyOnceRecorded() {
    Lethe lethe = lethe().build();
    RightsRequest request = lethe.rights().submit(RequestType.OBJECTION, ADA, Channel.WEB);
    RightsRequest restriction = lethe.rights().submit(RequestType.RESTRICTION, ADA, Channel.WEB);

    assertNotFulfilled(
        lethe, request, "no objection of its subject was recorded for it", "Art. 21");
    assertThatThrownBy(() -> lethe.objections().objectFor(request, "membership"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[event-invitations, fraud-prevention, sports-statistics]");
    assertThatThrownBy(() -> lethe.objections().objectFor(restriction, "event-invitations"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("an objection is recorded for an OBJECTION request (Art. 21)");
    assertThat(lethe.objections().objections(ADA)).isEmpty();

    lethe.objections().objectFor(request, "event-invitations");
    assertThat(lethe.rights().fulfil(request.id()).status()).isEqualTo(RequestStatus.FULFILLED);
    RightsRequest fulfilled = lethe.rights().find(request.id()).orElseThrow();
    assertThatThrownBy(() -> lethe.objections().objectFor(fulfilled, "fraud-prevention"))
        .as("a fulfilled request records no more")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is FULFILLED");
    try (Stream<AuditEvent> events = lethe.audit().events()) {
      assertThat(events.filter(event -> event.type() == AuditEventType.OBJECTION_RECORDED))
          .singleElement()
          .satisfies(event -> assertThat(event.requestId()).contains(request.id()));
    }
  }

  @Test
  @DisplayName(
      "Art. 18(1), 21: a copy of a request read before it was cancelled places nothing: the stored request decides")
  void art18_1_art21_aCopyReadBeforeTheRequestClosedPlacesNothing() {
    Lethe lethe = lethe().subjectNotifier((subject, restriction) -> {}).build();
    RightsRequest restriction = lethe.rights().submit(RequestType.RESTRICTION, ADA, Channel.WEB);
    RightsRequest objection = lethe.rights().submit(RequestType.OBJECTION, ADA, Channel.WEB);
    lethe.rights().cancel(restriction.id(), "withdrawn by the subject");
    lethe.rights().cancel(objection.id(), "withdrawn by the subject");
    RightsRequest elsewhere =
        lethe().build().rights().submit(RequestType.RESTRICTION, ADA, Channel.WEB);

    assertThatThrownBy(
            () -> lethe.restrictions().restrict(restriction, RestrictionGround.ACCURACY_CONTESTED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is CANCELLED");
    assertThatThrownBy(() -> lethe.objections().objectFor(objection, "event-invitations"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is CANCELLED");
    assertThatThrownBy(
            () -> lethe.restrictions().restrict(elsewhere, RestrictionGround.ACCURACY_CONTESTED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not one of this service's requests");
    assertThat(lethe.restrictions().restriction(ADA)).isEmpty();
    assertThat(lethe.objections().objections(ADA)).isEmpty();
    try (Stream<AuditEvent> events = lethe.audit().events()) {
      assertThat(events.map(AuditEvent::type))
          .doesNotContain(AuditEventType.RESTRICTION_PLACED, AuditEventType.OBJECTION_RECORDED);
    }
  }

  @Test
  @DisplayName(
      "Art. 21: an objection that stood before the request carries it out; one overridden before it does not")
  void art21_objectionThatStoodBeforeTheRequestCounts() {
    Lethe lethe = lethe().build();
    lethe.objections().object(ADA, "event-invitations");
    lethe.objections().object(Club.GRACE, "event-invitations");
    lethe.objections().recordCompellingGrounds(Club.GRACE, "event-invitations", "legal claims");
    clock.advance(Duration.ofMinutes(1));
    RightsRequest standing = lethe.rights().submit(RequestType.OBJECTION, ADA, Channel.WEB);
    RightsRequest overridden =
        lethe.rights().submit(RequestType.OBJECTION, Club.GRACE, Channel.WEB);

    assertThat(lethe.rights().fulfil(standing.id()).status()).isEqualTo(RequestStatus.FULFILLED);
    assertNotFulfilled(
        lethe, overridden, "no objection of its subject was recorded for it", "Art. 21");
  }

  /** Refused, naming what is missing and the article without the subject's identity; nothing changed. */
  private static void assertNotFulfilled(
      Lethe lethe, RightsRequest request, String missing, String article) {
    assertThatThrownBy(() -> lethe.rights().fulfil(request.id()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(missing)
        .hasMessageContaining(article)
        .hasMessageNotContaining(request.subject().value());
    assertThat(lethe.rights().find(request.id()).orElseThrow().status())
        .isEqualTo(request.status());
    try (Stream<AuditEvent> events = lethe.audit().events()) {
      assertThat(events.filter(event -> event.type() == AuditEventType.REQUEST_FULFILLED))
          .noneMatch(event -> event.requestId().equals(Optional.of(request.id())));
    }
  }

  @Test
  @DisplayName(
      "Art. 17(1), 19, 21(3): an erasure through Lethe erases, suppresses when asked, and leaves notices to recipients in the outbox")
  void art17_art19_erasureThroughTheGraph() {
    List<ErasureReceipt> receipts = new ArrayList<>();
    Lethe lethe =
        lethe()
            .personalData(members)
            .suppressAfterErasure(true)
            .erasureListener(receipts::add)
            .build();
    DataSubjectRights rights = lethe.rights();

    RightsRequest erasure = rights.submit(RequestType.ERASURE, ADA, Channel.WEB);
    ErasureReceipt receipt = rights.erase(erasure.id(), ErasureGround.CONSENT_WITHDRAWN);

    assertThat(receipts).containsExactly(receipt);
    assertThat(members.resolve(ADA)).isEmpty();
    assertThat(members.resolve(Club.GRACE)).hasSize(1);
    assertThat(lethe.suppressionList().isSuppressed("email", "ada@example.com")).isTrue();
    assertThat(lethe.recipientNotifications().pending())
        .as("no notifier given: the notices wait, none is lost")
        .isNotEmpty();
    assertThat(lethe.dispatcher(Map.of()).build().dispatch().delivered()).isZero();
  }

  @Test
  @DisplayName("Art. 18(3): without a subject notifier, a restriction cannot be lifted and stays")
  void art18_3_noSubjectNotifierKeepsTheRestriction() {
    Lethe lethe = lethe().build();
    RightsRequest restriction = lethe.rights().submit(RequestType.RESTRICTION, ADA, Channel.WEB);
    lethe.restrictions().restrict(restriction, RestrictionGround.ACCURACY_CONTESTED);

    assertThatThrownBy(() -> lethe.restrictions().lift(ADA))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No SubjectNotifier is configured")
        .hasMessageContaining("Art. 18(3)");
    assertThat(lethe.restrictions().restriction(ADA)).isPresent();
  }

  @Test
  @DisplayName(
      "Art. 12(3), 13(2)(b): the deadlines given to Lethe are the rights service's and the privacy notice's")
  void art12_3_art13_deadlinesReachTheNotice() throws IOException {
    Lethe lethe =
        lethe()
            .controller(CONTROLLER)
            .deadlines(DeadlinePolicy.article12().withPeriod(RequestType.ACCESS, Period.ofDays(28)))
            .build();

    RightsRequest access = lethe.rights().submit(RequestType.ACCESS, ADA, Channel.WEB);
    assertThat(access.dueDate()).isEqualTo(LocalDate.parse("2026-03-30"));
    StringWriter notice = new StringWriter();
    lethe.privacyNotice().writeMarkdown(notice);
    assertThat(notice.toString()).contains("28 days");
    assertThat(lethe.privacyNotice().date())
        .as("dated the first day its version was seen")
        .contains(LocalDate.parse("2026-03-02"));
    assertThat(lethe.records().activities()).isNotEmpty();
  }

  @Test
  @DisplayName("What needs a part Lethe was built without says which part, and changes nothing")
  void missingPartsAreNamed() {
    Lethe lethe = lethe().build();
    assertThatThrownBy(lethe::records)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("controller(..)");
    assertThatThrownBy(lethe::privacyNotice)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("controller(..)");
    assertThatThrownBy(lethe::legalHolds)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("personalData(store)");
    assertThat(lethe.personalData()).isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e), 15: participants without this service's name are refused when Lethe is built, since their report sections could not be cleared")
  void participantsNeedTheServiceName() {
    Lethe.Builder builder = lethe().participants(List.of("billing"));
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("serviceName(..)");
    assertThat(builder.serviceName("crm").build().acknowledgements().participants())
        .containsExactly("billing");
  }

  @Test
  @DisplayName(
      "Art. 5(2): no rights service audits to a trail nobody keeps: its builder needs the audit trail")
  void art5_2_rightsServiceNeedsItsAuditTrail() {
    List<Method> builders =
        Arrays.stream(DataSubjectRights.class.getMethods())
            .filter(
                method ->
                    method.getName().equals("builder") && Modifier.isStatic(method.getModifiers()))
            .toList();
    assertThat(builders)
        .singleElement()
        .satisfies(
            builder -> assertThat(builder.getParameterTypes()).containsExactly(AuditTrail.class));
  }

  @Test
  @DisplayName(
      "Art. 5(2), 15: no public service exports a subject's data without a request and its audit event")
  void art15_noExportWithoutARequest() {
    assertThatThrownBy(() -> Class.forName("dev.lethe.access.SubjectReports"))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
