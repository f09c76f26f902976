package dev.lethe.model;

import static java.util.Objects.requireNonNull;

import com.google.common.reflect.ClassPath;
import dev.lethe.law.Article9Condition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an application processes about whom: the subject types, every entity's personal-data
 * attributes, retention policies, purposes with their lawful bases, and the route from each entity
 * to its subjects. Built once from annotated classes, validated as a whole and immutable; nothing
 * re-reads annotations afterwards. Every right (Art. 15–22) and every record (Art. 30) is planned
 * from it.
 *
 * <pre>{@code
 * PersonalDataModel model = PersonalDataModel.scan(Customer.class, Order.class);
 * }</pre>
 *
 * <p>Invalid annotations fail the build of the model with one {@link ModelValidationException}
 * listing every problem.
 */
public final class PersonalDataModel {

  private static final Logger LOG = LoggerFactory.getLogger(PersonalDataModel.class);

  private final Map<String, SubjectType> subjectTypes;
  private final Map<Class<?>, EntityDescriptor> entities;
  private final Map<String, Purpose> purposes;

  private PersonalDataModel(
      List<SubjectType> subjectTypes, List<EntityDescriptor> entities, List<Purpose> purposes) {
    this.subjectTypes = index(subjectTypes, SubjectType::name);
    this.entities = index(entities, EntityDescriptor::type);
    this.purposes = index(purposes, Purpose::name);
  }

  /**
   * The model of {@code classes}.
   *
   * @throws ModelValidationException listing every problem if the annotations are invalid
   */
  public static PersonalDataModel scan(Class<?>... classes) {
    return builder().add(classes).build();
  }

  /**
   * The model of every class in {@code packageNames} and their subpackages that carries a Lethe
   * annotation.
   *
   * @throws ModelValidationException listing every problem if the annotations are invalid
   */
  public static PersonalDataModel scanPackages(String... packageNames) {
    return builder().addPackages(packageNames).build();
  }

  /** A builder, for adding classes from several places and for integrations to contribute what they know. */
  public static Builder builder() {
    return new Builder();
  }

  /** The subject types, in the order their roots were added. */
  public List<SubjectType> subjectTypes() {
    return List.copyOf(subjectTypes.values());
  }

  /** The subject type called {@code name}. */
  public Optional<SubjectType> subjectType(String name) {
    return Optional.ofNullable(subjectTypes.get(requireNonNull(name, "name")));
  }

  /**
   * How identity {@code identity} of subjects of type {@code subjectType} is compared (Art. 12(2),
   * 12(6)): the rule the model holds for it, or {@link IdentityMatch#EXACT} if the model knows no
   * such subject type or identity. Give it to {@code Pseudonymizer.withIdentityMatch} so that a
   * subject has one pseudonym however the identity is written.
   */
  public IdentityMatch identityMatch(String subjectType, String identity) {
    requireNonNull(identity, "identity");
    return subjectType(subjectType)
        .flatMap(type -> type.identityRule(identity))
        .map(SubjectType.IdentityRule::match)
        .orElse(IdentityMatch.EXACT);
  }

  /** Every entity that holds personal data or leads to a subject, in the order they were added. */
  public List<EntityDescriptor> entities() {
    return List.copyOf(entities.values());
  }

  /** The descriptor of {@code type}, if the model knows it. */
  public Optional<EntityDescriptor> entity(Class<?> type) {
    return Optional.ofNullable(entities.get(requireNonNull(type, "type")));
  }

  /** The entities whose rows reach subjects of {@code subjectType}: the scope of a request about one. */
  public List<EntityDescriptor> entitiesOf(String subjectType) {
    requireNonNull(subjectType, "subjectType");
    return entities.values().stream()
        .filter(entity -> entity.routeTo(subjectType).isPresent())
        .toList();
  }

  /**
   * The purposes {@code entity}'s data is processed for, as merged model-wide: those it declares
   * with {@code @Processing} and those it names with {@code @ProcessedFor}. Nothing is inherited
   * from associations or from a subject's root: an entity with neither has none, and is listed by
   * {@link #entitiesWithoutPurpose()} (Art. 5(1)(b), 13(1)(c), 30(1)(b)).
   */
  public List<Purpose> purposesOf(EntityDescriptor entity) {
    requireNonNull(entity, "entity");
    return entity.purposes().stream()
        .map(purpose -> purposes.getOrDefault(purpose.name(), purpose))
        .distinct()
        .toList();
  }

  /**
   * The purposes {@code entity}'s data about subjects of {@code subjectType} is processed for: those
   * of {@link #purposesOf(EntityDescriptor)} not named for another subject's route
   * ({@code @ProcessedFor(of = ...)}), where the entity reaches that subject type, and none where it
   * does not (Art. 15(1)(a)).
   */
  public List<Purpose> purposesOf(EntityDescriptor entity, String subjectType) {
    requireNonNull(entity, "entity");
    requireNonNull(subjectType, "subjectType");
    return entity.purposesFor(subjectType).stream()
        .map(purpose -> purposes.getOrDefault(purpose.name(), purpose))
        .distinct()
        .toList();
  }

  /** The entity whose simple class name is {@code name}, such as {@code Invoice}. */
  public Optional<EntityDescriptor> entityNamed(String name) {
    requireNonNull(name, "name");
    return entities.values().stream().filter(entity -> entity.name().equals(name)).findFirst();
  }

  /** The entities whose data is processed for the purpose called {@code purpose}, in the model's order. */
  public List<EntityDescriptor> entitiesProcessedFor(String purpose) {
    requireNonNull(purpose, "purpose");
    return entities.values().stream()
        .filter(
            entity ->
                entity.purposes().stream()
                    .anyMatch(attributed -> attributed.name().equals(purpose)))
        .toList();
  }

  /**
   * Whether the purpose called {@code purpose} touches data whose Art. 9(2) condition is explicit
   * consent, so that a subject's consent to it counts only when given by an express statement (Art.
   * 9(2)(a)).
   */
  public boolean requiresExplicitConsent(String purpose) {
    return entitiesProcessedFor(purpose).stream()
        .flatMap(entity -> entity.fields().stream())
        .flatMap(field -> field.sensitivity().stream())
        .anyMatch(
            sensitivity ->
                sensitivity
                    .condition()
                    .filter(Article9Condition.EXPLICIT_CONSENT::equals)
                    .isPresent());
  }

  /**
   * The entities that hold personal data for no purpose: gaps in the records, warned about when the
   * model is built (Art. 5(1)(b), 13(1)(c), 30(1)(b)).
   */
  public List<EntityDescriptor> entitiesWithoutPurpose() {
    return entities.values().stream()
        .filter(entity -> entity.holdsPersonalData() && entity.purposes().isEmpty())
        .toList();
  }

  /** The purposes any data of a subject of {@code subjectType} is processed for. */
  public List<Purpose> purposesFor(String subjectType) {
    return entitiesOf(subjectType).stream()
        .flatMap(entity -> purposesOf(entity, subjectType).stream())
        .distinct()
        .toList();
  }

  /** Every purpose declared anywhere in the model, with recipients merged across entities. */
  public List<Purpose> purposes() {
    return List.copyOf(purposes.values());
  }

  /** The purpose called {@code name}. */
  public Optional<Purpose> purpose(String name) {
    return Optional.ofNullable(purposes.get(requireNonNull(name, "name")));
  }

  @Override
  public String toString() {
    return "PersonalDataModel["
        + subjectTypes.size()
        + " subject types, "
        + entities.size()
        + " entities, "
        + purposes.size()
        + " purposes]";
  }

  private static <K, V> Map<K, V> index(List<V> values, Function<V, K> key) {
    Map<K, V> index = new LinkedHashMap<>();
    values.forEach(value -> index.put(key.apply(value), value));
    return Collections.unmodifiableMap(index);
  }

  /**
   * Collects classes and contributions, then validates and builds the model. Integrations such as
   * the JPA module contribute what annotations cannot say (identifiers, associations) before
   * {@link #build()}, so that validation sees the whole picture.
   */
  public static final class Builder {

    private final Set<Class<?>> classes = new LinkedHashSet<>();
    private final Map<Class<?>, String> identifiers = new LinkedHashMap<>();
    private final List<Association> associations = new ArrayList<>();
    private final Set<Class<?>> embeddables = new LinkedHashSet<>();

    private Builder() {}

    /** Adds annotated classes. */
    public Builder add(Class<?>... types) {
      Arrays.stream(types).map(type -> requireNonNull(type, "type")).forEach(classes::add);
      return this;
    }

    /**
     * Adds every concrete class in the packages and their subpackages that carries a Lethe
     * annotation, and the classes of those packages that its associations lead through (a
     * {@code Pet} between {@code Visit} and {@code Owner}). Abstract classes are left out: their
     * attributes count in each subclass.
     */
    public Builder addPackages(String... packageNames) {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      ClassPath classPath;
      try {
        classPath = ClassPath.from(loader);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the class path to scan for personal data", e);
      }
      List<Class<?>> candidates = new ArrayList<>();
      for (String packageName : packageNames) {
        requireNonNull(packageName, "packageName");
        classPath.getTopLevelClassesRecursive(packageName).stream()
            .map(ClassPath.ClassInfo::load)
            .filter(type -> !Modifier.isAbstract(type.getModifiers()) && !type.isAnnotation())
            .forEach(candidates::add);
      }
      classes.addAll(AnnotationReader.modelClassesAmong(candidates));
      return this;
    }

    /** Declares which attribute of {@code entity} is its identifier, as an ORM knows it. */
    public Builder identifier(Class<?> entity, String attribute) {
      identifiers.put(requireNonNull(entity, "entity"), requireNonNull(attribute, "attribute"));
      return this;
    }

    /**
     * Declares an owning association from {@code from} through {@code attribute} to {@code to},
     * such as a JPA many-to-one or many-to-many. Routes to subjects follow associations.
     */
    public Builder association(Class<?> from, String attribute, Class<?> to) {
      associations.add(
          new Association(
              requireNonNull(from, "from"),
              requireNonNull(attribute, "attribute"),
              requireNonNull(to, "to")));
      return this;
    }

    /**
     * Declares {@code embeddable} as a value type embedded in entities, such as a JPA
     * {@code @Embeddable}: its personal-data attributes count in each entity that embeds it, named
     * by path ({@code address.street}). Types annotated {@code jakarta.persistence.Embeddable} are
     * recognised without this.
     */
    public Builder embeddable(Class<?> embeddable) {
      embeddables.add(requireNonNull(embeddable, "embeddable"));
      return this;
    }

    /** Every problem with what was added so far, without throwing. Empty means {@link #build()} succeeds. */
    public List<ModelProblem> validate() {
      return assemble().problems();
    }

    /**
     * Validates everything added and builds the model.
     *
     * @throws ModelValidationException listing every problem if there are any
     */
    public PersonalDataModel build() {
      ModelAssembler.Result result = assemble();
      if (!result.problems().isEmpty()) {
        throw new ModelValidationException(result.problems());
      }
      PersonalDataModel model =
          new PersonalDataModel(result.subjectTypes(), result.entities(), result.purposes());
      List<String> withoutPurpose =
          model.entitiesWithoutPurpose().stream().map(EntityDescriptor::name).toList();
      if (!withoutPurpose.isEmpty()) {
        LOG.warn(
            "{} hold personal data for no purpose, so the records and the privacy notice attribute none to it"
                + " (Art. 5(1)(b), 13(1)(c), 30(1)(b)). Fix: declare @Processing(purpose = ..., basis = ...) on each, or"
                + " name the purposes declared elsewhere with @ProcessedFor.",
            withoutPurpose);
      }
      return model;
    }

    private ModelAssembler.Result assemble() {
      return new ModelAssembler(classes, identifiers, associations, embeddables).assemble();
    }
  }

  /**
   * An owning association contributed by an integration.
   *
   * @param from the owning entity
   * @param attribute the association attribute on {@code from}
   * @param to the associated entity
   */
  public record Association(Class<?> from, String attribute, Class<?> to) {
    public Association {
      requireNonNull(from, "from");
      requireNonNull(attribute, "attribute");
      requireNonNull(to, "to");
    }
  }
}
