package dev.lethe.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.consent.ConsentEvidence;
import dev.lethe.consent.ConsentMethod;
import dev.lethe.consent.ConsentState;
import dev.lethe.law.RestrictionGround;
import dev.lethe.model.Purpose;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.testing.club.Club;
import dev.lethe.testing.club.ConsentOracle;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Random sequences of consent, objection, suppression and restriction for two members, with the
 * clock moving, checked against what the law says, tracked apart from the services: after every step
 * the guard allows exactly what nothing stands against. In particular it never allows a consent-based
 * purpose without current consent, direct marketing to a suppressed or objecting subject, or anything
 * but storage for a restricted subject.
 */
class ProcessingGuardPropertiesTest {

  private static final List<SubjectIdentifier> SUBJECTS = List.of(Club.ADA, Club.GRACE);
  private static final List<String> CONSENT_PURPOSES = List.of("newsletter", "partner-offers");

  /** The purposes that may be objected to: two on legitimate interests or a public task, two direct marketing. */
  private static final List<String> OBJECTIONABLE =
      List.of("fraud-prevention", "sports-statistics", "newsletter", "event-invitations");

  private static final List<String> PURPOSES_ASKED =
      Stream.concat(Club.MODEL.purposes().stream().map(Purpose::name), Stream.of("no-such-purpose"))
          .toList();
  private static final ConsentEvidence EVIDENCE = ConsentEvidence.of("2025-03", ConsentMethod.API);

  @Property(tries = 300)
  @Label(
      "Art. 6, 7, 18, 21: the guard allows exactly what no missing consent, objection, suppression or restriction stands against")
  void theGuardAllowsExactlyWhatNothingStandsAgainst(
      @ForAll("steps") @Size(max = 30) List<Step> steps) {
    Club club = new Club();
    Law law = new Law();

    for (Step step : steps) {
      SubjectIdentifier subject = SUBJECTS.get(step.subject());
      Instant now = club.clock.instant();
      boolean expected = law.allows(step, subject, now);
      boolean succeeded = run(club, step, subject);
      Statistics.label("step").collect(step.kind(), succeeded ? "succeeds" : "refused");
      assertThat(succeeded).as("%s succeeds", step).isEqualTo(expected);
      if (succeeded) {
        law.apply(step, subject, now);
      }
      for (SubjectIdentifier asked : SUBJECTS) {
        for (String purpose : PURPOSES_ASKED) {
          Instant at = club.clock.instant();
          Decision processing = club.guard.check(asked, purpose);
          Decision storage = club.guard.checkStorage(asked, purpose);
          Statistics.label("decision").collect(processing.reason());
          assertThat(processing.allowed())
              .as("processing of %s for %s: %s", asked, purpose, processing.reason())
              .isEqualTo(
                  law.nothingStandsAgainst(asked, purpose, at) && !law.restricted.contains(asked));
          assertThat(storage.allowed())
              .as("storage of %s for %s: %s", asked, purpose, storage.reason())
              .isEqualTo(law.nothingStandsAgainst(asked, purpose, at));
        }
      }
    }
  }

  /** Runs the step; returns whether it succeeded, or was refused with the exception a refusal throws. */
  private static boolean run(Club club, Step step, SubjectIdentifier subject) {
    try {
      switch (step.kind()) {
        case GIVE -> club.ledger.give(subject, consentPurpose(step), EVIDENCE);
        case GIVE_FOR_DAYS ->
            club.ledger.give(subject, consentPurpose(step), EVIDENCE, Period.ofDays(days(step)));
        case REFUSE -> club.ledger.refuse(subject, consentPurpose(step), EVIDENCE);
        case WITHDRAW -> club.ledger.withdraw(subject, consentPurpose(step), ConsentMethod.EMAIL);
        case EXPIRE -> club.ledger.expire(subject, consentPurpose(step));
        case OBJECT -> club.objections.object(subject, objectionable(step));
        case OVERRIDE ->
            club.objections.recordCompellingGrounds(
                subject, objectionable(step), "Fraud investigation");
        case OBJECT_TO_DIRECT_MARKETING -> club.objections.objectToDirectMarketing(subject);
        case SUPPRESS ->
            club.suppressionList.suppress(subject.identity(), subject.value(), "erased");
        case RESTRICT ->
            club.restrictions.restrict(
                club.restrictionRequest(subject),
                RestrictionGround.values()[step.amount() % RestrictionGround.values().length]);
        case LIFT -> club.restrictions.lift(subject);
        case WAIT -> club.clock.advance(Duration.ofHours(step.amount()));
      }
      return true;
    } catch (IllegalStateException refused) {
      return false;
    }
  }

  private static String consentPurpose(Step step) {
    return CONSENT_PURPOSES.get(step.amount() % CONSENT_PURPOSES.size());
  }

  /** A validity of one to four days, so that waits of up to four days cross it often. */
  private static int days(Step step) {
    return 1 + step.amount() % 4;
  }

  private static String objectionable(Step step) {
    return OBJECTIONABLE.get(step.amount() % OBJECTIONABLE.size());
  }

  /** The subjects' standing under the law, kept from the steps alone. */
  private static final class Law {

    final ConsentOracle consent = new ConsentOracle();
    final Set<String> standingObjections = new HashSet<>();
    final Set<SubjectIdentifier> suppressed = new HashSet<>();
    final Set<SubjectIdentifier> restricted = new HashSet<>();

    /** Whether the step should succeed. */
    boolean allows(Step step, SubjectIdentifier subject, Instant now) {
      return switch (step.kind()) {
        case WITHDRAW, EXPIRE ->
            consent.state(key(subject, consentPurpose(step)), now) == ConsentState.GIVEN;
        // Art. 21(3): an objection to direct marketing is never overridden.
        case OVERRIDE ->
            standingObjections.contains(key(subject, objectionable(step)))
                && !Club.DIRECT_MARKETING.contains(objectionable(step));
        case RESTRICT -> !restricted.contains(subject);
        case LIFT -> restricted.contains(subject);
        default -> true;
      };
    }

    void apply(Step step, SubjectIdentifier subject, Instant now) {
      switch (step.kind()) {
        case GIVE ->
            consent.apply(
                key(subject, consentPurpose(step)), ConsentState.GIVEN, now, Optional.empty());
        case GIVE_FOR_DAYS ->
            consent.apply(
                key(subject, consentPurpose(step)),
                ConsentState.GIVEN,
                now,
                Optional.of(Duration.ofDays(days(step))));
        case REFUSE ->
            consent.apply(
                key(subject, consentPurpose(step)), ConsentState.REFUSED, now, Optional.empty());
        case WITHDRAW ->
            consent.apply(
                key(subject, consentPurpose(step)), ConsentState.WITHDRAWN, now, Optional.empty());
        case EXPIRE ->
            consent.apply(
                key(subject, consentPurpose(step)), ConsentState.EXPIRED, now, Optional.empty());
        case OBJECT -> object(subject, objectionable(step));
        case OVERRIDE -> standingObjections.remove(key(subject, objectionable(step)));
        case OBJECT_TO_DIRECT_MARKETING ->
            Club.DIRECT_MARKETING.forEach(purpose -> object(subject, purpose));
        case SUPPRESS -> suppressed.add(subject);
        case RESTRICT -> restricted.add(subject);
        case LIFT -> restricted.remove(subject);
        case WAIT -> {}
      }
    }

    private void object(SubjectIdentifier subject, String purpose) {
      standingObjections.add(key(subject, purpose));
      if (Club.DIRECT_MARKETING.contains(purpose)) {
        suppressed.add(subject);
      }
    }

    /** Whether anything but a restriction stands against processing {@code subject}'s data for {@code purpose}. */
    boolean nothingStandsAgainst(SubjectIdentifier subject, String purpose, Instant now) {
      Optional<Purpose> declared = Club.MODEL.purpose(purpose);
      if (declared.isEmpty() || standingObjections.contains(key(subject, purpose))) {
        return false;
      }
      if (Club.DIRECT_MARKETING.contains(purpose) && suppressed.contains(subject)) {
        return false;
      }
      return !CONSENT_PURPOSES.contains(purpose)
          || consent.state(key(subject, purpose), now) == ConsentState.GIVEN;
    }

    private static String key(SubjectIdentifier subject, String purpose) {
      return subject.value() + " " + purpose;
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(
            Arbitraries.of(Kind.class),
            Arbitraries.integers().between(0, SUBJECTS.size() - 1),
            Arbitraries.integers().between(1, 96))
        .as(Step::new)
        .list();
  }

  enum Kind {
    GIVE,
    GIVE_FOR_DAYS,
    REFUSE,
    WITHDRAW,
    EXPIRE,
    OBJECT,
    OVERRIDE,
    OBJECT_TO_DIRECT_MARKETING,
    SUPPRESS,
    RESTRICT,
    LIFT,
    WAIT
  }

  /**
   * One step.
   *
   * @param subject index into {@link #SUBJECTS}
   * @param amount picks the purpose, ground or validity, and is the wait in hours
   */
  record Step(Kind kind, int subject, int amount) {}
}
