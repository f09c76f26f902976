package dev.lethe.retention;

import static java.util.Objects.requireNonNull;

import dev.lethe.model.RetentionPolicy;
import java.time.Instant;
import java.util.List;

/**
 * One retention run, as proof that storage limitation is enforced (Art. 5(1)(e), 5(2)): when it ran,
 * and per policy the rows deleted, anonymised and held back. It holds no personal data.
 *
 * @param started when the run started
 * @param finished when it finished
 * @param dryRun whether it only counted
 * @param policies what happened per policy
 */
public record RetentionReport(
    Instant started, Instant finished, boolean dryRun, List<PolicyRun> policies) {

  public RetentionReport {
    requireNonNull(started, "started");
    requireNonNull(finished, "finished");
    policies = List.copyOf(policies);
  }

  /** Rows deleted or anonymised over all policies. */
  public long rowsProcessed() {
    return policies.stream().mapToLong(policy -> policy.deleted() + policy.anonymised()).sum();
  }

  /**
   * One policy's part of a run.
   *
   * @param entity the entity's name
   * @param policy the policy applied
   * @param cutoff rows whose clock was at or before it had expired
   * @param deleted rows deleted
   * @param anonymised rows anonymised
   * @param heldBack expired rows kept under legal hold, with the holds' reasons where an entity type was held
   * @param heldBy reasons of holds on the whole entity type, if any
   */
  public record PolicyRun(
      String entity,
      RetentionPolicy policy,
      Instant cutoff,
      long deleted,
      long anonymised,
      long heldBack,
      List<String> heldBy) {
    public PolicyRun {
      requireNonNull(entity, "entity");
      requireNonNull(policy, "policy");
      requireNonNull(cutoff, "cutoff");
      heldBy = List.copyOf(heldBy);
    }
  }
}
