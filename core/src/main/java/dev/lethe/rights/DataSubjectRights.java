package dev.lethe.rights;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import dev.lethe.audit.AuditEntry;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.internal.rights.RequestLifecycle;
import dev.lethe.spi.IdentityVerifier;
import dev.lethe.spi.RequestStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The entry point for data-subject rights requests (Chapter III GDPR, handled as Art. 12 asks):
 * receives a request and sets its deadline (Art. 12(3)), records the identity check (Art. 12(6)),
 * the single extension (Art. 12(3)), a refusal with its reasons and remedies (Art. 12(4), 12(5)),
 * fulfilment and completion, and answers which requests are open, overdue or due soon.
 *
 * <p>Every change is saved to the {@link RequestStore} and recorded once in the {@link AuditTrail}
 * (Art. 5(2)). A move the lifecycle does not allow throws {@link IllegalRequestTransitionException}
 * and changes nothing. Thread-safe: changes are serialised. With a database store, run each call
 * in one transaction, so that the saved request and its audit event commit together.
 *
 * <pre>{@code
 * DataSubjectRights rights = DataSubjectRights.builder().clock(clock).zone(ZoneId.of("Europe/Amsterdam")).build();
 * RightsRequest request = rights.submit(RequestType.ERASURE, new SubjectIdentifier("customer", "email", email), Channel.WEB);
 * rights.verify(request.id(), "email-link");
 * }</pre>
 */
public final class DataSubjectRights {

  private final RequestStore store;
  private final AuditTrail audit;
  private final IdentityVerifier identityVerifier;
  private final RequestLifecycle lifecycle;

  private DataSubjectRights(Builder builder) {
    this.store = builder.requestStore;
    this.audit = builder.auditTrail != null ? builder.auditTrail : AuditTrail.inMemory(builder.clock);
    this.identityVerifier = builder.identityVerifier;
    this.lifecycle = new RequestLifecycle(builder.deadlinePolicy, builder.clock,
        builder.zone != null ? builder.zone : builder.clock.getZone());
  }

  /** A builder whose defaults hold everything in memory and follow Art. 12 as written. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Receives a request now, due per the deadline policy from today in the controller's zone (Art.
   * 12(3)); the identity verifier decides whether the identity must be checked first (Art. 12(6)).
   */
  public synchronized RightsRequest submit(RequestType type, SubjectIdentifier subject, Channel channel) {
    requireNonNull(type, "type");
    requireNonNull(subject, "subject");
    requireNonNull(channel, "channel");
    RightsRequest request = lifecycle.submit(type, subject, channel, identityVerifier);
    return saveAndAudit(request, AuditEventType.REQUEST_SUBMITTED);
  }

  /**
   * Records that the subject's identity was confirmed (Art. 12(6)).
   *
   * @param method how, such as {@code email-link}: a label, never the evidence itself
   * @throws UnknownRequestException if no request has the id
   * @throws IllegalRequestTransitionException unless the request is {@link RequestStatus#SUBMITTED}
   */
  public RightsRequest verify(RequestId id, String method) {
    requireNonBlank(method, "method");
    return move(id, request -> lifecycle.verify(request, method), AuditEventType.IDENTITY_VERIFIED);
  }

  /**
   * Extends the deadline of an open request by {@code extension} (Art. 12(3)): only once, only
   * before the original due date passes, and to at most two months after it. Tell the subject,
   * with the reason.
   *
   * @throws UnknownRequestException if no request has the id
   * @throws IllegalRequestTransitionException if the request is closed, already extended, or past
   *     its original due date
   * @throws IllegalArgumentException if the extension is not positive or ends more than two months
   *     after the original due date
   */
  public RightsRequest extend(RequestId id, Period extension, String reason) {
    requireNonNull(extension, "extension");
    requireNonBlank(reason, "reason");
    return move(id, request -> lifecycle.extend(request, extension, reason), AuditEventType.REQUEST_EXTENDED);
  }

  /**
   * Refuses to act on a request as manifestly unfounded or excessive (Art. 12(5)(b)); the rejection
   * carries the explanation for the subject and the statement of their remedies (Art. 12(4)).
   *
   * @throws UnknownRequestException if no request has the id
   * @throws IllegalRequestTransitionException unless the request is submitted or verified
   */
  public RightsRequest reject(RequestId id, RejectionReason reason, String explanation) {
    requireNonNull(reason, "reason");
    requireNonBlank(explanation, "explanation");
    return move(id, request -> lifecycle.reject(request, reason, explanation, RightsRequest.Rejection.STANDARD_REMEDIES),
        AuditEventType.REQUEST_REJECTED);
  }

  /**
   * Records that the requested action was taken. A request whose identity check is pending cannot be
   * fulfilled (Art. 12(6)).
   *
   * @throws UnknownRequestException if no request has the id
   * @throws IllegalRequestTransitionException unless the request is verified, or submitted without
   *     needing verification
   */
  public RightsRequest fulfil(RequestId id) {
    // The seam for the work itself: an export (Art. 15, 20) or erasure (Art. 17) will run between
    // the lifecycle's check and the save, so that a failed execution leaves the request open.
    return move(id, lifecycle::fulfil, AuditEventType.REQUEST_FULFILLED);
  }

  /**
   * Records that the subject was told of the action taken (Art. 12(3)), closing the request.
   *
   * @throws UnknownRequestException if no request has the id
   * @throws IllegalRequestTransitionException unless the request is fulfilled
   */
  public RightsRequest complete(RequestId id) {
    return move(id, lifecycle::complete, AuditEventType.REQUEST_COMPLETED);
  }

  /**
   * Closes a request without action, such as when the subject withdraws it.
   *
   * @throws UnknownRequestException if no request has the id
   * @throws IllegalRequestTransitionException unless the request is submitted or verified
   */
  public RightsRequest cancel(RequestId id, String reason) {
    requireNonBlank(reason, "reason");
    return move(id, request -> lifecycle.cancel(request, reason), AuditEventType.REQUEST_CANCELLED);
  }

  /** The request with {@code id}, if there is one, to show where it stands (Art. 12(3), Art. 5(2)). */
  public Optional<RightsRequest> find(RequestId id) {
    return store.find(requireNonNull(id, "id"));
  }

  /** Every open request, earliest due first (Art. 12(3)). */
  public List<RightsRequest> open() {
    return store.findOpen();
  }

  /** Every open request whose Art. 12(3) deadline has passed as of the clock, earliest due first. */
  public List<RightsRequest> overdue() {
    return store.findOpenDueOnOrBefore(lifecycle.today().minusDays(1));
  }

  /**
   * Every open request that is not overdue and is due within {@code days} days from today, today
   * included, earliest due first (Art. 12(3)).
   *
   * @throws IllegalArgumentException if {@code days} is negative
   */
  public List<RightsRequest> dueWithin(int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative, but is " + days);
    }
    LocalDate today = lifecycle.today();
    return store.findOpenDueOnOrBefore(today.plusDays(days)).stream()
        .filter(request -> !request.isOverdue(today))
        .toList();
  }

  private synchronized RightsRequest move(RequestId id, UnaryOperator<RightsRequest> transition, AuditEventType event) {
    requireNonNull(id, "id");
    RightsRequest current = store.find(id).orElseThrow(() -> new UnknownRequestException(id));
    return saveAndAudit(transition.apply(current), event);
  }

  private RightsRequest saveAndAudit(RightsRequest request, AuditEventType event) {
    store.save(request);
    audit.record(auditEntry(event, request));
    return request;
  }

  // Only structured facts go into the audit: free text (reasons, explanations, the verification
  // method) is written by people and may name someone, so it stays with the request.
  private static AuditEntry auditEntry(AuditEventType event, RightsRequest request) {
    AuditEntry entry = AuditEntry.forRequest(event, request);
    return switch (event) {
      case REQUEST_SUBMITTED -> entry.withAttribute("channel", request.channel().name())
          .withAttribute("dueDate", request.dueDate().toString())
          .withAttribute("verificationRequired", String.valueOf(request.verificationRequired()));
      case REQUEST_EXTENDED -> entry.withAttribute("originalDueDate", request.originalDueDate().toString())
          .withAttribute("dueDate", request.dueDate().toString());
      case REQUEST_REJECTED -> entry.withAttribute("reason", request.rejection().orElseThrow().reason().name());
      default -> entry;
    };
  }

  /**
   * Configures a {@link DataSubjectRights}. Every part has a default: the system UTC clock, the
   * clock's zone, in-memory store and audit trail, an identity check for every request, and the
   * deadlines of Art. 12(3).
   */
  public static final class Builder {

    private Clock clock = Clock.systemUTC();
    private @Nullable ZoneId zone;
    private RequestStore requestStore = RequestStore.inMemory();
    private @Nullable AuditTrail auditTrail;
    private IdentityVerifier identityVerifier = IdentityVerifier.always();
    private DeadlinePolicy deadlinePolicy = DeadlinePolicy.article12();

    private Builder() {}

    /** The clock that stamps receipt and every step, and tells today (Art. 12(3)). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** The controller's time zone, in which the day of receipt and the due dates are told (Art. 12(3)). */
    public Builder zone(ZoneId zone) {
      this.zone = requireNonNull(zone, "zone");
      return this;
    }

    /** Where requests are kept. */
    public Builder requestStore(RequestStore requestStore) {
      this.requestStore = requireNonNull(requestStore, "requestStore");
      return this;
    }

    /** Where every step is audited (Art. 5(2)); by default an in-memory trail on this builder's clock. */
    public Builder auditTrail(AuditTrail auditTrail) {
      this.auditTrail = requireNonNull(auditTrail, "auditTrail");
      return this;
    }

    /** Decides which requests need an identity check before they are fulfilled (Art. 12(6)). */
    public Builder identityVerifier(IdentityVerifier identityVerifier) {
      this.identityVerifier = requireNonNull(identityVerifier, "identityVerifier");
      return this;
    }

    /** When requests are due (Art. 12(3)). */
    public Builder deadlinePolicy(DeadlinePolicy deadlinePolicy) {
      this.deadlinePolicy = requireNonNull(deadlinePolicy, "deadlinePolicy");
      return this;
    }

    /** The service, configured. */
    public DataSubjectRights build() {
      return new DataSubjectRights(this);
    }
  }
}
