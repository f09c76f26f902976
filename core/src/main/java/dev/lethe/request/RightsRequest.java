package dev.lethe.request;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import dev.lethe.rights.DataSubjectRights;
import dev.lethe.subject.SubjectIdentifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One request of a data subject to exercise a right, with what Art. 12 asks the controller to keep:
 * when it was received, when it is due (Art. 12(3)), whether and how the subject's identity was
 * confirmed (Art. 12(6)), the single extension with its reason (Art. 12(3)), and a refusal with its
 * reasons and the remedies open to the subject (Art. 12(4), 12(5)).
 *
 * <p>Immutable: {@link DataSubjectRights} moves a request along by saving a changed copy. The
 * constructor refuses combinations no lifecycle can reach, such as a rejected request without its
 * rejection. Neither the subject's identity value nor any free text (reasons, explanations) appears
 * in {@link #toString()}, so that a logged request discloses nobody (Art. 32).
 *
 * @param id the request's id
 * @param type what the subject asks for
 * @param subject who asks, as the request named them
 * @param channel how the request arrived
 * @param receivedAt when the controller received it; the deadline runs from that day
 * @param originalDueDate the Art. 12(3) deadline before any extension
 * @param status where the request stands
 * @param verificationRequired whether the controller checks the subject's identity before acting
 * @param verification how and when the identity was confirmed, once it is
 * @param extension the single extension of the deadline, if granted
 * @param rejection the refusal, exactly when the status is {@link RequestStatus#REJECTED}
 * @param cancellation the cancellation, exactly when the status is {@link RequestStatus#CANCELLED}
 * @param version how many times the stored request was changed since it was received: a store
 *     changes it only from the version it was read at, so that of two replicas moving one request at
 *     once exactly one wins
 */
public record RightsRequest(
    RequestId id,
    RequestType type,
    SubjectIdentifier subject,
    Channel channel,
    Instant receivedAt,
    LocalDate originalDueDate,
    RequestStatus status,
    boolean verificationRequired,
    Optional<Verification> verification,
    Optional<Extension> extension,
    Optional<Rejection> rejection,
    Optional<Cancellation> cancellation,
    long version) {

  public RightsRequest {
    if (version < 0) {
      throw new IllegalArgumentException(
          "Rights request " + id + " needs a version of 0 or more, not " + version);
    }
    requireNonNull(id, "id");
    requireNonNull(type, "type");
    requireNonNull(subject, "subject");
    requireNonNull(channel, "channel");
    requireNonNull(receivedAt, "receivedAt");
    requireNonNull(originalDueDate, "originalDueDate");
    requireNonNull(status, "status");
    requireNonNull(verification, "verification");
    requireNonNull(extension, "extension");
    requireNonNull(rejection, "rejection");
    requireNonNull(cancellation, "cancellation");
    require(
        rejection.isPresent() == (status == RequestStatus.REJECTED),
        id,
        "a rejection exactly when REJECTED");
    require(
        cancellation.isPresent() == (status == RequestStatus.CANCELLED),
        id,
        "a cancellation exactly when CANCELLED");
    boolean actedUpon = status == RequestStatus.FULFILLED || status == RequestStatus.COMPLETED;
    require(
        status != RequestStatus.VERIFIED || verification.isPresent(),
        id,
        "a verification when VERIFIED");
    require(
        !actedUpon || !verificationRequired || verification.isPresent(),
        id,
        "a verification before it is fulfilled, because its identity check is required");
    require(
        extension.map(e -> e.newDueDate().isAfter(originalDueDate)).orElse(true),
        id,
        "an extended due date after the original due date");
  }

  /** A request at version 0, as received and not yet changed. */
  public RightsRequest(
      RequestId id,
      RequestType type,
      SubjectIdentifier subject,
      Channel channel,
      Instant receivedAt,
      LocalDate originalDueDate,
      RequestStatus status,
      boolean verificationRequired,
      Optional<Verification> verification,
      Optional<Extension> extension,
      Optional<Rejection> rejection,
      Optional<Cancellation> cancellation) {
    this(
        id,
        type,
        subject,
        channel,
        receivedAt,
        originalDueDate,
        status,
        verificationRequired,
        verification,
        extension,
        rejection,
        cancellation,
        0);
  }

  /** This request at {@code version}: the next version is what a store's conditional update writes. */
  public RightsRequest withVersion(long version) {
    return new RightsRequest(
        id,
        type,
        subject,
        channel,
        receivedAt,
        originalDueDate,
        status,
        verificationRequired,
        verification,
        extension,
        rejection,
        cancellation,
        version);
  }

  private static void require(boolean invariant, RequestId id, String what) {
    if (!invariant) {
      throw new IllegalArgumentException("Rights request " + id + " needs " + what);
    }
  }

  /** The date by which the request must be answered: the extended due date if extended, else the original (Art. 12(3)). */
  public LocalDate dueDate() {
    return extension.map(Extension::newDueDate).orElse(originalDueDate);
  }

  /**
   * This request with its subject's identity value replaced by {@code replacement}, such as a
   * pseudonym once the subject is erased: the request stays as proof it was answered (Art. 5(2))
   * without keeping the identity it was made under.
   */
  public RightsRequest withIdentityValue(String replacement) {
    return new RightsRequest(
        id,
        type,
        new SubjectIdentifier(subject.subjectType(), subject.identity(), replacement),
        channel,
        receivedAt,
        originalDueDate,
        status,
        verificationRequired,
        verification,
        extension,
        rejection,
        cancellation,
        version);
  }

  /** Whether the request still awaits its answer (Art. 12(3)). */
  public boolean isOpen() {
    return status.isOpen();
  }

  /** Whether the request is open after its due date: on {@code today} the Art. 12(3) deadline has passed. */
  public boolean isOverdue(LocalDate today) {
    requireNonNull(today, "today");
    return isOpen() && today.isAfter(dueDate());
  }

  /** Whether the deadline was extended; Art. 12(3) allows that once. */
  public boolean isExtended() {
    return extension.isPresent();
  }

  /** Whether the controller must still confirm the subject's identity before acting (Art. 12(6)). */
  public boolean isAwaitingVerification() {
    return verificationRequired && verification.isEmpty();
  }

  /**
   * How the subject's identity was confirmed (Art. 12(6)).
   *
   * @param method how, such as {@code email-link} or {@code customer-portal-login}: a label, never the evidence
   * @param verifiedAt when
   */
  public record Verification(String method, Instant verifiedAt) {
    public Verification {
      requireNonBlank(method, "method");
      requireNonNull(verifiedAt, "verifiedAt");
    }

    /** Shows when, not how: the method is free text (Art. 32). */
    @Override
    public String toString() {
      return "Verification[verifiedAt=" + verifiedAt + ", method=<redacted>]";
    }
  }

  /**
   * The single extension of the deadline by up to two further months (Art. 12(3)); the subject is to
   * be told of it, with the reason, within the first month.
   *
   * @param reason why more time is needed: the complexity or number of requests
   * @param newDueDate the extended due date
   * @param extendedAt when the extension was granted
   */
  public record Extension(String reason, LocalDate newDueDate, Instant extendedAt) {
    public Extension {
      requireNonBlank(reason, "reason");
      requireNonNull(newDueDate, "newDueDate");
      requireNonNull(extendedAt, "extendedAt");
    }

    /** Shows the dates, not the reason: free text may name people (Art. 32). */
    @Override
    public String toString() {
      return "Extension[newDueDate="
          + newDueDate
          + ", extendedAt="
          + extendedAt
          + ", reason=<redacted>]";
    }
  }

  /**
   * A refusal to act (Art. 12(5)(b)), with the reasons and the remedies the subject is to be told
   * of (Art. 12(4)).
   *
   * @param reason the Art. 12(5) ground
   * @param explanation why the request is manifestly unfounded or excessive, for the subject
   * @param remedies the statement of the right to lodge a complaint with a supervisory authority and
   *     to seek a judicial remedy (Art. 12(4))
   * @param rejectedAt when the request was refused
   */
  public record Rejection(
      RejectionReason reason, String explanation, String remedies, Instant rejectedAt) {

    /** The Art. 12(4) statement of remedies that a refusal carries unless the controller words its own. */
    public static final String STANDARD_REMEDIES =
        "You have the right to lodge a complaint with a supervisory authority (Art. 77 GDPR)"
            + " and to seek a judicial remedy (Art. 79 GDPR).";

    public Rejection {
      requireNonNull(reason, "reason");
      requireNonBlank(explanation, "explanation");
      requireNonBlank(remedies, "remedies");
      requireNonNull(rejectedAt, "rejectedAt");
    }

    /** Shows the ground and date, not the explanation: free text may name people (Art. 32). */
    @Override
    public String toString() {
      return "Rejection[reason="
          + reason
          + ", rejectedAt="
          + rejectedAt
          + ", explanation=<redacted>]";
    }
  }

  /**
   * The closing of a request without action, such as when the subject withdraws it.
   *
   * @param reason why the request was cancelled
   * @param cancelledAt when
   */
  public record Cancellation(String reason, Instant cancelledAt) {
    public Cancellation {
      requireNonBlank(reason, "reason");
      requireNonNull(cancelledAt, "cancelledAt");
    }

    /** Shows the date, not the reason: free text may name people (Art. 32). */
    @Override
    public String toString() {
      return "Cancellation[cancelledAt=" + cancelledAt + ", reason=<redacted>]";
    }
  }
}
