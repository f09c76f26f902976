package dev.lethe.retention;

import static java.util.Objects.requireNonNull;

import dev.lethe.audit.AuditEntry;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.erasure.LegalHold;
import dev.lethe.erasure.LegalHoldStore;
import dev.lethe.internal.rights.SubjectIdentifiers;
import dev.lethe.internal.util.Texts;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.SubjectType;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Places and lifts legal holds, audited: data kept for the establishment, exercise or defence of
 * legal claims is exempt from erasure (Art. 17(3)(e)) and from retention's deletion until the hold is
 * lifted, as a subject may ask the controller to keep it for theirs (Art. 18(1)(c)). A subject is
 * named as a rights request names it and held by its keys; the audit names it by keyed pseudonym
 * only (Art. 5(2)), and the reason, written by staff, names no one.
 */
public final class LegalHolds {

  private final LegalHoldStore store;
  private final PersonalDataModel model;
  private final PersonalDataStore personalData;
  private final AuditTrail audit;
  private final Clock clock;

  private LegalHolds(
      LegalHoldStore store,
      PersonalDataModel model,
      PersonalDataStore personalData,
      AuditTrail audit,
      Clock clock) {
    this.store = requireNonNull(store, "store");
    this.model = requireNonNull(model, "model");
    this.personalData = requireNonNull(personalData, "personalData");
    this.audit = requireNonNull(audit, "audit");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Holds kept in {@code store}, subjects resolved in {@code personalData}, every change audited. */
  public static LegalHolds of(
      LegalHoldStore store,
      PersonalDataModel model,
      PersonalDataStore personalData,
      AuditTrail audit,
      Clock clock) {
    return new LegalHolds(store, model, personalData, audit, clock);
  }

  /** Every standing hold, oldest first. */
  public List<LegalHold> all() {
    return store.all();
  }

  /**
   * Holds everything of each subject {@code subject} resolves to, in one transaction.
   *
   * @param reason why, such as a case reference: names no one
   * @return the holds placed, one per subject; empty, and nothing placed, when the identity names nobody
   * @throws dev.lethe.subject.InvalidSubjectIdentifierException if the model has no such subject type or
   *     identity, or the value cannot be of the identity's type
   */
  public List<LegalHold> placeOnSubject(SubjectIdentifier subject, String reason) {
    requireNonNull(subject, "subject");
    Texts.requireNonBlank(reason, "reason");
    SubjectIdentifiers.check(model, subject);
    return audit
        .transactions()
        .inTransaction(
            () ->
                personalData.resolve(subject).stream()
                    .map(key -> place(LegalHold.onSubject(key, reason, clock.instant())))
                    .toList());
  }

  /**
   * Holds every row of the entity type named {@code entity}, such as {@code Invoice}.
   *
   * @throws IllegalArgumentException if no entity of the model has that name; the message lists those it has
   */
  public LegalHold placeOnEntity(String entity, String reason) {
    requireNonNull(entity, "entity");
    Texts.requireNonBlank(reason, "reason");
    Class<?> type =
        model
            .entityNamed(entity)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "No entity of the personal-data model has that name: it knows "
                            + model.entities().stream()
                                .map(EntityDescriptor::name)
                                .sorted()
                                .toList()))
            .type();
    return audit
        .transactions()
        .inTransaction(() -> place(LegalHold.onEntity(type, reason, clock.instant())));
  }

  /** Lifts the hold {@code id}, audited; erasure and retention reach the data again. Returns whether one stood. */
  public boolean lift(UUID id) {
    requireNonNull(id, "id");
    return audit
        .transactions()
        .inTransaction(
            () -> {
              boolean standing = store.release(id);
              if (standing) {
                audit.record(
                    AuditEntry.of(AuditEventType.LEGAL_HOLD_LIFTED)
                        .withAttribute("hold", id.toString()));
              }
              return standing;
            });
  }

  /**
   * The held subject's keyed pseudonym, as the audit and the erasure tombstones name it: never its id
   * or identity. Empty for a hold on an entity type.
   */
  public Optional<String> pseudonymOf(LegalHold hold) {
    return hold.subject().map(this::pseudonymOf);
  }

  private String pseudonymOf(SubjectKey key) {
    return audit
        .pseudonymOf(new SubjectIdentifier(key.subjectType(), SubjectType.ID, key.id().toString()))
        .hex();
  }

  private LegalHold place(LegalHold hold) {
    store.place(hold);
    // Who is held, by pseudonym, and why is kept with the hold, not in the audit (Art. 5(2)).
    AuditEntry placed =
        AuditEntry.of(AuditEventType.LEGAL_HOLD_PLACED).withAttribute("hold", hold.id().toString());
    audit.record(
        hold.subject()
            .map(
                key ->
                    placed
                        .withAttribute("subjectType", key.subjectType())
                        .withAttribute("subject", pseudonymOf(key)))
            .orElseGet(
                () -> placed.withAttribute("entity", hold.entity().orElseThrow().getSimpleName())));
    return hold;
  }
}
