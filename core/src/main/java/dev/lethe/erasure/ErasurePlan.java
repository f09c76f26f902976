package dev.lethe.erasure;

import static java.util.Objects.requireNonNull;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.law.ErasureGround;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.SubjectRoute;
import dev.lethe.subject.SubjectKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * What erasing one subject means, planned from the model before anything is touched (Art. 17):
 * per entity type, whether its rows are deleted or which attributes are erased with which
 * strategy, which attributes are kept under an Art. 17(3) exemption, and what a legal hold keeps.
 * Steps are ordered deepest route first, so that rows referring to others go before them, and the
 * subject's root last.
 *
 * @param subject the subject to erase
 * @param ground the Art. 17(1) ground
 * @param steps what to do per entity type and route to the subject, in execution order
 * @param heldBack entity types left untouched because a legal hold covers them
 */
public record ErasurePlan(
    SubjectKey subject, ErasureGround ground, List<Step> steps, List<HeldBack> heldBack) {

  public ErasurePlan {
    requireNonNull(subject, "subject");
    requireNonNull(ground, "ground");
    steps = List.copyOf(steps);
    heldBack = List.copyOf(heldBack);
  }

  /**
   * The plan for erasing {@code subject} on {@code ground}, leaving out what {@code holds} cover.
   *
   * @throws IllegalArgumentException if the model has no such subject type
   */
  public static ErasurePlan of(
      PersonalDataModel model,
      SubjectKey subject,
      ErasureGround ground,
      Collection<LegalHold> holds) {
    requireNonNull(model, "model");
    requireNonNull(subject, "subject");
    requireNonNull(holds, "holds");
    if (model.subjectType(subject.subjectType()).isEmpty()) {
      throw new IllegalArgumentException(
          "The model has no subject type '" + subject.subjectType() + "'");
    }
    List<Step> steps = new ArrayList<>();
    List<HeldBack> heldBack = new ArrayList<>();
    for (EntityDescriptor entity : model.entitiesOf(subject.subjectType())) {
      if (!entity.holdsPersonalData()) {
        continue;
      }
      Optional<LegalHold> hold =
          holds.stream().filter(candidate -> candidate.covers(subject, entity.type())).findFirst();
      if (hold.isPresent()) {
        heldBack.add(new HeldBack(entity.type(), hold.get()));
      } else {
        // One step per route: a row that reaches the subject twice (referrer and referred) is found
        // along each, and where a row reaches several subjects only the fields it owns are erased.
        for (SubjectRoute route : entity.routesTo(subject.subjectType())) {
          if (!entity.fieldsOf(route).isEmpty()) {
            steps.add(Step.of(entity, route));
          }
        }
      }
    }
    // The root goes last: rows linked by one of its identities must be found before that identity
    // is erased.
    steps.sort(
        Comparator.comparing((Step step) -> step.entity().subjectRootOf().isPresent())
            .thenComparing(
                Comparator.comparingInt((Step step) -> step.route().path().size()).reversed()));
    return new ErasurePlan(subject, ground, steps, heldBack);
  }

  /**
   * What erasure does to one entity type's rows of the subject along one route: only the fields
   * that route's subject owns are erased, and rows are deleted only if one of them says DELETE_ROW.
   *
   * @param entity the entity
   * @param route how its rows reach the subject
   * @param deleteRows whether the rows are deleted; otherwise {@code erased} attributes are overwritten
   * @param erased the attributes erased in place, each with its rule
   * @param kept the attributes kept under their exemption
   */
  public record Step(
      EntityDescriptor entity,
      SubjectRoute route,
      boolean deleteRows,
      List<FieldDescriptor> erased,
      List<FieldDescriptor> kept) {

    public Step {
      requireNonNull(entity, "entity");
      requireNonNull(route, "route");
      erased = List.copyOf(erased);
      kept = List.copyOf(kept);
    }

    static Step of(EntityDescriptor entity, SubjectRoute route) {
      List<FieldDescriptor> owned = entity.fieldsOf(route);
      List<FieldDescriptor> kept =
          owned.stream()
              .filter(field -> field.erasure().strategy() == ErasureStrategy.KEEP)
              .toList();
      // A kept attribute outlives its row only if the row stays: KEEP wins over DELETE_ROW.
      boolean deleteRows =
          kept.isEmpty()
              && owned.stream()
                  .anyMatch(field -> field.erasure().strategy() == ErasureStrategy.DELETE_ROW);
      List<FieldDescriptor> erased =
          deleteRows
              ? List.of()
              : owned.stream()
                  .filter(field -> field.erasure().strategy() != ErasureStrategy.KEEP)
                  .toList();
      return new Step(entity, route, deleteRows, erased, kept);
    }
  }

  /**
   * An entity type left untouched because of a legal hold.
   *
   * @param entity the entity type
   * @param hold the hold that covers it
   */
  public record HeldBack(Class<?> entity, LegalHold hold) {
    public HeldBack {
      requireNonNull(entity, "entity");
      requireNonNull(hold, "hold");
    }
  }

  /**
   * The rows an erasure touched in one entity type, and the attributes it crypto-shredded.
   *
   * @param deleted rows deleted
   * @param updated rows whose attributes were erased in place
   * @param shredded the attributes stored encrypted with the subject's own key, which the erasure
   *     destroyed: every copy of them, backups and replicas included, is unreadable from then on
   *     (Art. 17(1), 32(1)(a))
   */
  public record RowCount(long deleted, long updated, List<String> shredded) {

    /** No rows touched. */
    public static final RowCount NONE = new RowCount(0, 0);

    public RowCount {
      shredded = List.copyOf(shredded);
    }

    /** Rows deleted and erased in place, with nothing shredded. */
    public RowCount(long deleted, long updated) {
      this(deleted, updated, List.of());
    }

    /** Whether any row was touched or any attribute shredded. */
    public boolean any() {
      return deleted > 0 || updated > 0 || !shredded.isEmpty();
    }

    /** These counts and {@code other}'s added up, the shredded attributes of both. */
    public RowCount plus(RowCount other) {
      LinkedHashSet<String> both = new LinkedHashSet<>(shredded);
      both.addAll(other.shredded());
      return new RowCount(deleted + other.deleted(), updated + other.updated(), List.copyOf(both));
    }
  }
}
