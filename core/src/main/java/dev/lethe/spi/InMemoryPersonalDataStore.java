package dev.lethe.spi;

import static java.util.Objects.requireNonNull;

import dev.lethe.annotation.RetentionAction;
import dev.lethe.erasure.ErasurePlan;
import dev.lethe.erasure.RetentionTask;
import dev.lethe.internal.store.ClockValues;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.IdentityMatch;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.SubjectRoute;
import dev.lethe.model.SubjectType;
import dev.lethe.model.TemporalAttributes;
import dev.lethe.request.Rectification;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Keeps plain objects in memory and answers through the model's routes. Erasure computes every
 * change before applying any, so that a failure leaves everything as it was. Synchronized: fit for
 * tests and small applications, not for concurrency at scale.
 */
final class InMemoryPersonalDataStore implements PersonalDataStore.InMemoryStore {

  private final PersonalDataModel model;
  private final FieldEraser eraser;
  private final Map<Class<?>, List<Object>> rows = new LinkedHashMap<>();

  /** Row identifiers: the object's own id attribute where the model knows it, else a sequence. */
  private final Map<Object, Long> rowIds = new IdentityHashMap<>();

  private long nextRowId = 1;

  public InMemoryPersonalDataStore(PersonalDataModel model, Pseudonymizer hashKey) {
    this.model = requireNonNull(model, "model");
    this.eraser = new FieldEraser(requireNonNull(hashKey, "hashKey"));
  }

  @Override
  public synchronized InMemoryStore add(Object... entities) {
    for (Object entity : entities) {
      requireNonNull(entity, "entity");
      if (model.entity(entity.getClass()).isEmpty()) {
        throw new IllegalArgumentException(
            entity.getClass().getName() + " is not a class of the personal-data model");
      }
      rows.computeIfAbsent(entity.getClass(), type -> new ArrayList<>()).add(entity);
      rowIds.put(entity, nextRowId++);
    }
    return this;
  }

  @Override
  public synchronized Set<SubjectKey> resolve(SubjectIdentifier identifier) {
    requireNonNull(identifier, "identifier");
    Optional<SubjectType> subjectType = model.subjectType(identifier.subjectType());
    Optional<String> attribute =
        subjectType.flatMap(type -> type.identityAttribute(identifier.identity()));
    if (attribute.isEmpty()) {
      return Set.of();
    }
    // Compared as the model says, as the database stores compare it (trimmed and lower-cased for
    // e-mail).
    IdentityMatch match =
        subjectType.get().identityRule(identifier.identity()).orElseThrow().match();
    Set<SubjectKey> keys = new LinkedHashSet<>();
    for (Object root : rows.getOrDefault(subjectType.get().root(), List.of())) {
      Object value = Attributes.get(root, attribute.get());
      if (value != null && match.matches(value.toString(), identifier.value())) {
        keys.add(
            new SubjectKey(
                identifier.subjectType(),
                requireNonNull(
                    Attributes.get(root, subjectType.get().idAttribute()), "a root's id")));
      }
    }
    return keys;
  }

  @Override
  public synchronized Stream<Object> subjectIds(String subjectType) {
    requireNonNull(subjectType, "subjectType");
    Optional<SubjectType> type = model.subjectType(subjectType);
    if (type.isEmpty()) {
      return Stream.empty();
    }
    return rows.getOrDefault(type.get().root(), List.of()).stream()
        .map(root -> Attributes.get(root, type.get().idAttribute()))
        .filter(Objects::nonNull)
        .map(Object.class::cast)
        .toList()
        .stream();
  }

  @Override
  public synchronized Stream<SubjectRecord> records(SubjectKey subject, EntityDescriptor entity) {
    requireNonNull(entity, "entity");
    // Along each route, the row shows only the fields of the subject that route reaches.
    return entity.routesTo(subject.subjectType()).stream()
        .flatMap(
            route ->
                rowsOf(subject, entity, route).stream().map(row -> toRecord(entity, route, row)))
        .toList()
        .stream();
  }

  @Override
  public synchronized Map<Class<?>, ErasurePlan.RowCount> erase(ErasurePlan plan) {
    requireNonNull(plan, "plan");
    Map<Class<?>, ErasurePlan.RowCount> counts = new LinkedHashMap<>();
    List<Object> deletions = new ArrayList<>();
    Map<Object, Map<String, @Nullable Object>> updates = new IdentityHashMap<>();
    for (ErasurePlan.Step step : plan.steps()) {
      List<Object> subjectRows = rowsOf(plan.subject(), step.entity(), step.route());
      if (step.deleteRows()) {
        deletions.addAll(subjectRows);
        counts.merge(
            step.entity().type(),
            new ErasurePlan.RowCount(subjectRows.size(), 0),
            InMemoryPersonalDataStore::sum);
        continue;
      }
      long updated = 0;
      for (Object row : subjectRows) {
        Map<String, @Nullable Object> changes = new LinkedHashMap<>();
        for (FieldDescriptor field : step.erased()) {
          Object current = Attributes.getPath(row, field.path());
          Object erased = erase(field, current);
          if (!Objects.equals(current, erased)) {
            changes.put(field.name(), erased);
          }
        }
        if (!changes.isEmpty()) {
          updates.put(row, changes);
          updated++;
        }
      }
      counts.merge(
          step.entity().type(),
          new ErasurePlan.RowCount(0, updated),
          InMemoryPersonalDataStore::sum);
    }
    // Everything is computed; applying plain assignments and removals cannot fail half way.
    updates.forEach(
        (row, changes) ->
            changes.forEach(
                (attribute, value) ->
                    Attributes.setPath(row, List.of(attribute.split("\\.")), value)));
    deletions.forEach(
        row -> {
          rows.get(row.getClass()).removeIf(candidate -> candidate == row);
          rowIds.remove(row);
        });
    return counts;
  }

  private static ErasurePlan.RowCount sum(ErasurePlan.RowCount one, ErasurePlan.RowCount other) {
    return new ErasurePlan.RowCount(
        one.deleted() + other.deleted(), one.updated() + other.updated());
  }

  @Override
  public synchronized void rectify(SubjectKey subject, Rectification rectification) {
    requireNonNull(subject, "subject");
    requireNonNull(rectification, "rectification");
    EntityDescriptor entity =
        model
            .entity(rectification.entity())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        rectification.entity().getName()
                            + " is not a class of the personal-data model"));
    Object row =
        entity.routesTo(subject.subjectType()).stream()
            .flatMap(route -> rowsOf(subject, entity, route).stream())
            .filter(candidate -> rowIdOf(entity, candidate).equals(rectification.rowId()))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "The subject has no " + entity.name() + " row with that id"));
    rectification
        .changes()
        .forEach(
            (attribute, value) -> Attributes.setPath(row, List.of(attribute.split("\\.")), value));
  }

  @Override
  public synchronized Batch sweep(RetentionTask task, Optional<Object> after, int batchSize) {
    return sweepOrCount(task, after, batchSize, true);
  }

  @Override
  public synchronized Batch count(RetentionTask task) {
    return sweepOrCount(task, Optional.empty(), Integer.MAX_VALUE, false);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Batch sweepOrCount(
      RetentionTask task, Optional<Object> after, int batchSize, boolean apply) {
    EntityDescriptor entity = task.entity();
    Comparator<Object> byKey =
        (left, right) -> ((Comparable) rowIdOf(entity, left)).compareTo(rowIdOf(entity, right));
    List<Object> batch =
        rows.getOrDefault(entity.type(), List.of()).stream()
            .filter(row -> expired(row, task))
            .filter(
                row ->
                    after
                        .map(key -> ((Comparable) rowIdOf(entity, row)).compareTo(key) > 0)
                        .orElse(true))
            .sorted(byKey)
            .limit(batchSize)
            .toList();
    long deleted = 0;
    long anonymised = 0;
    long heldBack = 0;
    for (Object row : batch) {
      if (subjectsOf(row, entity).stream().anyMatch(task.heldSubjects()::contains)) {
        heldBack++;
      } else if (task.policy().action() == RetentionAction.DELETE) {
        deleted++;
        if (apply) {
          rows.get(entity.type()).removeIf(candidate -> candidate == row);
        }
      } else if (anonymise(row, task.anonymisedFields(), apply)) {
        anonymised++;
      }
    }
    Optional<Object> lastKey =
        batch.isEmpty()
            ? Optional.empty()
            : Optional.of(rowIdOf(entity, batch.get(batch.size() - 1)));
    return new Batch(deleted, anonymised, heldBack, lastKey);
  }

  private boolean expired(Object row, RetentionTask task) {
    Object clock = Attributes.get(row, task.policy().clockAttribute());
    return clock != null && ClockValues.toInstant(clock, task.zone()).compareTo(task.cutoff()) <= 0;
  }

  /** Anonymises {@code row} in place if {@code apply}; whether anything is or would be changed. */
  private boolean anonymise(Object row, List<FieldDescriptor> fields, boolean apply) {
    boolean changed = false;
    for (FieldDescriptor field : fields) {
      Object current = Attributes.getPath(row, field.path());
      Object erased = erase(field, current);
      if (!Objects.equals(current, erased)) {
        changed = true;
        if (apply) {
          Attributes.setPath(row, field.path(), erased);
        }
      }
    }
    return changed;
  }

  @Override
  public synchronized Set<SubjectKey> subjectsWithRowsBetween(
      EntityDescriptor entity, String attribute, Instant from, Instant to) {
    TemporalAttributes.requireWindowAttribute(entity.type(), attribute);
    Set<SubjectKey> subjects = new LinkedHashSet<>();
    for (Object row : rows.getOrDefault(entity.type(), List.of())) {
      Object value = Attributes.get(row, attribute);
      if (value != null) {
        Instant at = ClockValues.toInstant(value, ZoneId.systemDefault());
        if (!at.isBefore(from) && at.isBefore(to)) {
          subjects.addAll(subjectsOf(row, entity));
        }
      }
    }
    return subjects;
  }

  /** The subjects a row belongs to, along each of its entity's routes. */
  private Set<SubjectKey> subjectsOf(Object row, EntityDescriptor entity) {
    Set<SubjectKey> subjects = new LinkedHashSet<>();
    for (SubjectRoute route : entity.routes()) {
      SubjectType subjectType = model.subjectType(route.subjectType()).orElseThrow();
      Optional<Object> identity = Attributes.follow(row, route.path());
      String identityAttribute = subjectType.identityAttribute(route.identity()).orElseThrow();
      identity.ifPresent(
          value ->
              rows.getOrDefault(subjectType.root(), List.of()).stream()
                  .filter(root -> value.equals(Attributes.get(root, identityAttribute)))
                  .forEach(
                      root ->
                          subjects.add(
                              new SubjectKey(
                                  subjectType.name(),
                                  requireNonNull(
                                      Attributes.get(root, subjectType.idAttribute()),
                                      "a root's id")))));
    }
    return subjects;
  }

  /** A collection is erased element by element; erasing it to null leaves it empty. */
  private @Nullable Object erase(FieldDescriptor field, @Nullable Object current) {
    if (!field.collection() || current == null) {
      return eraser.erase(field, current);
    }
    List<Object> erased = new ArrayList<>();
    for (Object element : (Collection<?>) current) {
      Object value = eraser.erase(field, element);
      if (value != null) {
        erased.add(value);
      }
    }
    return erased;
  }

  private List<Object> rowsOf(SubjectKey subject, EntityDescriptor entity, SubjectRoute along) {
    requireNonNull(subject, "subject");
    requireNonNull(entity, "entity");
    Optional<SubjectRoute> route = Optional.of(along);
    SubjectType subjectType = model.subjectType(subject.subjectType()).orElse(null);
    if (route.isEmpty() || subjectType == null) {
      return List.of();
    }
    Optional<Object> root =
        rows.getOrDefault(subjectType.root(), List.of()).stream()
            .filter(
                candidate ->
                    subject.id().equals(Attributes.get(candidate, subjectType.idAttribute())))
            .findFirst();
    if (root.isEmpty()) {
      return List.of();
    }
    String identityAttribute = subjectType.identityAttribute(route.get().identity()).orElseThrow();
    Object identity = Attributes.get(root.get(), identityAttribute);
    if (identity == null) {
      return List.of();
    }
    return rows.getOrDefault(entity.type(), List.of()).stream()
        .filter(
            row -> Attributes.follow(row, route.get().path()).map(identity::equals).orElse(false))
        .toList();
  }

  private SubjectRecord toRecord(EntityDescriptor entity, SubjectRoute route, Object row) {
    Map<String, @Nullable Object> values = new LinkedHashMap<>();
    entity
        .fieldsOf(route)
        .forEach(field -> values.put(field.name(), Attributes.getPath(row, field.path())));
    return new SubjectRecord(entity.type(), rowIdOf(entity, row), values);
  }

  private Object rowIdOf(EntityDescriptor entity, Object row) {
    return entity
        .subjectRootOf()
        .flatMap(model::subjectType)
        .map(subjectType -> Attributes.get(row, subjectType.idAttribute()))
        .orElseGet(() -> rowIds.get(row));
  }
}
