package dev.lethe.rights;

import static java.util.Objects.requireNonNull;

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
import dev.lethe.subject.SubjectIdentifier;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The rules of Art. 12 for moving a rights request along: each method returns the changed request,
 * or throws and changes nothing. Saving and auditing are the caller's.
 */
final class RequestLifecycle {

  private final DeadlinePolicy policy;
  private final Clock clock;
  private final ZoneId zone;

  /**
   * @param zone the controller's time zone, in which a request's day of receipt and today are told
   */
  public RequestLifecycle(DeadlinePolicy policy, Clock clock, ZoneId zone) {
    this.policy = requireNonNull(policy, "policy");
    this.clock = requireNonNull(clock, "clock");
    this.zone = requireNonNull(zone, "zone");
  }

  /** Today in the controller's time zone. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  /** A new request received now, due per the policy from today (Art. 12(3)), with its identity check decided (Art. 12(6)). */
  public RightsRequest submit(
      RequestType type, SubjectIdentifier subject, Channel channel, IdentityVerifier verifier) {
    Instant receivedAt = clock.instant();
    LocalDate dueDate = policy.dueDate(type, LocalDate.ofInstant(receivedAt, zone));
    RightsRequest received =
        submitted(RequestId.random(), type, subject, channel, receivedAt, dueDate, true);
    return verifier.requiresVerification(received)
        ? received
        : submitted(received.id(), type, subject, channel, receivedAt, dueDate, false);
  }

  private static RightsRequest submitted(
      RequestId id,
      RequestType type,
      SubjectIdentifier subject,
      Channel channel,
      Instant receivedAt,
      LocalDate dueDate,
      boolean verificationRequired) {
    return new RightsRequest(
        id,
        type,
        subject,
        channel,
        receivedAt,
        dueDate,
        RequestStatus.SUBMITTED,
        verificationRequired,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** Records that the subject's identity was confirmed by {@code method} (Art. 12(6)). */
  public RightsRequest verify(RightsRequest request, String method) {
    requireMove(request, RequestStatus.VERIFIED, "verify");
    return copy(
        request,
        RequestStatus.VERIFIED,
        Optional.of(new Verification(method, clock.instant())),
        request.extension(),
        request.rejection(),
        request.cancellation());
  }

  /**
   * Extends the deadline by {@code extension} (Art. 12(3)): once, while the request is open, within
   * the first period (the subject is to be told of it then), and to no later than two months after the
   * original due date.
   */
  public RightsRequest extend(RightsRequest request, Period extension, String reason) {
    if (!request.isOpen()) {
      throw refused(request, "extend", "only an open request can be extended (Art. 12(3))");
    }
    if (request.isExtended()) {
      throw refused(
          request, "extend", "it was already extended once, the only extension Art. 12(3) allows");
    }
    if (today().isAfter(request.originalDueDate())) {
      throw refused(
          request,
          "extend",
          "its original due date "
              + request.originalDueDate()
              + " has passed, and Art. 12(3) requires the extension to be told to the subject before then");
    }
    if (extension.isZero() || extension.isNegative()) {
      throw new IllegalArgumentException(
          "Rights request "
              + request.id()
              + " cannot be extended by "
              + extension
              + ": an extension must be positive");
    }
    LocalDate newDueDate = request.originalDueDate().plus(extension);
    LocalDate latest = policy.latestExtendedDueDate(request.originalDueDate());
    if (newDueDate.isAfter(latest)) {
      throw new IllegalArgumentException(
          "Rights request "
              + request.id()
              + " cannot be extended by "
              + extension
              + " to "
              + newDueDate
              + ": Art. 12(3) allows at most "
              + policy.maximumExtension()
              + " after the original due date "
              + request.originalDueDate()
              + ", that is until "
              + latest);
    }
    return copy(
        request,
        request.status(),
        request.verification(),
        Optional.of(new Extension(reason, newDueDate, clock.instant())),
        request.rejection(),
        request.cancellation());
  }

  /** Refuses to act on the request as manifestly unfounded or excessive (Art. 12(5)), stating the remedies (Art. 12(4)). */
  public RightsRequest reject(
      RightsRequest request, RejectionReason reason, String explanation, String remedies) {
    requireMove(request, RequestStatus.REJECTED, "reject");
    return copy(
        request,
        RequestStatus.REJECTED,
        request.verification(),
        request.extension(),
        Optional.of(new Rejection(reason, explanation, remedies, clock.instant())),
        request.cancellation());
  }

  /** Marks the requested action as taken; a request awaiting its identity check cannot be (Art. 12(6)). */
  public RightsRequest fulfil(RightsRequest request) {
    requireMove(request, RequestStatus.FULFILLED, "fulfil");
    if (request.isAwaitingVerification()) {
      throw refused(
          request, "fulfil", "the subject's identity must be verified first (Art. 12(6))");
    }
    return copy(
        request,
        RequestStatus.FULFILLED,
        request.verification(),
        request.extension(),
        request.rejection(),
        request.cancellation());
  }

  /** Marks the subject as told of the action taken (Art. 12(3)). */
  public RightsRequest complete(RightsRequest request) {
    requireMove(request, RequestStatus.COMPLETED, "complete");
    return copy(
        request,
        RequestStatus.COMPLETED,
        request.verification(),
        request.extension(),
        request.rejection(),
        request.cancellation());
  }

  /** Closes the request without action. */
  public RightsRequest cancel(RightsRequest request, String reason) {
    requireMove(request, RequestStatus.CANCELLED, "cancel");
    return copy(
        request,
        RequestStatus.CANCELLED,
        request.verification(),
        request.extension(),
        request.rejection(),
        Optional.of(new Cancellation(reason, clock.instant())));
  }

  private static void requireMove(RightsRequest request, RequestStatus target, String attempted) {
    if (!request.status().canMoveTo(target)) {
      throw refused(
          request, attempted, "a " + request.status() + " request cannot become " + target);
    }
  }

  private static IllegalRequestTransitionException refused(
      RightsRequest request, String attempted, String why) {
    return new IllegalRequestTransitionException(request.id(), request.status(), attempted, why);
  }

  private static RightsRequest copy(
      RightsRequest request,
      RequestStatus status,
      Optional<Verification> verification,
      Optional<Extension> extension,
      Optional<Rejection> rejection,
      Optional<Cancellation> cancellation) {
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
        extension,
        rejection,
        cancellation,
        request.version());
  }
}
