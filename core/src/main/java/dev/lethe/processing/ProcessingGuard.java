package dev.lethe.processing;

import static java.util.Objects.requireNonNull;

import dev.lethe.consent.ConsentGiver;
import dev.lethe.consent.ConsentLedger;
import dev.lethe.consent.ConsentRecord;
import dev.lethe.erasure.SuppressionList;
import dev.lethe.law.LawfulBasis;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.Purpose;
import dev.lethe.objection.Objection;
import dev.lethe.objection.Objections;
import dev.lethe.processing.Decision.Reason;
import dev.lethe.restriction.Restrictions;
import dev.lethe.subject.SubjectIdentifier;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers whether a subject's data may be processed for a purpose, and why: what an application asks
 * before it sends a marketing e-mail or runs a profiling job.
 *
 * <p>{@link #check} asks about processing other than storage; {@link #checkStorage} about keeping
 * the data only, which a restriction still allows (Art. 18(2)). The first reason that denies wins,
 * in this order:
 *
 * <ol>
 *   <li>the model declares no such purpose, so no lawful basis ({@link Reason#NO_BASIS_DECLARED}, Art. 6(1));
 *   <li>the subject's data is restricted ({@link Reason#RESTRICTED}, Art. 18(2)), unless storage only is asked;
 *   <li>an objection stands ({@link Reason#OBJECTION}, {@link Reason#DIRECT_MARKETING_OBJECTION}, Art. 21);
 *   <li>the purpose is direct marketing and the subject's identity is on the suppression list, such
 *       as after an objection to another marketing purpose or an erasure ({@link Reason#SUPPRESSED}, Art. 21(3));
 *   <li>the purpose rests on consent and the consent is not current ({@code CONSENT_*}, Art. 6(1)(a), 7),
 *       was a child's own ({@link Reason#CHILD_CONSENT_WITHOUT_PARENT}, Art. 8(1)), or, where the
 *       purpose touches data whose Art. 9(2) condition is explicit consent, is not recorded as
 *       explicit ({@link Reason#EXPLICIT_CONSENT_MISSING}, Art. 9(2)(a)).
 * </ol>
 *
 * <p>Otherwise it allows, saying why: {@link Reason#CONSENT_GIVEN}, {@link Reason#COMPELLING_GROUNDS},
 * {@link Reason#STORAGE_ONLY} or {@link Reason#BASIS_ALLOWS}. Checks are reads: they are not audited.
 * Suppression matches the identity the subject is named by, such as its e-mail address.
 *
 * <pre>{@code
 * guard.require(subject, "newsletter");   // throws ProcessingDeniedException unless allowed
 * }</pre>
 */
public final class ProcessingGuard {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessingGuard.class);

  private final PersonalDataModel model;
  private final ConsentLedger consent;
  private final Objections objections;
  private final Restrictions restrictions;
  private final SuppressionList suppressionList;

  /**
   * The purposes that touch data whose Art. 9(2) condition is explicit consent, read from the model
   * once. A missing condition or Art. 10 authorisation needs no check here: the model refuses it.
   */
  private final Set<String> explicitConsentPurposes;

  private ProcessingGuard(
      PersonalDataModel model,
      ConsentLedger consent,
      Objections objections,
      Restrictions restrictions,
      SuppressionList suppressionList) {
    this.model = model;
    this.explicitConsentPurposes =
        model.purposes().stream()
            .map(Purpose::name)
            .filter(model::requiresExplicitConsent)
            .collect(Collectors.toUnmodifiableSet());
    this.consent = consent;
    this.objections = objections;
    this.restrictions = restrictions;
    this.suppressionList = suppressionList;
  }

  /**
   * A guard over the purposes of {@code model}, consulting the subject's consent, objections,
   * restriction and suppression; the direct-marketing purposes are those configured on
   * {@code objections}. Give it the same model and stores the services were built with.
   */
  public static ProcessingGuard of(
      PersonalDataModel model,
      ConsentLedger consent,
      Objections objections,
      Restrictions restrictions,
      SuppressionList suppressionList) {
    return new ProcessingGuard(
        requireNonNull(model, "model"),
        requireNonNull(consent, "consent"),
        requireNonNull(objections, "objections"),
        requireNonNull(restrictions, "restrictions"),
        requireNonNull(suppressionList, "suppressionList"));
  }

  /**
   * Whether {@code subject}'s data may be processed, other than stored, for {@code purpose}, and why
   * (Art. 6, 7, 18, 21).
   */
  public Decision check(SubjectIdentifier subject, String purpose) {
    return decide(subject, purpose, false);
  }

  /**
   * Whether {@code subject}'s data may be stored, and nothing more, for {@code purpose}: as
   * {@link #check}, except that a restriction allows it (Art. 18(2)).
   */
  public Decision checkStorage(SubjectIdentifier subject, String purpose) {
    return decide(subject, purpose, true);
  }

  /**
   * Checks as {@link #check} does, and throws unless the processing is allowed.
   *
   * @return the decision, which allows
   * @throws ProcessingDeniedException naming the purpose and the reason, never the subject
   */
  public Decision require(SubjectIdentifier subject, String purpose) {
    Decision decision = check(subject, purpose);
    if (!decision.allowed()) {
      throw new ProcessingDeniedException(decision);
    }
    return decision;
  }

  private Decision decide(SubjectIdentifier subject, String purpose, boolean storageOnly) {
    requireNonNull(subject, "subject");
    requireNonNull(purpose, "purpose");
    Decision decision = new Decision(purpose, reason(subject, purpose, storageOnly));
    // Trace, not debug: an application checks before every send, and the line names no subject
    // anyway.
    LOG.trace(
        "Processing for purpose '{}'{}: {}",
        purpose,
        storageOnly ? " (storage only)" : "",
        decision.reason());
    return decision;
  }

  private Reason reason(SubjectIdentifier subject, String purpose, boolean storageOnly) {
    Optional<Purpose> declared = model.purpose(purpose);
    if (declared.isEmpty()) {
      return Reason.NO_BASIS_DECLARED;
    }
    boolean restricted = restrictions.restriction(subject).isPresent();
    if (restricted && !storageOnly) {
      return Reason.RESTRICTED;
    }
    Optional<Objection> objection = objections.objection(subject, purpose);
    if (objection.isPresent() && objection.get().stands()) {
      return objection.get().directMarketing()
          ? Reason.DIRECT_MARKETING_OBJECTION
          : Reason.OBJECTION;
    }
    if (objections.isDirectMarketing(purpose)
        && suppressionList.isSuppressed(subject.identity(), subject.value())) {
      return Reason.SUPPRESSED;
    }
    Reason allowed = objection.isPresent() ? Reason.COMPELLING_GROUNDS : Reason.BASIS_ALLOWS;
    if (declared.get().basis() instanceof LawfulBasis.Consent) {
      allowed = consentReason(subject, purpose, explicitConsentPurposes.contains(purpose));
    }
    return allowed.allows() && restricted ? Reason.STORAGE_ONLY : allowed;
  }

  private Reason consentReason(
      SubjectIdentifier subject, String purpose, boolean explicitRequired) {
    Optional<ConsentRecord> latest = consent.latest(subject, purpose);
    if (latest.isEmpty()) {
      return Reason.CONSENT_MISSING;
    }
    ConsentRecord record = latest.get();
    return switch (consent.stateNow(record)) {
      case GIVEN ->
          record.givenBy() == ConsentGiver.CHILD
              ? Reason.CHILD_CONSENT_WITHOUT_PARENT
              : explicitRequired && !record.explicit()
                  ? Reason.EXPLICIT_CONSENT_MISSING
                  : Reason.CONSENT_GIVEN;
      case REFUSED -> Reason.CONSENT_REFUSED;
      case WITHDRAWN -> Reason.CONSENT_WITHDRAWN;
      case EXPIRED -> Reason.CONSENT_EXPIRED;
      case NONE -> Reason.CONSENT_MISSING;
    };
  }
}
