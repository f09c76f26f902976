package dev.lethe.rights;

import static java.util.Objects.requireNonNull;

import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which rights requests to list, a page at a time, for the people who answer them (Art. 12(3)):
 * by status, by type and by the subject's identity value. An empty set or filter means any.
 *
 * @param statuses the statuses to list; empty for any
 * @param types the request types to list; empty for any
 * @param subject the identity value the request names its subject by, compared ignoring case and
 *     surrounding space, or the start of the pseudonym an erased request names its subject by
 *     ({@code erased:ab12}); empty for any
 * @param page the page, from 0
 * @param size requests per page, from 1 to {@value #MAX_SIZE}
 */
public record RequestQuery(
    Set<RequestStatus> statuses,
    Set<RequestType> types,
    Optional<String> subject,
    int page,
    int size) {

  /** The largest page. */
  public static final int MAX_SIZE = 500;

  public RequestQuery {
    statuses = Set.copyOf(statuses);
    types = Set.copyOf(types);
    subject =
        requireNonNull(subject, "subject").map(String::strip).filter(value -> !value.isEmpty());
    if (page < 0) {
      throw new IllegalArgumentException("page must not be negative, but is " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be from 1 to " + MAX_SIZE + ", but is " + size);
    }
  }

  /** Every request, {@code size} to a page, the first page. */
  public static RequestQuery all(int size) {
    return new RequestQuery(Set.of(), Set.of(), Optional.empty(), 0, size);
  }

  /** This query for the open requests only (Art. 12(3)). */
  public RequestQuery open() {
    return withStatuses(
        Set.of(RequestStatus.SUBMITTED, RequestStatus.VERIFIED, RequestStatus.FULFILLED));
  }

  /** This query for the requests in {@code statuses}; empty for any. */
  public RequestQuery withStatuses(Set<RequestStatus> statuses) {
    return new RequestQuery(statuses, types, subject, page, size);
  }

  /** This query for the requests of {@code types}; empty for any. */
  public RequestQuery withTypes(Set<RequestType> types) {
    return new RequestQuery(statuses, types, subject, page, size);
  }

  /** This query for the requests naming {@code subject}, as {@link #subject()} compares it. */
  public RequestQuery withSubject(String subject) {
    return new RequestQuery(statuses, types, Optional.of(subject), page, size);
  }

  /** This query's page {@code page}. */
  public RequestQuery withPage(int page) {
    return new RequestQuery(statuses, types, subject, page, size);
  }

  /** Whether {@code request} is one this query lists, whatever the page. */
  public boolean matches(RightsRequest request) {
    requireNonNull(request, "request");
    return (statuses.isEmpty() || statuses.contains(request.status()))
        && (types.isEmpty() || types.contains(request.type()))
        && subject.map(value -> names(request.subject().value(), value)).orElse(true);
  }

  private static boolean names(String identity, String searched) {
    String normalised = identity.strip().toLowerCase(Locale.ROOT);
    String wanted = searched.toLowerCase(Locale.ROOT);
    return normalised.equals(wanted)
        || (wanted.startsWith(DataSubjectRights.ERASED_IDENTITY_PREFIX)
            && normalised.startsWith(wanted));
  }
}
