package dev.lethe.jpa.internal;

import static java.util.Objects.requireNonNull;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.PersonalDataOverride;
import dev.lethe.annotation.SpecialCategory;
import dev.lethe.annotation.SubjectLink;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.SubjectRoute;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EmbeddableType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.annotations.Any;
import org.hibernate.annotations.ManyToAny;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.BasicEntityIdentifierMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;

/**
 * Reads the JPA metamodel and Hibernate's mapping model once the factory is ready: contributes
 * identifiers, owning associations and embeddables to the personal-data model, checks for
 * mappings the store cannot handle, and keeps what the store needs per entity.
 */
public final class JpaMapping {

  private final SessionFactoryImplementor factory;
  private final Map<Class<?>, EntityInfo> entities;
  private final PersonalDataModel model;
  private final Map<RouteKey, RouteSql> routes = new ConcurrentHashMap<>();

  /** Set once by {@link #discover}, before the mapping is handed out. */
  private History history = History.NONE;

  private JpaMapping(
      SessionFactoryImplementor factory,
      Map<Class<?>, EntityInfo> entities,
      PersonalDataModel model) {
    this.factory = factory;
    this.entities = entities;
    this.model = model;
  }

  /**
   * Discovers the model of {@code emf}'s entities plus {@code extraClasses}.
   *
   * @throws MappingProblemsException listing every mapping the store cannot handle
   * @throws dev.lethe.model.ModelValidationException listing every problem of the annotations,
   *     such as personal data that reaches no subject
   */
  public static JpaMapping discover(EntityManagerFactory emf, Collection<Class<?>> extraClasses) {
    requireNonNull(emf, "emf");
    SessionFactoryImplementor factory = emf.unwrap(SessionFactoryImplementor.class);
    Metamodel metamodel = emf.getMetamodel();
    PersonalDataModel.Builder builder = PersonalDataModel.builder();
    Map<Class<?>, EntityInfo> entities = new LinkedHashMap<>();
    Set<MappingProblem> problems = new LinkedHashSet<>();

    List<EntityType<?>> types =
        metamodel.getEntities().stream()
            .filter(
                type ->
                    type.getJavaType() != null && !Map.class.isAssignableFrom(type.getJavaType()))
            .sorted(Comparator.comparing(EntityType::getName))
            .toList();
    for (EntityType<?> type : types) {
      Class<?> javaType = type.getJavaType();
      EntityMappingType mapping = factory.getMappingMetamodel().getEntityDescriptor(javaType);
      boolean personal = holdsPersonalData(javaType);
      builder.add(javaType);
      checkAttributes(type, personal, problems);
      if (!(mapping.getIdentifierMapping() instanceof BasicEntityIdentifierMapping id)) {
        if (personal) {
          problems.add(
              new MappingProblem(
                  javaType,
                  "id",
                  "has a composite identifier; Lethe keys rows by a single identifier"
                      + " attribute.",
                  "Map a single @Id attribute, or keep this entity's personal data in another entity."));
        }
        continue;
      }
      builder.identifier(javaType, id.getAttributeName());
      for (Attribute<?, ?> attribute : type.getAttributes()) {
        contribute(builder, type, attribute, metamodel);
      }
      List<PluralAttributeMapping> collections = new ArrayList<>();
      mapping
          .getAttributeMappings()
          .forEach(
              attribute -> {
                if (attribute instanceof PluralAttributeMapping plural
                    && plural.getSeparateCollectionTable() != null
                    && !plural.getCollectionDescriptor().isInverse()) {
                  collections.add(plural);
                }
              });
      boolean hasSubtypes =
          mapping.getSubclassEntityNames().stream()
              .anyMatch(name -> !name.equals(mapping.getEntityName()));
      entities.put(
          javaType,
          new EntityInfo(
              javaType,
              type,
              mapping,
              id.getAttributeName(),
              id.getJavaType().getJavaTypeClass(),
              mapping.isAbstract() || Modifier.isAbstract(javaType.getModifiers()),
              hasSubtypes,
              mapping.getSoftDeleteMapping() != null,
              List.copyOf(collections)));
    }
    for (EmbeddableType<?> embeddable : metamodel.getEmbeddables()) {
      if (embeddable.getJavaType() != null
          && !Map.class.isAssignableFrom(embeddable.getJavaType())) {
        builder.embeddable(embeddable.getJavaType());
      }
    }
    extraClasses.forEach(builder::add);
    if (!problems.isEmpty()) {
      throw new MappingProblemsException(List.copyOf(problems));
    }
    PersonalDataModel model = builder.build();
    JpaMapping mapping = new JpaMapping(factory, Map.copyOf(entities), model);
    mapping.checkRoutes(problems);
    if (!problems.isEmpty()) {
      throw new MappingProblemsException(List.copyOf(problems));
    }
    mapping.history = History.of(mapping);
    return mapping;
  }

  /** The model discovered. */
  public PersonalDataModel model() {
    return model;
  }

  /** The Envers history of the audited entities; none without Envers. */
  History history() {
    return history;
  }

  /** The session factory behind the store. */
  SessionFactoryImplementor factory() {
    return factory;
  }

  /**
   * What the store knows of {@code type}.
   *
   * @throws IllegalArgumentException if {@code type} is not an entity of the factory
   */
  EntityInfo entity(Class<?> type) {
    EntityInfo info = entities.get(type);
    if (info == null) {
      throw new IllegalArgumentException(
          type.getName() + " is not an entity of this EntityManagerFactory");
    }
    return info;
  }

  /** The entity whose class has the simple name {@code simpleName}, as a reverse hop names it. */
  EntityInfo entityNamed(String simpleName) {
    return entities.values().stream()
        .filter(info -> info.type().getSimpleName().equals(simpleName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No entity class is called " + simpleName));
  }

  /** Every entity, by class. */
  Collection<EntityInfo> entities() {
    return entities.values();
  }

  /** The route's statements, for {@code entity}: one instance per entity and route, which computes each statement once. */
  RouteSql route(EntityInfo entity, SubjectRoute route) {
    RouteKey key = new RouteKey(entity.type(), route);
    RouteSql known = routes.get(key);
    if (known == null) {
      known =
          new RouteSql(
              this,
              entity,
              route,
              model
                  .subjectType(route.subjectType())
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "The model has no subject type '" + route.subjectType() + "'")));
      routes.putIfAbsent(key, known);
    }
    return known;
  }

  private record RouteKey(Class<?> entity, SubjectRoute route) {}

  /**
   * Builds every route's native SQL where the store needs it, so that a route it cannot express
   * fails now rather than during an erasure.
   */
  private void checkRoutes(Set<MappingProblem> problems) {
    for (EntityDescriptor descriptor : model.entities()) {
      EntityInfo info = entities.get(descriptor.type());
      if (info == null && descriptor.holdsPersonalData()) {
        problems.add(
            new MappingProblem(
                descriptor.type(),
                descriptor.fields().get(0).name(),
                "holds personal data but is"
                    + " not an entity of this EntityManagerFactory, so the store can neither export nor erase it.",
                "Map it as an entity of this persistence unit, or leave it out of the extra classes."));
        continue;
      }
      if (info == null || info.isAbstract()) {
        continue;
      }
      checkFormulas(descriptor, info, problems);
      checkSharedColumns(descriptor, info, problems);
      for (SubjectRoute route : descriptor.routes()) {
        RouteSql sql = route(info, route);
        try {
          if (sql.needsNative()
              || !info.collections().isEmpty()
              || descriptor.holdsPersonalData()) {
            sql.nativeIds();
          }
        } catch (UnsupportedRouteException e) {
          problems.add(new MappingProblem(e.entity(), e.attribute(), e.getMessage(), e.fix()));
        }
      }
    }
  }

  /**
   * Refuses personal data in a {@code @Formula} that the erasure would write in place: the database
   * computes it from other columns, so there is no column to write, and every erasure would fail.
   */
  private static void checkFormulas(
      EntityDescriptor descriptor, EntityInfo info, Set<MappingProblem> problems) {
    for (FieldDescriptor field : descriptor.fields()) {
      ErasureStrategy strategy = field.erasure().strategy();
      if (!field.collection()
          && strategy != ErasureStrategy.KEEP
          && strategy != ErasureStrategy.DELETE_ROW
          && info.mapping().findByPath(field.name()) instanceof BasicValuedModelPart part
          && part.isFormula()) {
        problems.add(
            new MappingProblem(
                descriptor.type(),
                field.name(),
                "is a @Formula, computed by the database from other columns, and cannot be"
                    + " erased in place with "
                    + strategy
                    + ".",
                "Mark the columns it is computed from @PersonalData (erasing them erases it) and"
                    + " leave this attribute out, or delete the row (DELETE_ROW)."));
      }
    }
  }

  /**
   * Refuses two attributes set in one statement (NULLIFY, REPLACE) that map the same column, such
   * as an attribute and its read-only copy ({@code insertable = false, updatable = false}): the
   * erasure would assign the column twice in one update, which H2 and PostgreSQL refuse, so every
   * erasure would fail. One attribute of the pair, or a read-only copy alone, is erased as any
   * other: Hibernate's bulk update and native SQL write read-only columns.
   */
  private static void checkSharedColumns(
      EntityDescriptor descriptor, EntityInfo info, Set<MappingProblem> problems) {
    Map<String, String> setBy = new LinkedHashMap<>();
    for (FieldDescriptor field : descriptor.fields()) {
      ErasureStrategy strategy = field.erasure().strategy();
      if (field.collection()
          || (strategy != ErasureStrategy.NULLIFY && strategy != ErasureStrategy.REPLACE)
          || !(info.mapping().findByPath(field.name()) instanceof BasicValuedModelPart part)
          || part.isFormula()) {
        continue;
      }
      String column = part.getContainingTableExpression() + "." + part.getSelectionExpression();
      String first = setBy.putIfAbsent(column.toLowerCase(Locale.ROOT), field.name());
      if (first != null) {
        problems.add(
            new MappingProblem(
                descriptor.type(),
                field.name(),
                "maps column "
                    + column
                    + " as "
                    + first
                    + " does, and both are erased in place by setting it ("
                    + strategy
                    + "): the erasure would set the column twice in one update, and fail.",
                "Keep @PersonalData on one of the attributes that map the column: erasing it"
                    + " erases the column for both."));
      }
    }
  }

  /**
   * Contributes the attribute's associations: every association in the direction it is declared,
   * inverse sides included, and for a collection only this side declares (a unidirectional
   * {@code @OneToMany}, a {@code @ManyToMany} without {@code mappedBy} counterpart) also the reverse
   * hop from the element back to this entity, {@code <Entity.attribute}, unless the element has a
   * to-one back to this entity, which is the same link.
   */
  private static void contribute(
      PersonalDataModel.Builder builder,
      EntityType<?> type,
      Attribute<?, ?> attribute,
      Metamodel metamodel) {
    Class<?> javaType = type.getJavaType();
    if (attribute.getPersistentAttributeType() == null) {
      // Hibernate reports @Any this way; checkAttributes refuses it where it matters.
      return;
    }
    switch (attribute.getPersistentAttributeType()) {
      case MANY_TO_ONE, ONE_TO_ONE ->
          builder.association(javaType, attribute.getName(), attribute.getJavaType());
      case ONE_TO_MANY, MANY_TO_MANY -> {
        Class<?> target = EntityInfo.targetType(attribute);
        builder.association(javaType, attribute.getName(), target);
        if (mappedBy(attribute).isEmpty()
            && declaredHere(type, attribute)
            && !linksBack(metamodel, target, javaType, attribute)) {
          builder.association(
              target,
              SubjectRoute.REVERSE + javaType.getSimpleName() + "." + attribute.getName(),
              javaType);
        }
      }
      case EMBEDDED -> builder.embeddable(attribute.getJavaType());
      case ELEMENT_COLLECTION -> {
        if (attribute instanceof PluralAttribute<?, ?, ?> plural
            && plural.getElementType().getPersistenceType() == Type.PersistenceType.EMBEDDABLE) {
          builder.embeddable(plural.getElementType().getJavaType());
        }
      }
      default -> {}
    }
  }

  /**
   * Whether {@code type} declares the attribute rather than inherits it from an entity superclass,
   * which contributes it itself: a reverse hop names the entity that declares the collection.
   */
  private static boolean declaredHere(EntityType<?> type, Attribute<?, ?> attribute) {
    return !(attribute.getDeclaringType() instanceof EntityType<?> declaring)
        || declaring == type
        || declaring.getJavaType() == type.getJavaType();
  }

  /**
   * Whether the collection's element already links back to {@code owner}: a to-one to it, or the
   * inverse side of this very many-to-many.
   */
  private static boolean linksBack(
      Metamodel metamodel, Class<?> element, Class<?> owner, Attribute<?, ?> collection) {
    EntityType<?> target;
    try {
      target = metamodel.entity(element);
    } catch (IllegalArgumentException notAnEntity) {
      return true;
    }
    for (Attribute<?, ?> attribute : target.getAttributes()) {
      Attribute.PersistentAttributeType kind = attribute.getPersistentAttributeType();
      if (kind == null || !EntityInfo.targetType(attribute).isAssignableFrom(owner)) {
        continue;
      }
      if (kind == Attribute.PersistentAttributeType.MANY_TO_ONE
          || kind == Attribute.PersistentAttributeType.ONE_TO_ONE
          || mappedBy(attribute).filter(collection.getName()::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** Whether the attribute is an association whose foreign key or join table its own entity holds. */
  static boolean owning(Attribute<?, ?> attribute) {
    if (attribute.getPersistentAttributeType() == null) {
      return false;
    }
    return switch (attribute.getPersistentAttributeType()) {
      case MANY_TO_ONE -> true;
      case ONE_TO_ONE, MANY_TO_MANY -> mappedBy(attribute).isEmpty();
      default -> false;
    };
  }

  /** The inverse side's {@code mappedBy}, if the attribute is the inverse side of its association. */
  private static Optional<String> mappedBy(Attribute<?, ?> attribute) {
    if (!(attribute.getJavaMember() instanceof AnnotatedElement element)) {
      return Optional.empty();
    }
    OneToOne oneToOne = element.getAnnotation(OneToOne.class);
    if (oneToOne != null && !oneToOne.mappedBy().isEmpty()) {
      return Optional.of(oneToOne.mappedBy());
    }
    ManyToMany manyToMany = element.getAnnotation(ManyToMany.class);
    if (manyToMany != null && !manyToMany.mappedBy().isEmpty()) {
      return Optional.of(manyToMany.mappedBy());
    }
    OneToMany oneToMany = element.getAnnotation(OneToMany.class);
    if (oneToMany != null && !oneToMany.mappedBy().isEmpty()) {
      return Optional.of(oneToMany.mappedBy());
    }
    return Optional.empty();
  }

  private static void checkAttributes(
      EntityType<?> type, boolean entityHoldsPersonalData, Set<MappingProblem> problems) {
    Class<?> javaType = type.getJavaType();
    Map<String, PersonalData> overrides = overridesOf(javaType);
    for (Field field : fieldsOf(javaType)) {
      PersonalData override = overrides.get(field.getName());
      boolean personal =
          override != null
              || field.isAnnotationPresent(PersonalData.class)
              || field.isAnnotationPresent(SpecialCategory.class);
      boolean any =
          field.isAnnotationPresent(Any.class) || field.isAnnotationPresent(ManyToAny.class);
      Class<?> owner = field.getDeclaringClass();
      if (any && (personal || entityHoldsPersonalData)) {
        problems.add(
            new MappingProblem(
                owner,
                field.getName(),
                "is an @Any association: Lethe cannot follow it to a data"
                    + " subject nor erase through it.",
                "Map it as a typed association (@ManyToOne), or move the personal"
                    + " data to an entity that reaches its subject through typed associations."));
        continue;
      }
      if (!personal) {
        continue;
      }
      Optional<Attribute<?, ?>> attribute = EntityInfo.attribute(type, field.getName());
      if (attribute.isEmpty() || !declaredBy(attribute.get(), field)) {
        problems.add(
            new MappingProblem(
                owner,
                field.getName(),
                "holds personal data but is not a persistent attribute"
                    + " (transient or unmapped), so the store can neither export nor erase it.",
                "Map it as a column, or remove @PersonalData if the value is derived from other attributes."));
        continue;
      }
      if (attribute.get().getPersistentAttributeType() == null) {
        problems.add(
            new MappingProblem(
                owner,
                field.getName(),
                "holds personal data in a mapping Lethe cannot read.",
                "Map it as a basic attribute, an embedded value or an element collection of basic values."));
        continue;
      }
      switch (attribute.get().getPersistentAttributeType()) {
        case MANY_TO_ONE, ONE_TO_ONE, ONE_TO_MANY, MANY_TO_MANY ->
            problems.add(
                new MappingProblem(
                    owner,
                    field.getName(),
                    "is an association marked @PersonalData; an association is erased by erasing its target's attributes.",
                    "Mark the personal-data attributes of the associated entity instead."));
        case ELEMENT_COLLECTION -> {
          PluralAttribute<?, ?, ?> plural = (PluralAttribute<?, ?, ?>) attribute.get();
          if (plural.getCollectionType() == PluralAttribute.CollectionType.MAP
              || plural.getElementType().getPersistenceType() != Type.PersistenceType.BASIC) {
            problems.add(
                new MappingProblem(
                    owner,
                    field.getName(),
                    "is an element collection of "
                        + (plural.getCollectionType() == PluralAttribute.CollectionType.MAP
                            ? "map entries"
                            : "embeddable values")
                        + ", which the store cannot erase element by element.",
                    "Use a List or Set of basic values, or an entity with its own @PersonalData attributes."));
          }
        }
        case BASIC -> {
          boolean isId =
              attribute.get() instanceof SingularAttribute<?, ?> singular && singular.isId();
          ErasureStrategy strategy = override != null ? override.erasure() : strategyOf(field);
          if (isId && strategy != ErasureStrategy.KEEP && strategy != ErasureStrategy.DELETE_ROW) {
            problems.add(
                new MappingProblem(
                    owner,
                    field.getName(),
                    "is the identifier and cannot be erased in place with " + strategy + ".",
                    "Use DELETE_ROW or KEEP for an identifier, or use a surrogate key."));
          }
        }
        default -> {}
      }
    }
  }

  private static boolean declaredBy(Attribute<?, ?> attribute, Field field) {
    Member member = attribute.getJavaMember();
    return member == null
        || !(member instanceof Field declared)
        || declared.getDeclaringClass() == field.getDeclaringClass();
  }

  private static ErasureStrategy strategyOf(Field field) {
    PersonalData declared = field.getAnnotation(PersonalData.class);
    return declared == null ? ErasureStrategy.NULLIFY : declared.erasure();
  }

  private static boolean holdsPersonalData(Class<?> type) {
    for (Class<?> current = type;
        current != null && current != Object.class;
        current = current.getSuperclass()) {
      if (current.isAnnotationPresent(PersonalData.class)
          || current.getDeclaredAnnotationsByType(PersonalDataOverride.class).length > 0) {
        return true;
      }
    }
    // A link column holds its subject's identity, so the model counts it as personal data.
    return fieldsOf(type).stream()
        .anyMatch(
            field ->
                field.isAnnotationPresent(PersonalData.class)
                    || field.isAnnotationPresent(SpecialCategory.class)
                    || field.isAnnotationPresent(SubjectLink.class));
  }

  /**
   * The {@code @PersonalDataOverride}s of {@code type}'s own attributes (not paths into embedded
   * values), nearest class first, so that they are checked as mappings like annotated fields are.
   */
  private static Map<String, PersonalData> overridesOf(Class<?> type) {
    Map<String, PersonalData> overrides = new LinkedHashMap<>();
    for (Class<?> current = type;
        current != null && current != Object.class;
        current = current.getSuperclass()) {
      for (PersonalDataOverride override :
          current.getDeclaredAnnotationsByType(PersonalDataOverride.class)) {
        overrides.putIfAbsent(override.attribute(), override.data());
      }
    }
    return overrides;
  }

  private static List<Field> fieldsOf(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> current = type;
        current != null && current != Object.class;
        current = current.getSuperclass()) {
      Arrays.stream(current.getDeclaredFields())
          .filter(field -> !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic())
          .forEach(fields::add);
    }
    return fields;
  }
}
