package dev.lethe.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.model.IdentityMatch;
import dev.lethe.request.Channel;
import dev.lethe.request.RejectionReason;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.request.RightsRequest.Cancellation;
import dev.lethe.request.RightsRequest.Extension;
import dev.lethe.request.RightsRequest.Rejection;
import dev.lethe.request.RightsRequest.Verification;
import dev.lethe.rights.RequestPage;
import dev.lethe.rights.RequestQuery;
import dev.lethe.rights.RequestStore;
import dev.lethe.subject.SubjectIdentifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RequestStore} must do. Extend it with {@link #createStore()} returning an
 * empty store; the tests run against it.
 *
 * <p>The concurrency contract: an update is conditional on the version it was read at, so of several
 * writers (threads, replicas) updating one request from one version exactly one wins.
 */
public abstract class RequestStoreCompatibilityKit {

  private static final LocalDate DUE = LocalDate.parse("2025-03-01");
  private static final Instant RECEIVED = Instant.parse("2025-02-01T10:00:00Z");

  protected RequestStore store;

  /** A new, empty store of the implementation under test. */
  protected abstract RequestStore createStore();

  @BeforeEach
  void createEmptyStore() {
    store = createStore();
  }

  @Test
  void findsASavedRequestByItsId() {
    RightsRequest request = request(RequestStatus.SUBMITTED, DUE, RECEIVED);

    store.save(request);

    assertThat(store.find(request.id())).contains(request);
    assertThat(store.find(RequestId.random())).isEmpty();
  }

  @Test
  void savingAgainReplacesTheRequest() {
    RightsRequest submitted = request(RequestStatus.SUBMITTED, DUE, RECEIVED);
    store.save(submitted);
    RightsRequest cancelled = withStatus(submitted, RequestStatus.CANCELLED);

    store.save(cancelled);

    assertThat(store.find(submitted.id())).contains(cancelled);
    try (Stream<RightsRequest> all = store.findAll()) {
      assertThat(all).containsExactly(cancelled);
    }
  }

  @Test
  void insertRefusesAnIdItAlreadyHolds() {
    RightsRequest request = request(RequestStatus.SUBMITTED, DUE, RECEIVED);
    store.insert(request);

    assertThatThrownBy(() -> store.insert(withStatus(request, RequestStatus.CANCELLED)))
        .isInstanceOf(IllegalStateException.class);

    assertThat(store.find(request.id())).contains(request);
  }

  @Test
  @DisplayName(
      "Art. 12(3): an update from the version read wins and moves the version on; a stale one changes nothing")
  void updatesAreConditionalOnTheVersion() {
    RightsRequest submitted = request(RequestStatus.SUBMITTED, DUE, RECEIVED);
    store.insert(submitted);
    RightsRequest verified = withStatus(submitted, RequestStatus.VERIFIED);

    Optional<RightsRequest> stored = store.update(verified);

    assertThat(stored).contains(verified.withVersion(1));
    assertThat(store.find(submitted.id())).isEqualTo(stored);
    assertThat(store.update(withStatus(submitted, RequestStatus.CANCELLED))).isEmpty();
    assertThat(store.find(submitted.id())).isEqualTo(stored);
    assertThat(
            store
                .update(withStatus(stored.orElseThrow(), RequestStatus.FULFILLED))
                .map(RightsRequest::version))
        .contains(2L);
    assertThat(store.update(request(RequestStatus.SUBMITTED, DUE, RECEIVED))).isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 12(3): of many writers updating one request from one version at once, exactly one wins")
  void concurrentUpdatesFromOneVersionHaveOneWinner() throws Exception {
    RightsRequest submitted = request(RequestStatus.SUBMITTED, DUE, RECEIVED);
    store.insert(submitted);
    int writers = 6;
    ExecutorService threads = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Optional<RightsRequest>>> attempts = new ArrayList<>();
    try {
      for (int i = 0; i < writers; i++) {
        RightsRequest change =
            i % 2 == 0
                ? withStatus(submitted, RequestStatus.CANCELLED)
                : withStatus(submitted, RequestStatus.VERIFIED);
        attempts.add(
            threads.submit(
                () -> {
                  start.await();
                  return store.update(change);
                }));
      }
      start.countDown();
      List<RightsRequest> winners = new ArrayList<>();
      for (Future<Optional<RightsRequest>> attempt : attempts) {
        attempt.get(60, TimeUnit.SECONDS).ifPresent(winners::add);
      }

      assertThat(winners).hasSize(1);
      assertThat(store.find(submitted.id())).contains(winners.get(0));
      assertThat(winners.get(0).version()).isEqualTo(1);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void keepsEveryPartOfARequest() {
    RightsRequest rejected =
        new RightsRequest(
            RequestId.random(),
            RequestType.PORTABILITY,
            new SubjectIdentifier("subscriber", "email", "ada@example.com"),
            Channel.IN_PERSON,
            RECEIVED,
            DUE,
            RequestStatus.REJECTED,
            true,
            Optional.of(new Verification("id-document", RECEIVED.plusSeconds(60))),
            Optional.of(
                new Extension("many requests", DUE.plusMonths(2), RECEIVED.plusSeconds(120))),
            Optional.of(
                new Rejection(
                    RejectionReason.MANIFESTLY_UNFOUNDED,
                    "No account",
                    Rejection.STANDARD_REMEDIES,
                    RECEIVED.plusSeconds(180))),
            Optional.empty());
    RightsRequest cancelled =
        withStatus(request(RequestStatus.SUBMITTED, DUE, RECEIVED), RequestStatus.CANCELLED);

    store.save(rejected);
    store.save(cancelled);

    assertThat(store.find(rejected.id())).contains(rejected);
    assertThat(store.find(cancelled.id())).contains(cancelled);
  }

  @Test
  @DisplayName(
      "Art. 12(3): open requests come earliest due first, then earliest received, closed ones not at all")
  void findsOpenRequestsEarliestDueFirst() {
    RightsRequest later = request(RequestStatus.VERIFIED, DUE.plusDays(3), RECEIVED);
    RightsRequest sooner = request(RequestStatus.SUBMITTED, DUE, RECEIVED.plusSeconds(10));
    RightsRequest soonerReceivedFirst = request(RequestStatus.FULFILLED, DUE, RECEIVED);
    RightsRequest completed = request(RequestStatus.COMPLETED, DUE.minusDays(5), RECEIVED);
    Stream.of(later, sooner, completed, soonerReceivedFirst).forEach(store::save);

    assertThat(store.findOpen()).containsExactly(soonerReceivedFirst, sooner, later);
  }

  @Test
  @DisplayName(
      "Art. 12(3): open requests due on or before a date include that date and count extensions")
  void findsOpenRequestsDueOnOrBeforeADate() {
    RightsRequest dueOnTheDay = request(RequestStatus.SUBMITTED, DUE, RECEIVED);
    RightsRequest dueEarlier = request(RequestStatus.SUBMITTED, DUE.minusDays(1), RECEIVED);
    RightsRequest dueAfter = request(RequestStatus.SUBMITTED, DUE.plusDays(1), RECEIVED);
    RightsRequest extendedPast =
        extended(request(RequestStatus.SUBMITTED, DUE.minusDays(2), RECEIVED), DUE.plusDays(9));
    RightsRequest closed =
        withStatus(
            request(RequestStatus.SUBMITTED, DUE.minusDays(1), RECEIVED), RequestStatus.CANCELLED);
    Stream.of(dueOnTheDay, dueEarlier, dueAfter, extendedPast, closed).forEach(store::save);

    assertThat(store.findOpenDueOnOrBefore(DUE)).containsExactly(dueEarlier, dueOnTheDay);
    assertThat(store.findOpenDueOnOrBefore(DUE.plusDays(9)))
        .containsExactly(dueEarlier, dueOnTheDay, dueAfter, extendedPast);
  }

  @Test
  void streamsEveryRequestEarliestReceivedFirst() {
    RightsRequest second = request(RequestStatus.COMPLETED, DUE, RECEIVED.plusSeconds(1));
    RightsRequest first = request(RequestStatus.SUBMITTED, DUE, RECEIVED);
    store.save(second);
    store.save(first);

    try (Stream<RightsRequest> all = store.findAll()) {
      assertThat(all).containsExactly(first, second);
    }
  }

  @Test
  @DisplayName(
      "Art. 17: finds every request made under an identity, open or closed, exactly or ignoring case and spaces")
  void findsTheRequestsOfASubject() {
    RightsRequest open =
        request(RequestStatus.SUBMITTED, DUE, RECEIVED).withIdentityValue("Ada@Example.com");
    RightsRequest closed =
        withStatus(
                request(RequestStatus.SUBMITTED, DUE, RECEIVED.plusSeconds(1)),
                RequestStatus.CANCELLED)
            .withIdentityValue(" ada@example.com");
    RightsRequest other =
        request(RequestStatus.SUBMITTED, DUE, RECEIVED).withIdentityValue("grace@example.com");
    RightsRequest otherIdentity =
        new RightsRequest(
            RequestId.random(),
            RequestType.ACCESS,
            new SubjectIdentifier("customer", "login", "ada@example.com"),
            Channel.WEB,
            RECEIVED,
            DUE,
            RequestStatus.SUBMITTED,
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    Stream.of(open, closed, other, otherIdentity).forEach(store::save);
    SubjectIdentifier ada = new SubjectIdentifier("customer", "id", "ada@example.com");

    assertThat(store.findBySubject(ada, IdentityMatch.IGNORE_CASE_AND_SPACE))
        .containsExactlyInAnyOrder(open, closed);
    assertThat(
            store.findBySubject(
                new SubjectIdentifier("customer", "id", "Ada@Example.com"), IdentityMatch.EXACT))
        .as("exact, even where the database's collation ignores case")
        .containsExactly(open);
    assertThat(
            store.findBySubject(
                new SubjectIdentifier("employee", "id", "ada@example.com"),
                IdentityMatch.IGNORE_CASE_AND_SPACE))
        .isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 17: ignoring case and space is the same on every store: tabs and line breaks around the"
          + " value, capitals beyond ASCII; a replaced identity is no longer found by the old one")
  void comparesIdentitiesAsJavaDoesAndForgetsReplacedOnes() {
    RightsRequest tabbed =
        request(RequestStatus.SUBMITTED, DUE, RECEIVED).withIdentityValue("\tÉLODIE@Example.com\n");
    RightsRequest erased =
        request(RequestStatus.SUBMITTED, DUE, RECEIVED.plusSeconds(1))
            .withIdentityValue("élodie@example.com");
    Stream.of(tabbed, erased).forEach(store::save);
    RightsRequest replaced = erased.withIdentityValue("erased:0123");
    store.save(replaced);
    SubjectIdentifier elodie = new SubjectIdentifier("customer", "id", "élodie@example.com");

    assertThat(store.findBySubject(elodie, IdentityMatch.IGNORE_CASE_AND_SPACE))
        .containsExactly(tabbed);
    assertThat(store.findBySubject(elodie, IdentityMatch.EXACT)).isEmpty();
    assertThat(
            store.findBySubject(
                new SubjectIdentifier("customer", "id", "erased:0123"), IdentityMatch.EXACT))
        .containsExactly(replaced);
    assertThat(store.find(RequestQuery.all(10).withSubject("Élodie@example.com")).requests())
        .containsExactly(tabbed);
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): closed requests lose their identity once closed before the cutoff; open ones keep it")
  void clearsTheIdentityOfRequestsClosedBeforeACutoff() {
    RightsRequest open = request(RequestStatus.VERIFIED, DUE, RECEIVED);
    RightsRequest submitted = request(RequestStatus.SUBMITTED, DUE, RECEIVED);
    store.save(open);
    store.save(submitted);
    RightsRequest cancelled = withStatus(submitted, RequestStatus.CANCELLED);
    store.save(cancelled);

    assertThat(store.clearIdentitiesClosedBefore(Instant.now().minusSeconds(3600)))
        .as("closed just now: not before an hour ago")
        .isZero();
    assertThat(store.find(cancelled.id())).contains(cancelled);

    assertThat(store.clearIdentitiesClosedBefore(Instant.now().plusSeconds(3600))).isEqualTo(1);

    // Clearing is a change like any other: it moves the version, so a stale copy cannot write the
    // identity back.
    assertThat(store.find(cancelled.id()))
        .contains(
            cancelled
                .withIdentityValue(RequestStore.CLEARED_IDENTITY)
                .withVersion(cancelled.version() + 1));
    assertThat(store.find(open.id())).contains(open);
    assertThat(store.clearIdentitiesClosedBefore(Instant.now().plusSeconds(3600)))
        .as("nothing left to clear")
        .isZero();
  }

  @Test
  @DisplayName("Saving a closed request again does not restart its closing time")
  void savingAClosedRequestAgainKeepsItsClosingTime() throws InterruptedException {
    RightsRequest cancelled =
        withStatus(request(RequestStatus.SUBMITTED, DUE, RECEIVED), RequestStatus.CANCELLED);
    store.save(cancelled);
    Instant afterClosing = Instant.now().plusMillis(1);
    Thread.sleep(5);

    store.save(cancelled.withIdentityValue("erased:0123"));

    assertThat(store.clearIdentitiesClosedBefore(afterClosing)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "Art. 12(3): a page of requests by status, type and subject lists what the query matches, earliest due first")
  void art12_3_findsAPageOfRequestsByStatusTypeAndSubject() {
    List<String> identities =
        List.of(
            "ada@example.com",
            " Ada@Example.COM",
            "grace@example.com",
            "erased:ab12cd34",
            "erased:ab99ff00",
            "50%_off@example.com");
    List<RequestType> types =
        List.of(RequestType.ACCESS, RequestType.ERASURE, RequestType.RECTIFICATION);
    for (int i = 0; i < 36; i++) {
      RightsRequest request =
          new RightsRequest(
              RequestId.random(),
              types.get(i % types.size()),
              new SubjectIdentifier("customer", "email", identities.get(i % identities.size())),
              Channel.WEB,
              RECEIVED.plusSeconds(i),
              DUE.plusDays((i * 7L) % 5),
              RequestStatus.SUBMITTED,
              false,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty());
      store.save(
          i % 4 == 0
              ? withStatus(request, RequestStatus.CANCELLED)
              : i % 4 == 1 ? withStatus(request, RequestStatus.VERIFIED) : request);
    }
    RequestQuery everything = RequestQuery.all(5);
    List<RequestQuery> queries =
        List.of(
            everything,
            everything.withPage(3),
            everything.withPage(7),
            everything.open(),
            everything.withTypes(Set.of(RequestType.ERASURE)).withPage(1),
            everything.withSubject("ADA@example.com "),
            everything.withSubject("erased:ab12"),
            everything.withSubject("erased:"),
            everything.withSubject("50%_off@example.com"),
            everything.withSubject("50%"),
            everything
                .open()
                .withTypes(Set.of(RequestType.ACCESS, RequestType.RECTIFICATION))
                .withSubject("grace@example.com"));

    for (RequestQuery query : queries) {
      List<RightsRequest> matching;
      try (Stream<RightsRequest> all = store.findAll()) {
        matching =
            all.filter(query::matches)
                .sorted(
                    Comparator.comparing(RightsRequest::dueDate)
                        .thenComparing(RightsRequest::receivedAt))
                .toList();
      }
      int from = Math.min(query.page() * query.size(), matching.size());
      RequestPage page = store.find(query);

      assertThat(page.total()).as("total of %s", query).isEqualTo(matching.size());
      assertThat(page.requests())
          .as("page of %s", query)
          .containsExactlyElementsOf(
              matching.subList(from, Math.min(from + query.size(), matching.size())));
    }
  }

  @Test
  void anEmptyStoreFindsNothing() {
    assertThat(store.findOpen()).isEmpty();
    assertThat(store.findOpenDueOnOrBefore(DUE)).isEmpty();
    try (Stream<RightsRequest> all = store.findAll()) {
      assertThat(all).isEmpty();
    }
  }

  private static RightsRequest request(RequestStatus status, LocalDate due, Instant receivedAt) {
    Optional<Verification> verification =
        status == RequestStatus.VERIFIED
            ? Optional.of(new Verification("email-link", receivedAt))
            : Optional.empty();
    return new RightsRequest(
        RequestId.random(),
        RequestType.ACCESS,
        new SubjectIdentifier("customer", "id", "42"),
        Channel.WEB,
        receivedAt,
        due,
        status,
        false,
        verification,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static RightsRequest withStatus(RightsRequest request, RequestStatus status) {
    Optional<Cancellation> cancellation =
        status == RequestStatus.CANCELLED
            ? Optional.of(new Cancellation("withdrawn", request.receivedAt()))
            : Optional.empty();
    Optional<Verification> verification =
        status == RequestStatus.VERIFIED && request.verification().isEmpty()
            ? Optional.of(new Verification("email-link", request.receivedAt()))
            : request.verification();
    return new RightsRequest(
        request.id(),
        request.type(),
        request.subject(),
        request.channel(),
        request.receivedAt(),
        request.originalDueDate(),
        status,
        request.verificationRequired(),
        verification,
        request.extension(),
        request.rejection(),
        cancellation,
        request.version());
  }

  private static RightsRequest extended(RightsRequest request, LocalDate newDueDate) {
    return new RightsRequest(
        request.id(),
        request.type(),
        request.subject(),
        request.channel(),
        request.receivedAt(),
        request.originalDueDate(),
        request.status(),
        request.verificationRequired(),
        request.verification(),
        Optional.of(new Extension("complex", newDueDate, request.receivedAt())),
        request.rejection(),
        request.cancellation());
  }
}
