package dev.lethe.erasure;

import static java.util.Objects.requireNonNull;

import dev.lethe.internal.util.Texts;
import dev.lethe.subject.SubjectKey;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A legal hold: data that must not be erased while it stands, for one subject or for a whole entity
 * type, such as records needed for the defence of legal claims (Art. 17(3)(e)). Erasure skips what a
 * hold covers and records the hold's reason in the receipt.
 *
 * @param id the hold's identifier
 * @param subject the subject held, or empty for a hold on an entity type
 * @param entity the entity type held, or empty for a hold on a subject
 * @param reason why the data is held; must not contain personal data
 * @param placedAt when the hold was placed
 */
public record LegalHold(
    UUID id,
    Optional<SubjectKey> subject,
    Optional<Class<?>> entity,
    String reason,
    Instant placedAt) {

  public LegalHold {
    requireNonNull(id, "id");
    requireNonNull(subject, "subject");
    requireNonNull(entity, "entity");
    Texts.requireNonBlank(reason, "reason");
    requireNonNull(placedAt, "placedAt");
    if (subject.isPresent() == entity.isPresent()) {
      throw new IllegalArgumentException(
          "A legal hold covers either one subject or one entity type");
    }
  }

  /** A hold on everything of one subject. */
  public static LegalHold onSubject(SubjectKey subject, String reason, Instant placedAt) {
    return new LegalHold(
        UUID.randomUUID(), Optional.of(subject), Optional.empty(), reason, placedAt);
  }

  /** A hold on every row of one entity type. */
  public static LegalHold onEntity(Class<?> entity, String reason, Instant placedAt) {
    return new LegalHold(
        UUID.randomUUID(), Optional.empty(), Optional.of(entity), reason, placedAt);
  }

  /** Whether the hold covers {@code entity} rows of {@code subject}. */
  public boolean covers(SubjectKey subject, Class<?> entity) {
    return this.subject.map(subject::equals).orElse(false)
        || this.entity.map(entity::equals).orElse(false);
  }
}
