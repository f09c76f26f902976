package dev.lethe.model;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.SubjectLink;
import dev.lethe.model.PersonalDataModel.Association;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads Lethe's annotations from a set of classes once, merges what integrations contribute,
 * checks everything, and either lists every problem or yields the model's parts.
 *
 * <p>A pipeline, as Hibernate Validator builds its metadata: the {@link AnnotationReader} reads the
 * classes into raw data; the rules, one per concern ({@link AttributeRules}, {@link ErasureRules},
 * {@link SensitivityRules}, {@link SubjectRules}, {@link OwnerRules}, {@link RetentionRules},
 * {@link PurposeRules}), check it and aggregate it into descriptors; the {@link RouteFinder} finds
 * each entity's routes to its subjects. Every problem's text comes from {@link ProblemText}.
 */
final class ModelAssembler {

  private final Set<Class<?>> classes;
  private final List<Association> contributedAssociations;
  private final Problems problems = new Problems();
  private final AnnotationReader reader;

  /** An assembler over the classes and contributions collected by a model builder. */
  ModelAssembler(
      Collection<Class<?>> classes,
      Map<Class<?>, String> identifiers,
      List<Association> associations,
      Set<Class<?>> embeddables) {
    this.reader = new AnnotationReader(identifiers, embeddables, problems);
    this.classes = new LinkedHashSet<>(classes);
    associations.forEach(
        association -> {
          this.classes.add(association.from());
          this.classes.add(association.to());
        });
    this.contributedAssociations = List.copyOf(associations);
    // An embedded value is part of the entities that embed it, never an entity of its own.
    this.classes.removeIf(reader::isEmbeddable);
  }

  /**
   * The model's parts and every problem found.
   *
   * @param problems every problem, sorted by location; when not empty the parts are incomplete
   * @param subjectTypes the subject types
   * @param entities the entity descriptors
   * @param purposes the purposes, merged across entities
   */
  record Result(
      List<ModelProblem> problems,
      List<SubjectType> subjectTypes,
      List<EntityDescriptor> entities,
      List<Purpose> purposes) {}

  /** Reads, checks and assembles. */
  Result assemble() {
    ErasureRules erasureRules = new ErasureRules(problems);
    SensitivityRules sensitivityRules = new SensitivityRules(problems);
    AttributeRules attributeRules = new AttributeRules(erasureRules, sensitivityRules, problems);
    SubjectRules subjectRules = new SubjectRules(reader, problems);

    Map<Class<?>, Optional<String>> identifiers = new LinkedHashMap<>();
    Map<Class<?>, List<FieldDescriptor>> fields = new LinkedHashMap<>();
    for (Class<?> type : classes) {
      identifiers.put(type, reader.identifierOf(type));
      fields.put(
          type,
          reader.personalDataOf(type, identifiers.get(type)).stream()
              .map(attributeRules::describe)
              .toList());
    }
    Map<String, SubjectType> subjectTypes = subjectRules.subjectTypes(classes, identifiers, fields);
    Map<Class<?>, List<Field>> links = subjectRules.links(classes, subjectTypes);
    links.forEach(
        (type, linkFields) ->
            fields.put(
                type,
                subjectRules.withLinks(
                    type,
                    fields.get(type),
                    linkFields,
                    identifiers.get(type),
                    subjectTypes,
                    fields)));
    fields.replaceAll(
        (type, described) ->
            erasureRules.keptRowsErasedInPlace(type, described, identifiers.get(type)));
    Map<Class<?>, SubjectType> rootsByClass =
        subjectTypes.values().stream()
            .collect(Collectors.toMap(SubjectType::root, subject -> subject));
    RouteFinder routeFinder =
        new RouteFinder(rootsByClass, links, reader.associations(classes, contributedAssociations));

    OwnerRules ownerRules = new OwnerRules(problems);
    RetentionRules retentionRules = new RetentionRules(reader, problems);
    PurposeRules purposeRules = new PurposeRules(problems);
    List<EntityDescriptor> entities = new ArrayList<>();
    for (Class<?> type : classes) {
      List<SubjectRoute> routes = routeFinder.routesFrom(type);
      Optional<String> rootOf =
          Optional.ofNullable(type.getAnnotation(DataSubject.class))
              .map(DataSubject::value)
              .or(() -> routeFinder.rootOf(type).map(SubjectType::name));
      List<FieldDescriptor> personalData = ownerRules.owners(type, fields.get(type), routes);
      ownerRules.checkReachable(
          type,
          personalData,
          routes,
          rootOf.isPresent(),
          !reader.annotatedFields(type, SubjectLink.class).isEmpty());
      List<Purpose> declared = purposeRules.declaredOn(type);
      if (!personalData.isEmpty() || !routes.isEmpty() || rootOf.isPresent()) {
        entities.add(
            new EntityDescriptor(
                type, rootOf, personalData, retentionRules.retentionOf(type), declared, routes));
      }
    }
    entities.replaceAll(purposeRules::withNamedPurposes);
    entities.forEach(sensitivityRules::checkPurposes);
    return new Result(
        problems.sorted(), List.copyOf(subjectTypes.values()), entities, purposeRules.merged());
  }
}
