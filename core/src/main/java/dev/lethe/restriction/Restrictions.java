package dev.lethe.restriction;

import static java.util.Objects.requireNonNull;

import dev.lethe.audit.AuditEntry;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.internal.processing.Purposes;
import dev.lethe.internal.rights.CarriedOutRequests;
import dev.lethe.law.RestrictionGround;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.rights.RecipientNotifications;
import dev.lethe.rights.RequestStore;
import dev.lethe.spi.Notification;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectPseudonym;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restricts processing of a subject's data (Art. 18) and lifts the restriction.
 *
 * <p>A restriction is placed for a restriction request (Art. 18(1)), on one ground, at most one per
 * subject; while it stands, {@link dev.lethe.processing.ProcessingGuard} allows storage only (Art.
 * 18(2)). Lifting first tells the subject through the {@link SubjectNotifier} and lifts only once
 * that succeeded (Art. 18(3)). Placing and lifting are both passed on to every recipient of the
 * subject's data through {@link RecipientNotifications} (Art. 19), and audited (Art. 5(2)). The store
 * holds the subject's pseudonym, made with the audit trail's key; name a subject by the same identity
 * every time. Bad input throws and changes nothing. Thread-safe: changes are serialised.
 *
 * <pre>{@code
 * Restrictions restrictions = Restrictions.builder(model, auditTrail, recipientNotifications, subjectNotifier).build();
 * restrictions.restrict(request, RestrictionGround.ACCURACY_CONTESTED);
 * restrictions.lift(request.subject());
 * }</pre>
 */
public final class Restrictions {

  private static final Logger LOG = LoggerFactory.getLogger(Restrictions.class);

  private final PersonalDataModel model;
  private final AuditTrail audit;
  private final RecipientNotifications recipients;
  private final SubjectNotifier subjectNotifier;
  private final RestrictionStore store;
  private final @Nullable RequestStore requests;
  private final Clock clock;

  private Restrictions(Builder builder) {
    this.model = builder.model;
    this.audit = builder.auditTrail;
    this.recipients = builder.recipientNotifications;
    this.subjectNotifier = builder.subjectNotifier;
    this.store = builder.store;
    this.requests = builder.requests;
    this.clock = builder.clock;
  }

  /**
   * A builder for restrictions of the subjects of {@code model}, audited in {@code auditTrail},
   * passed on to recipients through {@code recipientNotifications} (Art. 19), whose lifting is told
   * to the subject through {@code subjectNotifier} first (Art. 18(3)).
   */
  public static Builder builder(
      PersonalDataModel model,
      AuditTrail auditTrail,
      RecipientNotifications recipientNotifications,
      SubjectNotifier subjectNotifier) {
    return new Builder(
        requireNonNull(model, "model"),
        requireNonNull(auditTrail, "auditTrail"),
        requireNonNull(recipientNotifications, "recipientNotifications"),
        requireNonNull(subjectNotifier, "subjectNotifier"));
  }

  /**
   * Restricts processing of the data of {@code request}'s subject on {@code ground} (Art. 18(1)),
   * until lifted, and tells every recipient (Art. 19).
   *
   * @param request the subject's restriction request, submitted or verified, and not awaiting its
   *     identity check (Art. 12(6)); as the {@linkplain Builder#requests request store} holds it now,
   *     where one is set
   * @throws IllegalArgumentException if the request is of another type or in none of those states, not
   *     in the request store, or if the model declares no such subject type
   * @throws IllegalStateException if the subject's data is already restricted
   */
  public Restriction restrict(RightsRequest request, RestrictionGround ground) {
    return place(request, ground, Optional.empty());
  }

  /**
   * Restricts processing as {@link #restrict(RightsRequest, RestrictionGround)} does, noting that the
   * controller plans to lift the restriction at {@code until}, such as when the accuracy check ends.
   * The restriction stands past it until {@linkplain #lift lifted}, because the subject must be told
   * first (Art. 18(3)).
   *
   * @throws IllegalArgumentException also if {@code until} is not in the future
   */
  public Restriction restrict(RightsRequest request, RestrictionGround ground, Instant until) {
    return place(request, ground, Optional.of(requireNonNull(until, "until")));
  }

  /**
   * Lifts the restriction of {@code subject}'s data (Art. 18(3)): tells the subject first, then
   * lifts, then tells every recipient (Art. 19). If the subject cannot be told, the notifier's
   * exception propagates and the restriction stays.
   *
   * @return the restriction lifted
   * @throws IllegalStateException if the subject's data is not restricted, or another caller (on any
   *     replica) lifted the restriction at the same time: it is lifted, audited and passed on once
   */
  public Restriction lift(SubjectIdentifier subject) {
    return audit.transactions().inTransaction(() -> liftInTransaction(subject, true));
  }

  /**
   * Lifts the restriction of {@code subject}'s data because the controller that obtained it lifted
   * it and told the subject (Art. 18(3), 19), as a participant service does on the controller's
   * notice: the subject is not told a second time, and the audit says so ({@code
   * subjectNotified=by-controller}). Recipients of this service are told as {@link #lift} tells them.
   *
   * @return the restriction lifted
   * @throws IllegalStateException as {@link #lift} does
   */
  public Restriction liftAsRecipient(SubjectIdentifier subject) {
    return audit.transactions().inTransaction(() -> liftInTransaction(subject, false));
  }

  private Restriction liftInTransaction(SubjectIdentifier subject, boolean tellSubject) {
    requireNonNull(subject, "subject");
    SubjectPseudonym pseudonym = audit.pseudonymOf(subject);
    Restriction restriction =
        store
            .find(pseudonym)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The subject's data is not restricted: there is no restriction to lift"));
    List<String> recipientNames = Purposes.recipientsOf(model, subject.subjectType());
    if (tellSubject) {
      subjectNotifier.notifyLifting(subject, restriction);
    }
    if (!store.remove(pseudonym)) {
      // Another caller, on this replica or another, lifted it since it was read here: that lift is
      // the one audited and passed on to recipients, so this one fails and, in a transaction,
      // leaves no trace.
      throw new IllegalStateException(
          "The subject's restriction was lifted by another caller at the same time: it is"
              + " lifted once, by that caller");
    }
    audit.record(
        AuditEntry.of(AuditEventType.RESTRICTION_LIFTED)
            .withRequest(restriction.requestId(), RequestType.RESTRICTION)
            .withSubject(subject)
            .withAttribute("ground", restriction.ground().name())
            .withAttribute("subjectNotified", tellSubject ? "true" : "by-controller"));
    LOG.debug("Restriction of subject {} lifted after telling the subject", pseudonym);
    recipients.notifyRecipients(
        Notification.restrictionLifted(restriction.requestId(), subject), recipientNames);
    return restriction;
  }

  /** Whether no subject's processing is restricted now (Art. 18), as {@link RestrictionStore#isEmpty()} answers. */
  public boolean noneStanding() {
    return store.isEmpty();
  }

  /** The restriction standing for {@code subject}, if there is one (Art. 18). */
  public Optional<Restriction> restriction(SubjectIdentifier subject) {
    return store.find(audit.pseudonymOf(requireNonNull(subject, "subject")));
  }

  /**
   * The restrictions standing now, keyed by the pseudonyms {@link #pseudonymOf} makes, if the store
   * keeps such a snapshot ({@link RestrictionStore#standing()}): for a store that checks every change
   * it sees against them (Art. 18(2)) without a query for each.
   */
  public Optional<Map<SubjectPseudonym, Restriction>> standing() {
    return store.standing();
  }

  /** The pseudonym under which a restriction of {@code subject} is kept. */
  public SubjectPseudonym pseudonymOf(SubjectIdentifier subject) {
    return audit.pseudonymOf(requireNonNull(subject, "subject"));
  }

  private Restriction place(
      RightsRequest request, RestrictionGround ground, Optional<Instant> until) {
    return audit.transactions().inTransaction(() -> placeInTransaction(request, ground, until));
  }

  private Restriction placeInTransaction(
      RightsRequest passed, RestrictionGround ground, Optional<Instant> until) {
    requireNonNull(ground, "ground");
    RightsRequest request =
        CarriedOutRequests.current(
            requireNonNull(passed, "request"),
            requests == null ? null : requests::findLatest,
            RequestType.RESTRICTION,
            "a restriction is placed for a RESTRICTION request (Art. 18(1))");
    SubjectIdentifier subject = request.subject();
    List<String> recipientNames = Purposes.recipientsOf(model, subject.subjectType());
    SubjectPseudonym pseudonym = audit.pseudonymOf(subject);
    if (store.find(pseudonym).isPresent()) {
      throw new IllegalStateException(
          "The subject's data is already restricted: lift that restriction before placing"
              + " another (rights request "
              + request.id()
              + ")");
    }
    Restriction restriction =
        new Restriction(pseudonym, request.id(), ground, clock.instant(), until);
    // An insert, not an upsert: a replica that placed one since the check above makes it fail.
    store.add(restriction);
    AuditEntry entry =
        AuditEntry.forRequest(AuditEventType.RESTRICTION_PLACED, request)
            .withAttribute("ground", ground.name());
    audit.record(until.map(end -> entry.withAttribute("until", end.toString())).orElse(entry));
    LOG.debug("Processing of subject {} restricted on ground {}", pseudonym, ground);
    recipients.notifyRecipients(
        new Notification(request.id(), RequestType.RESTRICTION, subject), recipientNames);
    return restriction;
  }

  /** Configures {@link Restrictions}: by default restrictions are kept in memory, on the system UTC clock. */
  public static final class Builder {

    private final PersonalDataModel model;
    private final AuditTrail auditTrail;
    private final RecipientNotifications recipientNotifications;
    private final SubjectNotifier subjectNotifier;
    private RestrictionStore store = RestrictionStore.inMemory();
    private @Nullable RequestStore requests;
    private Clock clock = Clock.systemUTC();

    private Builder(
        PersonalDataModel model,
        AuditTrail auditTrail,
        RecipientNotifications recipientNotifications,
        SubjectNotifier subjectNotifier) {
      this.model = model;
      this.auditTrail = auditTrail;
      this.recipientNotifications = recipientNotifications;
      this.subjectNotifier = subjectNotifier;
    }

    /** Where standing restrictions are kept. */
    public Builder store(RestrictionStore store) {
      this.store = requireNonNull(store, "store");
      return this;
    }

    /**
     * The store of the rights requests that restrictions are placed for, the one {@link
     * dev.lethe.rights.DataSubjectRights} keeps them in: each request is read again, locked where
     * the store can lock, in the transaction that places the restriction, so that a copy read before
     * the request was cancelled, rejected or fulfilled places nothing (Art. 18(1)). Without it, the
     * request passed in is checked as it is. {@link dev.lethe.Lethe} sets it.
     */
    public Builder requests(RequestStore requests) {
      this.requests = requireNonNull(requests, "requests");
      return this;
    }

    /** The clock that stamps when a restriction is placed. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** The service, configured. */
    public Restrictions build() {
      return new Restrictions(this);
    }
  }
}
