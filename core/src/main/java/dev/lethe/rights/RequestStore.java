package dev.lethe.rights;

import static java.util.Objects.requireNonNull;

import dev.lethe.model.IdentityMatch;
import dev.lethe.request.RequestId;
import dev.lethe.request.RightsRequest;
import dev.lethe.subject.SubjectIdentifier;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where {@link DataSubjectRights} keeps rights requests, so that each one's receipt, deadline and
 * answer can be shown (Art. 12(3), Art. 5(2)). Shaped for a database table keyed by request id
 * with an index on (open, due date): every query is one an index answers.
 *
 * <p>Several replicas share one store. Every change of a request is a conditional {@link #update}
 * from the {@linkplain RightsRequest#version() version} it was read at, so that of two replicas
 * moving one request at once exactly one wins, and nothing is done twice.
 *
 * <p>Implementations must pass {@code RequestStoreCompatibilityKit} from the lethe-core test-jar,
 * including its concurrency contract.
 */
public interface RequestStore {

  /**
   * Inserts {@code request}, or replaces the request with the same id whatever its version (the last
   * writer wins): for imports and tools. {@link DataSubjectRights} uses {@link #insert} and {@link #update}.
   */
  void save(RightsRequest request);

  /**
   * Stores {@code request}, a new one, as it is.
   *
   * @throws IllegalStateException if a request with its id is already stored; nothing changes then
   */
  void insert(RightsRequest request);

  /**
   * Replaces the stored request with {@code changed}'s id if it is still at {@code changed}'s
   * version, and stores {@code changed} at the next version: a conditional update ({@code where id = ?
   * and version = ?}), atomic against every other writer, in every replica (Art. 12(3), 5(2)).
   *
   * @param changed the request as changed, carrying the version it was read at
   * @return the request as stored, at the next version; empty if the stored request is at another
   *     version or gone, because another writer changed it first: nothing changes then
   */
  Optional<RightsRequest> update(RightsRequest changed);

  /** The request with {@code id}, as last saved. */
  Optional<RightsRequest> find(RequestId id);

  /**
   * The request with {@code id} as last committed, locked for the rest of the transaction where the
   * store can lock: what a caller reads again after losing a conditional {@link #update} that must
   * then succeed, such as an erasure removing the subject's identity from another of its requests
   * (Art. 17, 5(1)(c)). A database store reads it with a locking read ({@code select ... for update}),
   * which sees the latest committed row even where plain reads keep the transaction's first snapshot
   * (repeatable read, the default of MariaDB and MySQL); {@link #find} there would return the same
   * stale version for ever. The default is {@link #find}, right for stores without snapshots.
   */
  default Optional<RightsRequest> findLatest(RequestId id) {
    return find(id);
  }

  /** Every open request (Art. 12(3): its deadline runs), earliest {@linkplain RightsRequest#dueDate() due date} first, then earliest received. */
  List<RightsRequest> findOpen();

  /**
   * Every open request due on or before {@code date}, in the order of {@link #findOpen()}. The
   * default filters {@code findOpen()}; a database answers it from its index.
   */
  default List<RightsRequest> findOpenDueOnOrBefore(LocalDate date) {
    requireNonNull(date, "date");
    return findOpen().stream().filter(request -> !request.dueDate().isAfter(date)).toList();
  }

  /** Every request, open or closed, earliest received first. The caller closes the stream. */
  Stream<RightsRequest> findAll();

  /**
   * The page of requests {@code query} lists, earliest due first, then earliest received (Art.
   * 12(3)). The default filters {@link #findAll()}, holding the matching requests while it sorts
   * them; a database answers it with a filtered, ordered and limited query.
   */
  default RequestPage find(RequestQuery query) {
    requireNonNull(query, "query");
    List<RightsRequest> matching;
    try (Stream<RightsRequest> all = findAll()) {
      matching =
          all.filter(query::matches)
              .sorted(
                  Comparator.comparing(RightsRequest::dueDate)
                      .thenComparing(RightsRequest::receivedAt))
              .toList();
    }
    long from = Math.min((long) query.page() * query.size(), matching.size());
    return new RequestPage(
        matching.subList((int) from, (int) Math.min(from + query.size(), matching.size())),
        query,
        matching.size());
  }

  /**
   * Every request, open or closed, made under {@code subject}: the same subject type and identity,
   * and a value equal to {@code subject}'s as {@code match} compares them. On erasure every one of
   * them loses the identity (Art. 17, Art. 5(1)(c)). The default filters {@link #findAll()}.
   */
  default List<RightsRequest> findBySubject(SubjectIdentifier subject, IdentityMatch match) {
    requireNonNull(subject, "subject");
    requireNonNull(match, "match");
    try (Stream<RightsRequest> all = findAll()) {
      return all.filter(
              request ->
                  request.subject().subjectType().equals(subject.subjectType())
                      && request.subject().identity().equals(subject.identity())
                      && match.matches(request.subject().value(), subject.value()))
          .toList();
    }
  }

  /**
   * Replaces the identity value of every request that closed (completed, rejected or cancelled)
   * before {@code closedBefore} with {@link #CLEARED_IDENTITY}, in one set-based statement; a
   * request's closing time is when the store first saved it closed. Lethe's own tables keep no
   * identity longer than needed (Art. 5(1)(c), 5(1)(e)): the request stays, with its dates and
   * outcome, as proof it was answered (Art. 5(2)), and its audit events name the subject by keyed
   * pseudonym. Safe to run on several instances at once: it changes only rows that still hold an
   * identity.
   *
   * @return how many requests lost their identity
   */
  int clearIdentitiesClosedBefore(Instant closedBefore);

  /** The identity value of a request whose identity was cleared after it closed. */
  String CLEARED_IDENTITY = "cleared";

  /** A store that keeps requests in memory, for tests and for applications that need no durable store. */
  static RequestStore inMemory() {
    return new InMemoryRequestStore(Clock.systemUTC());
  }

  /** As {@link #inMemory()}, telling when a request closed by {@code clock}. */
  static RequestStore inMemory(Clock clock) {
    return new InMemoryRequestStore(requireNonNull(clock, "clock"));
  }
}
