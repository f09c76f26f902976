package dev.lethe.erasure;

import static java.util.Objects.requireNonNull;

import dev.lethe.law.ErasureExemption;
import dev.lethe.law.ErasureGround;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The proof of one erasure (Art. 17, Art. 5(2)): the ground, and per entity type the rows deleted
 * or erased in place, the attributes kept with their Art. 17(3) exemption, and what a legal hold
 * kept. It holds no personal data, so it can be stored, logged and shown to anyone.
 *
 * @param subjectType the erased subject's type
 * @param ground the Art. 17(1) ground
 * @param erasedAt when the erasure ran
 * @param entities what happened per entity type
 */
public record ErasureReceipt(String subjectType, ErasureGround ground, Instant erasedAt, List<EntityOutcome> entities) {

  public ErasureReceipt {
    requireNonNull(subjectType, "subjectType");
    requireNonNull(ground, "ground");
    requireNonNull(erasedAt, "erasedAt");
    entities = List.copyOf(entities);
  }

  /** The receipt for {@code plan} after a store executed it and reported {@code counts}. */
  public static ErasureReceipt of(ErasurePlan plan, Map<Class<?>, ErasurePlan.RowCount> counts, Instant erasedAt) {
    List<EntityOutcome> outcomes = new ArrayList<>();
    for (ErasurePlan.Step step : plan.steps()) {
      outcomes.add(new EntityOutcome(step.entity().name(), counts.getOrDefault(step.entity().type(), ErasurePlan.RowCount.NONE),
          step.kept().stream()
              .map(field -> new KeptField(field.name(), field.erasure().exemption().orElseThrow()))
              .toList(),
          Optional.empty()));
    }
    for (ErasurePlan.HeldBack held : plan.heldBack()) {
      outcomes.add(new EntityOutcome(held.entity().getSimpleName(), ErasurePlan.RowCount.NONE, List.of(),
          Optional.of(held.hold().reason())));
    }
    return new ErasureReceipt(plan.subject().subjectType(), plan.ground(), erasedAt, outcomes);
  }

  /**
   * One receipt for several subjects an identity resolved to: rows summed per entity type, kept
   * attributes and holds as each receipt states them.
   */
  public static ErasureReceipt merge(String subjectType, ErasureGround ground, Instant erasedAt,
      List<ErasureReceipt> receipts) {
    Map<String, EntityOutcome> merged = new java.util.LinkedHashMap<>();
    receipts.stream().flatMap(receipt -> receipt.entities().stream()).forEach(outcome ->
        merged.merge(outcome.entity(), outcome, (first, second) -> new EntityOutcome(first.entity(),
            new ErasurePlan.RowCount(first.rows().deleted() + second.rows().deleted(),
                first.rows().updated() + second.rows().updated()),
            first.kept(), first.heldBy().or(second::heldBy))));
    return new ErasureReceipt(subjectType, ground, erasedAt, List.copyOf(merged.values()));
  }

  /** Whether the erasure found nothing left to erase, as when it runs a second time. */
  public boolean nothingLeft() {
    return entities.stream().noneMatch(entity -> entity.rows().any());
  }

  /** Total rows deleted or erased in place. */
  public long rowsTouched() {
    return entities.stream().mapToLong(entity -> entity.rows().deleted() + entity.rows().updated()).sum();
  }

  /**
   * What the erasure did to one entity type.
   *
   * @param entity the entity's name
   * @param rows the rows deleted and erased in place
   * @param kept the attributes kept, with why
   * @param heldBy the reason of the legal hold that kept the entity untouched, if one did
   */
  public record EntityOutcome(String entity, ErasurePlan.RowCount rows, List<KeptField> kept, Optional<String> heldBy) {
    public EntityOutcome {
      requireNonNull(entity, "entity");
      requireNonNull(rows, "rows");
      kept = List.copyOf(kept);
      requireNonNull(heldBy, "heldBy");
    }
  }

  /**
   * An attribute that erasure kept, and the Art. 17(3) exemption that allows it.
   *
   * @param attribute the attribute's name
   * @param exemption why it is kept
   */
  public record KeptField(String attribute, ErasureExemption exemption) {
    public KeptField {
      requireNonNull(attribute, "attribute");
      requireNonNull(exemption, "exemption");
    }
  }
}
