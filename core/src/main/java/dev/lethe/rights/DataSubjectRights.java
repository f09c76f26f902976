package dev.lethe.rights;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import dev.lethe.access.Article15Information;
import dev.lethe.access.SubjectReport;
import dev.lethe.audit.AuditEntry;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.erasure.ErasurePlan;
import dev.lethe.erasure.ErasureReceipt;
import dev.lethe.erasure.LegalHoldStore;
import dev.lethe.erasure.ReappliedErasures;
import dev.lethe.erasure.SuppressionList;
import dev.lethe.internal.rights.CorrectedValues;
import dev.lethe.internal.rights.RectificationValidator;
import dev.lethe.internal.rights.SubjectIdentifiers;
import dev.lethe.internal.rights.SubjectReports;
import dev.lethe.law.ErasureGround;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.IdentityMatch;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.Purpose;
import dev.lethe.model.SubjectType;
import dev.lethe.request.Channel;
import dev.lethe.request.Rectification;
import dev.lethe.request.RectificationRejectedException;
import dev.lethe.request.RejectionReason;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.spi.ErasureTombstoneStore;
import dev.lethe.spi.Notification;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.spi.Transactions;
import dev.lethe.subject.InvalidSubjectIdentifierException;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point for data-subject rights requests (Chapter III GDPR, handled as Art. 12 asks):
 * receives a request and sets its deadline (Art. 12(3)), records the identity check (Art. 12(6)),
 * the single extension (Art. 12(3)), a refusal with its reasons and remedies (Art. 12(4), 12(5)),
 * fulfilment and completion, and answers which requests are open, overdue or due soon.
 *
 * <p>Every change is saved to the {@link RequestStore} and recorded once in the {@link AuditTrail}
 * (Art. 5(2)). A move the lifecycle does not allow throws {@link IllegalRequestTransitionException}
 * and changes nothing. Each call runs in one transaction of the trail's {@link Transactions}, so
 * that with stores that join it (such as lethe-jdbc's over {@code JdbcTransactions}) the data
 * erased, the request's new state, its audit events and the suppression entries commit together or
 * not at all. Thread-safe, and safe with several replicas over one store: every change is a
 * conditional update from the version read, and an erasure, access or rectification first claims
 * the request that way, so of two callers moving one request at once exactly one wins and the other
 * gets {@link IllegalRequestTransitionException} before doing anything.
 *
 * <pre>{@code
 * DataSubjectRights rights = DataSubjectRights.builder(auditTrail).clock(clock).zone(ZoneId.of("Europe/Amsterdam")).build();
 * RightsRequest request = rights.submit(RequestType.ERASURE, new SubjectIdentifier("customer", "email", email), Channel.WEB);
 * rights.verify(request.id(), "email-link");
 * }</pre>
 */
public final class DataSubjectRights {

  private static final Logger LOG = LoggerFactory.getLogger(DataSubjectRights.class);

  private final RequestStore store;
  private final AuditTrail audit;
  private final IdentityVerifier identityVerifier;
  private final RequestLifecycle lifecycle;
  private final Clock clock;
  private final @Nullable PersonalData personalData;
  private final LegalHoldStore legalHolds;
  private final @Nullable SuppressionList suppressionList;
  private final @Nullable ErasureTombstoneStore tombstones;
  private final @Nullable RecipientNotifications recipientNotifications;
  private final @Nullable CarriedOut carriedOut;
  private final Consumer<ErasureReceipt> erasureListener;
  private final Transactions transactions;
  private final List<Article15Information.TransferInfo> transfers;

  private DataSubjectRights(Builder builder) {
    this.store = builder.requestStore;
    this.audit = builder.auditTrail;
    this.identityVerifier = builder.identityVerifier;
    this.lifecycle =
        new RequestLifecycle(
            builder.deadlinePolicy,
            builder.clock,
            builder.zone != null ? builder.zone : builder.clock.getZone());
    this.clock = builder.clock;
    this.personalData = builder.personalData;
    this.legalHolds = builder.legalHolds;
    this.suppressionList = builder.suppressionList;
    this.tombstones = builder.tombstones;
    this.recipientNotifications = builder.recipientNotifications;
    this.carriedOut = builder.carriedOut;
    this.erasureListener = builder.erasureListener;
    this.transactions = audit.transactions();
    this.transfers = builder.transfers;
  }

  /**
   * A builder recording every step in {@code auditTrail} (Art. 5(2)), whose other defaults hold the
   * requests in memory and follow Art. 12 as written. {@code Lethe.builder(..)} builds one wired to
   * the other services.
   */
  public static Builder builder(AuditTrail auditTrail) {
    return new Builder(requireNonNull(auditTrail, "auditTrail"));
  }

  /**
   * Receives a request now, due per the deadline policy from today in the controller's zone (Art.
   * 12(3)); the identity verifier decides whether the identity must be checked first (Art. 12(6)).
   *
   * @throws InvalidSubjectIdentifierException when the personal data is configured and its model has
   *     no such subject type or identity, or the value cannot be of the identity's type; nothing is
   *     stored or audited then
   * @throws IllegalArgumentException for {@link RequestType#AUTOMATED_DECISION_REVIEW}, which names the
   *     decision's purpose: {@link #requestHumanReview} receives it
   */
  public RightsRequest submit(RequestType type, SubjectIdentifier subject, Channel channel) {
    requireNonNull(type, "type");
    requireNonNull(subject, "subject");
    requireNonNull(channel, "channel");
    if (type == RequestType.AUTOMATED_DECISION_REVIEW) {
      // Without its purpose, nobody could tell which decision to review, nor check that one was
      // automated.
      throw new IllegalArgumentException(
          "A review of an automated decision names the purpose that took it (Art."
              + " 22(3)): submit it with requestHumanReview(subject, purpose, channel)");
    }
    if (personalData != null) {
      SubjectIdentifiers.check(personalData.model(), subject);
    }
    return transactions.inTransaction(
        () -> {
          RightsRequest request = lifecycle.submit(type, subject, channel, identityVerifier);
          store.insert(request);
          return audited(request, AuditEventType.REQUEST_SUBMITTED);
        });
  }

  /**
   * Receives the subject's request for human intervention in a decision that {@code purpose} took
   * about them solely by automated means, to express their view and contest it (Art. 22(3)): a
   * request of type {@link RequestType#AUTOMATED_DECISION_REVIEW}, due as Art. 12(3) sets, whose
   * submission's audit event names the purpose. A person reviews the decision and then {@link
   * #fulfil}s the request; the subject's view reaches that person through the application, never
   * Lethe's tables.
   *
   * @throws InvalidSubjectIdentifierException as {@link #submit} does
   * @throws IllegalArgumentException when the model has no such purpose, or the purpose takes no
   *     solely automated decision; nothing is stored or audited then
   * @throws IllegalStateException when no personal data is configured, so that the purpose cannot be checked
   */
  public RightsRequest requestHumanReview(
      SubjectIdentifier subject, String purpose, Channel channel) {
    requireNonNull(subject, "subject");
    requireNonBlank(purpose, "purpose");
    requireNonNull(channel, "channel");
    if (personalData == null) {
      // Without the model the purpose could not be checked, and unchecked text would reach the
      // audit.
      throw new IllegalStateException(
          "A review of an automated decision names a purpose of the model (Art. 22(3)):"
              + " configure the personal data with Builder.personalData");
    }
    SubjectIdentifiers.check(personalData.model(), subject);
    boolean automated =
        personalData.model().purpose(purpose).map(Purpose::solelyAutomatedDecisions).orElse(false);
    if (!automated) {
      throw new IllegalArgumentException(
          "No purpose of the model takes solely automated decisions under that name"
              + " (Art. 22(1)): name one of "
              + personalData.model().purposes().stream()
                  .filter(Purpose::solelyAutomatedDecisions)
                  .map(Purpose::name)
                  .toList());
    }
    return transactions.inTransaction(
        () -> {
          RightsRequest request =
              lifecycle.submit(
                  RequestType.AUTOMATED_DECISION_REVIEW, subject, channel, identityVerifier);
          store.insert(request);
          audit.record(
              auditEntry(AuditEventType.REQUEST_SUBMITTED, request)
                  .withAttribute("purpose", purpose));
          return request;
        });
  }

  /**
   * Checks {@code subject} as {@link #submit} does, storing nothing: for work that names a subject
   * outside a request, such as placing a legal hold (Art. 17(3)(e)) or lifting a restriction (Art.
   * 18(3)), so that a misspelt name is refused rather than matching nobody (Art. 12(2)).
   *
   * @throws InvalidSubjectIdentifierException when the personal data is configured and its model has
   *     no such subject type or identity, or the value cannot be of the identity's type
   */
  public void checkIdentifier(SubjectIdentifier subject) {
    requireNonNull(subject, "subject");
    if (personalData != null) {
      SubjectIdentifiers.check(personalData.model(), subject);
    }
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
    return move(
        id,
        "verify",
        request -> lifecycle.verify(request, method),
        AuditEventType.IDENTITY_VERIFIED);
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
    return move(
        id,
        "extend",
        request -> lifecycle.extend(request, extension, reason),
        AuditEventType.REQUEST_EXTENDED);
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
    return move(
        id,
        "reject",
        request ->
            lifecycle.reject(
                request, reason, explanation, RightsRequest.Rejection.STANDARD_REMEDIES),
        AuditEventType.REQUEST_REJECTED);
  }

  /**
   * Records that the requested action was taken. A request whose identity check is pending cannot be
   * fulfilled (Art. 12(6)). Where Lethe holds the personal data, access, portability, erasure and
   * rectification are fulfilled by doing them: {@link #access}, {@link #erase}, {@link #rectify}.
   * With a {@linkplain Builder#carriedOut check of what others carry out}, as {@code Lethe} wires, a
   * restriction request is fulfilled only while a restriction of its subject stands (Art. 18(1)), and
   * an objection request only once an objection of its subject was recorded (Art. 21).
   *
   * @throws UnknownRequestException if no request has the id
   * @throws IllegalRequestTransitionException unless the request is verified, or submitted without
   *     needing verification
   * @throws IllegalStateException for a request that Lethe must carry out itself, or that the check
   *     says was not carried out, naming what is missing
   */
  public RightsRequest fulfil(RequestId id) {
    return move(
        id,
        "fulfil",
        request -> {
          Optional<String> refusal = notCarriedOut(request);
          if (refusal.isPresent()) {
            throw new IllegalStateException(
                "Rights request "
                    + request.id()
                    + " is "
                    + request.type().described()
                    + refusal.get());
          }
          return lifecycle.fulfil(request);
        },
        AuditEventType.REQUEST_FULFILLED);
  }

  /** Why {@code request} may not be marked fulfilled: Lethe carries it out itself, or it is not yet. */
  private Optional<String> notCarriedOut(RightsRequest request) {
    if (personalData != null && CARRIED_OUT.containsKey(request.type())) {
      return Optional.of(
          ": fulfil it with " + CARRIED_OUT.get(request.type()) + ", which carries it out");
    }
    return carriedOut == null
        ? Optional.empty()
        : carriedOut.missing(request).map(missing -> " and is not carried out: " + missing);
  }

  /**
   * Fulfils an access (Art. 15) or portability (Art. 20) request: the subject's report, which
   * streams their data from the store when written with {@code SubjectReportWriter}. An identity
   * that matches nobody gives a report saying no data is processed. When the participants' reports
   * were asked for ({@link #collectAccess}), the report holds each one, read chunk by chunk when it is
   * written and kept nowhere once it has been (write it once); it is refused while one is outstanding.
   *
   * @throws UnknownRequestException if no request has the id
   * @throws IllegalRequestTransitionException if the request cannot be fulfilled now, such as before
   *     the identity is verified (Art. 12(6))
   * @throws IllegalArgumentException if the request is of another type
   * @throws IllegalStateException if no personal-data store is configured
   */
  public SubjectReport access(RequestId id) {
    PersonalData data = requirePersonalData();
    return transactions.inTransaction(
        () -> {
          List<String> outstanding = outstandingRecipients(id);
          if (!outstanding.isEmpty()) {
            RightsRequest current =
                store.find(id).orElseThrow(() -> new UnknownRequestException(id));
            throw new IllegalRequestTransitionException(
                id,
                current.status(),
                "fulfil",
                "participants "
                    + outstanding
                    + " have not sent their share of the subject's data yet (Art. 15)");
          }
          RightsRequest request = claimToFulfil(id, RequestType.ACCESS, RequestType.PORTABILITY);
          SubjectReports reports = new SubjectReports(data.model(), data.store(), clock, transfers);
          SubjectReport local =
              request.type() == RequestType.ACCESS
                  ? reports.access(request.subject())
                  : reports.portability(request.subject());
          SubjectReport report =
              acknowledgements()
                  .map(acks -> local.withParticipantSections(acks.sections(request)))
                  .orElse(local);
          RightsRequest fulfilled =
              updateAndAudit(request, "fulfil", AuditEventType.REQUEST_FULFILLED);
          audit.record(
              AuditEntry.forRequest(AuditEventType.DATA_EXPORTED, fulfilled)
                  .withCount("sections", report.sections().size()));
          return report;
        });
  }

  /**
   * Asks every participant service for its share of the subject's data (Art. 15(1), 15(3)), for an
   * access or portability request whose identity is verified: each answers with its report, which
   * {@link #access} assembles into the subject's report once all have answered. Asking twice asks once.
   *
   * @throws UnknownRequestException if no request has the id
   * @throws IllegalRequestTransitionException if the request is closed or awaits its identity check
   * @throws IllegalArgumentException if the request is of another type
   * @throws IllegalStateException if no participants are configured
   */
  public RightsRequest collectAccess(RequestId id) {
    requireNonNull(id, "id");
    Acknowledgements acks =
        acknowledgements()
            .filter(configured -> !configured.participants().isEmpty())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No participant services are configured: the subject's data is"
                            + " held here only, and access(id) answers the request"));
    return transactions.inTransaction(
        () -> {
          RightsRequest request = store.find(id).orElseThrow(() -> new UnknownRequestException(id));
          if (request.type() != RequestType.ACCESS && request.type() != RequestType.PORTABILITY) {
            throw new IllegalArgumentException(
                "Rights request "
                    + id
                    + " is "
                    + request.type().described()
                    + ": only access"
                    + " and portability collect the participants' shares");
          }
          if (!request.isOpen()
              || request.isAwaitingVerification()
              || request.status() == RequestStatus.FULFILLED) {
            throw new IllegalRequestTransitionException(
                id,
                request.status(),
                "collect",
                request.isAwaitingVerification()
                    ? "the subject's identity is not verified yet (Art. 12(6))"
                    : "the request is no longer open for collection");
          }
          acks.requestSections(request);
          return request;
        });
  }

  /**
   * Fulfils an erasure request (Art. 17) on {@code ground}: every subject the identity resolves to
   * is erased as the model plans it, one store transaction per subject, skipping what legal holds
   * cover. Afterwards the subject's contact identities go on the suppression list, if one is
   * configured, and every recipient is told (Art. 19). Running it for an identity already erased
   * gives a receipt that says nothing was left.
   *
   * <p>An identity that names nobody erases nothing: the receipt's outcome is
   * {@link ErasureReceipt.Outcome#NO_DATA_HELD}, the audit's fulfilment event says so
   * ({@code outcome=NO_DATA_HELD}) and records no erasure, and no recipient is told.
   *
   * <p>Every stored request of the subject, of any type, open or closed, then holds a pseudonym in
   * place of the identity: requests made under the request's identity and under each identity the
   * subject's root row held (Art. 5(1)(c), 17).
   *
   * @throws UnknownRequestException if no request has the id
   * @throws IllegalRequestTransitionException if the request cannot be fulfilled now, such as before
   *     the identity is verified (Art. 12(6))
   * @throws IllegalArgumentException if the request is not an erasure request
   * @throws IllegalStateException if no personal-data store is configured
   */
  public ErasureReceipt erase(RequestId id, ErasureGround ground) {
    requireNonNull(ground, "ground");
    PersonalData data = requirePersonalData();
    ErasureReceipt receipt = transactions.inTransaction(() -> erase(data, id, ground));
    transactions.afterCommit(() -> erasureListener.accept(receipt));
    return receipt;
  }

  private ErasureReceipt erase(PersonalData data, RequestId id, ErasureGround ground) {
    RightsRequest request = claimToFulfil(id, RequestType.ERASURE);
    Set<SubjectKey> subjects = data.store().resolve(request.subject());
    // Read before the erasure changes them: the identities to suppress and to remove from requests.
    List<SubjectIdentifier> identities = rootIdentities(data, subjects);
    List<ErasureReceipt> receipts = new ArrayList<>();
    for (SubjectKey subject : subjects) {
      ErasurePlan plan =
          ErasurePlan.of(data.model(), subject, ground, legalHolds.holdsFor(subject));
      receipts.add(ErasureReceipt.of(plan, data.store().erase(plan), clock.instant()));
    }
    ErasureReceipt receipt =
        ErasureReceipt.merge(request.subject().subjectType(), ground, clock.instant(), receipts);
    // Stored with its identity forgotten in the same update (see forgetIdentity); the audit and the
    // notices below still name the subject as the request did.
    RightsRequest fulfilled =
        store
            .update(request.withIdentityValue(erasedIdentity(request.subject())))
            .map(stored -> request.withVersion(stored.version()))
            .orElseThrow(() -> lostRace(request.id(), "fulfil"));
    if (receipt.noDataHeld()) {
      audit.record(
          auditEntry(AuditEventType.REQUEST_FULFILLED, fulfilled)
              .withAttribute("outcome", ErasureReceipt.Outcome.NO_DATA_HELD.name()));
      transactions.afterCommit(
          () ->
              LOG.info(
                  "Rights request {}: no data is held under its identity, nothing erased",
                  request.id()));
    } else {
      if (suppressionList != null) {
        identities.stream()
            .filter(identity -> !identity.identity().equals(SubjectType.ID))
            .forEach(
                identity ->
                    suppressionList.suppress(
                        identity.identity(), identity.value(), "erased on request"));
      }
      if (tombstones != null) {
        Instant erasedAt = clock.instant();
        subjects.forEach(
            subject ->
                tombstones.add(
                    new ErasureTombstoneStore.Tombstone(
                        subject.subjectType(),
                        audit.pseudonymOf(idIdentifier(subject)),
                        ground,
                        erasedAt)));
      }
      audited(fulfilled, AuditEventType.REQUEST_FULFILLED);
      audit.record(
          AuditEntry.forRequest(AuditEventType.SUBJECT_ERASED, request)
              .withSubject(request.subject())
              .withAttribute("ground", ground.name())
              .withCount("subjects", subjects.size())
              .withCount("rows", receipt.rowsTouched()));
      transactions.afterCommit(
          () ->
              LOG.info(
                  "Rights request {}: erased {} subject(s) on {}, {} rows touched",
                  request.id(),
                  subjects.size(),
                  ground.article(),
                  receipt.rowsTouched()));
      notifyRecipients(data, Notification.erasure(request.id(), request.subject(), ground));
    }
    // Recipients have been told who; the stored requests keep only a pseudonym of the identity, so
    // that after erasure nothing but the suppression entry can recognise the person (Art. 17,
    // 21(3)).
    forgetIdentity(data, request, identities);
    return receipt;
  }

  /**
   * Carries out again every erasure since {@code since} whose subject is back in the data, such as
   * after restoring a backup taken before it (Art. 17(1)): reads the erasures' tombstones, lists the
   * identifiers of every root row of their subject types from the store, and erases each subject
   * whose identifier's keyed pseudonym matches a tombstone, with the plan of its erasure's ground and
   * the legal holds standing now. Each subject is erased in a transaction of its own, with an
   * {@link AuditEventType#ERASURE_REAPPLIED} event naming it by pseudonym and counting the rows
   * touched (Art. 5(2)); a subject of whom nothing came back touches no row and writes no event, so a
   * second call changes nothing. Replicas may run it at once: an erasure run twice touches the rows
   * once.
   *
   * <p>Run it after the restore and before the application writes again, with {@code since} at or
   * before the backup's time: a row created after the restore may receive an identifier that an
   * erased subject created after the backup held, when the database reissues identifiers from the
   * restored sequence.
   *
   * @throws IllegalStateException if no personal-data store or no tombstone store is configured
   * @throws UnsupportedOperationException if the store cannot list its subjects
   */
  public ReappliedErasures reapplyErasures(Instant since) {
    requireNonNull(since, "since");
    PersonalData data = requirePersonalData();
    if (tombstones == null) {
      throw new IllegalStateException(
          "No erasure tombstones are kept: build DataSubjectRights with"
              + " erasureTombstones(store) so that erasures can be reapplied after a restore");
    }
    List<ErasureTombstoneStore.Tombstone> erased = tombstones.since(since);
    Map<String, Map<String, ErasureTombstoneStore.Tombstone>> byType = new LinkedHashMap<>();
    erased.forEach(
        tombstone ->
            byType
                .computeIfAbsent(tombstone.subjectType(), type -> new HashMap<>())
                .putIfAbsent(tombstone.subject().hex(), tombstone));
    int subjects = 0;
    long rows = 0;
    for (Map.Entry<String, Map<String, ErasureTombstoneStore.Tombstone>> type : byType.entrySet()) {
      if (data.model().subjectType(type.getKey()).isEmpty()) {
        continue;
      }
      // One keyed hash per root row: the tombstone holds no identifier in clear to look up (Art.
      // 4(5)).
      List<Map.Entry<SubjectKey, ErasureTombstoneStore.Tombstone>> found = new ArrayList<>();
      try (Stream<Object> ids = data.store().subjectIds(type.getKey())) {
        ids.forEach(
            id -> {
              SubjectKey key = new SubjectKey(type.getKey(), id);
              ErasureTombstoneStore.Tombstone tombstone =
                  type.getValue().get(audit.pseudonymOf(idIdentifier(key)).hex());
              if (tombstone != null) {
                found.add(Map.entry(key, tombstone));
              }
            });
      }
      for (Map.Entry<SubjectKey, ErasureTombstoneStore.Tombstone> subject : found) {
        long touched =
            transactions.inTransaction(
                () -> reapply(data, subject.getKey(), subject.getValue().ground()));
        if (touched > 0) {
          subjects++;
          rows += touched;
        }
      }
    }
    ReappliedErasures result = new ReappliedErasures(erased.size(), subjects, rows);
    LOG.info(
        "Erasures reapplied: {} tombstone(s) since the given instant, {} subject(s) erased again, {} rows touched",
        result.tombstones(),
        result.subjects(),
        result.rowsTouched());
    return result;
  }

  private long reapply(PersonalData data, SubjectKey subject, ErasureGround ground) {
    ErasurePlan plan = ErasurePlan.of(data.model(), subject, ground, legalHolds.holdsFor(subject));
    ErasureReceipt receipt = ErasureReceipt.of(plan, data.store().erase(plan), clock.instant());
    if (receipt.rowsTouched() > 0 || !receipt.shredded().isEmpty()) {
      audit.record(
          AuditEntry.of(AuditEventType.ERASURE_REAPPLIED)
              .withSubject(idIdentifier(subject))
              .withAttribute("ground", ground.name())
              .withCount("rows", receipt.rowsTouched()));
    }
    return receipt.rowsTouched();
  }

  /** The subject named by its root's identifier: the identity its tombstone and audit events carry. */
  private static SubjectIdentifier idIdentifier(SubjectKey subject) {
    return new SubjectIdentifier(subject.subjectType(), SubjectType.ID, subject.id().toString());
  }

  /**
   * Replaces the identity of every other stored request made under the erasure request's identity or
   * one the subject's root held, compared as the model compares that identity; the erasure request's
   * own was replaced when it was stored as fulfilled.
   */
  private void forgetIdentity(
      PersonalData data, RightsRequest request, List<SubjectIdentifier> rootIdentities) {
    List<SubjectIdentifier> identities = new ArrayList<>(rootIdentities);
    identities.add(0, request.subject());
    Set<RequestId> done = new HashSet<>();
    done.add(request.id());
    // The request's identity is most often also read from the subject's row: looked up once.
    Set<List<String>> looked = new HashSet<>();
    for (SubjectIdentifier identity : identities) {
      IdentityMatch match =
          data.model()
              .subjectType(identity.subjectType())
              .flatMap(type -> type.identityRule(identity.identity()))
              .map(SubjectType.IdentityRule::match)
              .orElse(IdentityMatch.EXACT);
      if (!looked.add(
          List.of(
              identity.subjectType(), identity.identity(), match.normalize(identity.value())))) {
        continue;
      }
      for (RightsRequest other : store.findBySubject(identity, match)) {
        if (done.add(other.id())) {
          forget(other);
        }
      }
    }
  }

  /**
   * Replaces the identity of another request of the erased subject. It is updated on its version like
   * every change, so a concurrent transition of that request is never overwritten: a lost race reads
   * it again and retries, since the identity must go whatever state the request is in. It reads again
   * with {@link RequestStore#findLatest}: under repeatable read a plain read would return the
   * transaction's stale snapshot for ever, and the retry would spin holding the audit head's lock.
   */
  private void forget(RightsRequest other) {
    RightsRequest current = other;
    while (store.update(current.withIdentityValue(erasedIdentity(current.subject()))).isEmpty()) {
      current =
          store.findLatest(other.id()).orElseThrow(() -> new UnknownRequestException(other.id()));
    }
  }

  private String erasedIdentity(SubjectIdentifier subject) {
    return ERASED_IDENTITY_PREFIX + audit.pseudonymOf(subject).hex();
  }

  /**
   * Fulfils a rectification request (Art. 16): the new values are checked against the entity's own
   * Bean Validation constraints first, and on any violation nothing is applied. Then every
   * recipient is told (Art. 19).
   *
   * @throws RectificationRejectedException listing every violation; the request stays open
   * @throws UnknownRequestException if no request has the id
   * @throws IllegalRequestTransitionException if the request cannot be fulfilled now
   * @throws IllegalArgumentException if the request is not a rectification request, the entity is not
   *     in the model, or the row is not the subject's
   * @throws IllegalStateException if no personal-data store is configured
   */
  public RightsRequest rectify(RequestId id, Rectification rectification) {
    requireNonNull(rectification, "rectification");
    PersonalData data = requirePersonalData();
    return transactions.inTransaction(() -> rectify(data, id, rectification));
  }

  private RightsRequest rectify(PersonalData data, RequestId id, Rectification rectification) {
    RightsRequest request = claimToFulfil(id, RequestType.RECTIFICATION);
    EntityDescriptor entity =
        data.model()
            .entity(rectification.entity())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        rectification.entity().getName() + " is not in the personal-data model"));
    RECTIFICATION_VALIDATOR.validate(entity, rectification);
    SubjectKey subject =
        data.store().resolve(request.subject()).stream()
            .filter(key -> owns(data, key, entity, rectification.rowId()))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "The "
                            + entity.name()
                            + " row to rectify is not the data of the subject of request "
                            + request.id()));
    data.store().rectify(subject, rectification);
    RightsRequest fulfilled = updateAndAudit(request, "fulfil", AuditEventType.REQUEST_FULFILLED);
    audit.record(
        AuditEntry.forRequest(AuditEventType.DATA_RECTIFIED, fulfilled)
            .withAttribute("entity", entity.name())
            .withCount("attributes", rectification.changes().size()));
    notifyRecipients(
        data,
        Notification.rectification(
            fulfilled.id(), fulfilled.subject(), correctionTexts(rectification.changes())));
    return fulfilled;
  }

  /**
   * Fulfils a rectification request by correcting the named attributes in every row of the subject
   * that holds them (Art. 16): a correction the subject asks for once, such as a new address kept in
   * several places, or a participant service carrying out the rectification its coordinator passed on
   * (Art. 19). An attribute is matched by its name in each entity of the request's subject type, for
   * the fields that are the subject's own; a name no entity holds corrects nothing, as a service may
   * hold only a part of the data. A value given as text for an attribute of another type is read as
   * that type: numbers, booleans, UUIDs, ISO-8601 dates and times, an enum constant's name.
   *
   * <p>Every correction is checked against its entity's Bean Validation constraints first, and on any
   * violation nothing is applied. Then every recipient is told, with the corrected values (Art. 19).
   *
   * @param corrections attribute name to new value; {@code null} clears it
   * @return how many rows were corrected; none where no row of the subject holds these attributes,
   *     and the request is fulfilled all the same
   * @throws RectificationRejectedException listing every violation, and every value that cannot be
   *     read as its attribute's type; the request stays open
   * @throws UnknownRequestException if no request has the id
   * @throws IllegalRequestTransitionException if the request cannot be fulfilled now
   * @throws IllegalArgumentException if the request is not a rectification request, or {@code
   *     corrections} is empty
   * @throws IllegalStateException if no personal-data store is configured
   */
  public long rectifyAttributes(RequestId id, Map<String, @Nullable Object> corrections) {
    requireNonNull(corrections, "corrections");
    if (corrections.isEmpty()) {
      throw new IllegalArgumentException("A rectification needs at least one attribute to change");
    }
    PersonalData data = requirePersonalData();
    return transactions.inTransaction(() -> rectifyAttributes(data, id, corrections));
  }

  private long rectifyAttributes(
      PersonalData data, RequestId id, Map<String, @Nullable Object> corrections) {
    RightsRequest request = claimToFulfil(id, RequestType.RECTIFICATION);
    String subjectType = request.subject().subjectType();
    Map<EntityDescriptor, Map<String, @Nullable Object>> perEntity = new LinkedHashMap<>();
    for (EntityDescriptor entity : data.model().entitiesOf(subjectType)) {
      Map<String, @Nullable Object> changes = new LinkedHashMap<>();
      for (FieldDescriptor field : entity.fieldsFor(subjectType)) {
        if (corrections.containsKey(field.name())) {
          changes.put(field.name(), corrections.get(field.name()));
        }
      }
      if (!changes.isEmpty()) {
        perEntity.put(entity, RECTIFICATION_VALIDATOR.read(entity, changes));
      }
    }
    long rows = 0;
    for (SubjectKey subject : data.store().resolve(request.subject())) {
      for (Map.Entry<EntityDescriptor, Map<String, @Nullable Object>> entity :
          perEntity.entrySet()) {
        List<Object> rowIds;
        try (Stream<SubjectRecord> records = data.store().records(subject, entity.getKey())) {
          rowIds = records.map(SubjectRecord::rowId).toList();
        }
        for (Object rowId : rowIds) {
          data.store()
              .rectify(
                  subject, new Rectification(entity.getKey().type(), rowId, entity.getValue()));
        }
        rows += rowIds.size();
        if (!rowIds.isEmpty()) {
          audit.record(
              AuditEntry.forRequest(AuditEventType.DATA_RECTIFIED, request)
                  .withAttribute("entity", entity.getKey().name())
                  .withCount("attributes", entity.getValue().size())
                  .withCount("rows", rowIds.size()));
        }
      }
    }
    RightsRequest fulfilled = updateAndAudit(request, "fulfil", AuditEventType.REQUEST_FULFILLED);
    notifyRecipients(
        data,
        Notification.rectification(
            fulfilled.id(), fulfilled.subject(), correctionTexts(corrections)));
    return rows;
  }

  private static Map<String, @Nullable String> correctionTexts(
      Map<String, @Nullable Object> changes) {
    Map<String, @Nullable String> texts = new LinkedHashMap<>();
    changes.forEach((attribute, value) -> texts.put(attribute, CorrectedValues.text(value)));
    return texts;
  }

  /**
   * Records that the subject was told of the action taken (Art. 12(3)), closing the request. Where
   * the change was passed on to participant services, every one of them must have acknowledged it
   * first (Art. 17(2), 19), or an administrator closes it with {@link #completeWithoutAcknowledgements}.
   *
   * @throws UnknownRequestException if no request has the id
   * @throws IllegalRequestTransitionException unless the request is fulfilled and no participant's
   *     receipt is outstanding; the exception names the participants outstanding
   */
  public RightsRequest complete(RequestId id) {
    return move(
        id,
        "complete",
        request -> {
          List<String> outstanding = outstandingRecipients(request.id());
          if (!outstanding.isEmpty()) {
            throw new IllegalRequestTransitionException(
                request.id(),
                request.status(),
                "complete",
                "participants "
                    + outstanding
                    + " have not acknowledged the change passed on to them (Art. 19);"
                    + " wait for their receipts, or close it with completeWithoutAcknowledgements and a reason");
          }
          return lifecycle.complete(request);
        },
        AuditEventType.REQUEST_COMPLETED);
  }

  /**
   * Completes a fulfilled request although some participant services have not acknowledged the
   * change passed on to them, such as one that no longer exists (Art. 5(2), 19): their parts are
   * closed with {@code reason}, audited as {@link AuditEventType#ACKNOWLEDGEMENTS_WAIVED} with their
   * names, in the completion's transaction.
   *
   * @param reason why the request closes without those receipts: recorded in the audit, so it names
   *     no one
   * @throws UnknownRequestException if no request has the id
   * @throws IllegalRequestTransitionException unless the request is fulfilled
   */
  public RightsRequest completeWithoutAcknowledgements(RequestId id, String reason) {
    requireNonBlank(reason, "reason");
    return move(
        id,
        "complete",
        request -> {
          RightsRequest completed = lifecycle.complete(request);
          acknowledgements().ifPresent(acks -> acks.close(request.id(), reason));
          return completed;
        },
        AuditEventType.REQUEST_COMPLETED);
  }

  /**
   * The participant services that have not acknowledged a change of request {@code id} passed on to
   * them (Art. 17(2), 19), in the order they were told; empty when none is outstanding or no
   * participants are configured.
   */
  public List<String> outstandingRecipients(RequestId id) {
    requireNonNull(id, "id");
    return acknowledgements().map(acks -> acks.outstanding(id)).orElse(List.of());
  }

  private Optional<Acknowledgements> acknowledgements() {
    return recipientNotifications == null
        ? Optional.empty()
        : recipientNotifications.acknowledgements();
  }

  /**
   * Closes a request without action, such as when the subject withdraws it.
   *
   * @throws UnknownRequestException if no request has the id
   * @throws IllegalRequestTransitionException unless the request is submitted or verified
   */
  public RightsRequest cancel(RequestId id, String reason) {
    requireNonBlank(reason, "reason");
    return move(
        id,
        "cancel",
        request -> lifecycle.cancel(request, reason),
        AuditEventType.REQUEST_CANCELLED);
  }

  /** The request with {@code id}, if there is one, to show where it stands (Art. 12(3), Art. 5(2)). */
  public Optional<RightsRequest> find(RequestId id) {
    return store.find(requireNonNull(id, "id"));
  }

  /** Every open request, earliest due first (Art. 12(3)). */
  public List<RightsRequest> open() {
    return store.findOpen();
  }

  /**
   * The page of requests {@code query} lists, open or closed, earliest due first: the queue of the
   * people who answer them, filtered by status, type and subject (Art. 12(3)).
   */
  public RequestPage requests(RequestQuery query) {
    return store.find(requireNonNull(query, "query"));
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

  /**
   * The request moved to fulfilled but not saved, after claiming it: a conditional update from the
   * version read that changes nothing but the version, so that a second caller fails here, before
   * any work, and the work is done once. The work runs next; in a transaction, a failure rolls the
   * claim back with it, and without one it leaves the request open at the claimed version.
   */
  private RightsRequest claimToFulfil(RequestId id, RequestType... types) {
    requireNonNull(id, "id");
    RightsRequest current = store.find(id).orElseThrow(() -> new UnknownRequestException(id));
    if (!List.of(types).contains(current.type())) {
      throw new IllegalArgumentException(
          "Rights request "
              + id
              + " is "
              + current.type().described()
              + ", not "
              + String.join(" or ", Stream.of(types).map(RequestType::described).toList()));
    }
    RightsRequest fulfilled = lifecycle.fulfil(current);
    RightsRequest claimed = store.update(current).orElseThrow(() -> lostRace(id, "fulfil"));
    return fulfilled.withVersion(claimed.version());
  }

  /** Thrown when another caller, in this process or another replica, changed the request since it was read. */
  private IllegalRequestTransitionException lostRace(RequestId id, String attempted) {
    RequestStatus status =
        store
            .find(id)
            .map(RightsRequest::status)
            .orElseThrow(() -> new UnknownRequestException(id));
    return new IllegalRequestTransitionException(
        id,
        status,
        attempted,
        "another caller changed it at the same time, and its change was kept; read the request again");
  }

  private PersonalData requirePersonalData() {
    if (personalData == null) {
      throw new IllegalStateException(
          "No personal-data store is configured: build DataSubjectRights with"
              + " personalData(model, store) to carry out access, erasure and rectification");
    }
    return personalData;
  }

  /**
   * Every identity of the subjects' roots, the id included, as identifiers: the contact identities
   * are suppressed after erasure, and requests made under any of them lose it.
   */
  private static List<SubjectIdentifier> rootIdentities(
      PersonalData data, Set<SubjectKey> subjects) {
    List<SubjectIdentifier> identities = new ArrayList<>();
    for (SubjectKey subject : subjects) {
      SubjectType type = data.model().subjectType(subject.subjectType()).orElseThrow();
      EntityDescriptor root = data.model().entity(type.root()).orElseThrow();
      identities.add(new SubjectIdentifier(type.name(), SubjectType.ID, subject.id().toString()));
      try (Stream<SubjectRecord> records = data.store().records(subject, root)) {
        records.forEach(
            record ->
                type.identities()
                    .forEach(
                        (identity, attribute) -> {
                          Object value = record.values().get(attribute);
                          if (!identity.equals(SubjectType.ID)
                              && value != null
                              && !value.toString().isBlank()) {
                            identities.add(
                                new SubjectIdentifier(type.name(), identity, value.toString()));
                          }
                        }));
      }
    }
    return identities;
  }

  private static boolean owns(
      PersonalData data, SubjectKey subject, EntityDescriptor entity, Object rowId) {
    try (Stream<SubjectRecord> records = data.store().records(subject, entity)) {
      return records.anyMatch(record -> record.rowId().equals(rowId));
    }
  }

  private void notifyRecipients(PersonalData data, Notification notice) {
    if (recipientNotifications != null) {
      recipientNotifications.notifyRecipients(
          notice,
          data.model().purposesFor(notice.subject().subjectType()).stream()
              .flatMap(purpose -> purpose.recipients().stream())
              .distinct()
              .toList());
    }
  }

  private RightsRequest move(
      RequestId id,
      String attempted,
      UnaryOperator<RightsRequest> transition,
      AuditEventType event) {
    requireNonNull(id, "id");
    return transactions.inTransaction(
        () -> {
          RightsRequest current = store.find(id).orElseThrow(() -> new UnknownRequestException(id));
          return updateAndAudit(transition.apply(current), attempted, event);
        });
  }

  /** Stores {@code changed} if nobody changed the request since it was read, and audits the change. */
  private RightsRequest updateAndAudit(
      RightsRequest changed, String attempted, AuditEventType event) {
    RightsRequest stored =
        store.update(changed).orElseThrow(() -> lostRace(changed.id(), attempted));
    return audited(stored, event);
  }

  private RightsRequest audited(RightsRequest request, AuditEventType event) {
    audit.record(auditEntry(event, request));
    // Ids, types and states only: the subject's identity never reaches a log line.
    transactions.afterCommit(
        () ->
            LOG.info(
                "Rights request {} ({}): {}, now {}, due {}",
                request.id(),
                request.type(),
                event,
                request.status(),
                request.dueDate()));
    return request;
  }

  // Only structured facts go into the audit: free text (reasons, explanations, the verification
  // method) is written by people and may name someone, so it stays with the request.
  private static AuditEntry auditEntry(AuditEventType event, RightsRequest request) {
    AuditEntry entry = AuditEntry.forRequest(event, request);
    return switch (event) {
      case REQUEST_SUBMITTED ->
          entry
              .withAttribute("channel", request.channel().name())
              .withAttribute("dueDate", request.dueDate().toString())
              .withAttribute(
                  "verificationRequired", String.valueOf(request.verificationRequired()));
      case REQUEST_EXTENDED ->
          entry
              .withAttribute("originalDueDate", request.originalDueDate().toString())
              .withAttribute("dueDate", request.dueDate().toString());
      case REQUEST_REJECTED ->
          entry.withAttribute("reason", request.rejection().orElseThrow().reason().name());
      default -> entry;
    };
  }

  private static final Map<RequestType, String> CARRIED_OUT =
      Map.of(
          RequestType.ACCESS,
          "access(id)",
          RequestType.PORTABILITY,
          "access(id)",
          RequestType.ERASURE,
          "erase(id, ground)",
          RequestType.RECTIFICATION,
          "rectify(id, rectification)");

  private static final RectificationValidator RECTIFICATION_VALIDATOR =
      new RectificationValidator();

  /** What an erased subject's identity value becomes in the stored request, before its pseudonym. */
  public static final String ERASED_IDENTITY_PREFIX = "erased:";

  private record PersonalData(PersonalDataModel model, PersonalDataStore store) {}

  /**
   * Configures a {@link DataSubjectRights}. Every part but the audit trail has a default: the system
   * UTC clock, the clock's zone, an in-memory request store, an identity check for every request, and
   * the deadlines of Art. 12(3).
   */
  public static final class Builder {

    private Clock clock = Clock.systemUTC();
    private @Nullable ZoneId zone;
    private RequestStore requestStore = RequestStore.inMemory();
    private final AuditTrail auditTrail;
    private IdentityVerifier identityVerifier = IdentityVerifier.always();
    private DeadlinePolicy deadlinePolicy = DeadlinePolicy.article12();
    private @Nullable PersonalData personalData;
    private LegalHoldStore legalHolds = LegalHoldStore.inMemory();
    private @Nullable SuppressionList suppressionList;
    private @Nullable ErasureTombstoneStore tombstones;
    private @Nullable RecipientNotifications recipientNotifications;
    private @Nullable CarriedOut carriedOut;
    private Consumer<ErasureReceipt> erasureListener = receipt -> {};
    private List<Article15Information.TransferInfo> transfers = List.of();

    private Builder(AuditTrail auditTrail) {
      this.auditTrail = auditTrail;
    }

    /**
     * Called with the receipt of every erasure, after it committed: for metrics or an application's
     * own records (Art. 5(2)). The receipt holds no personal data.
     */
    public Builder erasureListener(Consumer<ErasureReceipt> erasureListener) {
      this.erasureListener = requireNonNull(erasureListener, "erasureListener");
      return this;
    }

    /**
     * The personal data Lethe acts on: the model plans, the store executes. Without it, requests
     * are only tracked and the application carries them out itself.
     */
    public Builder personalData(PersonalDataModel model, PersonalDataStore store) {
      this.personalData =
          new PersonalData(requireNonNull(model, "model"), requireNonNull(store, "store"));
      return this;
    }

    /**
     * The transfers to third countries that access reports name, with their safeguards, for the
     * subjects whose purposes disclose data to the recipient (Art. 15(2)), such as {@code
     * controller.transferInformation()}; none by default.
     */
    public Builder transfers(List<Article15Information.TransferInfo> transfers) {
      this.transfers = List.copyOf(requireNonNull(transfers, "transfers"));
      return this;
    }

    /** The legal holds erasure respects (Art. 17(3)(e)); in memory by default. */
    public Builder legalHolds(LegalHoldStore legalHolds) {
      this.legalHolds = requireNonNull(legalHolds, "legalHolds");
      return this;
    }

    /**
     * Puts an erased subject's contact identities on {@code suppressionList}, so that they are not
     * contacted again (Art. 21(3)); off by default.
     */
    public Builder suppressAfterErasure(SuppressionList suppressionList) {
      this.suppressionList = requireNonNull(suppressionList, "suppressionList");
      return this;
    }

    /**
     * Keeps a pseudonymous tombstone of every erased subject in {@code tombstones}, written in the
     * erasure's transaction, so that {@link DataSubjectRights#reapplyErasures} can erase the subject
     * again when a backup taken before the erasure is restored (Art. 17(1)); off by default.
     */
    public Builder erasureTombstones(ErasureTombstoneStore tombstones) {
      this.tombstones = requireNonNull(tombstones, "tombstones");
      return this;
    }

    /** Tells recipients of every erasure and rectification (Art. 19); without it the application must. */
    public Builder recipientNotifications(RecipientNotifications recipientNotifications) {
      this.recipientNotifications =
          requireNonNull(recipientNotifications, "recipientNotifications");
      return this;
    }

    /**
     * Asked by {@link DataSubjectRights#fulfil} whether a request another service carries out, such
     * as a restriction (Art. 18(1)) or an objection (Art. 21), was carried out: it is not recorded as
     * fulfilled before. None by default, so that an application tracking requests only marks them.
     */
    public Builder carriedOut(CarriedOut carriedOut) {
      this.carriedOut = requireNonNull(carriedOut, "carriedOut");
      return this;
    }

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
