package dev.lethe.rights;

import static dev.lethe.request.RequestStatus.CANCELLED;
import static dev.lethe.request.RequestStatus.COMPLETED;
import static dev.lethe.request.RequestStatus.FULFILLED;
import static dev.lethe.request.RequestStatus.REJECTED;
import static dev.lethe.request.RequestStatus.SUBMITTED;
import static dev.lethe.request.RequestStatus.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.request.Channel;
import dev.lethe.request.RejectionReason;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.testing.MutableClock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
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
 * Random sequences of operations against random requests, checked against a model of Art. 12 written
 * apart from the implementation: every operation succeeds exactly when the model says so, a refused
 * one changes nothing, and every success is audited exactly once.
 */
class RequestLifecyclePropertiesTest {

  /** One move in this many targets an id that names no request. */
  private static final int UNKNOWN_EVERY = 20;

  private static final SubjectIdentifier SUBJECT =
      new SubjectIdentifier("customer", "email", "ada@example.com");

  @Property
  @Label(
      "Art. 12: any sequence of operations keeps every request valid, refuses without change and audits once")
  void operationsFollowTheModel(
      @ForAll("steps") @Size(max = 40) List<Step> steps,
      @ForAll Set<RequestType> typesNeedingVerification) {
    RightsFixture fixture = new RightsFixture(MutableClock.at("2024-01-15T10:00:00Z"));
    DataSubjectRights rights =
        fixture
            .rights()
            .identityVerifier(request -> typesNeedingVerification.contains(request.type()))
            .build();
    Map<RequestId, Expected> model = new LinkedHashMap<>();
    RequestId unknown = RequestId.random();

    for (Step step : steps) {
      if (step instanceof Wait wait) {
        fixture.clock.advanceDays(wait.days());
        continue;
      }
      Outcome expected;
      Supplier<RightsRequest> action;
      if (step instanceof Submit submit) {
        // A review of an automated decision names its purpose: requestHumanReview receives it,
        // submit refuses it.
        expected =
            submit.type() == RequestType.AUTOMATED_DECISION_REVIEW
                ? Outcome.BAD_ARGUMENT
                : Outcome.success(AuditEventType.REQUEST_SUBMITTED, SUBMITTED);
        action = () -> rights.submit(submit.type(), SUBJECT, submit.channel());
      } else {
        Move move = (Move) step;
        List<RequestId> ids = List.copyOf(model.keySet());
        RequestId target =
            ids.isEmpty() || move.target() % UNKNOWN_EVERY == 0
                ? unknown
                : ids.get(move.target() % ids.size());
        LocalDate today = LocalDate.ofInstant(fixture.clock.instant(), ZoneOffset.UTC);
        expected =
            model.containsKey(target) ? move.expect(model.get(target), today) : Outcome.UNKNOWN;
        action = () -> move.run(rights, target);
      }
      RightsFixture.State before = fixture.state();
      Statistics.label("outcome").collect(expected.name());

      Object result = attempt(action);

      if (expected.event() == null) {
        assertThat(result).as("%s", step).isInstanceOf(expected.failure());
        assertThat(fixture.state()).as("refused %s changes nothing", step).isEqualTo(before);
        continue;
      }
      assertThat(result).as("%s", step).isInstanceOf(RightsRequest.class);
      RightsRequest changed = (RightsRequest) result;
      List<AuditEvent> newEvents =
          fixture.events().subList(before.events().size(), fixture.events().size());
      assertThat(newEvents)
          .singleElement()
          .satisfies(
              event -> {
                assertThat(event.type()).isEqualTo(expected.event());
                assertThat(event.requestId()).contains(changed.id());
              });
      assertThat(changed.status()).isEqualTo(expected.status());
      assertThat(rights.find(changed.id())).contains(changed);
      model.merge(
          changed.id(),
          new Expected(
              changed.status(),
              typesNeedingVerification.contains(changed.type()),
              false,
              changed.originalDueDate(),
              List.of(expected.event())),
          (old, ignored) -> old.after(expected));
    }

    assertThat(fixture.audit.verify().isIntact()).isTrue();
    // Guards the generators: every success and every refusal must actually occur across the tries.
    Statistics.label("outcome")
        .coverage(
            coverage ->
                Stream.concat(
                        Stream.of(Outcome.ILLEGAL, Outcome.BAD_ARGUMENT, Outcome.UNKNOWN)
                            .map(Outcome::name),
                        Stream.of(
                                AuditEventType.REQUEST_SUBMITTED,
                                AuditEventType.IDENTITY_VERIFIED,
                                AuditEventType.REQUEST_EXTENDED,
                                AuditEventType.REQUEST_REJECTED,
                                AuditEventType.REQUEST_FULFILLED,
                                AuditEventType.REQUEST_COMPLETED,
                                AuditEventType.REQUEST_CANCELLED)
                            .map(Enum::name))
                    .forEach(outcome -> coverage.check(outcome).count(count -> count > 0)));
    model.forEach(
        (id, request) ->
            assertThat(
                    fixture.events().stream()
                        .filter(event -> event.requestId().orElseThrow().equals(id))
                        .map(AuditEvent::type))
                .containsExactlyElementsOf(request.history()));
  }

  private static Object attempt(Supplier<RightsRequest> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      return e;
    }
  }

  /** What the model expects of a request, and the audit events it expects for it so far. */
  record Expected(
      RequestStatus status,
      boolean needsVerification,
      boolean extended,
      LocalDate originalDueDate,
      List<AuditEventType> history) {

    boolean isOpen() {
      return status == SUBMITTED || status == VERIFIED || status == FULFILLED;
    }

    Expected after(Outcome outcome) {
      List<AuditEventType> longer = new ArrayList<>(history);
      longer.add(outcome.event());
      return new Expected(
          outcome.status(),
          needsVerification,
          extended || outcome.event() == AuditEventType.REQUEST_EXTENDED,
          originalDueDate,
          longer);
    }
  }

  /** A success with its audit event and resulting status, or a failure of the given type. */
  record Outcome(
      AuditEventType event, RequestStatus status, Class<? extends RuntimeException> failure) {
    static final Outcome ILLEGAL = failure(IllegalRequestTransitionException.class);
    static final Outcome BAD_ARGUMENT = failure(IllegalArgumentException.class);
    static final Outcome UNKNOWN = failure(UnknownRequestException.class);

    static Outcome success(AuditEventType event, RequestStatus status) {
      return new Outcome(event, status, RuntimeException.class);
    }

    static Outcome failure(Class<? extends RuntimeException> failure) {
      return new Outcome(null, null, failure);
    }

    String name() {
      return event != null ? event.name() : failure.getSimpleName();
    }
  }

  /** One step of a random sequence. */
  sealed interface Step permits Submit, Wait, Move {}

  record Submit(RequestType type, Channel channel) implements Step {}

  /** Lets days pass, so that extensions meet their time limit. */
  record Wait(int days) implements Step {}

  /** An operation on one submitted request. */
  sealed interface Move extends Step permits Verify, Extend, Reject, Fulfil, Complete, Cancel {
    /** Which submitted request the move targets, modulo their number; some name an unknown id instead. */
    int target();

    /** What the model expects the move to do to {@code request} on {@code today}. */
    Outcome expect(Expected request, LocalDate today);

    RightsRequest run(DataSubjectRights rights, RequestId target);
  }

  record Verify(int target) implements Move {
    public Outcome expect(Expected request, LocalDate today) {
      return request.status() == SUBMITTED
          ? Outcome.success(AuditEventType.IDENTITY_VERIFIED, VERIFIED)
          : Outcome.ILLEGAL;
    }

    public RightsRequest run(DataSubjectRights rights, RequestId target) {
      return rights.verify(target, "email-link");
    }
  }

  record Extend(int target, Period period) implements Move {
    public Outcome expect(Expected request, LocalDate today) {
      if (!request.isOpen() || request.extended() || today.isAfter(request.originalDueDate())) {
        return Outcome.ILLEGAL;
      }
      LocalDate proposed =
          CalendarOracle.plusDays(
              CalendarOracle.plusMonths(request.originalDueDate(), period.getMonths()),
              period.getDays());
      boolean tooLong = proposed.isAfter(CalendarOracle.plusMonths(request.originalDueDate(), 2));
      return period.isZero() || tooLong
          ? Outcome.BAD_ARGUMENT
          : Outcome.success(AuditEventType.REQUEST_EXTENDED, request.status());
    }

    public RightsRequest run(DataSubjectRights rights, RequestId target) {
      return rights.extend(target, period, "complex");
    }
  }

  record Reject(int target, RejectionReason reason) implements Move {
    public Outcome expect(Expected request, LocalDate today) {
      return request.status() == SUBMITTED || request.status() == VERIFIED
          ? Outcome.success(AuditEventType.REQUEST_REJECTED, REJECTED)
          : Outcome.ILLEGAL;
    }

    public RightsRequest run(DataSubjectRights rights, RequestId target) {
      return rights.reject(target, reason, "repetitive");
    }
  }

  record Fulfil(int target) implements Move {
    public Outcome expect(Expected request, LocalDate today) {
      boolean ready =
          request.status() == VERIFIED
              || request.status() == SUBMITTED && !request.needsVerification();
      return ready ? Outcome.success(AuditEventType.REQUEST_FULFILLED, FULFILLED) : Outcome.ILLEGAL;
    }

    public RightsRequest run(DataSubjectRights rights, RequestId target) {
      return rights.fulfil(target);
    }
  }

  record Complete(int target) implements Move {
    public Outcome expect(Expected request, LocalDate today) {
      return request.status() == FULFILLED
          ? Outcome.success(AuditEventType.REQUEST_COMPLETED, COMPLETED)
          : Outcome.ILLEGAL;
    }

    public RightsRequest run(DataSubjectRights rights, RequestId target) {
      return rights.complete(target);
    }
  }

  record Cancel(int target) implements Move {
    public Outcome expect(Expected request, LocalDate today) {
      return request.status() == SUBMITTED || request.status() == VERIFIED
          ? Outcome.success(AuditEventType.REQUEST_CANCELLED, CANCELLED)
          : Outcome.ILLEGAL;
    }

    public RightsRequest run(DataSubjectRights rights, RequestId target) {
      return rights.cancel(target, "withdrawn");
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Integer> targets = Arbitraries.integers().between(0, 999);
    Arbitrary<Period> periods =
        Combinators.combine(
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 40))
            .as((months, days) -> Period.of(0, months, days));
    return Arbitraries.frequencyOf(
            Tuple.of(
                4,
                Combinators.combine(
                        Arbitraries.of(RequestType.class), Arbitraries.of(Channel.class))
                    .as(Submit::new)),
            Tuple.of(3, targets.map(Verify::new)),
            Tuple.of(2, Combinators.combine(targets, periods).as(Extend::new)),
            Tuple.of(
                1,
                Combinators.combine(targets, Arbitraries.of(RejectionReason.class))
                    .as(Reject::new)),
            Tuple.of(3, targets.map(Fulfil::new)),
            Tuple.of(2, targets.map(Complete::new)),
            Tuple.of(1, targets.map(Cancel::new)),
            Tuple.of(1, Arbitraries.integers().between(1, 20).map(Wait::new)))
        .map(Function.<Step>identity())
        .list();
  }
}
