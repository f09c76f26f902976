package dev.lethe.testing.club;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditSink;
import dev.lethe.audit.AuditTrail;
import dev.lethe.consent.ConsentLedger;
import dev.lethe.consent.ConsentStore;
import dev.lethe.erasure.SuppressionList;
import dev.lethe.erasure.SuppressionStore;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.Purpose;
import dev.lethe.objection.ObjectionStore;
import dev.lethe.objection.Objections;
import dev.lethe.outbox.DispatchResult;
import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.processing.ProcessingGuard;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.restriction.Restriction;
import dev.lethe.restriction.RestrictionStore;
import dev.lethe.restriction.Restrictions;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.IdentityVerifier;
import dev.lethe.rights.PendingNotification;
import dev.lethe.rights.RecipientNotifications;
import dev.lethe.rights.RequestStore;
import dev.lethe.spi.Notification;
import dev.lethe.spi.Outbox;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.testing.MutableClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.function.Executable;

/**
 * The club's consent ledger, objections, restrictions and processing guard, wired on in-memory
 * stores that a test can inspect, with a clock it can move and notifiers that record what they were
 * told. "newsletter" and "event-invitations" are direct marketing.
 */
public final class Club {

  /** The club's model. */
  public static final PersonalDataModel MODEL = PersonalDataModel.scan(Member.class, Booking.class);

  /** The purposes the club configures as direct marketing. */
  public static final List<String> DIRECT_MARKETING = List.of("newsletter", "event-invitations");

  /** A member named by e-mail, as marketing names them. */
  public static final SubjectIdentifier ADA =
      new SubjectIdentifier("member", "email", "ada@example.com");

  /** Another member, to show that nobody else is touched. */
  public static final SubjectIdentifier GRACE =
      new SubjectIdentifier("member", "email", "grace@example.org");

  public final MutableClock clock = MutableClock.at("2025-03-03T09:00:00Z");
  public final AuditTrail audit =
      AuditTrail.of(AuditSink.inMemory(), Pseudonymizer.withKey(new byte[32]), clock);
  public final ConsentStore consentStore = ConsentStore.inMemory();
  public final ObjectionStore objectionStore = ObjectionStore.inMemory();
  public final RestrictionStore restrictionStore = RestrictionStore.inMemory();
  public final RequestStore requestStore = RequestStore.inMemory(clock);
  public final SuppressionList suppressionList;
  public final DataSubjectRights rights;

  /** Every notice delivered to a recipient, in order (Art. 19). */
  public final List<Delivered> delivered = new ArrayList<>();

  /** Every subject told of a lifting, in order (Art. 18(3)). */
  public final List<Restriction> subjectsTold = new ArrayList<>();

  /** Set to make telling the subject fail. */
  public boolean subjectUnreachable;

  public final RecipientNotifications recipientNotifications;

  /** Where notices to recipients wait until {@link #dispatch()} (Art. 19). */
  public final Outbox outbox = Outbox.inMemory();

  private final OutboxDispatcher dispatcher;
  public final ConsentLedger ledger;
  public final Objections objections;
  public final Restrictions restrictions;
  public final ProcessingGuard guard;

  public Club() {
    byte[] suppressionKey = new byte[32];
    suppressionKey[0] = 1;
    suppressionList =
        SuppressionList.of(
            SuppressionStore.inMemory(), Pseudonymizer.withKey(suppressionKey), clock);
    rights =
        DataSubjectRights.builder(audit)
            .clock(clock)
            .requestStore(requestStore)
            .identityVerifier(IdentityVerifier.never())
            .build();
    recipientNotifications =
        RecipientNotifications.builder(
                (recipient, notification) -> delivered.add(new Delivered(recipient, notification)),
                audit)
            .clock(clock)
            .outbox(outbox)
            .build();
    dispatcher =
        OutboxDispatcher.builder(outbox, recipientNotifications.transport()).clock(clock).build();
    ledger = ConsentLedger.builder(MODEL, audit).store(consentStore).clock(clock).build();
    objections =
        Objections.builder(MODEL, audit, suppressionList)
            .directMarketing(DIRECT_MARKETING.toArray(String[]::new))
            .store(objectionStore)
            .requests(requestStore)
            .clock(clock)
            .build();
    restrictions =
        Restrictions.builder(
                MODEL,
                audit,
                recipientNotifications,
                (subject, restriction) -> {
                  if (subjectUnreachable) {
                    throw new IllegalStateException("mail server down");
                  }
                  subjectsTold.add(restriction);
                })
            .store(restrictionStore)
            .requests(requestStore)
            .clock(clock)
            .build();
    guard = ProcessingGuard.of(MODEL, ledger, objections, restrictions, suppressionList);
  }

  /** A restriction request of {@code subject}, received now; no identity check is needed. */
  public RightsRequest restrictionRequest(SubjectIdentifier subject) {
    return rights.submit(RequestType.RESTRICTION, subject, Channel.WEB);
  }

  /** Delivers the notices due in the outbox, as the application's scheduled dispatcher would (Art. 19). */
  public DispatchResult dispatch() {
    return dispatcher.dispatch();
  }

  /** Every audit event so far. */
  public List<AuditEvent> events() {
    try (var events = audit.events()) {
      return events.toList();
    }
  }

  /** Everything the club keeps about {@code subjects}, and everything it audited and told, to compare before and after. */
  public Snapshot snapshot(SubjectIdentifier... subjects) {
    Map<String, Object> kept = new LinkedHashMap<>();
    for (SubjectIdentifier subject : subjects) {
      String who = audit.pseudonymOf(subject).hex();
      for (Purpose purpose : MODEL.purposes()) {
        kept.put(
            who + " consent " + purpose.name(),
            consentStore.history(audit.pseudonymOf(subject), purpose.name()));
        kept.put(
            who + " objection " + purpose.name(),
            objectionStore.find(audit.pseudonymOf(subject), purpose.name()));
      }
      kept.put(who + " restriction", restrictionStore.find(audit.pseudonymOf(subject)));
      kept.put(
          who + " suppressed", suppressionList.isSuppressed(subject.identity(), subject.value()));
    }
    return new Snapshot(
        kept,
        events(),
        List.copyOf(delivered),
        recipientNotifications.pending(),
        List.copyOf(subjectsTold));
  }

  /**
   * Asserts that {@code call} throws {@code type} with a message containing {@code message} and
   * neither member's e-mail address, and that nothing kept, audited or told changed.
   */
  public void assertRefusedWithoutChange(
      Executable call, Class<? extends Throwable> type, String message) {
    Snapshot before = snapshot(ADA, GRACE);

    Throwable thrown = Assertions.assertThrows(type, call);

    assertThat(thrown).hasMessageContaining(message);
    assertThat(thrown.getMessage()).doesNotContain(ADA.value()).doesNotContain(GRACE.value());
    assertThat(snapshot(ADA, GRACE)).isEqualTo(before);
  }

  /** A notice a recipient received. */
  public record Delivered(String recipient, Notification notification) {}

  /** What the club keeps, audited and told at one moment. */
  public record Snapshot(
      Map<String, Object> kept,
      List<AuditEvent> events,
      List<Delivered> delivered,
      List<PendingNotification> pendingNotices,
      List<Restriction> subjectsTold) {}
}
