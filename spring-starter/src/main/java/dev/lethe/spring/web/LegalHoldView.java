package dev.lethe.spring.web;

import dev.lethe.erasure.LegalHold;
import dev.lethe.retention.LegalHolds;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A legal hold (Art. 17(3)(e)) as the admin API shows it: a held subject by type and keyed
 * pseudonym of its id, never the id or an identity.
 *
 * @param id the hold's id, to lift it
 * @param subjectType the held subject's type; null for a hold on an entity type
 * @param subject the held subject's pseudonym, as the audit and the erasure tombstones name it; null
 *     for a hold on an entity type
 * @param entity the entity type held; null for a hold on a subject
 * @param reason why the data is held
 * @param placedAt when it was placed
 */
public record LegalHoldView(
    UUID id,
    @Nullable String subjectType,
    @Nullable String subject,
    @Nullable String entity,
    String reason,
    Instant placedAt) {

  static LegalHoldView of(LegalHold hold, LegalHolds holds) {
    return new LegalHoldView(
        hold.id(),
        hold.subject().map(key -> key.subjectType()).orElse(null),
        holds.pseudonymOf(hold).orElse(null),
        hold.entity().map(Class::getSimpleName).orElse(null),
        hold.reason(),
        hold.placedAt());
  }
}
