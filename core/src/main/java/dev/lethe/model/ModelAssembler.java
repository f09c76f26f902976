package dev.lethe.model;

import static dev.lethe.model.ModelProblem.Kind.CLOCK_NOT_TEMPORAL;
import static dev.lethe.model.ModelProblem.Kind.CONFLICTING_BASIS;
import static dev.lethe.model.ModelProblem.Kind.DUPLICATE_IDENTITY;
import static dev.lethe.model.ModelProblem.Kind.EXPLICIT_CONSENT_WITHOUT_CONSENT_BASIS;
import static dev.lethe.model.ModelProblem.Kind.IDENTITY_MATCH_NOT_TEXT;
import static dev.lethe.model.ModelProblem.Kind.IDENTITY_NOT_PERSONAL_DATA;
import static dev.lethe.model.ModelProblem.Kind.INCOMPLETE_AUTOMATED_DECISION;
import static dev.lethe.model.ModelProblem.Kind.INCOMPLETE_BASIS;
import static dev.lethe.model.ModelProblem.Kind.INVALID_CATEGORY;
import static dev.lethe.model.ModelProblem.Kind.INVALID_MASK;
import static dev.lethe.model.ModelProblem.Kind.INVALID_OVERRIDE;
import static dev.lethe.model.ModelProblem.Kind.INVALID_PLACEHOLDER;
import static dev.lethe.model.ModelProblem.Kind.INVALID_RETENTION_PERIOD;
import static dev.lethe.model.ModelProblem.Kind.KEEP_WITHOUT_EXEMPTION;
import static dev.lethe.model.ModelProblem.Kind.KEPT_ROW_IDENTIFIER;
import static dev.lethe.model.ModelProblem.Kind.MISPLACED_EXEMPTION;
import static dev.lethe.model.ModelProblem.Kind.MISPLACED_LABEL;
import static dev.lethe.model.ModelProblem.Kind.MISSING_PURPOSE;
import static dev.lethe.model.ModelProblem.Kind.MISSING_RETENTION_REASON;
import static dev.lethe.model.ModelProblem.Kind.MISSING_SOURCE;
import static dev.lethe.model.ModelProblem.Kind.NULLIFY_ON_PRIMITIVE;
import static dev.lethe.model.ModelProblem.Kind.OWNER_REQUIRED;
import static dev.lethe.model.ModelProblem.Kind.ROOT_WITHOUT_IDENTIFIER;
import static dev.lethe.model.ModelProblem.Kind.SPECIAL_CATEGORY_WITHOUT_CONDITION;
import static dev.lethe.model.ModelProblem.Kind.SPECIAL_CATEGORY_WITHOUT_PURPOSE;
import static dev.lethe.model.ModelProblem.Kind.STRATEGY_NEEDS_TEXT;
import static dev.lethe.model.ModelProblem.Kind.SUBJECT_WITHOUT_ROOT;
import static dev.lethe.model.ModelProblem.Kind.SUBJECT_WITH_SEVERAL_ROOTS;
import static dev.lethe.model.ModelProblem.Kind.UNKNOWN_ATTRIBUTE;
import static dev.lethe.model.ModelProblem.Kind.UNKNOWN_CLOCK_ATTRIBUTE;
import static dev.lethe.model.ModelProblem.Kind.UNKNOWN_IDENTITY;
import static dev.lethe.model.ModelProblem.Kind.UNKNOWN_OWNER;
import static dev.lethe.model.ModelProblem.Kind.UNKNOWN_PURPOSE;
import static dev.lethe.model.ModelProblem.Kind.UNKNOWN_SUBJECT_TYPE;
import static dev.lethe.model.ModelProblem.Kind.UNREACHABLE_PERSONAL_DATA;

import com.google.common.collect.ImmutableList;
import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.PersonalDataOverride;
import dev.lethe.annotation.ProcessedFor;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.Retention;
import dev.lethe.annotation.SpecialCategory;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.annotation.SubjectLink;
import dev.lethe.law.Article9Condition;
import dev.lethe.law.DataCategory;
import dev.lethe.law.DataOrigin;
import dev.lethe.law.LawfulBasis;
import dev.lethe.model.PersonalDataModel.Association;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads Lethe's annotations from a set of classes once, merges what integrations contribute,
 * checks everything, and either lists every problem or yields the model's parts.
 */
final class ModelAssembler {

  /** Identifier and persistence annotations recognised by name, so that core stays free of JPA. */
  /** The bases on which Art. 22(2) allows a solely automated decision: contract, law (a or b), consent (c). */
  private static final Set<LawfulBasis.Kind> AUTOMATED_DECISION_BASES = Set.of(LawfulBasis.Kind.CONTRACT,
      LawfulBasis.Kind.LEGAL_OBLIGATION, LawfulBasis.Kind.PUBLIC_TASK, LawfulBasis.Kind.CONSENT);
  private static final Set<String> IDENTIFIER_ANNOTATIONS = Set.of("jakarta.persistence.Id", "jakarta.persistence.EmbeddedId");
  private static final Set<String> NOT_PERSONAL_DATA_ANNOTATIONS =
      Set.of("jakarta.persistence.Version", "jakarta.persistence.Transient");
  private static final Set<String> EMBEDDED_ANNOTATIONS = Set.of("jakarta.persistence.Embedded");
  private static final Set<Class<?>> CLOCK_TYPES = TemporalAttributes.TYPES;
  private static final Set<Class<?>> OTHER_BASIC_TYPES = Set.of(Boolean.class, Character.class, UUID.class,
      Date.class, Calendar.class, URI.class, URL.class, InetAddress.class, Locale.class, byte[].class, char[].class);

  private final Set<Class<?>> classes;
  private final Map<Class<?>, String> contributedIdentifiers;
  private final List<Association> contributedAssociations;
  private final Set<Class<?>> contributedEmbeddables;
  private final Set<ModelProblem> problems = new LinkedHashSet<>();
  /** Each class's fields, read once: reflection copies every field on each call, and checks ask often. */
  private final Map<Class<?>, List<Field>> fieldsByClass = new HashMap<>();
  private final Map<Class<?>, Boolean> embeddableByClass = new HashMap<>();
  private final Map<String, Optional<DataCategory>> categories = new HashMap<>();
  /** Labels declared for purposes, by purpose name: one purpose has one label. */
  private final Map<String, String> declaredLabels = new HashMap<>();

  /** An assembler over the classes and contributions collected by a model builder. */
  public ModelAssembler(Collection<Class<?>> classes, Map<Class<?>, String> identifiers, List<Association> associations,
      Set<Class<?>> embeddables) {
    this.classes = new LinkedHashSet<>(classes);
    associations.forEach(association -> {
      this.classes.add(association.from());
      this.classes.add(association.to());
    });
    this.contributedIdentifiers = Map.copyOf(identifiers);
    this.contributedAssociations = List.copyOf(associations);
    this.contributedEmbeddables = Set.copyOf(embeddables);
    // An embedded value is part of the entities that embed it, never an entity of its own.
    this.classes.removeIf(this::isEmbeddable);
  }

  /**
   * The model's parts and every problem found.
   *
   * @param problems every problem, sorted by location; when not empty the parts are incomplete
   * @param subjectTypes the subject types
   * @param entities the entity descriptors
   * @param purposes the purposes, merged across entities
   */
  public record Result(List<ModelProblem> problems, List<SubjectType> subjectTypes, List<EntityDescriptor> entities,
      List<Purpose> purposes) {
  }

  /** Whether a class carries any Lethe annotation, on itself or on a field of its hierarchy. */
  public static boolean carriesLetheAnnotations(Class<?> type) {
    return Stream.of(DataSubject.class, PersonalData.class, PersonalDataOverride.class, PersonalDataOverride.List.class,
            Retention.class, Processing.class, Processing.List.class, ProcessedFor.class, ProcessedFor.List.class)
        .anyMatch(type::isAnnotationPresent)
        || fieldsOf(type).stream().anyMatch(field -> Stream.of(PersonalData.class, SpecialCategory.class,
            SubjectLink.class, SubjectIdentity.class).anyMatch(field::isAnnotationPresent));
  }

  /**
   * The candidates that carry Lethe annotations, plus the candidates their associations lead
   * through, transitively, in the candidates' order.
   */
  public static Set<Class<?>> modelClassesAmong(Collection<Class<?>> candidates) {
    Set<Class<?>> selected = new LinkedHashSet<>();
    Deque<Class<?>> pending = new ArrayDeque<>();
    candidates.stream().filter(ModelAssembler::carriesLetheAnnotations).forEach(pending::add);
    while (!pending.isEmpty()) {
      Class<?> type = pending.removeFirst();
      if (selected.add(type)) {
        fieldsOf(type).stream().map(Field::getType).filter(candidates::contains).forEach(pending::add);
      }
    }
    return candidates.stream().filter(selected::contains).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Reads, checks and assembles. */
  public Result assemble() {
    Map<Class<?>, Optional<String>> identifiers = new LinkedHashMap<>();
    Map<Class<?>, List<FieldDescriptor>> fields = new LinkedHashMap<>();
    for (Class<?> type : classes) {
      identifiers.put(type, identifierOf(type));
      fields.put(type, personalDataOf(type, identifiers.get(type)));
    }
    Map<String, SubjectType> subjectTypes = subjectTypes(identifiers, fields);
    Map<Class<?>, List<Field>> links = subjectLinks(subjectTypes);
    links.forEach((type, linkFields) -> fields.put(type,
        withLinks(type, fields.get(type), linkFields, identifiers.get(type), subjectTypes, fields)));
    fields.replaceAll((type, described) -> keptRowsErasedInPlace(type, described, identifiers.get(type)));
    Map<Class<?>, List<Association>> associations = associations();
    Map<Class<?>, SubjectType> rootsByClass = subjectTypes.values().stream()
        .collect(Collectors.toMap(SubjectType::root, subject -> subject));
    Map<String, Purpose> purposes = new LinkedHashMap<>();

    List<EntityDescriptor> entities = new ArrayList<>();
    for (Class<?> type : classes) {
      List<SubjectRoute> routes = routes(type, rootsByClass, links, associations);
      Optional<String> rootOf = Optional.ofNullable(type.getAnnotation(DataSubject.class)).map(DataSubject::value)
          .or(() -> Optional.ofNullable(rootOf(type, rootsByClass)).map(SubjectType::name));
      List<FieldDescriptor> personalData = owners(type, fields.get(type), routes);
      // A class with a @SubjectLink that failed has had its problem reported already.
      boolean declaresLink = !annotatedFields(type, SubjectLink.class).isEmpty();
      if (!personalData.isEmpty() && routes.isEmpty() && rootOf.isEmpty() && !declaresLink) {
        report(UNREACHABLE_PERSONAL_DATA, type.getName(),
            type.getSimpleName() + " holds personal data but reaches no data subject: no association leads to a"
                + " @DataSubject root and no field carries @SubjectLink.",
            "Add an association to the subject's root entity, a @SubjectLink field holding the subject's identity,"
                + " or make " + type.getSimpleName() + " a @DataSubject root.");
      }
      List<Purpose> declared = purposesOf(type, purposes);
      if (!personalData.isEmpty() || !routes.isEmpty() || rootOf.isPresent()) {
        entities.add(new EntityDescriptor(type, rootOf, personalData, retentionOf(type), declared, routes));
      }
    }
    entities.replaceAll(entity -> withNamedPurposes(entity, purposes));
    entities.forEach(this::checkSensitiveDataHasPurposes);
    List<ModelProblem> sorted = problems.stream()
        .sorted(Comparator.comparing(ModelProblem::location).thenComparing(ModelProblem::kind))
        .toList();
    return new Result(sorted, List.copyOf(subjectTypes.values()), entities, List.copyOf(purposes.values()));
  }

  /**
   * The subject type {@code type} is the root of: its own {@code @DataSubject}, or its superclass's,
   * since a subclass of a root ({@code PremiumMember} of {@code Member}) holds subjects of the same
   * type, in the root's table hierarchy.
   */
  private static @Nullable SubjectType rootOf(Class<?> type, Map<Class<?>, SubjectType> rootsByClass) {
    for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
      SubjectType root = rootsByClass.get(current);
      if (root != null) {
        return root;
      }
      if (current != type && current.isAnnotationPresent(DataSubject.class)) {
        return null;
      }
    }
    return null;
  }

  /** Whether a superclass of {@code type} is a {@code @DataSubject} root. */
  private static boolean extendsRoot(Class<?> type) {
    for (Class<?> current = type.getSuperclass(); current != null && current != Object.class;
        current = current.getSuperclass()) {
      if (current.isAnnotationPresent(DataSubject.class)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The attributes with their owner resolved to a route name. Where the entity reaches several
   * subjects, every attribute must name one (Art. 15, 17: one subject's request must neither show
   * nor erase another's data); a name must match exactly one route.
   */
  private List<FieldDescriptor> owners(Class<?> type, List<FieldDescriptor> fields, List<SubjectRoute> routes) {
    List<FieldDescriptor> resolved = new ArrayList<>();
    String listed = routes.stream().map(route -> "'" + route.name() + "' (" + route.subjectType() + ")")
        .collect(Collectors.joining(", "));
    for (FieldDescriptor field : fields) {
      String location = type.getName() + "." + field.name();
      if (field.owner().isEmpty()) {
        if (routes.size() > 1) {
          report(OWNER_REQUIRED, location, type.getSimpleName() + " reaches " + routes.size() + " subjects, by the"
                  + " routes " + listed + ", and the attribute does not say whose data it is.",
              "Name its owner: @PersonalData(of = \"<route>\") on the attribute, or on the class for all of them,"
                  + " with one of the routes listed.");
        }
        resolved.add(field);
        continue;
      }
      String named = field.owner().get();
      List<SubjectRoute> matching = routesNamed(routes, named);
      if (matching.size() != 1) {
        report(UNKNOWN_OWNER, location, "The owner '" + named + "' names " + (matching.isEmpty() ? "no route"
                : matching.size() + " routes") + " of " + type.getSimpleName() + "; its routes are "
                + (routes.isEmpty() ? "none" : listed) + ".",
            "Name one of the routes listed by its path, or a subject type the entity reaches by one route only.");
        resolved.add(field.withOwner(Optional.empty()));
        continue;
      }
      resolved.add(field.withOwner(Optional.of(matching.get(0).name())));
    }
    return resolved;
  }

  /** The routes {@code named} names: the one of that name, else those to that subject type or by that association. */
  private static List<SubjectRoute> routesNamed(List<SubjectRoute> routes, String named) {
    List<SubjectRoute> matching = routes.stream().filter(route -> route.name().equals(named)).toList();
    return !matching.isEmpty() ? matching : routes.stream()
        .filter(route -> route.subjectType().equals(named) || route.path().get(0).equals(named)).toList();
  }

  // --- identifiers and personal-data attributes ---------------------------------------------

  private Optional<String> identifierOf(Class<?> type) {
    String contributed = contributedIdentifiers.get(type);
    if (contributed != null) {
      if (findField(type, contributed).isEmpty()) {
        report(UNKNOWN_ATTRIBUTE, type.getName(),
            "The integration names '" + contributed + "' as the identifier, but " + type.getSimpleName()
                + " has no such attribute.",
            "Declare the identifier as a field of " + type.getSimpleName() + ".");
      }
      return Optional.of(contributed);
    }
    for (Field field : fields(type)) {
      if (isIdentifier(field)) {
        return Optional.of(field.getName());
      }
    }
    return Optional.empty();
  }

  private static boolean isIdentifier(Field field) {
    SubjectIdentity identity = field.getAnnotation(SubjectIdentity.class);
    return (identity != null && identity.value().equals(SubjectType.ID)) || hasAnnotationNamed(field, IDENTIFIER_ANNOTATIONS);
  }

  private List<FieldDescriptor> personalDataOf(Class<?> type, Optional<String> identifier) {
    List<FieldDescriptor> descriptors = new ArrayList<>();
    Map<String, OverrideAt> overrides = overridesOf(type);
    String owner = "";
    for (Class<?> current = type; current != null && current != Object.class && owner.isEmpty();
        current = current.getSuperclass()) {
      PersonalData onClass = current.getAnnotation(PersonalData.class);
      owner = onClass == null ? "" : onClass.of();
    }
    for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
      PersonalData onClass = current.getAnnotation(PersonalData.class);
      if (onClass != null && !onClass.label().isBlank()) {
        report(MISPLACED_LABEL, current.getName(), "@PersonalData on a class names a label, which would call every"
                + " attribute it covers the same.", "Remove label from the class annotation and put one on each field"
                + " that needs it: @PersonalData(label = \"...\").");
      }
    }
    collectPersonalData(type, "", Optional.empty(), identifier, overrides, owner, descriptors);
    overrides.values().stream().filter(override -> !override.applied).forEach(override ->
        report(INVALID_OVERRIDE, override.declaredOn().getName(), "@PersonalDataOverride names attribute '"
                + override.annotation().attribute() + "', which " + type.getSimpleName() + " does not have.",
            "Name an attribute " + type.getSimpleName() + " inherits, as declared in its superclass, or a path into"
                + " an embedded value such as 'address.street'."));
    return descriptors;
  }

  /** A {@code @PersonalDataOverride} with the class that declares it, and whether it named an attribute. */
  private static final class OverrideAt {
    private final PersonalDataOverride annotation;
    private final Class<?> declaredOn;
    private boolean applied;

    OverrideAt(PersonalDataOverride annotation, Class<?> declaredOn) {
      this.annotation = annotation;
      this.declaredOn = declaredOn;
    }

    PersonalDataOverride annotation() {
      return annotation;
    }

    Class<?> declaredOn() {
      return declaredOn;
    }
  }

  /**
   * The overrides that apply to {@code type}, by attribute path: its own and its superclasses',
   * the nearest class winning, as a subclass's {@code @AttributeOverride} does in JPA.
   */
  private Map<String, OverrideAt> overridesOf(Class<?> type) {
    Map<String, OverrideAt> overrides = new LinkedHashMap<>();
    for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
      Set<String> named = new HashSet<>();
      for (PersonalDataOverride override : current.getDeclaredAnnotationsByType(PersonalDataOverride.class)) {
        if (!named.add(override.attribute())) {
          report(INVALID_OVERRIDE, current.getName(), "@PersonalDataOverride names attribute '" + override.attribute()
              + "' twice.", "Keep one override per attribute.");
        }
        overrides.putIfAbsent(override.attribute(), new OverrideAt(override, current));
      }
    }
    return overrides;
  }

  /**
   * The override of the attribute at {@code path}, if one applies and is valid; reports one that
   * names the class's own attribute or an association.
   */
  private Optional<PersonalData> override(Field field, String path, Map<String, OverrideAt> overrides) {
    OverrideAt override = overrides.get(path);
    if (override == null) {
      return Optional.empty();
    }
    override.applied = true;
    if (path.indexOf('.') < 0 && field.getDeclaringClass() == override.declaredOn()) {
      report(INVALID_OVERRIDE, location(field), "@PersonalDataOverride names attribute '" + path + "', which "
              + override.declaredOn().getSimpleName() + " declares itself.",
          "Annotate the field with @PersonalData instead; overrides are for inherited attributes.");
      return Optional.empty();
    }
    if (!isEmbedded(field) && !isBasic(valueType(field))) {
      report(INVALID_OVERRIDE, override.declaredOn().getName(), "@PersonalDataOverride names attribute '" + path
              + "', which is an association, not a value.",
          "Override the personal-data attributes of the associated entity instead.");
      return Optional.empty();
    }
    return Optional.of(override.annotation().data());
  }

  /**
   * Collects the personal-data attributes of {@code type}, descending into embedded values, whose
   * attributes get the embedding attribute's name as a prefix. {@code enclosing} is the
   * {@code @PersonalData} on the embedding attribute, which covers the embedded value's attributes.
   */
  private void collectPersonalData(Class<?> type, String prefix, Optional<PersonalData> enclosing,
      Optional<String> identifier, Map<String, OverrideAt> overrides, String owner, List<FieldDescriptor> descriptors) {
    for (Field field : fields(type)) {
      PersonalData declared = override(field, prefix + field.getName(), overrides)
          .orElse(field.getAnnotation(PersonalData.class));
      if (isEmbedded(field)) {
        Optional<PersonalData> covering = Optional.ofNullable(declared).or(() -> enclosing);
        String embeddedOwner = declared != null && !declared.of().isEmpty() ? declared.of() : owner;
        collectPersonalData(field.getType(), prefix + field.getName() + ".", covering, Optional.empty(), overrides,
            embeddedOwner, descriptors);
        continue;
      }
      SpecialCategory special = field.getAnnotation(SpecialCategory.class);
      if (declared == null && special == null) {
        Optional<PersonalData> covering = enclosing.or(() -> classLevel(field, type));
        if (covering.isEmpty() || !coveredByClassAnnotation(field, identifier)) {
          continue;
        }
        declared = covering.get();
      }
      String named = declared != null && !declared.of().isEmpty() ? declared.of()
          : special != null && !special.of().isEmpty() ? special.of() : owner;
      descriptors.add(describe(field, prefix, declared, special)
          .withOwner(Optional.of(named).filter(text -> !text.isEmpty())));
    }
  }

  /**
   * The class-level {@code @PersonalData} that covers an attribute of {@code type}: that of the
   * class declaring it or, if it has none, of the nearest class between it and {@code type}. So a
   * class-level annotation covers the attributes inherited from a superclass without one of its own,
   * such as a {@code @MappedSuperclass} shared by several entities.
   */
  private static Optional<PersonalData> classLevel(Field field, Class<?> type) {
    PersonalData nearest = null;
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      PersonalData annotation = current.getAnnotation(PersonalData.class);
      if (annotation != null) {
        nearest = annotation;
      }
      if (current == field.getDeclaringClass()) {
        break;
      }
    }
    return Optional.ofNullable(nearest);
  }

  private boolean isEmbedded(Field field) {
    return isEmbeddable(field.getType()) || hasAnnotationNamed(field, EMBEDDED_ANNOTATIONS);
  }

  private boolean isEmbeddable(Class<?> type) {
    // Asked for the type of every attribute; getAnnotations() copies the class's annotations each time.
    return embeddableByClass.computeIfAbsent(type, key -> contributedEmbeddables.contains(key)
        || Arrays.stream(key.getAnnotations())
            .anyMatch(annotation -> annotation.annotationType().getName().equals("jakarta.persistence.Embeddable")));
  }

  private static boolean coveredByClassAnnotation(Field field, Optional<String> identifier) {
    return isBasic(valueType(field))
        && !Modifier.isTransient(field.getModifiers())
        && !field.getName().equals(identifier.orElse(null))
        && !isIdentifier(field)
        && !field.isAnnotationPresent(SubjectLink.class)
        && !hasAnnotationNamed(field, NOT_PERSONAL_DATA_ANNOTATIONS);
  }

  private FieldDescriptor describe(Field field, String prefix, @Nullable PersonalData declared,
      @Nullable SpecialCategory special) {
    String code = declared != null ? declared.category() : special.value().dataCategory().code();
    // Few codes recur on many attributes: each is checked against the pattern once.
    Optional<DataCategory> valid = categories.computeIfAbsent(code,
        key -> DataCategory.isValidCode(key) ? Optional.of(DataCategory.of(key)) : Optional.empty());
    DataCategory category;
    if (valid.isPresent()) {
      category = valid.get();
    } else {
      report(INVALID_CATEGORY, location(field), "Data category '" + code + "' is not a dotted lower-case code.",
          "Use a built-in category such as 'contact.email' or your own in the same form, such as 'contact.email.work'.");
      category = DataCategory.IDENTITY;
    }
    DataOrigin origin = declared != null ? declared.origin() : DataOrigin.PROVIDED;
    Optional<String> source = Optional.ofNullable(declared).map(PersonalData::source).filter(text -> !text.isBlank());
    if (origin == DataOrigin.PUBLICLY_AVAILABLE && source.isEmpty()) {
      report(MISSING_SOURCE, location(field),
          "Data from publicly accessible sources must name its source for the notice (Art. 14(2)(f)).",
          "Add source = \"<where it comes from, such as 'company websites'>\".");
    }
    ErasureRule rule = declared != null
        ? new ErasureRule(declared.erasure(), Optional.of(declared.placeholder()).filter(text -> !text.isEmpty()),
            declared.maskKeepFirst(), declared.maskKeepLast(),
            Arrays.stream(declared.exemption()).findFirst())
        : ErasureRule.of(ErasureStrategy.NULLIFY);
    Class<?> type = valueType(field);
    checkErasure(type, field, rule, category, declared == null ? 0 : declared.exemption().length);
    // A class-level annotation's label is refused above, so a label here is the attribute's own.
    return new FieldDescriptor(prefix + field.getName(), type, category, origin, source, rule,
        Optional.ofNullable(special).map(annotation -> sensitivity(annotation, field)),
        Collection.class.isAssignableFrom(field.getType()), Optional.empty(), declared == null ? "" : declared.label());
  }

  private void checkErasure(Class<?> type, Field field, ErasureRule rule, DataCategory category, int exemptions) {
    String typeName = type.getSimpleName();
    ErasureStrategy strategy = rule.strategy();
    switch (strategy) {
      case HASH, MASK -> {
        if (type != String.class) {
          report(STRATEGY_NEEDS_TEXT, location(field),
              strategy + " works on text, but the attribute is " + typeName + ".",
              "Use NULLIFY, REPLACE or DELETE_ROW for an attribute that is not a String.");
        }
        if (strategy == ErasureStrategy.MASK && (rule.maskKeepFirst() < 0 || rule.maskKeepLast() < 0)) {
          report(INVALID_MASK, location(field), "MASK keeps " + rule.maskKeepFirst() + " leading and "
              + rule.maskKeepLast() + " trailing characters; neither can be negative.",
              "Set maskKeepFirst and maskKeepLast to 0 or more.");
        }
      }
      case NULLIFY -> {
        if (type.isPrimitive()) {
          report(NULLIFY_ON_PRIMITIVE, location(field),
              "NULLIFY cannot erase a primitive " + typeName + ": it cannot hold null.",
              "Use REPLACE with a placeholder, DELETE_ROW, or the wrapper type " + boxedName(type) + ".");
        }
      }
      case REPLACE -> {
        if (Placeholders.replacement(rule.placeholder(), type, category).isEmpty()) {
          report(INVALID_PLACEHOLDER, location(field), rule.placeholder()
                  .map(text -> "Placeholder '" + text + "' cannot be converted to " + typeName + ".")
                  .orElse("REPLACE has no default placeholder for " + typeName + "."),
              "State a placeholder that parses as " + typeName + ", or choose NULLIFY or DELETE_ROW.");
        }
      }
      case KEEP -> {
        if (exemptions == 0) {
          report(KEEP_WITHOUT_EXEMPTION, location(field),
              "KEEP needs the Art. 17(3) exemption that allows keeping the data.",
              "Add exemption = ErasureExemption.<one of " + Arrays.toString(dev.lethe.law.ErasureExemption.values()) + ">.");
        }
      }
      case DELETE_ROW -> { }
    }
    if (exemptions > 1 || (exemptions == 1 && strategy != ErasureStrategy.KEEP)) {
      report(MISPLACED_EXEMPTION, location(field),
          exemptions > 1 ? "Only one Art. 17(3) exemption can be stated, not " + exemptions + "."
              : "An Art. 17(3) exemption is stated, but the strategy is " + strategy + ", which erases the data.",
          exemptions > 1 ? "Keep the exemption that applies." : "Use erasure = KEEP, or remove the exemption.");
    }
  }

  private Sensitivity sensitivity(SpecialCategory special, Field field) {
    if (special.value().isCriminalOffenceData()) {
      if (special.authorisedBy().isBlank()) {
        report(SPECIAL_CATEGORY_WITHOUT_CONDITION, location(field),
            "Criminal-offence data (Art. 10) needs the law that authorises its processing.",
            "Add authorisedBy = \"<the Union or Member State law>\".");
      }
    } else if (special.condition().length != 1) {
      report(SPECIAL_CATEGORY_WITHOUT_CONDITION, location(field),
          special.value() + " is a special category (Art. 9(1)) and needs exactly one Art. 9(2) condition, found "
              + special.condition().length + ".",
          "Add condition = Article9Condition.<the condition that applies>, such as EXPLICIT_CONSENT.");
    }
    return new Sensitivity(special.value(), Arrays.stream(special.condition()).findFirst(),
        Optional.of(special.authorisedBy()).filter(text -> !text.isBlank()));
  }

  // --- subject types and links -----------------------------------------------------------------

  private Map<String, SubjectType> subjectTypes(Map<Class<?>, Optional<String>> identifiers,
      Map<Class<?>, List<FieldDescriptor>> fields) {
    Map<String, List<Class<?>>> rootsByName = new LinkedHashMap<>();
    for (Class<?> type : classes) {
      DataSubject subject = type.getAnnotation(DataSubject.class);
      if (subject != null) {
        rootsByName.computeIfAbsent(subject.value(), name -> new ArrayList<>()).add(type);
        continue;
      }
      if (extendsRoot(type)) {
        // A subclass of a root (PremiumMember of Member) inherits the root's identities with its subject type.
        continue;
      }
      identityFields(type).forEach(field -> report(SUBJECT_WITHOUT_ROOT, location(field),
          "Identity '" + field.getAnnotation(SubjectIdentity.class).value() + "' is declared, but "
              + type.getSimpleName() + " is not a @DataSubject root, so the identity belongs to no subject type.",
          "Move @SubjectIdentity to the subject's root entity, or annotate " + type.getSimpleName()
              + " with @DataSubject."));
    }
    Map<String, SubjectType> subjectTypes = new LinkedHashMap<>();
    for (Map.Entry<String, List<Class<?>>> entry : rootsByName.entrySet()) {
      List<Class<?>> roots = entry.getValue().stream().sorted(Comparator.comparing(Class::getName)).toList();
      Class<?> type = roots.get(0);
      if (roots.size() > 1) {
        // The first root by name stays, so that links to the subject type are still checked against it.
        report(SUBJECT_WITH_SEVERAL_ROOTS, type.getName(), "Subject type '" + entry.getKey() + "' has "
                + roots.size() + " roots: " + roots.stream().map(Class::getName).collect(Collectors.joining(", ")) + ".",
            "Give each root its own subject type name, or link the other entities to one root.");
      }
      Optional<String> identifier = identifiers.get(type);
      if (identifier.isEmpty()) {
        report(ROOT_WITHOUT_IDENTIFIER, type.getName(),
            "The root of subject type '" + entry.getKey() + "' has no identifier, so its rows cannot be keyed.",
            "Annotate the identifier field with @SubjectIdentity(\"id\") (or jakarta.persistence.Id).");
        continue;
      }
      Map<String, String> identities = new LinkedHashMap<>();
      Map<String, SubjectType.IdentityRule> rules = new LinkedHashMap<>();
      identities.put(SubjectType.ID, identifier.get());
      Optional<Field> idField = findField(type, identifier.get());
      rules.put(SubjectType.ID, identityRule(SubjectType.ID, idField, Optional.empty()));
      Map<String, FieldDescriptor> personalData = fields.get(type).stream()
          .collect(Collectors.toMap(FieldDescriptor::name, field -> field, (first, second) -> first));
      for (Field field : identityFields(type)) {
        String identity = field.getAnnotation(SubjectIdentity.class).value();
        if (identity.equals(SubjectType.ID)) {
          continue;
        }
        if (identities.putIfAbsent(identity, field.getName()) != null) {
          report(DUPLICATE_IDENTITY, location(field), "Identity '" + identity + "' is declared on two attributes of "
              + type.getSimpleName() + ".", "Give each identity its own name.");
          continue;
        } else if (!personalData.containsKey(field.getName())) {
          report(IDENTITY_NOT_PERSONAL_DATA, location(field), "Identity '" + identity
                  + "' identifies a person, so it is personal data, but it is not marked as such.",
              "Add @PersonalData with its category to the attribute.");
        }
        rules.put(identity, identityRule(identity, Optional.of(field),
            Optional.ofNullable(personalData.get(field.getName()))));
      }
      subjectTypes.put(entry.getKey(), new SubjectType(entry.getKey(), type, identities, rules));
    }
    return subjectTypes;
  }

  /**
   * How an identity is typed and compared: as its annotation says, else e-mail identities (by
   * category or name) ignoring case and spaces and the others exactly. Ignoring case on an attribute
   * that holds no text is reported, as it could never match as the user meant.
   */
  private SubjectType.IdentityRule identityRule(String identity, Optional<Field> field,
      Optional<FieldDescriptor> personalData) {
    Class<?> valueType = field.map(Field::getType).map(ModelAssembler::boxed).orElse(Object.class);
    SubjectIdentity.Match declared = field.map(candidate -> candidate.getAnnotation(SubjectIdentity.class))
        .map(SubjectIdentity::match).orElse(SubjectIdentity.Match.DEFAULT);
    boolean text = CharSequence.class.isAssignableFrom(valueType);
    IdentityMatch match = switch (declared) {
      case EXACT -> IdentityMatch.EXACT;
      case IGNORE_CASE_AND_SPACE -> IdentityMatch.IGNORE_CASE_AND_SPACE;
      case DEFAULT -> text && (identity.equalsIgnoreCase("email")
          || personalData.map(descriptor -> descriptor.category().isWithin(DataCategory.EMAIL)).orElse(false))
          ? IdentityMatch.IGNORE_CASE_AND_SPACE : IdentityMatch.EXACT;
    };
    if (match == IdentityMatch.IGNORE_CASE_AND_SPACE && !text && field.isPresent()) {
      report(IDENTITY_MATCH_NOT_TEXT, location(field.get()), "Identity '" + identity + "' is compared ignoring case"
              + " and spaces, but its attribute holds " + valueType.getSimpleName() + ", not text.",
          "Remove match = IGNORE_CASE_AND_SPACE from @SubjectIdentity, or hold the identity as a String.");
    }
    return new SubjectType.IdentityRule(valueType, match);
  }

  private static Class<?> boxed(Class<?> type) {
    return type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
  }

  private List<Field> identityFields(Class<?> type) {
    return annotatedFields(type, SubjectIdentity.class);
  }

  /** The valid {@code @SubjectLink} fields per class; reports the invalid ones. */
  private Map<Class<?>, List<Field>> subjectLinks(Map<String, SubjectType> subjectTypes) {
    Map<Class<?>, List<Field>> links = new LinkedHashMap<>();
    for (Class<?> type : classes) {
      for (Field field : fields(type)) {
        SubjectLink link = field.getAnnotation(SubjectLink.class);
        if (link == null) {
          continue;
        }
        SubjectType subject = subjectTypes.get(link.subject());
        if (subject == null) {
          report(UNKNOWN_SUBJECT_TYPE, location(field), "The link names subject type '" + link.subject()
                  + "', but no class is annotated @DataSubject(\"" + link.subject() + "\"); known subject types: "
                  + (subjectTypes.isEmpty() ? "none" : String.join(", ", new TreeSet<>(subjectTypes.keySet()))) + ".",
              "Name a known subject type, or annotate its root entity with @DataSubject(\"" + link.subject() + "\").");
        } else if (subject.identityAttribute(link.identity()).isEmpty()) {
          report(UNKNOWN_IDENTITY, location(field), "Subject type '" + link.subject() + "' has no identity '"
                  + link.identity() + "'; its identities are " + String.join(", ", subject.identities().keySet()) + ".",
              "Name one of those identities, or add @SubjectIdentity(\"" + link.identity() + "\") to the attribute of "
                  + subject.root().getSimpleName() + " that holds it.");
        } else {
          links.computeIfAbsent(type, key -> new ArrayList<>()).add(field);
        }
      }
    }
    return links;
  }

  /**
   * {@code described} plus the link attributes it lacks. A link column holds an identity of its
   * subject, so it is that subject's personal data (Art. 4(1)) even without {@code @PersonalData}:
   * it gets the category of the identity it holds (that of the root's attribute, or
   * {@code identity.identifier} for the id), the class-level declaration's row decision where that
   * is {@code DELETE_ROW} or {@code KEEP}, and otherwise {@code NULLIFY} ({@code REPLACE} with the
   * type's default for a primitive), so that it is exported and erased like the rest of the row. A
   * link that is the row's identifier cannot be overwritten: its row is deleted.
   */
  private List<FieldDescriptor> withLinks(Class<?> type, List<FieldDescriptor> described, List<Field> linkFields,
      Optional<String> identifier, Map<String, SubjectType> subjectTypes, Map<Class<?>, List<FieldDescriptor>> fields) {
    List<FieldDescriptor> withLinks = new ArrayList<>(described);
    for (Field field : linkFields) {
      if (described.stream().anyMatch(descriptor -> descriptor.name().equals(field.getName()))) {
        continue;
      }
      SubjectLink link = field.getAnnotation(SubjectLink.class);
      SubjectType subject = subjectTypes.get(link.subject());
      String attribute = subject.identityAttribute(link.identity()).orElseThrow();
      DataCategory category = link.identity().equals(SubjectType.ID) ? DataCategory.IDENTIFIER
          : fields.getOrDefault(subject.root(), List.of()).stream()
              .filter(descriptor -> descriptor.name().equals(attribute))
              .map(FieldDescriptor::category)
              .findFirst().orElse(DataCategory.IDENTITY);
      Optional<PersonalData> covering = classLevel(field, type);
      Class<?> valueType = valueType(field);
      ErasureRule rule = covering
          .filter(declared -> declared.erasure() == ErasureStrategy.DELETE_ROW || declared.erasure() == ErasureStrategy.KEEP)
          .map(declared -> new ErasureRule(declared.erasure(), Optional.empty(), 0, 0,
              Arrays.stream(declared.exemption()).findFirst()))
          .orElseGet(() -> isIdentifier(field) || field.getName().equals(identifier.orElse(null))
              ? ErasureRule.of(ErasureStrategy.DELETE_ROW) : inPlace(valueType));
      withLinks.add(new FieldDescriptor(field.getName(), valueType, category,
          covering.map(PersonalData::origin).orElse(DataOrigin.PROVIDED), Optional.empty(), rule, Optional.empty(),
          Collection.class.isAssignableFrom(field.getType())));
    }
    return withLinks;
  }

  /**
   * {@code described}, with {@code DELETE_ROW} attributes erased in place where another attribute
   * is kept: a kept attribute outlives its row only if the row stays (Art. 17(3)), so the row stays
   * and what would have gone with it is erased by {@code NULLIFY} ({@code REPLACE} with the type's
   * default for a primitive). The receipt then counts the rows as updated and names the kept
   * attributes with their exemption.
   */
  private List<FieldDescriptor> keptRowsErasedInPlace(Class<?> type, List<FieldDescriptor> described,
      Optional<String> identifier) {
    List<FieldDescriptor> kept = described.stream()
        .filter(field -> field.erasure().strategy() == ErasureStrategy.KEEP).toList();
    if (kept.isEmpty() || described.stream().noneMatch(field -> field.erasure().strategy() == ErasureStrategy.DELETE_ROW)) {
      return described;
    }
    described.stream()
        .filter(field -> field.erasure().strategy() == ErasureStrategy.DELETE_ROW && field.name().equals(identifier.orElse(null)))
        .forEach(field -> report(KEPT_ROW_IDENTIFIER, type.getName() + "." + field.name(), "The identifier is erased by"
                + " deleting the row, but " + kept.get(0).name() + " is kept (KEEP), so the row must stay and an"
                + " identifier cannot be overwritten in place.",
            "Keep the kept attribute in an entity of its own, or declare the identifier"
                + " @PersonalData(erasure = KEEP, exemption = ...) with the same exemption."));
    return described.stream()
        .map(field -> field.erasure().strategy() != ErasureStrategy.DELETE_ROW ? field
            : new FieldDescriptor(field.name(), field.type(), field.category(), field.origin(), field.source(),
                inPlace(field.type()), field.sensitivity(), field.collection(), field.owner(), field.label()))
        .toList();
  }

  /** Erasure in place of an attribute with no stated strategy: NULLIFY, or REPLACE with the default where null cannot be. */
  private static ErasureRule inPlace(Class<?> type) {
    return ErasureRule.of(type.isPrimitive() ? ErasureStrategy.REPLACE : ErasureStrategy.NULLIFY);
  }

  /** Associations between model classes: to-one fields whose type is a model class, plus contributions. */
  private Map<Class<?>, List<Association>> associations() {
    Map<Class<?>, List<Association>> associations = new LinkedHashMap<>();
    for (Class<?> type : classes) {
      for (Field field : fields(type)) {
        if (classes.contains(field.getType())) {
          associations.computeIfAbsent(type, key -> new ArrayList<>())
              .add(new Association(type, field.getName(), field.getType()));
        }
      }
    }
    for (Association association : contributedAssociations) {
      Class<?> from = association.from();
      // A reverse hop names the other side's collection, not an attribute of this class.
      if (!SubjectRoute.isReverse(association.attribute()) && findField(from, association.attribute()).isEmpty()) {
        report(UNKNOWN_ATTRIBUTE, from.getName(), "The integration names association '" + association.attribute()
            + "', but " + from.getSimpleName() + " has no such attribute.", "Declare the association as a field.");
        continue;
      }
      List<Association> known = associations.computeIfAbsent(from, key -> new ArrayList<>());
      if (known.stream().noneMatch(existing -> existing.attribute().equals(association.attribute()))) {
        known.add(association);
      }
    }
    return associations;
  }

  /**
   * Every route from {@code type} to a subject: one per simple path of associations (no entity
   * visited twice) that ends at a subject root or a {@code @SubjectLink}, so that two associations to
   * one subject type ({@code referrer}, {@code referred}) are two routes. The search stops at subject
   * roots: what reaches another subject's root through a root is that root's business. Paths longer
   * than {@value #MAX_HOPS} associations are not followed.
   */
  private static List<SubjectRoute> routes(Class<?> type, Map<Class<?>, SubjectType> rootsByClass,
      Map<Class<?>, List<Field>> links, Map<Class<?>, List<Association>> associations) {
    Map<String, SubjectRoute> routes = new LinkedHashMap<>();
    record Walk(Class<?> node, ImmutableList<String> path, Set<Class<?>> seen) { }
    Deque<Walk> queue = new ArrayDeque<>();
    queue.add(new Walk(type, ImmutableList.of(), Set.of(type)));
    while (!queue.isEmpty()) {
      Walk next = queue.removeFirst();
      SubjectType root = rootOf(next.node(), rootsByClass);
      if (root != null) {
        SubjectRoute route = new SubjectRoute(root.name(), append(next.path(), root.idAttribute()), SubjectType.ID);
        routes.putIfAbsent(route.name(), route);
        continue;
      }
      for (Field link : links.getOrDefault(next.node(), List.of())) {
        SubjectLink annotation = link.getAnnotation(SubjectLink.class);
        ImmutableList<String> path = append(next.path(), link.getName());
        SubjectRoute route = new SubjectRoute(annotation.subject(), path, annotation.identity(), String.join(".", path));
        routes.putIfAbsent(route.name(), route);
      }
      if (next.path().size() >= MAX_HOPS) {
        continue;
      }
      for (Association association : associations.getOrDefault(next.node(), List.of())) {
        if (next.seen().contains(association.to())) {
          continue;
        }
        Set<Class<?>> seen = new HashSet<>(next.seen());
        seen.add(association.to());
        queue.addLast(new Walk(association.to(), append(next.path(), association.attribute()), seen));
      }
    }
    return List.copyOf(routes.values());
  }

  /** The longest chain of associations a route follows. */
  private static final int MAX_HOPS = 6;

  private static ImmutableList<String> append(ImmutableList<String> path, String attribute) {
    return ImmutableList.<String>builderWithExpectedSize(path.size() + 1).addAll(path).add(attribute).build();
  }

  // --- retention and purposes ------------------------------------------------------------------

  private Optional<RetentionPolicy> retentionOf(Class<?> type) {
    Retention retention = type.getAnnotation(Retention.class);
    if (retention == null) {
      return Optional.empty();
    }
    String location = type.getName();
    Optional<Period> period = Optional.empty();
    try {
      Period parsed = Period.parse(retention.period());
      if (parsed.isZero() || parsed.isNegative()) {
        report(INVALID_RETENTION_PERIOD, location, "Retention period '" + retention.period() + "' is not positive.",
            "State a period longer than zero, such as P12M.");
      } else {
        period = Optional.of(parsed);
      }
    } catch (DateTimeParseException e) {
      report(INVALID_RETENTION_PERIOD, location, "Retention period '" + retention.period()
          + "' is not an ISO-8601 period.", "Write it as ISO-8601, such as P30D, P12M or P6Y.");
    }
    Optional<Field> clock = findField(type, retention.clock());
    if (clock.isEmpty()) {
      report(UNKNOWN_CLOCK_ATTRIBUTE, location, "Retention clock '" + retention.clock() + "' is not an attribute of "
          + type.getSimpleName() + ".", "Name one of its date or time attributes: " + temporalAttributes(type) + ".");
    } else if (!CLOCK_TYPES.contains(clock.get().getType())) {
      report(CLOCK_NOT_TEMPORAL, location, "Retention clock '" + retention.clock() + "' is a "
              + clock.get().getType().getSimpleName() + ", not a date or time.",
          "Name one of its date or time attributes: " + temporalAttributes(type) + ".");
    }
    if (retention.reason().isBlank()) {
      report(MISSING_RETENTION_REASON, location, "The retention policy does not say why the period is what it is;"
          + " a notice must state the criteria (Art. 13(2)(a)).", "Add reason = \"<why this period>\".");
    }
    return period.filter(valid -> clock.isPresent() && !retention.reason().isBlank())
        .map(valid -> new RetentionPolicy(valid, retention.clock(), retention.action(), retention.reason()));
  }

  private String temporalAttributes(Class<?> type) {
    List<String> names = fields(type).stream()
        .filter(field -> CLOCK_TYPES.contains(field.getType()))
        .map(Field::getName)
        .toList();
    return names.isEmpty() ? "none yet; add one" : String.join(", ", names);
  }

  private List<Purpose> purposesOf(Class<?> type, Map<String, Purpose> merged) {
    List<Purpose> purposes = new ArrayList<>();
    for (Processing processing : type.getAnnotationsByType(Processing.class)) {
      String location = type.getName();
      if (processing.purpose().isBlank()) {
        report(MISSING_PURPOSE, location, processing.basis() == LawfulBasis.Kind.CONSENT
                ? "Consent is declared as a basis without a purpose; consent is given for specific purposes (Art. 6(1)(a))."
                : "A processing declaration has no purpose (Art. 5(1)(b)).",
            "Name the purpose, such as purpose = \"newsletter\".");
        continue;
      }
      Optional<LawfulBasis> basis = basisOf(processing, location);
      if (basis.isEmpty()) {
        continue;
      }
      Optional<AutomatedDecision> decision = automatedDecisionOf(processing, location);
      Purpose purpose = new Purpose(processing.purpose(), basis.get(), List.of(processing.recipients()), decision,
          processing.label());
      purposes.add(purpose);
      Purpose known = merged.get(purpose.name());
      if (known == null) {
        merged.put(purpose.name(), purpose);
      } else if (!known.basis().equals(purpose.basis())) {
        report(CONFLICTING_BASIS, location, "Purpose '" + purpose.name() + "' is declared here with basis "
                + purpose.basis().kind() + " and elsewhere with " + known.basis().kind() + "; a purpose has one basis (Art. 6(1)).",
            "Use the same basis everywhere, or split the purpose in two.");
      } else {
        String label = known.label();
        if (!processing.label().isBlank()) {
          if (declaredLabels.containsKey(purpose.name()) && !declaredLabels.get(purpose.name()).equals(purpose.label())) {
            report(MISPLACED_LABEL, location, "Purpose '" + purpose.name() + "' is labelled here \"" + purpose.label()
                    + "\" and elsewhere \"" + declaredLabels.get(purpose.name()) + "\"; a purpose has one label.",
                "Use the same label everywhere, or declare it on one @Processing only.");
          }
          label = purpose.label();
        }
        if (known.automatedDecision().isPresent() && purpose.automatedDecision().isPresent()
            && !known.automatedDecision().equals(purpose.automatedDecision())) {
          report(INCOMPLETE_AUTOMATED_DECISION, location, "Purpose '" + purpose.name() + "' describes its automated"
                  + " decision here otherwise than elsewhere; a notice and an access report state one (Art. 13(2)(f),"
                  + " 15(1)(h)).",
              "Describe the decision on one @Processing only, or the same everywhere.");
        }
        Set<String> recipients = new LinkedHashSet<>(known.recipients());
        recipients.addAll(purpose.recipients());
        merged.put(purpose.name(), new Purpose(known.name(), known.basis(), List.copyOf(recipients),
            known.automatedDecision().or(purpose::automatedDecision), label));
      }
      if (!processing.label().isBlank()) {
        declaredLabels.putIfAbsent(purpose.name(), purpose.label());
      }
    }
    return purposes;
  }

  /**
   * {@code entity} with the purposes its {@link ProcessedFor} names added, as merged across the
   * model: the one explicit way a purpose declared elsewhere reaches an entity's data (Art. 5(1)(b)).
   */
  private EntityDescriptor withNamedPurposes(EntityDescriptor entity, Map<String, Purpose> merged) {
    ProcessedFor[] declarations = entity.type().getAnnotationsByType(ProcessedFor.class);
    if (declarations.length == 0) {
      return entity;
    }
    Map<String, Purpose> attributed = new LinkedHashMap<>();
    entity.purposes().forEach(purpose -> attributed.put(purpose.name(), purpose));
    Map<String, String> owners = new LinkedHashMap<>();
    String location = entity.type().getName();
    for (ProcessedFor named : declarations) {
      Optional<String> owner = named.of().isBlank() ? Optional.empty() : ownerRoute(entity, named.of(), location);
      for (String name : named.value()) {
        Purpose purpose = merged.get(name);
        if (purpose == null) {
          report(UNKNOWN_PURPOSE, location, "@ProcessedFor names the purpose '" + name + "', which no"
                  + " @Processing declares; declared are " + merged.keySet() + ".",
              "Name a declared purpose, or declare '" + name + "' with @Processing(purpose = \"" + name
                  + "\", basis = ...) where its basis is decided.");
          continue;
        }
        attributed.putIfAbsent(name, purpose);
        owner.ifPresent(route -> owners.put(name, route));
      }
    }
    return new EntityDescriptor(entity.type(), entity.subjectRootOf(), entity.fields(), entity.retention(),
        List.copyOf(attributed.values()), entity.routes(), owners);
  }

  /** The name of {@code entity}'s one route that {@code of} names, as {@code @PersonalData(of = ...)} names owners. */
  private Optional<String> ownerRoute(EntityDescriptor entity, String of, String location) {
    List<SubjectRoute> matching = routesNamed(entity.routes(), of);
    if (matching.size() != 1) {
      report(UNKNOWN_OWNER, location, "@ProcessedFor(of = \"" + of + "\") names " + (matching.isEmpty() ? "no route"
              : matching.size() + " routes") + " of " + entity.name() + "; its routes are "
              + entity.routes().stream().map(SubjectRoute::name).toList() + ".",
          "Name one of those routes by its path, or leave 'of' empty for purposes of every subject the entity"
              + " reaches.");
      return Optional.empty();
    }
    return Optional.of(matching.get(0).name());
  }

  /**
   * Special-category and criminal-offence data is processed only for a purpose, with its Art. 6
   * basis, besides its Art. 9(2) condition or Art. 10 authorisation; data under explicit consent
   * (Art. 9(2)(a)) only for purposes resting on consent, so that the consent ledger records it.
   */
  private void checkSensitiveDataHasPurposes(EntityDescriptor entity) {
    for (FieldDescriptor field : entity.fields()) {
      if (field.sensitivity().isEmpty()) {
        continue;
      }
      Sensitivity sensitivity = field.sensitivity().get();
      String location = entity.type().getName() + "." + field.name();
      if (entity.purposes().isEmpty()) {
        report(SPECIAL_CATEGORY_WITHOUT_PURPOSE, location, sensitivity.category() + " data (" + sensitivity.category()
                .article() + ") is processed only for a purpose with its Art. 6 basis as well as its "
                + (sensitivity.category().isCriminalOffenceData() ? "authorising law" : "Art. 9(2) condition")
                + ", and " + entity.name() + " has no purpose.",
            "Declare @Processing(purpose = ..., basis = ...) on " + entity.name() + ", or name the purposes with"
                + " @ProcessedFor.");
      }
      if (sensitivity.condition().filter(Article9Condition.EXPLICIT_CONSENT::equals).isPresent()) {
        entity.purposes().stream()
            .filter(purpose -> purpose.basis().kind() != LawfulBasis.Kind.CONSENT)
            .forEach(purpose -> report(EXPLICIT_CONSENT_WITHOUT_CONSENT_BASIS, location, "The attribute is processed"
                    + " under explicit consent (Art. 9(2)(a)), but purpose '" + purpose.name() + "' rests on "
                    + purpose.basis().kind().title() + ", so no consent is asked for it.",
                "Rest purpose '" + purpose.name() + "' on consent, or state the Art. 9(2) condition that applies"
                    + " to it instead of EXPLICIT_CONSENT."));
      }
    }
  }

  /**
   * The solely automated decision {@code processing} declares (Art. 22(1)): with its logic,
   * significance and consequences, which a notice and an access report must state (Art. 13(2)(f),
   * 15(1)(h)), and only on the bases Art. 22(2) allows.
   */
  private Optional<AutomatedDecision> automatedDecisionOf(Processing processing, String location) {
    String purpose = processing.purpose();
    boolean described = !processing.decisionLogic().isBlank() || !processing.decisionSignificance().isBlank()
        || !processing.decisionConsequences().isBlank();
    if (!processing.solelyAutomatedDecisions()) {
      if (described) {
        report(INCOMPLETE_AUTOMATED_DECISION, location, "Purpose '" + purpose + "' describes an automated decision"
            + " but does not declare solelyAutomatedDecisions (Art. 22(1)).",
            "Add solelyAutomatedDecisions = true, or remove decisionLogic, decisionSignificance and decisionConsequences.");
      }
      return Optional.empty();
    }
    boolean complete = true;
    if (processing.decisionLogic().isBlank() || processing.decisionSignificance().isBlank()
        || processing.decisionConsequences().isBlank()) {
      report(INCOMPLETE_AUTOMATED_DECISION, location, "Purpose '" + purpose + "' decides solely automatically but"
          + " does not describe the logic, significance and envisaged consequences a notice and an access report"
          + " must state (Art. 13(2)(f), 15(1)(h)).",
          "Add decisionLogic, decisionSignificance and decisionConsequences in plain words.");
      complete = false;
    }
    if (!AUTOMATED_DECISION_BASES.contains(processing.basis())) {
      report(INCOMPLETE_AUTOMATED_DECISION, location, "Purpose '" + purpose + "' decides solely automatically on "
          + processing.basis() + ", but Art. 22(2) allows such decisions only when necessary for a contract,"
          + " authorised by law or based on explicit consent.",
          "Rest the purpose on CONTRACT, LEGAL_OBLIGATION, PUBLIC_TASK or CONSENT, or have a person take the decision.");
      complete = false;
    }
    return complete ? Optional.of(new AutomatedDecision(processing.decisionLogic(), processing.decisionSignificance(),
        processing.decisionConsequences())) : Optional.empty();
  }

  private Optional<LawfulBasis> basisOf(Processing processing, String location) {
    String purpose = processing.purpose();
    return switch (processing.basis()) {
      case CONSENT -> Optional.of(LawfulBasis.consent());
      case CONTRACT -> Optional.of(LawfulBasis.contract());
      case VITAL_INTERESTS -> Optional.of(LawfulBasis.vitalInterests());
      case LEGAL_OBLIGATION, PUBLIC_TASK -> {
        if (processing.law().isBlank()) {
          report(INCOMPLETE_BASIS, location, "Purpose '" + purpose + "' rests on " + processing.basis()
              + ", which must name the law laying it down (Art. 6(3)).", "Add law = \"<the law>\".");
          yield Optional.empty();
        }
        yield Optional.of(processing.basis() == LawfulBasis.Kind.PUBLIC_TASK
            ? LawfulBasis.publicTask(processing.law()) : LawfulBasis.legalObligation(processing.law()));
      }
      case LEGITIMATE_INTERESTS -> {
        if (processing.interest().isBlank() || processing.assessment().isBlank()) {
          report(INCOMPLETE_BASIS, location, "Purpose '" + purpose + "' rests on legitimate interests, which must"
                  + " state the interest pursued and where its balancing test is recorded (Art. 6(1)(f), 13(1)(d)).",
              "Add interest = \"<the interest>\" and assessment = \"<reference to the assessment>\".");
          yield Optional.empty();
        }
        yield Optional.of(LawfulBasis.legitimateInterests(processing.interest(), processing.assessment()));
      }
    };
  }

  // --- reflection helpers ----------------------------------------------------------------------

  /** Instance fields of the class and its superclasses, superclass fields first. */
  static List<Field> fieldsOf(Class<?> type) {
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
      hierarchy.add(0, current);
    }
    List<Field> fields = new ArrayList<>();
    for (Class<?> declaring : hierarchy) {
      for (Field field : declaring.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
          fields.add(field);
        }
      }
    }
    return List.copyOf(fields);
  }

  /** {@link #fieldsOf}, read once per assembly. */
  private List<Field> fields(Class<?> type) {
    return fieldsByClass.computeIfAbsent(type, ModelAssembler::fieldsOf);
  }

  private Optional<Field> findField(Class<?> type, String name) {
    for (Field field : fields(type)) {
      if (field.getName().equals(name)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  private List<Field> annotatedFields(Class<?> type, Class<? extends Annotation> annotation) {
    List<Field> annotated = new ArrayList<>();
    for (Field field : fields(type)) {
      if (field.isAnnotationPresent(annotation)) {
        annotated.add(field);
      }
    }
    return annotated;
  }

  private static boolean hasAnnotationNamed(Field field, Set<String> names) {
    for (Annotation annotation : field.getAnnotations()) {
      if (names.contains(annotation.annotationType().getName())) {
        return true;
      }
    }
    return false;
  }

  /** The attribute's type, or for a collection the type of its elements. */
  private static Class<?> valueType(Field field) {
    if (Collection.class.isAssignableFrom(field.getType())
        && field.getGenericType() instanceof ParameterizedType generic
        && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
      return element;
    }
    return field.getType();
  }

  private static boolean isBasic(Class<?> type) {
    return type.isPrimitive() || type.isEnum() || Number.class.isAssignableFrom(type)
        || CharSequence.class.isAssignableFrom(type) || OTHER_BASIC_TYPES.contains(type)
        || type.getPackageName().equals("java.time");
  }

  private static String boxedName(Class<?> primitive) {
    return MethodType.methodType(primitive).wrap().returnType().getSimpleName();
  }

  private static String location(Field field) {
    return field.getDeclaringClass().getName() + "." + field.getName();
  }

  private void report(ModelProblem.Kind kind, String location, String problem, String fix) {
    problems.add(new ModelProblem(kind, location, problem, fix));
  }
}
