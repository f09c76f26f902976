package dev.lethe.objection;

import static dev.lethe.testing.club.Club.ADA;
import static dev.lethe.testing.club.Club.GRACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.processing.Decision.Reason;
import dev.lethe.testing.club.Club;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ObjectionsTest {

  private static final String GROUNDS = "Ada's card was used in three chargebacks";

  private final Club club = new Club();
  private final Objections objections = club.objections;

  @Test
  @DisplayName(
      "Art. 21(1): an objection to legitimate interests holds until the controller records compelling grounds")
  void anObjectionHoldsUntilCompellingGroundsAreRecorded() {
    Objection objection = objections.object(ADA, "fraud-prevention");

    assertThat(objection.stands()).isTrue();
    assertThat(objection.directMarketing()).isFalse();
    assertThat(club.guard.check(ADA, "fraud-prevention").reason()).isEqualTo(Reason.OBJECTION);
    assertThat(club.guard.check(GRACE, "fraud-prevention").reason()).isEqualTo(Reason.BASIS_ALLOWS);

    club.clock.advanceDays(2);
    Objection overridden = objections.recordCompellingGrounds(ADA, "fraud-prevention", GROUNDS);

    assertThat(overridden.stands()).isFalse();
    assertThat(overridden.overriddenBy())
        .hasValueSatisfying(
            grounds -> {
              assertThat(grounds.grounds()).isEqualTo(GROUNDS);
              assertThat(grounds.recordedAt()).isEqualTo(club.clock.instant());
            });
    assertThat(objections.objection(ADA, "fraud-prevention")).contains(overridden);
    assertThat(club.guard.check(ADA, "fraud-prevention").reason())
        .isEqualTo(Reason.COMPELLING_GROUNDS);
    assertThat(club.events())
        .extracting(AuditEvent::type)
        .containsExactly(AuditEventType.OBJECTION_RECORDED, AuditEventType.OBJECTION_OVERRIDDEN);
    assertThat(club.events())
        .allSatisfy(
            event ->
                assertThat(event.toString())
                    .doesNotContain("chargebacks")
                    .doesNotContain(ADA.value()));
    assertThat(overridden.toString()).doesNotContain("chargebacks");
  }

  @Test
  @DisplayName("Art. 21(1): an objection to a public task holds too")
  void anObjectionToAPublicTaskHolds() {
    objections.object(ADA, "sports-statistics");

    assertThat(club.guard.check(ADA, "sports-statistics").reason()).isEqualTo(Reason.OBJECTION);
    assertThat(club.events())
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.attributes())
                    .containsEntry("purpose", "sports-statistics")
                    .containsEntry("basis", "PUBLIC_TASK")
                    .containsEntry("directMarketing", "false"));
  }

  @Test
  @DisplayName(
      "Art. 21(2), 21(3): an objection to direct marketing is absolute and suppresses the contact")
  void anObjectionToDirectMarketingIsAbsolute() {
    Objection objection = objections.object(ADA, "event-invitations");

    assertThat(objection.directMarketing()).isTrue();
    assertThat(club.suppressionList.isSuppressed("email", " ADA@example.com")).isTrue();
    assertThat(club.suppressionList.isSuppressed("email", GRACE.value())).isFalse();
    assertThat(club.guard.check(ADA, "event-invitations").reason())
        .isEqualTo(Reason.DIRECT_MARKETING_OBJECTION);
    assertThat(club.guard.check(ADA, "newsletter").reason()).isEqualTo(Reason.SUPPRESSED);
    club.assertRefusedWithoutChange(
        () -> objections.recordCompellingGrounds(ADA, "event-invitations", GROUNDS),
        IllegalStateException.class,
        "absolute");
  }

  @Test
  @DisplayName(
      "Art. 21(2): objecting to direct marketing covers every direct-marketing purpose, whatever its basis")
  void objectingToDirectMarketingCoversEveryMarketingPurpose() {
    assertThat(objections.objectToDirectMarketing(ADA))
        .extracting(Objection::purpose)
        .containsExactly("newsletter", "event-invitations");

    assertThat(objections.objection(ADA, "newsletter"))
        .hasValueSatisfying(o -> assertThat(o.stands()).isTrue());
    assertThat(objections.objection(ADA, "partner-offers")).isEmpty();
    assertThat(club.events())
        .extracting(AuditEvent::type)
        .containsOnly(AuditEventType.OBJECTION_RECORDED)
        .hasSize(2);
  }

  @Test
  void objectingAgainWhileTheObjectionStandsChangesNothing() {
    Objection first = objections.object(ADA, "fraud-prevention");
    club.clock.advanceDays(1);
    Club.Snapshot before = club.snapshot(ADA, GRACE);

    assertThat(objections.object(ADA, "fraud-prevention")).isEqualTo(first);

    assertThat(club.snapshot(ADA, GRACE)).isEqualTo(before);
  }

  @Test
  @DisplayName("Art. 21(1): after an override, the subject may object again")
  void theSubjectMayObjectAgainAfterAnOverride() {
    objections.object(ADA, "fraud-prevention");
    objections.recordCompellingGrounds(ADA, "fraud-prevention", GROUNDS);
    club.clock.advanceDays(30);

    Objection again = objections.object(ADA, "fraud-prevention");

    assertThat(again.stands()).isTrue();
    assertThat(again.objectedAt()).isEqualTo(club.clock.instant());
    assertThat(club.guard.check(ADA, "fraud-prevention").reason()).isEqualTo(Reason.OBJECTION);
  }

  @Test
  @DisplayName(
      "Art. 21: objecting to a purpose whose basis opens no objection is refused, naming it, and changes nothing")
  void noObjectionWhereTheBasisOpensNone() {
    club.assertRefusedWithoutChange(
        () -> objections.object(ADA, "membership"),
        IllegalArgumentException.class,
        "Purpose 'membership' rests on Performance of a contract (Art. 6(1)(b)) and is not direct marketing");
    club.assertRefusedWithoutChange(
        () -> objections.object(ADA, "tax"), IllegalArgumentException.class, "'tax'");
    club.assertRefusedWithoutChange(
        () -> objections.object(ADA, "emergencies"),
        IllegalArgumentException.class,
        "'emergencies'");
    club.assertRefusedWithoutChange(
        () -> objections.object(ADA, "partner-offers"),
        IllegalArgumentException.class,
        "'partner-offers' rests on Consent");
    club.assertRefusedWithoutChange(
        () -> objections.object(ADA, "no-such-purpose"),
        IllegalArgumentException.class,
        "No purpose 'no-such-purpose' is declared");
  }

  @Test
  @DisplayName(
      "Art. 21(1): compelling grounds without a standing objection are refused and change nothing")
  void compellingGroundsNeedAStandingObjection() {
    club.assertRefusedWithoutChange(
        () -> objections.recordCompellingGrounds(ADA, "fraud-prevention", GROUNDS),
        IllegalStateException.class,
        "no standing objection to purpose 'fraud-prevention'");
    objections.object(ADA, "fraud-prevention");
    objections.recordCompellingGrounds(ADA, "fraud-prevention", GROUNDS);
    club.assertRefusedWithoutChange(
        () -> objections.recordCompellingGrounds(ADA, "fraud-prevention", GROUNDS),
        IllegalStateException.class,
        "no standing objection");
    club.assertRefusedWithoutChange(
        () -> objections.recordCompellingGrounds(ADA, "fraud-prevention", " "),
        IllegalArgumentException.class,
        "grounds must not be blank");
  }

  @Test
  void badArgumentsAreRefusedAndChangeNothing() {
    club.assertRefusedWithoutChange(
        () -> objections.object(null, "fraud-prevention"), NullPointerException.class, "subject");
    club.assertRefusedWithoutChange(
        () -> objections.objectToDirectMarketing(null), NullPointerException.class, "subject");
  }

  @Test
  void directMarketingPurposesMustBeDeclared() {
    var builder = Objections.builder(Club.MODEL, club.audit, club.suppressionList);

    assertThatThrownBy(() -> builder.directMarketing("newsletter", "flyers"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No purpose 'flyers' is declared");
  }

  @Test
  void objectingToDirectMarketingNeedsDirectMarketingPurposes() {
    Objections none = Objections.builder(Club.MODEL, club.audit, club.suppressionList).build();

    club.assertRefusedWithoutChange(
        () -> none.objectToDirectMarketing(ADA),
        IllegalStateException.class,
        "No purpose is configured as direct marketing");
    assertThat(none.isDirectMarketing("newsletter")).isFalse();
  }
}
