package dev.lethe.restriction;

import static dev.lethe.testing.club.Club.ADA;
import static dev.lethe.testing.club.Club.GRACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.law.RestrictionGround;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.IdentityVerifier;
import dev.lethe.spi.Notification;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.testing.club.Club;
import dev.lethe.testing.club.Club.Delivered;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RestrictionsTest {

  /** Every recipient of a member's data: those of the member's own purposes and of its bookings'. */
  private static final List<String> RECIPIENTS =
      List.of("payment-provider", "venue", "email-host", "partner");

  private final Club club = new Club();
  private final Restrictions restrictions = club.restrictions;

  @Test
  @DisplayName(
      "Art. 18(1), 19: a restriction is placed on its ground, audited, and passed on to every recipient")
  void aRestrictionIsPlacedAndPassedOn() {
    RightsRequest request = club.restrictionRequest(ADA);
    Instant until = club.clock.instant().plus(Duration.ofDays(14));

    Restriction restriction =
        restrictions.restrict(request, RestrictionGround.ACCURACY_CONTESTED, until);
    club.dispatch();

    assertThat(restriction)
        .isEqualTo(
            new Restriction(
                club.audit.pseudonymOf(ADA),
                request.id(),
                RestrictionGround.ACCURACY_CONTESTED,
                club.clock.instant(),
                Optional.of(until)));
    assertThat(restrictions.restriction(ADA)).contains(restriction);
    assertThat(restrictions.restriction(GRACE)).isEmpty();
    Notification placed = new Notification(request.id(), RequestType.RESTRICTION, ADA);
    assertThat(club.delivered)
        .extracting(Delivered::recipient)
        .containsExactlyInAnyOrderElementsOf(RECIPIENTS);
    assertThat(club.delivered).extracting(Delivered::notification).containsOnly(placed);
    assertThat(club.events())
        .filteredOn(event -> event.type() == AuditEventType.RESTRICTION_PLACED)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.requestId()).contains(request.id());
              assertThat(event.attributes())
                  .containsEntry("ground", "ACCURACY_CONTESTED")
                  .containsEntry("until", until.toString());
            });
    assertThat(club.events())
        .filteredOn(event -> event.type() == AuditEventType.RECIPIENT_NOTIFIED)
        .hasSize(4);
  }

  @Test
  @DisplayName(
      "Art. 18(3), 19: lifting tells the subject first, then lifts, then tells every recipient")
  void liftingTellsTheSubjectFirst() {
    List<String> order = new ArrayList<>();
    Restrictions observed =
        Restrictions.builder(
                Club.MODEL,
                club.audit,
                club.recipientNotifications,
                (subject, restriction) -> {
                  assertThat(subject).isEqualTo(ADA);
                  order.add(
                      "subject told while restricted: "
                          + club.restrictionStore.find(restriction.subject()).isPresent()
                          + ", recipients told of lifting: "
                          + club.delivered.stream()
                              .anyMatch(d -> d.notification().restrictionLifted()));
                })
            .store(club.restrictionStore)
            .clock(club.clock)
            .build();
    RightsRequest request = club.restrictionRequest(ADA);
    Restriction placed = observed.restrict(request, RestrictionGround.NEEDED_FOR_LEGAL_CLAIMS);
    club.dispatch();
    club.delivered.clear();
    club.clock.advanceDays(10);

    assertThat(observed.lift(ADA)).isEqualTo(placed);
    club.dispatch();

    assertThat(order)
        .containsExactly("subject told while restricted: true, recipients told of lifting: false");
    assertThat(observed.restriction(ADA)).isEmpty();
    assertThat(club.delivered)
        .extracting(Delivered::recipient)
        .containsExactlyInAnyOrderElementsOf(RECIPIENTS);
    assertThat(club.delivered)
        .extracting(Delivered::notification)
        .containsOnly(Notification.restrictionLifted(request.id(), ADA));
    AuditEvent lifted =
        club.events().stream()
            .filter(event -> event.type() == AuditEventType.RESTRICTION_LIFTED)
            .findFirst()
            .orElseThrow();
    assertThat(lifted.requestId()).contains(request.id());
    assertThat(lifted.attributes()).containsEntry("subjectNotified", "true");
    assertThat(club.events())
        .filteredOn(event -> event.sequence() > lifted.sequence())
        .hasSize(4)
        .allSatisfy(
            event -> assertThat(event.attributes()).containsEntry("restrictionLifted", "true"));
    assertThat(club.events())
        .allSatisfy(event -> assertThat(event.toString()).doesNotContain(ADA.value()));
  }

  @Test
  @DisplayName(
      "Art. 18(3): if the subject cannot be told, the restriction stays and nothing changes")
  void theRestrictionStaysIfTheSubjectCannotBeTold() {
    restrictions.restrict(club.restrictionRequest(ADA), RestrictionGround.ACCURACY_CONTESTED);
    club.subjectUnreachable = true;

    club.assertRefusedWithoutChange(
        () -> restrictions.lift(ADA), IllegalStateException.class, "mail server down");

    assertThat(restrictions.restriction(ADA)).isPresent();
  }

  @Test
  @DisplayName("Art. 18(3): lifting an absent restriction is refused and changes nothing")
  void liftingAnAbsentRestrictionIsRefused() {
    club.assertRefusedWithoutChange(
        () -> restrictions.lift(ADA),
        IllegalStateException.class,
        "not restricted: there is no restriction to lift");
    restrictions.restrict(club.restrictionRequest(ADA), RestrictionGround.ACCURACY_CONTESTED);
    restrictions.lift(ADA);
    club.assertRefusedWithoutChange(
        () -> restrictions.lift(ADA), IllegalStateException.class, "not restricted");
    assertThat(club.subjectsTold).hasSize(1);
  }

  @Test
  @DisplayName(
      "Art. 18(3), 5(2), 19: a lift that finds the restriction lifted meanwhile by another replica is refused, audits nothing and tells no recipient")
  void aLiftThatLosesTheRaceIsRefused() {
    // The other replica's lift commits while this one tells the subject: this one's delete then
    // finds nothing.
    Restrictions racing =
        Restrictions.builder(
                Club.MODEL,
                club.audit,
                club.recipientNotifications,
                (subject, restriction) -> club.restrictionStore.remove(restriction.subject()))
            .store(club.restrictionStore)
            .clock(club.clock)
            .build();
    racing.restrict(club.restrictionRequest(ADA), RestrictionGround.ACCURACY_CONTESTED);
    club.dispatch();
    club.delivered.clear();

    assertThatThrownBy(() -> racing.lift(ADA))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lifted by another caller");
    club.dispatch();

    assertThat(club.events())
        .filteredOn(event -> event.type() == AuditEventType.RESTRICTION_LIFTED)
        .isEmpty();
    assertThat(club.delivered).isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 18(1): a subject already restricted is not restricted again, and nothing changes")
  void aSubjectIsRestrictedOnce() {
    restrictions.restrict(club.restrictionRequest(ADA), RestrictionGround.ACCURACY_CONTESTED);
    RightsRequest second = club.restrictionRequest(ADA);

    club.assertRefusedWithoutChange(
        () -> restrictions.restrict(second, RestrictionGround.NEEDED_FOR_LEGAL_CLAIMS),
        IllegalStateException.class,
        "already restricted");
  }

  @Test
  @DisplayName(
      "Art. 18(1), 12(6): a restriction needs a restriction request that is neither closed nor awaiting its identity check")
  void aRestrictionNeedsAFitRequest() {
    RightsRequest erasure = club.rights.submit(RequestType.ERASURE, ADA, Channel.WEB);
    RightsRequest cancelled = club.rights.cancel(club.restrictionRequest(ADA).id(), "asked twice");
    RightsRequest fulfilled = club.rights.fulfil(club.restrictionRequest(ADA).id());
    RightsRequest unverified =
        DataSubjectRights.builder(club.audit)
            .clock(club.clock)
            .requestStore(club.requestStore)
            .identityVerifier(IdentityVerifier.always())
            .build()
            .submit(RequestType.RESTRICTION, ADA, Channel.EMAIL);

    club.assertRefusedWithoutChange(
        () -> restrictions.restrict(erasure, RestrictionGround.ACCURACY_CONTESTED),
        IllegalArgumentException.class,
        "is an erasure request");
    club.assertRefusedWithoutChange(
        () -> restrictions.restrict(cancelled, RestrictionGround.ACCURACY_CONTESTED),
        IllegalArgumentException.class,
        "is CANCELLED");
    club.assertRefusedWithoutChange(
        () -> restrictions.restrict(fulfilled, RestrictionGround.ACCURACY_CONTESTED),
        IllegalArgumentException.class,
        "is FULFILLED");
    club.assertRefusedWithoutChange(
        () -> restrictions.restrict(unverified, RestrictionGround.ACCURACY_CONTESTED),
        IllegalArgumentException.class,
        "awaits its identity check (Art. 12(6))");
  }

  @Test
  @DisplayName(
      "Art. 18(1): a copy of the request read before it was cancelled places nothing: the stored request decides")
  void aCopyReadBeforeTheRequestWasCancelledPlacesNothing() {
    RightsRequest read = club.restrictionRequest(ADA);
    club.rights.cancel(read.id(), "withdrawn by the subject");

    club.assertRefusedWithoutChange(
        () -> restrictions.restrict(read, RestrictionGround.ACCURACY_CONTESTED),
        IllegalArgumentException.class,
        "is CANCELLED");
  }

  @Test
  void badArgumentsAreRefusedAndChangeNothing() {
    RightsRequest request = club.restrictionRequest(ADA);
    RightsRequest stranger =
        club.restrictionRequest(new SubjectIdentifier("visitor", "email", "ada@example.com"));

    club.assertRefusedWithoutChange(
        () ->
            restrictions.restrict(
                request, RestrictionGround.ACCURACY_CONTESTED, club.clock.instant()),
        IllegalArgumentException.class,
        "must come after its start");
    club.assertRefusedWithoutChange(
        () -> restrictions.restrict(stranger, RestrictionGround.ACCURACY_CONTESTED),
        IllegalArgumentException.class,
        "No subject type 'visitor'");
    club.assertRefusedWithoutChange(
        () -> restrictions.restrict(null, RestrictionGround.ACCURACY_CONTESTED),
        NullPointerException.class,
        "request");
    club.assertRefusedWithoutChange(
        () -> restrictions.restrict(request, null), NullPointerException.class, "ground");
    club.assertRefusedWithoutChange(
        () -> restrictions.lift(null), NullPointerException.class, "subject");
  }
}
