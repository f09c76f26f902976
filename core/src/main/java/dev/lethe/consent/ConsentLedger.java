package dev.lethe.consent;

import static java.util.Objects.requireNonNull;

import dev.lethe.audit.AuditEntry;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.internal.processing.Purposes;
import dev.lethe.law.LawfulBasis;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.Purpose;
import dev.lethe.request.RequestId;
import dev.lethe.rights.RecipientNotifications;
import dev.lethe.spi.Notification;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectPseudonym;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of every subject's consent, per purpose (Art. 6(1)(a), Art. 7): given, refused,
 * withdrawn or ended, each with the notice shown, how, whether it was bundled with a contract (Art.
 * 7(4)) and when, so that the controller can demonstrate it (Art. 7(1)). Withdrawing takes one call,
 * as giving does (Art. 7(3)).
 *
 * <p>The history is append-only; {@link #state} reads its last record at the clock's present, so
 * consent given for a period becomes {@link ConsentState#EXPIRED} without any write. Only purposes
 * whose basis in the model is consent take consent: any other purpose is refused with an
 * {@link IllegalArgumentException} naming it, and nothing is recorded. Every change is audited
 * (Art. 5(2)). The store holds the subject's pseudonym, made with the audit trail's key, never the
 * identity.
 *
 * <p>Consent to data under explicit consent (Art. 9(2)(a)) is recorded only when the evidence says
 * it was explicit ({@link ConsentEvidence#explicitly()}); other consent to such a purpose is refused. Where the evidence states the subject's date of
 * birth or age and the subject is below the age of digital consent (16, or the Member State's age
 * between 13 and 16, {@link Builder#digitalConsentAge}), consent is recorded only as given by the
 * holder of parental responsibility ({@link ConsentEvidence#byHolderOfParentalResponsibility()},
 * Art. 8(1)); the date and the age are not kept. Each record keeps the notice version it was given
 * under, so that {@link #givenUnderOtherNotice} finds the consents to ask for again after the
 * notice changed materially. Name a subject by the same identity every time: consent given under an e-mail address
 * is not found under an id. Thread-safe: changes are serialised.
 *
 * <pre>{@code
 * ConsentLedger ledger = ConsentLedger.builder(model, auditTrail).clock(clock).build();
 * ledger.give(subject, "newsletter", ConsentEvidence.of("2025-03", ConsentMethod.WEB_FORM_OPT_IN));
 * ledger.withdraw(subject, "newsletter", ConsentMethod.EMAIL);
 * }</pre>
 */
public final class ConsentLedger {

  private static final Logger LOG = LoggerFactory.getLogger(ConsentLedger.class);

  /** The age of digital consent Art. 8(1) sets where a Member State sets no lower one. */
  public static final int DEFAULT_DIGITAL_CONSENT_AGE = 16;

  /** The lowest age of digital consent a Member State may set (Art. 8(1)). */
  public static final int LOWEST_DIGITAL_CONSENT_AGE = 13;

  /** The most subjects {@link #subjectsGivenUnderOtherNotice} returns at once. */
  public static final int MAX_PAGE = 1000;

  private final PersonalDataModel model;
  private final AuditTrail audit;
  private final ConsentStore store;
  private final Clock clock;
  private final @Nullable RecipientNotifications recipientNotifications;
  private final int digitalConsentAge;

  private ConsentLedger(Builder builder) {
    this.digitalConsentAge = builder.digitalConsentAge;
    this.model = builder.model;
    this.audit = builder.auditTrail;
    this.store = builder.store;
    this.clock = builder.clock;
    this.recipientNotifications = builder.recipientNotifications;
  }

  /**
   * A builder for a ledger of consent to the consent-based purposes of {@code model}, audited in
   * {@code auditTrail}.
   */
  public static Builder builder(PersonalDataModel model, AuditTrail auditTrail) {
    return new Builder(requireNonNull(model, "model"), requireNonNull(auditTrail, "auditTrail"));
  }

  /**
   * Records that {@code subject} consented to {@code purpose} (Art. 6(1)(a), Art. 7(1)), until
   * withdrawn.
   *
   * @throws IllegalArgumentException if the model declares no such purpose, or not on the basis of consent,
   *     or the purpose requires explicit consent (Art. 9(2)(a)) and the evidence does not say it was
   */
  public ConsentRecord give(SubjectIdentifier subject, String purpose, ConsentEvidence evidence) {
    requireNonNull(evidence, "evidence");
    return record(subject, purpose, ConsentState.GIVEN, evidence, Optional.empty());
  }

  /**
   * Records that {@code subject} consented to {@code purpose} for {@code validFor}, counted in the
   * clock's zone; the consent is {@link ConsentState#EXPIRED} from then on (Art. 7(1)).
   *
   * @throws IllegalArgumentException if the model declares no such purpose, or not on the basis of
   *     consent, or if {@code validFor} is not positive, or the purpose requires explicit consent (Art.
   *     9(2)(a)) and the evidence does not say it was
   */
  public ConsentRecord give(
      SubjectIdentifier subject, String purpose, ConsentEvidence evidence, Period validFor) {
    requireNonNull(evidence, "evidence");
    requireNonNull(validFor, "validFor");
    if (validFor.isZero() || validFor.isNegative()) {
      throw new IllegalArgumentException(
          "A consent's validity period must be positive, but is " + validFor);
    }
    return record(subject, purpose, ConsentState.GIVEN, evidence, Optional.of(validFor));
  }

  /**
   * Records that {@code subject}, asked to consent to {@code purpose}, declined (Art. 7(1)).
   *
   * @throws IllegalArgumentException if the model declares no such purpose, or not on the basis of consent
   */
  public ConsentRecord refuse(SubjectIdentifier subject, String purpose, ConsentEvidence evidence) {
    requireNonNull(evidence, "evidence");
    return record(subject, purpose, ConsentState.REFUSED, evidence, Optional.empty());
  }

  /**
   * Records that {@code subject} withdrew their consent to {@code purpose}, in one call, as easy as
   * giving it (Art. 7(3)). Processing on the basis of consent stops from now on.
   *
   * @param method how the subject withdrew
   * @throws IllegalArgumentException if the model declares no such purpose, or not on the basis of consent
   * @throws IllegalStateException if the subject's consent to the purpose is not current: there is
   *     nothing to withdraw
   */
  public ConsentRecord withdraw(SubjectIdentifier subject, String purpose, ConsentMethod method) {
    requireNonNull(method, "method");
    return end(subject, purpose, ConsentState.WITHDRAWN, Optional.of(method));
  }

  /**
   * Records that the controller ended {@code subject}'s consent to {@code purpose}, such as after a
   * change of the notice that needs fresh consent (Art. 7(1)).
   *
   * @throws IllegalArgumentException if the model declares no such purpose, or not on the basis of consent
   * @throws IllegalStateException if the subject's consent to the purpose is not current
   */
  public ConsentRecord expire(SubjectIdentifier subject, String purpose) {
    return end(subject, purpose, ConsentState.EXPIRED, Optional.empty());
  }

  /**
   * Where {@code subject}'s consent to {@code purpose} stands now (Art. 6(1)(a)): the state the last
   * record sets, {@link ConsentState#EXPIRED} once given consent reached its expiry, or
   * {@link ConsentState#NONE} without any record.
   *
   * @throws IllegalArgumentException if the model declares no such purpose, or not on the basis of consent
   */
  public ConsentState state(SubjectIdentifier subject, String purpose) {
    return latest(subject, purpose).map(this::stateNow).orElse(ConsentState.NONE);
  }

  /**
   * Where a consent whose last record is {@code last} (as {@link #latest} read it) stands now, by
   * this ledger's clock: for a caller that needs the record and its state from one read.
   */
  public ConsentState stateNow(ConsentRecord last) {
    return requireNonNull(last, "last").stateAt(clock.instant());
  }

  /**
   * The last record of {@code subject}'s consent to {@code purpose}, which sets where it stands: with
   * who gave it (Art. 8(1)) and whether it was explicit (Art. 9(2)(a)).
   *
   * @throws IllegalArgumentException if the model declares no such purpose, or not on the basis of consent
   */
  public Optional<ConsentRecord> latest(SubjectIdentifier subject, String purpose) {
    requireNonNull(subject, "subject");
    consentPurpose(purpose);
    return store.latest(audit.pseudonymOf(subject), purpose);
  }

  /**
   * How many current consents, per purpose resting on consent and per older notice version, were
   * given under a notice version other than {@code currentNoticeVersion}, so that the application can
   * ask those subjects again after a material change of the notice (Art. 7(1), 13(3)); the notice's
   * version is {@code PrivacyNotice.version()}. Counts only, by purpose then version: one read per
   * purpose, whatever the number of subjects.
   *
   * @throws UnsupportedOperationException if the store cannot report on every subject
   */
  public List<OutdatedConsents> givenUnderOtherNotice(String currentNoticeVersion) {
    requireNonNull(currentNoticeVersion, "currentNoticeVersion");
    Instant now = clock.instant();
    return model.purposes().stream()
        .filter(purpose -> purpose.basis() instanceof LawfulBasis.Consent)
        .map(Purpose::name)
        .sorted()
        .flatMap(
            purpose ->
                store
                    .countGivenUnderOtherNotice(purpose, currentNoticeVersion, now)
                    .entrySet()
                    .stream()
                    .map(count -> new OutdatedConsents(purpose, count.getKey(), count.getValue())))
        .toList();
  }

  /**
   * A page of the subjects whose current consent to {@code purpose} was given under a notice version
   * other than {@code currentNoticeVersion} (Art. 7(1), 13(3)), by keyed pseudonym, the ledger's only
   * name for them: the application finds its own subjects among them with {@code
   * AuditTrail.pseudonymOf(subject)} for the identity it gave consent under. In the order of the
   * pseudonym, after {@code after} if given; the next page starts after the last one returned.
   *
   * @param limit at most this many, 1 to {@value #MAX_PAGE}
   * @throws IllegalArgumentException if the model declares no such purpose, or not on the basis of
   *     consent, or the limit is out of range
   * @throws UnsupportedOperationException if the store cannot report on every subject
   */
  public List<SubjectPseudonym> subjectsGivenUnderOtherNotice(
      String purpose, String currentNoticeVersion, Optional<SubjectPseudonym> after, int limit) {
    consentPurpose(purpose);
    requireNonNull(currentNoticeVersion, "currentNoticeVersion");
    requireNonNull(after, "after");
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE);
    }
    return store.subjectsGivenUnderOtherNotice(
        purpose, currentNoticeVersion, clock.instant(), after, limit);
  }

  /**
   * {@code subject}'s current consents that were given under a notice version other than
   * {@code currentNoticeVersion}, one per purpose, so that the application can ask again after a
   * material change of the notice (Art. 7(1), 13(3)); the notice's version is
   * {@code PrivacyNotice.version()}.
   */
  public List<ConsentRecord> givenUnderOtherNotice(
      SubjectIdentifier subject, String currentNoticeVersion) {
    requireNonNull(subject, "subject");
    requireNonNull(currentNoticeVersion, "currentNoticeVersion");
    SubjectPseudonym pseudonym = audit.pseudonymOf(subject);
    Instant now = clock.instant();
    return model.purposes().stream()
        .filter(purpose -> purpose.basis() instanceof LawfulBasis.Consent)
        .flatMap(purpose -> store.latest(pseudonym, purpose.name()).stream())
        .filter(
            last ->
                last.stateAt(now) == ConsentState.GIVEN
                    && !last.noticeVersion().equals(currentNoticeVersion))
        .toList();
  }

  /**
   * Every record of {@code subject}'s consent to {@code purpose}, oldest first: what the controller
   * shows to demonstrate consent (Art. 7(1)).
   *
   * @throws IllegalArgumentException if the model declares no such purpose, or not on the basis of consent
   */
  public List<ConsentRecord> history(SubjectIdentifier subject, String purpose) {
    requireNonNull(subject, "subject");
    consentPurpose(purpose);
    return store.history(audit.pseudonymOf(subject), purpose);
  }

  private ConsentRecord record(
      SubjectIdentifier subject,
      String purpose,
      ConsentState state,
      ConsentEvidence evidence,
      Optional<Period> validFor) {
    return audit
        .transactions()
        .inTransaction(() -> recordInTransaction(subject, purpose, state, evidence, validFor));
  }

  private ConsentRecord recordInTransaction(
      SubjectIdentifier subject,
      String purpose,
      ConsentState state,
      ConsentEvidence evidence,
      Optional<Period> validFor) {
    requireNonNull(subject, "subject");
    consentPurpose(purpose);
    Instant now = clock.instant();
    if (state == ConsentState.GIVEN) {
      requireParentalConsentForChild(purpose, evidence, now);
      if (!evidence.explicit() && model.requiresExplicitConsent(purpose)) {
        // Recorded, it would stand as given while the guard denies every use of it.
        throw new IllegalArgumentException(
            "Consent to "
                + purpose
                + " covers special categories of data whose"
                + " condition is explicit consent (Art. 9(2)(a)): record it as given by an express statement"
                + " (ConsentEvidence.explicitly()); nothing was recorded");
      }
    }
    Optional<Instant> expiresAt =
        validFor.map(period -> now.atZone(clock.getZone()).plus(period).toInstant());
    return append(
        subject,
        new ConsentRecord(
            audit.pseudonymOf(subject),
            purpose,
            state,
            now,
            evidence.noticeVersion(),
            Optional.of(evidence.method()),
            evidence.bundledWithContract(),
            expiresAt,
            state == ConsentState.GIVEN && evidence.explicit(),
            evidence.givenBy()));
  }

  /**
   * Refuses a child's own consent (Art. 8(1)): below the age of digital consent, by the date of
   * birth or age the evidence states, consent must be given or authorised by the holder of
   * parental responsibility. Neither the date nor the age is kept, and the message names neither.
   */
  private void requireParentalConsentForChild(
      String purpose, ConsentEvidence evidence, Instant now) {
    if (evidence.givenBy() == ConsentGiver.HOLDER_OF_PARENTAL_RESPONSIBILITY) {
      return;
    }
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    int age =
        evidence
            .subjectBornOn()
            .map(bornOn -> Period.between(bornOn, today).getYears())
            .orElseGet(() -> evidence.subjectAge().orElse(Integer.MAX_VALUE));
    if (age < digitalConsentAge || evidence.givenBy() == ConsentGiver.CHILD) {
      throw new IllegalArgumentException(
          "Consent to purpose '"
              + purpose
              + "' is stated for a child below the age of"
              + " digital consent ("
              + digitalConsentAge
              + "), so it must be given or authorised by the holder of parental"
              + " responsibility (Art. 8(1)); nothing was recorded. Fix: record the parent's consent with"
              + " ConsentEvidence.byHolderOfParentalResponsibility()");
    }
  }

  private ConsentRecord end(
      SubjectIdentifier subject,
      String purpose,
      ConsentState state,
      Optional<ConsentMethod> method) {
    return audit
        .transactions()
        .inTransaction(() -> endInTransaction(subject, purpose, state, method));
  }

  private ConsentRecord endInTransaction(
      SubjectIdentifier subject,
      String purpose,
      ConsentState state,
      Optional<ConsentMethod> method) {
    requireNonNull(subject, "subject");
    Purpose declared = consentPurpose(purpose);
    Instant now = clock.instant();
    SubjectPseudonym pseudonym = audit.pseudonymOf(subject);
    Optional<ConsentRecord> last = store.latest(pseudonym, purpose);
    ConsentState current = last.map(record -> record.stateAt(now)).orElse(ConsentState.NONE);
    if (current != ConsentState.GIVEN) {
      throw new IllegalStateException(
          "The subject's consent to purpose '"
              + purpose
              + "' is "
              + current
              + ", not GIVEN: there is no current consent to "
              + (state == ConsentState.WITHDRAWN ? "withdraw" : "end"));
    }
    ConsentRecord ended =
        new ConsentRecord(
            pseudonym,
            purpose,
            state,
            now,
            last.orElseThrow().noticeVersion(),
            method,
            false,
            Optional.empty(),
            false,
            last.orElseThrow().givenBy());
    // Only after the record this check read: of two replicas ending one consent at once, one
    // records it.
    if (!store.appendAfter(ended, last)) {
      throw new IllegalStateException(
          "The subject's consent to purpose '"
              + purpose
              + "' changed meanwhile: there is"
              + " no current consent to "
              + (state == ConsentState.WITHDRAWN ? "withdraw" : "end"));
    }
    if (state == ConsentState.WITHDRAWN
        && recipientNotifications != null
        && !declared.recipients().isEmpty()) {
      recipientNotifications.notifyRecipients(
          Notification.consentWithdrawal(RequestId.random(), subject, purpose),
          declared.recipients());
    }
    return audited(subject, ended);
  }

  private ConsentRecord append(SubjectIdentifier subject, ConsentRecord record) {
    store.append(record);
    return audited(subject, record);
  }

  private ConsentRecord audited(SubjectIdentifier subject, ConsentRecord record) {
    AuditEntry entry =
        AuditEntry.of(auditType(record.state()))
            .withSubject(subject)
            .withAttribute("purpose", record.purpose())
            .withAttribute("noticeVersion", record.noticeVersion())
            .withAttribute("bundledWithContract", String.valueOf(record.bundledWithContract()))
            .withAttribute("explicit", String.valueOf(record.explicit()))
            .withAttribute("givenBy", record.givenBy().name());
    if (record.method().isPresent()) {
      entry = entry.withAttribute("method", record.method().get().name());
    }
    if (record.expiresAt().isPresent()) {
      entry = entry.withAttribute("expiresAt", record.expiresAt().get().toString());
    }
    audit.record(entry);
    LOG.debug(
        "Consent {} for purpose '{}' by subject {}",
        record.state(),
        record.purpose(),
        record.subject());
    return record;
  }

  private Purpose consentPurpose(String purpose) {
    Purpose declared = Purposes.declared(model, purpose);
    if (!(declared.basis() instanceof LawfulBasis.Consent)) {
      throw new IllegalArgumentException(
          "Purpose '"
              + purpose
              + "' rests on "
              + declared.basis().kind().title()
              + " ("
              + declared.basis().kind().article()
              + "), not on consent: the ledger records consent only where consent is"
              + " the lawful basis (Art. 6(1)(a))");
    }
    return declared;
  }

  /**
   * {@code years}, if it is an age of digital consent Art. 8(1) allows: 13 to 16.
   *
   * @throws IllegalArgumentException naming the range otherwise
   */
  public static int requireDigitalConsentAge(int years) {
    if (years < LOWEST_DIGITAL_CONSENT_AGE || years > DEFAULT_DIGITAL_CONSENT_AGE) {
      throw new IllegalArgumentException(
          "The age of digital consent must be between "
              + LOWEST_DIGITAL_CONSENT_AGE
              + " and "
              + DEFAULT_DIGITAL_CONSENT_AGE
              + " (Art. 8(1)), not "
              + years);
    }
    return years;
  }

  private static AuditEventType auditType(ConsentState state) {
    return switch (state) {
      case GIVEN -> AuditEventType.CONSENT_GIVEN;
      case REFUSED -> AuditEventType.CONSENT_REFUSED;
      case WITHDRAWN -> AuditEventType.CONSENT_WITHDRAWN;
      case EXPIRED -> AuditEventType.CONSENT_EXPIRED;
      case NONE -> throw new IllegalArgumentException("NONE is never recorded");
    };
  }

  /** Configures a {@link ConsentLedger}: by default an in-memory store and the system UTC clock. */
  public static final class Builder {

    private final PersonalDataModel model;
    private final AuditTrail auditTrail;
    private ConsentStore store = ConsentStore.inMemory();
    private Clock clock = Clock.systemUTC();
    private @Nullable RecipientNotifications recipientNotifications;
    private int digitalConsentAge = DEFAULT_DIGITAL_CONSENT_AGE;

    private Builder(PersonalDataModel model, AuditTrail auditTrail) {
      this.model = model;
      this.auditTrail = auditTrail;
    }

    /** Where consent histories are kept (Art. 7(1)). */
    public Builder store(ConsentStore store) {
      this.store = requireNonNull(store, "store");
      return this;
    }

    /** The clock that stamps every record and tells when consent expires; its zone counts validity periods. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Tells the recipients of a purpose when a subject withdraws its consent to it, in the
     * withdrawal's transaction, so that they stop processing for it too: participant services record
     * the withdrawal on their own data (Art. 7(3)). Consent given, refused or expired is not passed on.
     */
    public Builder recipientNotifications(RecipientNotifications recipientNotifications) {
      this.recipientNotifications =
          requireNonNull(recipientNotifications, "recipientNotifications");
      return this;
    }

    /**
     * The age below which a child's consent to an information society service must be given or
     * authorised by the holder of parental responsibility: 16 by default, as low as 13 where the
     * Member State's law provides (Art. 8(1)).
     *
     * @throws IllegalArgumentException if {@code years} is not between 13 and 16
     */
    public Builder digitalConsentAge(int years) {
      this.digitalConsentAge = requireDigitalConsentAge(years);
      return this;
    }

    /** The ledger, configured. */
    public ConsentLedger build() {
      return new ConsentLedger(this);
    }
  }
}
