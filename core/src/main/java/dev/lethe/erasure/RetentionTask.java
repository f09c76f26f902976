package dev.lethe.erasure;

import static java.util.Objects.requireNonNull;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.RetentionPolicy;
import dev.lethe.subject.SubjectKey;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * One retention policy's work in one run, as a store executes it: the rows of {@code entity} whose
 * clock attribute is at or before {@code cutoff} have expired (Art. 5(1)(e)); rows of
 * {@code heldSubjects} are left alone (Art. 17(3)(e)). A null clock means the clock has not started.
 *
 * <p>The cutoff is the run's instant minus the period in the controller's zone. Counting back from
 * now never expires a row early; at month ends it may expire one up to three days late, which keeps
 * data slightly longer rather than shorter than promised.
 *
 * @param entity the entity whose rows expire
 * @param policy its retention policy
 * @param cutoff rows whose clock is at or before this instant have expired
 * @param zone the controller's zone, in which a date-only clock value starts at midnight
 * @param heldSubjects subjects under legal hold, whose rows stay
 */
public record RetentionTask(
    EntityDescriptor entity,
    RetentionPolicy policy,
    Instant cutoff,
    ZoneId zone,
    Set<SubjectKey> heldSubjects) {

  public RetentionTask {
    requireNonNull(entity, "entity");
    requireNonNull(policy, "policy");
    requireNonNull(cutoff, "cutoff");
    requireNonNull(zone, "zone");
    heldSubjects = Set.copyOf(heldSubjects);
  }

  /** The attributes anonymisation erases in place: every personal-data attribute but those kept. */
  public List<FieldDescriptor> anonymisedFields() {
    return entity.fields().stream()
        .filter(field -> field.erasure().strategy() != ErasureStrategy.KEEP)
        .toList();
  }
}
