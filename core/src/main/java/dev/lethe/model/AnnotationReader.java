package dev.lethe.model;

import static dev.lethe.model.ProblemText.LABEL_ON_CLASS;
import static dev.lethe.model.ProblemText.OVERRIDE_OF_ASSOCIATION;
import static dev.lethe.model.ProblemText.OVERRIDE_OF_NOTHING;
import static dev.lethe.model.ProblemText.OVERRIDE_OF_OWN_ATTRIBUTE;
import static dev.lethe.model.ProblemText.OVERRIDE_TWICE;
import static dev.lethe.model.ProblemText.UNKNOWN_ASSOCIATION;
import static dev.lethe.model.ProblemText.UNKNOWN_IDENTIFIER;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.PersonalDataOverride;
import dev.lethe.annotation.ProcessedFor;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.Retention;
import dev.lethe.annotation.SpecialCategory;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.annotation.SubjectLink;
import dev.lethe.model.PersonalDataModel.Association;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
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
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The pipeline's first step: reads classes, their fields and Lethe's annotations by reflection, once,
 * into raw data for the rules. It reports what cannot be read as meant: a contributed attribute the
 * class lacks, a misused {@code @PersonalDataOverride}, a label on a class-level {@code @PersonalData}.
 */
final class AnnotationReader {

  /** Identifier and persistence annotations recognised by name, so that core stays free of JPA. */
  private static final Set<String> IDENTIFIER_ANNOTATIONS =
      Set.of("jakarta.persistence.Id", "jakarta.persistence.EmbeddedId");

  private static final Set<String> NOT_PERSONAL_DATA_ANNOTATIONS =
      Set.of("jakarta.persistence.Version", "jakarta.persistence.Transient");
  private static final Set<String> EMBEDDED_ANNOTATIONS = Set.of("jakarta.persistence.Embedded");
  private static final Set<Class<?>> OTHER_BASIC_TYPES =
      Set.of(
          Boolean.class,
          Character.class,
          UUID.class,
          Date.class,
          Calendar.class,
          URI.class,
          URL.class,
          InetAddress.class,
          Locale.class,
          byte[].class,
          char[].class);

  private final Map<Class<?>, String> contributedIdentifiers;
  private final Set<Class<?>> contributedEmbeddables;
  private final Problems problems;

  /** Each class's fields, read once: reflection copies every field on each call, and checks ask often. */
  private final Map<Class<?>, List<Field>> fieldsByClass = new HashMap<>();

  private final Map<Class<?>, Boolean> embeddableByClass = new HashMap<>();

  /**
   * One attribute that declares personal data, as read: its field, its path from the entity
   * ({@code address.street} inside an embedded value), the {@code @PersonalData} that applies to it
   * (its own, an override's, or a covering class's or embedding attribute's), its
   * {@code @SpecialCategory}, and the owner it names, if any.
   */
  record DeclaredAttribute(
      Field field,
      String path,
      Optional<PersonalData> declared,
      Optional<SpecialCategory> special,
      Optional<String> owner) {}

  /** A {@code @PersonalDataOverride} with the class that declares it, and whether it named an attribute. */
  private static final class OverrideAt {
    private final PersonalDataOverride annotation;
    private final Class<?> declaredOn;
    private boolean applied;

    OverrideAt(PersonalDataOverride annotation, Class<?> declaredOn) {
      this.annotation = annotation;
      this.declaredOn = declaredOn;
    }
  }

  AnnotationReader(
      Map<Class<?>, String> contributedIdentifiers,
      Set<Class<?>> contributedEmbeddables,
      Problems problems) {
    this.contributedIdentifiers = Map.copyOf(contributedIdentifiers);
    this.contributedEmbeddables = Set.copyOf(contributedEmbeddables);
    this.problems = problems;
  }

  // --- which classes the model reads --------------------------------------------------------

  /** Whether a class carries any Lethe annotation, on itself or on a field of its hierarchy. */
  static boolean carriesLetheAnnotations(Class<?> type) {
    return Stream.of(
                DataSubject.class,
                PersonalData.class,
                PersonalDataOverride.class,
                PersonalDataOverride.List.class,
                Retention.class,
                Processing.class,
                Processing.List.class,
                ProcessedFor.class,
                ProcessedFor.List.class)
            .anyMatch(type::isAnnotationPresent)
        || fieldsOf(type).stream()
            .anyMatch(
                field ->
                    Stream.of(
                            PersonalData.class,
                            SpecialCategory.class,
                            SubjectLink.class,
                            SubjectIdentity.class)
                        .anyMatch(field::isAnnotationPresent));
  }

  /**
   * The candidates that carry Lethe annotations, plus the candidates their associations lead
   * through, transitively, in the candidates' order.
   */
  static Set<Class<?>> modelClassesAmong(Collection<Class<?>> candidates) {
    Set<Class<?>> selected = new LinkedHashSet<>();
    Deque<Class<?>> pending = new ArrayDeque<>();
    candidates.stream().filter(AnnotationReader::carriesLetheAnnotations).forEach(pending::add);
    while (!pending.isEmpty()) {
      Class<?> type = pending.removeFirst();
      if (selected.add(type)) {
        fieldsOf(type).stream()
            .map(Field::getType)
            .filter(candidates::contains)
            .forEach(pending::add);
      }
    }
    return candidates.stream()
        .filter(selected::contains)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Whether {@code type} is a value embedded in entities, never an entity of its own. */
  boolean isEmbeddable(Class<?> type) {
    // Asked for the type of every attribute; getAnnotations() copies the class's annotations each
    // time.
    return embeddableByClass.computeIfAbsent(
        type,
        key ->
            contributedEmbeddables.contains(key)
                || Arrays.stream(key.getAnnotations())
                    .anyMatch(
                        annotation ->
                            annotation
                                .annotationType()
                                .getName()
                                .equals("jakarta.persistence.Embeddable")));
  }

  // --- identifiers and associations ------------------------------------------------------------

  /** The attribute that identifies {@code type}'s rows: the integration's, else an id-annotated field. */
  Optional<String> identifierOf(Class<?> type) {
    String contributed = contributedIdentifiers.get(type);
    if (contributed != null) {
      if (findField(type, contributed).isEmpty()) {
        problems.report(UNKNOWN_IDENTIFIER, type.getName(), contributed, type.getSimpleName());
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

  static boolean isIdentifier(Field field) {
    SubjectIdentity identity = field.getAnnotation(SubjectIdentity.class);
    return (identity != null && identity.value().equals(SubjectType.ID))
        || hasAnnotationNamed(field, IDENTIFIER_ANNOTATIONS);
  }

  /** Associations between {@code classes}: to-one fields whose type is one of them, plus contributions. */
  Map<Class<?>, List<Association>> associations(
      Set<Class<?>> classes, List<Association> contributed) {
    Map<Class<?>, List<Association>> associations = new LinkedHashMap<>();
    for (Class<?> type : classes) {
      for (Field field : fields(type)) {
        if (classes.contains(field.getType())) {
          associations
              .computeIfAbsent(type, key -> new ArrayList<>())
              .add(new Association(type, field.getName(), field.getType()));
        }
      }
    }
    for (Association association : contributed) {
      Class<?> from = association.from();
      // A reverse hop names the other side's collection, not an attribute of this class.
      if (!SubjectRoute.isReverse(association.attribute())
          && findField(from, association.attribute()).isEmpty()) {
        problems.report(
            UNKNOWN_ASSOCIATION, from.getName(), association.attribute(), from.getSimpleName());
        continue;
      }
      List<Association> known = associations.computeIfAbsent(from, key -> new ArrayList<>());
      if (known.stream()
          .noneMatch(existing -> existing.attribute().equals(association.attribute()))) {
        known.add(association);
      }
    }
    return associations;
  }

  // --- personal-data attributes ----------------------------------------------------------------

  /**
   * The attributes of {@code type} that declare personal data, in field order, descending into
   * embedded values, with the overrides and class-level declarations that apply to them.
   */
  List<DeclaredAttribute> personalDataOf(Class<?> type, Optional<String> identifier) {
    List<DeclaredAttribute> declared = new ArrayList<>();
    Map<String, OverrideAt> overrides = overridesOf(type);
    String owner = "";
    for (Class<?> current = type;
        current != null && current != Object.class && owner.isEmpty();
        current = current.getSuperclass()) {
      PersonalData onClass = current.getAnnotation(PersonalData.class);
      owner = onClass == null ? "" : onClass.of();
    }
    for (Class<?> current = type;
        current != null && current != Object.class;
        current = current.getSuperclass()) {
      PersonalData onClass = current.getAnnotation(PersonalData.class);
      if (onClass != null && !onClass.label().isBlank()) {
        problems.report(LABEL_ON_CLASS, current.getName());
      }
    }
    collectPersonalData(type, "", Optional.empty(), identifier, overrides, owner, declared);
    overrides.entrySet().stream()
        .filter(override -> !override.getValue().applied)
        .forEach(
            override ->
                problems.report(
                    OVERRIDE_OF_NOTHING,
                    override.getValue().declaredOn.getName(),
                    override.getKey(),
                    type.getSimpleName()));
    return declared;
  }

  /**
   * The overrides that apply to {@code type}, by attribute path: its own and its superclasses',
   * the nearest class winning, as a subclass's {@code @AttributeOverride} does in JPA.
   */
  private Map<String, OverrideAt> overridesOf(Class<?> type) {
    Map<String, OverrideAt> overrides = new LinkedHashMap<>();
    for (Class<?> current = type;
        current != null && current != Object.class;
        current = current.getSuperclass()) {
      Set<String> named = new HashSet<>();
      for (PersonalDataOverride override :
          current.getDeclaredAnnotationsByType(PersonalDataOverride.class)) {
        if (!named.add(override.attribute())) {
          problems.report(OVERRIDE_TWICE, current.getName(), override.attribute());
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
  private Optional<PersonalData> override(
      Field field, String path, Map<String, OverrideAt> overrides) {
    OverrideAt override = overrides.get(path);
    if (override == null) {
      return Optional.empty();
    }
    override.applied = true;
    if (path.indexOf('.') < 0 && field.getDeclaringClass() == override.declaredOn) {
      problems.report(
          OVERRIDE_OF_OWN_ATTRIBUTE, location(field), path, override.declaredOn.getSimpleName());
      return Optional.empty();
    }
    if (!isEmbedded(field) && !isBasic(valueType(field))) {
      problems.report(OVERRIDE_OF_ASSOCIATION, override.declaredOn.getName(), path);
      return Optional.empty();
    }
    return Optional.of(override.annotation.data());
  }

  /**
   * Collects the personal-data attributes of {@code type}, descending into embedded values, whose
   * attributes get the embedding attribute's name as a prefix. {@code enclosing} is the
   * {@code @PersonalData} on the embedding attribute, which covers the embedded value's attributes.
   */
  private void collectPersonalData(
      Class<?> type,
      String prefix,
      Optional<PersonalData> enclosing,
      Optional<String> identifier,
      Map<String, OverrideAt> overrides,
      String owner,
      List<DeclaredAttribute> declared) {
    for (Field field : fields(type)) {
      Optional<PersonalData> own =
          override(field, prefix + field.getName(), overrides)
              .or(() -> Optional.ofNullable(field.getAnnotation(PersonalData.class)));
      if (isEmbedded(field)) {
        String embeddedOwner = own.map(PersonalData::of).filter(of -> !of.isEmpty()).orElse(owner);
        collectPersonalData(
            field.getType(),
            prefix + field.getName() + ".",
            own.or(() -> enclosing),
            Optional.empty(),
            overrides,
            embeddedOwner,
            declared);
        continue;
      }
      Optional<SpecialCategory> special =
          Optional.ofNullable(field.getAnnotation(SpecialCategory.class));
      if (own.isEmpty() && special.isEmpty()) {
        Optional<PersonalData> covering = enclosing.or(() -> classLevel(field, type));
        if (covering.isEmpty() || !coveredByClassAnnotation(field, identifier)) {
          continue;
        }
        own = covering;
      }
      String named =
          own.map(PersonalData::of)
              .filter(of -> !of.isEmpty())
              .or(() -> special.map(SpecialCategory::of).filter(of -> !of.isEmpty()))
              .orElse(owner);
      declared.add(
          new DeclaredAttribute(
              field,
              prefix + field.getName(),
              own,
              special,
              Optional.of(named).filter(text -> !text.isEmpty())));
    }
  }

  /**
   * The class-level {@code @PersonalData} that covers an attribute of {@code type}: that of the
   * class declaring it or, if it has none, of the nearest class between it and {@code type}. So a
   * class-level annotation covers the attributes inherited from a superclass without one of its own,
   * such as a {@code @MappedSuperclass} shared by several entities.
   */
  static Optional<PersonalData> classLevel(Field field, Class<?> type) {
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

  private static boolean coveredByClassAnnotation(Field field, Optional<String> identifier) {
    return isBasic(valueType(field))
        && !Modifier.isTransient(field.getModifiers())
        && !field.getName().equals(identifier.orElse(null))
        && !isIdentifier(field)
        && !field.isAnnotationPresent(SubjectLink.class)
        && !hasAnnotationNamed(field, NOT_PERSONAL_DATA_ANNOTATIONS);
  }

  // --- fields and types ------------------------------------------------------------------------

  /** Instance fields of the class and its superclasses, superclass fields first. */
  static List<Field> fieldsOf(Class<?> type) {
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> current = type;
        current != null && current != Object.class;
        current = current.getSuperclass()) {
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
  List<Field> fields(Class<?> type) {
    return fieldsByClass.computeIfAbsent(type, AnnotationReader::fieldsOf);
  }

  Optional<Field> findField(Class<?> type, String name) {
    for (Field field : fields(type)) {
      if (field.getName().equals(name)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  List<Field> annotatedFields(Class<?> type, Class<? extends Annotation> annotation) {
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
  static Class<?> valueType(Field field) {
    if (Collection.class.isAssignableFrom(field.getType())
        && field.getGenericType() instanceof ParameterizedType generic
        && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
      return element;
    }
    return field.getType();
  }

  private static boolean isBasic(Class<?> type) {
    return type.isPrimitive()
        || type.isEnum()
        || Number.class.isAssignableFrom(type)
        || CharSequence.class.isAssignableFrom(type)
        || OTHER_BASIC_TYPES.contains(type)
        || type.getPackageName().equals("java.time");
  }

  /** The wrapper of a primitive type; any other type itself. */
  static Class<?> boxed(Class<?> type) {
    return type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
  }

  /** Where a field is declared, as problems name it: {@code com.example.Customer.email}. */
  static String location(Field field) {
    return field.getDeclaringClass().getName() + "." + field.getName();
  }
}
