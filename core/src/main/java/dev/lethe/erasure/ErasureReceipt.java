package dev.lethe.erasure;

import static java.util.Objects.requireNonNull;

import dev.lethe.law.ErasureExemption;
import dev.lethe.law.ErasureGround;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * @param outcome whether the identity named anyone: {@link Outcome#NO_DATA_HELD} says plainly that
 *     nothing was erased because the controller holds no data under that identity
 */
public record ErasureReceipt(
    String subjectType,
    ErasureGround ground,
    Instant erasedAt,
    List<EntityOutcome> entities,
    Outcome outcome) {

  public ErasureReceipt {
    requireNonNull(subjectType, "subjectType");
    requireNonNull(ground, "ground");
    requireNonNull(erasedAt, "erasedAt");
    entities = List.copyOf(entities);
    requireNonNull(outcome, "outcome");
    if (outcome == Outcome.NO_DATA_HELD && !entities.isEmpty()) {
      throw new IllegalArgumentException("A receipt that says no data is held names no entity");
    }
  }

  /** A receipt for the subject(s) an identity resolved to, which the store erased as {@code entities} says. */
  public ErasureReceipt(
      String subjectType, ErasureGround ground, Instant erasedAt, List<EntityOutcome> entities) {
    this(subjectType, ground, erasedAt, entities, Outcome.ERASED);
  }

  /**
   * What an erasure request came to (Art. 17, Art. 12(3), 12(4)): the subject is to be told either
   * way, and the answers differ.
   */
  public enum Outcome {
    /**
     * The identity named at least one subject, whose data was erased as the entities say; with no
     * row touched when an earlier erasure left nothing ({@link #nothingLeft()}).
     */
    ERASED,
    /**
     * The identity named nobody: the controller holds no personal data under it, so nothing was
     * erased, no recipient was told and nothing was suppressed. Not a fulfilment "with 0 rows".
     */
    NO_DATA_HELD
  }

  /** The receipt of an erasure whose identity named nobody: no data is held under it. */
  public static ErasureReceipt noDataHeld(String subjectType, ErasureGround ground, Instant at) {
    return new ErasureReceipt(subjectType, ground, at, List.of(), Outcome.NO_DATA_HELD);
  }

  /** Whether the controller holds no data under the identity, so nothing was erased. */
  public boolean noDataHeld() {
    return outcome == Outcome.NO_DATA_HELD;
  }

  /** The receipt for {@code plan} after a store executed it and reported {@code counts}. */
  public static ErasureReceipt of(
      ErasurePlan plan, Map<Class<?>, ErasurePlan.RowCount> counts, Instant erasedAt) {
    List<EntityOutcome> outcomes = new ArrayList<>();
    for (ErasurePlan.Step step : plan.steps()) {
      outcomes.add(
          new EntityOutcome(
              step.entity().name(),
              counts.getOrDefault(step.entity().type(), ErasurePlan.RowCount.NONE),
              step.kept().stream()
                  .map(
                      field ->
                          new KeptField(field.name(), field.erasure().exemption().orElseThrow()))
                  .toList(),
              Optional.empty()));
    }
    for (ErasurePlan.HeldBack held : plan.heldBack()) {
      outcomes.add(
          new EntityOutcome(
              held.entity().getSimpleName(),
              ErasurePlan.RowCount.NONE,
              List.of(),
              Optional.of(held.hold().reason())));
    }
    return new ErasureReceipt(plan.subject().subjectType(), plan.ground(), erasedAt, outcomes);
  }

  /**
   * One receipt for several subjects an identity resolved to: rows summed per entity type, kept
   * attributes and holds as each receipt states them. No receipts, because the identity resolved to
   * nobody, give a receipt that says {@linkplain Outcome#NO_DATA_HELD no data is held}.
   */
  public static ErasureReceipt merge(
      String subjectType, ErasureGround ground, Instant erasedAt, List<ErasureReceipt> receipts) {
    if (receipts.isEmpty()) {
      return noDataHeld(subjectType, ground, erasedAt);
    }
    Map<String, EntityOutcome> merged = new LinkedHashMap<>();
    receipts.stream()
        .flatMap(receipt -> receipt.entities().stream())
        .forEach(
            outcome ->
                merged.merge(
                    outcome.entity(),
                    outcome,
                    (first, second) ->
                        new EntityOutcome(
                            first.entity(),
                            first.rows().plus(second.rows()),
                            first.kept(),
                            first.heldBy().or(second::heldBy))));
    return new ErasureReceipt(subjectType, ground, erasedAt, List.copyOf(merged.values()));
  }

  /**
   * Whether the erasure found nothing left to erase, as when it runs a second time, or because no
   * data is held under the identity ({@link #noDataHeld()} tells which).
   */
  public boolean nothingLeft() {
    return entities.stream().noneMatch(entity -> entity.rows().any());
  }

  /**
   * The attributes, as {@code Entity.attribute}, whose every copy the erasure made unreadable by
   * destroying the subject's key (crypto-shredding, Art. 17(1)); empty where nothing was encrypted.
   */
  public List<String> shredded() {
    return entities.stream()
        .flatMap(
            entity ->
                entity.rows().shredded().stream()
                    .map(attribute -> entity.entity() + "." + attribute))
        .toList();
  }

  /** Total rows deleted or erased in place. */
  public long rowsTouched() {
    return entities.stream()
        .mapToLong(entity -> entity.rows().deleted() + entity.rows().updated())
        .sum();
  }

  /**
   * What the erasure did to one entity type.
   *
   * @param entity the entity's name
   * @param rows the rows deleted and erased in place
   * @param kept the attributes kept, with why
   * @param heldBy the reason of the legal hold that kept the entity untouched, if one did
   */
  public record EntityOutcome(
      String entity, ErasurePlan.RowCount rows, List<KeptField> kept, Optional<String> heldBy) {
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
