package dev.lethe.objection;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import dev.lethe.audit.AuditEntry;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.erasure.SuppressionList;
import dev.lethe.internal.processing.Purposes;
import dev.lethe.internal.rights.CarriedOutRequests;
import dev.lethe.law.Right;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.Purpose;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.rights.RecipientNotifications;
import dev.lethe.rights.RequestStore;
import dev.lethe.spi.Notification;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectPseudonym;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records subjects' objections to processing (Art. 21), per purpose.
 *
 * <ul>
 *   <li>Against a purpose on legitimate interests or a public task (Art. 21(1)), the objection holds
 *       until the controller {@linkplain #recordCompellingGrounds records compelling legitimate
 *       grounds}; the objection then stands overridden.
 *   <li>Against a purpose configured as {@linkplain Builder#directMarketing direct marketing}, on any
 *       basis (Art. 21(2)), it is absolute and permanent (Art. 21(3)), and the identity the subject
 *       is named by goes on the {@link SuppressionList}: name the subject by the contact marketing
 *       uses, such as its e-mail address.
 *   <li>Against any other purpose there is no right to object: {@link IllegalArgumentException}.
 * </ul>
 *
 * <p>Every objection and override is audited (Art. 5(2)); the store holds the subject's pseudonym,
 * made with the audit trail's key. {@link dev.lethe.processing.ProcessingGuard} consults the
 * objections and the direct-marketing purposes configured here. Thread-safe: changes are
 * serialised. With a database, run each call in one transaction.
 */
public final class Objections {

  private static final Logger LOG = LoggerFactory.getLogger(Objections.class);
  private static final String SUPPRESSION_REASON = "objection to direct marketing (Art. 21(3))";

  private final PersonalDataModel model;
  private final AuditTrail audit;
  private final SuppressionList suppressionList;
  private final Set<String> directMarketing;
  private final ObjectionStore store;
  private final @Nullable RequestStore requests;
  private final Clock clock;
  private final @Nullable RecipientNotifications recipientNotifications;

  private Objections(Builder builder) {
    this.model = builder.model;
    this.audit = builder.auditTrail;
    this.suppressionList = builder.suppressionList;
    this.directMarketing = Set.copyOf(builder.directMarketing);
    this.store = builder.store;
    this.requests = builder.requests;
    this.clock = builder.clock;
    this.recipientNotifications = builder.recipientNotifications;
  }

  /**
   * A builder for objections to the purposes of {@code model}, audited in {@code auditTrail}, that
   * suppresses contacts objecting to direct marketing in {@code suppressionList} (Art. 21(3)).
   */
  public static Builder builder(
      PersonalDataModel model, AuditTrail auditTrail, SuppressionList suppressionList) {
    return new Builder(
        requireNonNull(model, "model"),
        requireNonNull(auditTrail, "auditTrail"),
        requireNonNull(suppressionList, "suppressionList"));
  }

  /**
   * Records that {@code subject} objects to processing for {@code purpose} (Art. 21). Objecting again
   * while an objection stands changes nothing and returns it; objecting after it was overridden
   * records a new one, as the subject's situation may have changed.
   *
   * @return the objection that stands
   * @throws IllegalArgumentException if the model declares no such purpose, or if it is neither
   *     direct marketing nor based on legitimate interests or a public task, so Art. 21 opens no
   *     objection to it
   * @throws IllegalStateException if another caller, on this replica or another, recorded or
   *     overrode the subject's objection to the purpose at the same moment; nothing is recorded
   */
  public Objection object(SubjectIdentifier subject, String purpose) {
    requireNonNull(subject, "subject");
    return audit
        .transactions()
        .inTransaction(
            () ->
                objectInTransaction(
                    subject, purpose, AuditEntry.of(AuditEventType.OBJECTION_RECORDED)));
  }

  /**
   * Carries out the objection request {@code request}: records that its subject objects to {@code
   * purpose} as {@link #object(SubjectIdentifier, String)} does, audited with the request, which
   * {@link dev.lethe.rights.DataSubjectRights#fulfil} may then record as fulfilled (Art. 21).
   *
   * @param request the subject's objection request, submitted or verified, and not awaiting its
   *     identity check (Art. 12(6)); as the {@linkplain Builder#requests request store} holds it now,
   *     where one is set
   * @return the objection that stands
   * @throws IllegalArgumentException if the request is of another type or in none of those states, not
   *     in the request store, or if {@code purpose} is not one of {@link #objectablePurposes} for the
   *     subject's type
   * @throws IllegalStateException as {@link #object(SubjectIdentifier, String)} does
   */
  public Objection objectFor(RightsRequest request, String purpose) {
    requireNonNull(request, "request");
    requireNonNull(purpose, "purpose");
    return audit
        .transactions()
        .inTransaction(
            () -> {
              RightsRequest current =
                  CarriedOutRequests.current(
                      request,
                      requests == null ? null : requests::findLatest,
                      RequestType.OBJECTION,
                      "an objection is recorded for an OBJECTION request (Art. 21)");
              String subjectType = current.subject().subjectType();
              List<String> open =
                  objectablePurposes(subjectType).stream().map(Purpose::name).toList();
              if (!open.contains(purpose)) {
                throw new IllegalArgumentException(
                    "The subjects of type "
                        + subjectType
                        + " may object to the purposes "
                        + open
                        + " only (Art. 21(1), 21(2)): the others rest on consent, which is"
                        + " withdrawn instead (Art. 7(3)), or on a contract or a legal obligation");
              }
              return objectInTransaction(
                  current.subject(),
                  purpose,
                  AuditEntry.forRequest(AuditEventType.OBJECTION_RECORDED, current));
            });
  }

  /**
   * The objections of {@code subject}, standing or overridden, to the purposes of its type open to
   * objection, in the model's order (Art. 21).
   */
  public List<Objection> objections(SubjectIdentifier subject) {
    SubjectPseudonym pseudonym = audit.pseudonymOf(requireNonNull(subject, "subject"));
    return objectablePurposes(subject.subjectType()).stream()
        .flatMap(purpose -> store.find(pseudonym, purpose.name()).stream())
        .toList();
  }

  private Objection objectInTransaction(
      SubjectIdentifier subject, String purpose, AuditEntry recorded) {
    Purpose declared = Purposes.declared(model, purpose);
    boolean marketing = isDirectMarketing(purpose);
    if (!marketing && !declared.basis().rights().contains(Right.OBJECTION)) {
      throw new IllegalArgumentException(
          "Purpose '"
              + purpose
              + "' rests on "
              + declared.basis().kind().title()
              + " ("
              + declared.basis().kind().article()
              + ") and is not direct marketing: Art. 21 opens an objection only to"
              + " processing on a public task or legitimate interests (Art. 21(1)) or for direct marketing (Art. 21(2))");
    }
    SubjectPseudonym pseudonym = audit.pseudonymOf(subject);
    Optional<Objection> existing = store.find(pseudonym, purpose);
    if (existing.isPresent() && existing.get().stands()) {
      return existing.get();
    }
    Objection objection =
        new Objection(pseudonym, purpose, marketing, clock.instant(), Optional.empty());
    if (!store.replace(existing, objection)) {
      throw changedMeanwhile(purpose);
    }
    if (marketing) {
      suppressionList.suppress(subject.identity(), subject.value(), SUPPRESSION_REASON);
    }
    audit.record(
        recorded
            .withSubject(subject)
            .withAttribute("purpose", purpose)
            .withAttribute("basis", declared.basis().kind().name())
            .withAttribute("directMarketing", String.valueOf(marketing)));
    if (recipientNotifications != null && !declared.recipients().isEmpty()) {
      recipientNotifications.notifyRecipients(
          Notification.objection(RequestId.random(), subject, purpose), declared.recipients());
    }
    LOG.debug(
        "Objection to purpose '{}' recorded for subject {}{}",
        purpose,
        pseudonym,
        marketing ? "; absolute, contact suppressed" : "");
    return objection;
  }

  /**
   * Records that {@code subject} objects to direct marketing (Art. 21(2)): to every purpose
   * configured as direct marketing, absolutely, with the identity the subject is named by suppressed
   * (Art. 21(3)).
   *
   * @return the objections that stand, one per direct-marketing purpose
   * @throws IllegalStateException if no purpose is configured as direct marketing
   */
  public List<Objection> objectToDirectMarketing(SubjectIdentifier subject) {
    return audit.transactions().inTransaction(() -> objectToDirectMarketingInTransaction(subject));
  }

  private List<Objection> objectToDirectMarketingInTransaction(SubjectIdentifier subject) {
    requireNonNull(subject, "subject");
    if (directMarketing.isEmpty()) {
      throw new IllegalStateException(
          "No purpose is configured as direct marketing: configure them with"
              + " Objections.builder(...).directMarketing(\"newsletter\", ...)");
    }
    List<Objection> objections = new ArrayList<>();
    model.purposes().stream()
        .map(Purpose::name)
        .filter(directMarketing::contains)
        .forEach(purpose -> objections.add(object(subject, purpose)));
    return List.copyOf(objections);
  }

  /**
   * Records the compelling legitimate grounds that override {@code subject}'s objection to
   * {@code purpose}, or the establishment, exercise or defence of legal claims (Art. 21(1)); the
   * processing may go on. The grounds are kept with the objection, not in the audit.
   *
   * @return the objection, now overridden
   * @throws IllegalArgumentException if the model declares no such purpose
   * @throws IllegalStateException if no objection of the subject to the purpose stands, if it is an
   *     objection to direct marketing, which no grounds override (Art. 21(3)), or if another caller
   *     changed it at the same moment; nothing is recorded
   */
  public Objection recordCompellingGrounds(
      SubjectIdentifier subject, String purpose, String grounds) {
    return audit
        .transactions()
        .inTransaction(() -> recordCompellingGroundsInTransaction(subject, purpose, grounds));
  }

  private Objection recordCompellingGroundsInTransaction(
      SubjectIdentifier subject, String purpose, String grounds) {
    requireNonNull(subject, "subject");
    requireNonBlank(grounds, "grounds");
    Purposes.declared(model, purpose);
    Objection standing =
        store
            .find(audit.pseudonymOf(subject), purpose)
            .filter(Objection::stands)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The subject has no standing objection to purpose '"
                            + purpose
                            + "': there is nothing to override"));
    if (standing.directMarketing()) {
      throw new IllegalStateException(
          "The objection to purpose '"
              + purpose
              + "' is to direct marketing: it is"
              + " absolute, and no grounds override it (Art. 21(3))");
    }
    Objection overridden =
        new Objection(
            standing.subject(),
            purpose,
            false,
            standing.objectedAt(),
            Optional.of(new Objection.CompellingGrounds(grounds, clock.instant())));
    if (!store.replace(Optional.of(standing), overridden)) {
      throw changedMeanwhile(purpose);
    }
    audit.record(
        AuditEntry.of(AuditEventType.OBJECTION_OVERRIDDEN)
            .withSubject(subject)
            .withAttribute("purpose", purpose)
            .withAttribute("objectedAt", standing.objectedAt().toString()));
    LOG.debug(
        "Objection to purpose '{}' of subject {} overridden by compelling grounds",
        purpose,
        standing.subject());
    return overridden;
  }

  /** Another caller, on this replica or another, changed the objection since it was read. */
  private static IllegalStateException changedMeanwhile(String purpose) {
    return new IllegalStateException(
        "The subject's objection to purpose '"
            + purpose
            + "' was changed by another caller at the same moment: nothing was recorded");
  }

  /** The objection of {@code subject} to {@code purpose}, standing or overridden, if there is one (Art. 21). */
  public Optional<Objection> objection(SubjectIdentifier subject, String purpose) {
    requireNonNull(subject, "subject");
    requireNonNull(purpose, "purpose");
    return store.find(audit.pseudonymOf(subject), purpose);
  }

  /**
   * The purposes of {@code subjectType} its subjects may object to, in the model's order: those on
   * legitimate interests or a public task (Art. 21(1)) and those configured as direct marketing (Art. 21(2)).
   */
  public List<Purpose> objectablePurposes(String subjectType) {
    return model.purposesFor(requireNonNull(subjectType, "subjectType")).stream()
        .filter(
            purpose ->
                isDirectMarketing(purpose.name())
                    || purpose.basis().rights().contains(Right.OBJECTION))
        .toList();
  }

  /** Whether {@code purpose} is configured as direct marketing, to which objection is absolute (Art. 21(2), 21(3)). */
  public boolean isDirectMarketing(String purpose) {
    return directMarketing.contains(requireNonNull(purpose, "purpose"));
  }

  /**
   * Configures {@link Objections}: by default no purpose is direct marketing, objections are kept in
   * memory, and the clock is the system UTC clock.
   */
  public static final class Builder {

    private final PersonalDataModel model;
    private final AuditTrail auditTrail;
    private final SuppressionList suppressionList;
    private final Set<String> directMarketing = new LinkedHashSet<>();
    private ObjectionStore store = ObjectionStore.inMemory();
    private @Nullable RequestStore requests;
    private Clock clock = Clock.systemUTC();
    private @Nullable RecipientNotifications recipientNotifications;

    private Builder(
        PersonalDataModel model, AuditTrail auditTrail, SuppressionList suppressionList) {
      this.model = model;
      this.auditTrail = auditTrail;
      this.suppressionList = suppressionList;
    }

    /**
     * Marks {@code purposes} as direct marketing: objection to them is absolute and suppresses the
     * subject's contact (Art. 21(2), 21(3)).
     *
     * @throws IllegalArgumentException naming the purpose, if the model declares no purpose by that name
     */
    public Builder directMarketing(String... purposes) {
      requireNonNull(purposes, "purposes");
      for (String purpose : purposes) {
        directMarketing.add(Purposes.declared(model, purpose).name());
      }
      return this;
    }

    /** Where objections are kept. */
    public Builder store(ObjectionStore store) {
      this.store = requireNonNull(store, "store");
      return this;
    }

    /**
     * The store of the rights requests that objections are recorded for, the one {@link
     * dev.lethe.rights.DataSubjectRights} keeps them in: each request is read again, locked where
     * the store can lock, in the transaction that records the objection, so that a copy read before
     * the request was cancelled, rejected or fulfilled records nothing (Art. 21). Without it, the
     * request passed in is checked as it is. {@link dev.lethe.Lethe} sets it.
     */
    public Builder requests(RequestStore requests) {
      this.requests = requireNonNull(requests, "requests");
      return this;
    }

    /** The clock that stamps objections and overrides. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Tells the recipients of a purpose when a subject objects to it, in the objection's transaction,
     * so that they stop processing for it too: participant services record the objection on their own
     * data (Art. 21). An override of an objection is not passed on.
     */
    public Builder recipientNotifications(RecipientNotifications recipientNotifications) {
      this.recipientNotifications =
          requireNonNull(recipientNotifications, "recipientNotifications");
      return this;
    }

    /** The service, configured. */
    public Objections build() {
      return new Objections(this);
    }
  }
}
