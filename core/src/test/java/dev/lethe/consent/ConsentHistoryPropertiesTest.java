package dev.lethe.consent;

import static dev.lethe.testing.club.Club.ADA;
import static dev.lethe.testing.club.Club.GRACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.testing.club.Club;
import dev.lethe.testing.club.ConsentOracle;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Random histories of giving, refusing, withdrawing and ending consent, with the clock moving in
 * between, checked against an oracle written apart from the ledger: the state is always that of the
 * last effective event, the history only grows, and a refused call changes nothing.
 */
class ConsentHistoryPropertiesTest {

  /** Two consent purposes, one purpose on another basis and one the model does not declare. */
  private static final List<String> PURPOSES =
      List.of("newsletter", "partner-offers", "membership", "no-such-purpose");

  private static final List<String> CONSENT_PURPOSES = PURPOSES.subList(0, 2);

  @Property
  @Label(
      "Art. 7: the current consent state is always the last effective event, and refused calls change nothing")
  void stateIsTheLastEffectiveEvent(@ForAll("steps") @Size(max = 40) List<Step> steps) {
    Club club = new Club();
    ConsentOracle oracle = new ConsentOracle();
    ConsentEvidence evidence = ConsentEvidence.of("2025-03", ConsentMethod.WEB_FORM_OPT_IN);

    for (Step step : steps) {
      if (step.kind() == Kind.WAIT) {
        club.clock.advance(Duration.ofHours(step.amount()));
        continue;
      }
      String purpose = PURPOSES.get(step.purpose());
      Instant now = club.clock.instant();
      boolean consentPurpose = CONSENT_PURPOSES.contains(purpose);
      boolean succeeds =
          consentPurpose
              && switch (step.kind()) {
                case WITHDRAW, EXPIRE -> oracle.state(purpose, now) == ConsentState.GIVEN;
                default -> true;
              };
      Statistics.label("step").collect(step.kind(), succeeds ? "succeeds" : "refused");
      Club.Snapshot before = club.snapshot(ADA, GRACE);
      List<ConsentRecord> historyBefore =
          consentPurpose ? club.ledger.history(ADA, purpose) : List.of();
      Runnable call =
          switch (step.kind()) {
            case GIVE -> () -> club.ledger.give(ADA, purpose, evidence);
            case GIVE_FOR_DAYS ->
                () -> club.ledger.give(ADA, purpose, evidence, Period.ofDays(step.amount()));
            case REFUSE -> () -> club.ledger.refuse(ADA, purpose, evidence);
            case WITHDRAW -> () -> club.ledger.withdraw(ADA, purpose, ConsentMethod.EMAIL);
            case EXPIRE -> () -> club.ledger.expire(ADA, purpose);
            case WAIT -> throw new AssertionError("handled above");
          };

      if (succeeds) {
        call.run();
        oracle.apply(
            purpose,
            expectedState(step.kind()),
            now,
            step.kind() == Kind.GIVE_FOR_DAYS
                ? Optional.of(Duration.ofDays(step.amount()))
                : Optional.empty());
        // Append-only: one record more, and every earlier one as it was.
        List<ConsentRecord> history = club.ledger.history(ADA, purpose);
        assertThat(history).hasSize(historyBefore.size() + 1);
        assertThat(history.subList(0, historyBefore.size())).isEqualTo(historyBefore);
        List<AuditEvent> events = club.events();
        assertThat(events).hasSize(before.events().size() + 1);
        assertThat(events.get(events.size() - 1).type()).isEqualTo(expectedEvent(step.kind()));
      } else {
        assertThatThrownBy(call::run)
            .isInstanceOf(
                consentPurpose ? IllegalStateException.class : IllegalArgumentException.class)
            .hasMessageContaining(purpose);
        assertThat(club.snapshot(ADA, GRACE)).isEqualTo(before);
      }
      for (String consent : CONSENT_PURPOSES) {
        assertThat(club.ledger.state(ADA, consent))
            .as(consent)
            .isEqualTo(oracle.state(consent, club.clock.instant()));
        assertThat(club.ledger.state(GRACE, consent)).isEqualTo(ConsentState.NONE);
      }
    }
  }

  private static ConsentState expectedState(Kind kind) {
    return switch (kind) {
      case GIVE, GIVE_FOR_DAYS -> ConsentState.GIVEN;
      case REFUSE -> ConsentState.REFUSED;
      case WITHDRAW -> ConsentState.WITHDRAWN;
      case EXPIRE -> ConsentState.EXPIRED;
      case WAIT -> throw new AssertionError("waiting records nothing");
    };
  }

  private static AuditEventType expectedEvent(Kind kind) {
    return switch (kind) {
      case GIVE, GIVE_FOR_DAYS -> AuditEventType.CONSENT_GIVEN;
      case REFUSE -> AuditEventType.CONSENT_REFUSED;
      case WITHDRAW -> AuditEventType.CONSENT_WITHDRAWN;
      case EXPIRE -> AuditEventType.CONSENT_EXPIRED;
      case WAIT -> throw new AssertionError("waiting records nothing");
    };
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return Arbitraries.frequencyOf(
            Tuple.of(3, step(Kind.GIVE)),
            Tuple.of(3, step(Kind.GIVE_FOR_DAYS)),
            Tuple.of(2, step(Kind.REFUSE)),
            Tuple.of(4, step(Kind.WITHDRAW)),
            Tuple.of(2, step(Kind.EXPIRE)),
            Tuple.of(4, step(Kind.WAIT)))
        .list();
  }

  private static Arbitrary<Step> step(Kind kind) {
    // Purposes lean to the consent ones; validity runs 1 to 5 days and waits 1 to 72 hours, so that
    // expiry is crossed often.
    Arbitrary<Integer> purpose =
        Arbitraries.frequency(Tuple.of(5, 0), Tuple.of(3, 1), Tuple.of(1, 2), Tuple.of(1, 3));
    Arbitrary<Integer> amount =
        kind == Kind.WAIT
            ? Arbitraries.integers().between(1, 72)
            : Arbitraries.integers().between(1, 5);
    return Combinators.combine(purpose, amount).as((p, a) -> new Step(kind, p, a));
  }

  enum Kind {
    GIVE,
    GIVE_FOR_DAYS,
    REFUSE,
    WITHDRAW,
    EXPIRE,
    WAIT
  }

  /**
   * One step.
   *
   * @param purpose index into {@link #PURPOSES}
   * @param amount the validity in days, or the wait in hours
   */
  record Step(Kind kind, int purpose, int amount) {}
}
