package dev.lethe.model;

import static dev.lethe.model.ProblemText.IDENTITY_OUTSIDE_ROOT;
import static dev.lethe.model.ProblemText.IDENTITY_TWICE;
import static dev.lethe.model.ProblemText.IDENTITY_UNMARKED;
import static dev.lethe.model.ProblemText.IGNORING_CASE_OF_NON_TEXT;
import static dev.lethe.model.ProblemText.LINK_TO_UNKNOWN_IDENTITY;
import static dev.lethe.model.ProblemText.LINK_TO_UNKNOWN_SUBJECT_TYPE;
import static dev.lethe.model.ProblemText.ROOT_WITHOUT_ID;
import static dev.lethe.model.ProblemText.SEVERAL_ROOTS;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.annotation.SubjectLink;
import dev.lethe.law.DataCategory;
import dev.lethe.law.DataOrigin;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who the data subjects are: one {@code @DataSubject} root per subject type, with an identifier and
 * its identities, each of them personal data (Art. 4(1)); and the {@code @SubjectLink}s that hold a
 * subject's identity, each naming a known subject type and identity.
 */
final class SubjectRules {

  private final AnnotationReader reader;
  private final Problems problems;

  SubjectRules(AnnotationReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
  }

  /** The subject types by name, each with its root, identities and how they match. */
  Map<String, SubjectType> subjectTypes(
      Set<Class<?>> classes,
      Map<Class<?>, Optional<String>> identifiers,
      Map<Class<?>, List<FieldDescriptor>> fields) {
    Map<String, List<Class<?>>> rootsByName = new LinkedHashMap<>();
    for (Class<?> type : classes) {
      DataSubject subject = type.getAnnotation(DataSubject.class);
      if (subject != null) {
        rootsByName.computeIfAbsent(subject.value(), name -> new ArrayList<>()).add(type);
        continue;
      }
      if (extendsRoot(type)) {
        // A subclass of a root (PremiumMember of Member) inherits the root's identities with its
        // subject type.
        continue;
      }
      identityFields(type)
          .forEach(
              field ->
                  problems.report(
                      IDENTITY_OUTSIDE_ROOT,
                      AnnotationReader.location(field),
                      field.getAnnotation(SubjectIdentity.class).value(),
                      type.getSimpleName()));
    }
    Map<String, SubjectType> subjectTypes = new LinkedHashMap<>();
    for (Map.Entry<String, List<Class<?>>> entry : rootsByName.entrySet()) {
      List<Class<?>> roots =
          entry.getValue().stream().sorted(Comparator.comparing(Class::getName)).toList();
      Class<?> type = roots.get(0);
      if (roots.size() > 1) {
        // The first root by name stays, so that links to the subject type are still checked against
        // it.
        problems.report(
            SEVERAL_ROOTS,
            type.getName(),
            entry.getKey(),
            roots.size(),
            roots.stream().map(Class::getName).collect(Collectors.joining(", ")));
      }
      Optional<String> identifier = identifiers.get(type);
      if (identifier.isEmpty()) {
        problems.report(ROOT_WITHOUT_ID, type.getName(), entry.getKey());
        continue;
      }
      subjectTypes.put(
          entry.getKey(), subjectType(entry.getKey(), type, identifier.get(), fields.get(type)));
    }
    return subjectTypes;
  }

  private SubjectType subjectType(
      String name, Class<?> root, String identifier, List<FieldDescriptor> fields) {
    Map<String, String> identities = new LinkedHashMap<>();
    Map<String, SubjectType.IdentityRule> rules = new LinkedHashMap<>();
    identities.put(SubjectType.ID, identifier);
    rules.put(
        SubjectType.ID,
        identityRule(SubjectType.ID, reader.findField(root, identifier), Optional.empty()));
    Map<String, FieldDescriptor> personalData =
        fields.stream()
            .collect(
                Collectors.toMap(FieldDescriptor::name, field -> field, (first, second) -> first));
    for (Field field : identityFields(root)) {
      String identity = field.getAnnotation(SubjectIdentity.class).value();
      if (identity.equals(SubjectType.ID)) {
        continue;
      }
      if (identities.putIfAbsent(identity, field.getName()) != null) {
        problems.report(
            IDENTITY_TWICE, AnnotationReader.location(field), identity, root.getSimpleName());
        continue;
      } else if (!personalData.containsKey(field.getName())) {
        problems.report(IDENTITY_UNMARKED, AnnotationReader.location(field), identity);
      }
      rules.put(
          identity,
          identityRule(
              identity,
              Optional.of(field),
              Optional.ofNullable(personalData.get(field.getName()))));
    }
    return new SubjectType(name, root, identities, rules);
  }

  /** Whether a superclass of {@code type} is a {@code @DataSubject} root. */
  private static boolean extendsRoot(Class<?> type) {
    for (Class<?> current = type.getSuperclass();
        current != null && current != Object.class;
        current = current.getSuperclass()) {
      if (current.isAnnotationPresent(DataSubject.class)) {
        return true;
      }
    }
    return false;
  }

  /**
   * How an identity is typed and compared: as its annotation says, else e-mail identities (by
   * category or name) ignoring case and spaces and the others exactly. Ignoring case on an attribute
   * that holds no text is reported, as it could never match as the user meant.
   */
  private SubjectType.IdentityRule identityRule(
      String identity, Optional<Field> field, Optional<FieldDescriptor> personalData) {
    Class<?> valueType =
        field.map(Field::getType).map(AnnotationReader::boxed).orElse(Object.class);
    SubjectIdentity.Match declared =
        field
            .map(candidate -> candidate.getAnnotation(SubjectIdentity.class))
            .map(SubjectIdentity::match)
            .orElse(SubjectIdentity.Match.DEFAULT);
    boolean text = CharSequence.class.isAssignableFrom(valueType);
    IdentityMatch match =
        switch (declared) {
          case EXACT -> IdentityMatch.EXACT;
          case IGNORE_CASE_AND_SPACE -> IdentityMatch.IGNORE_CASE_AND_SPACE;
          case DEFAULT ->
              text
                      && (identity.equalsIgnoreCase("email")
                          || personalData
                              .map(descriptor -> descriptor.category().isWithin(DataCategory.EMAIL))
                              .orElse(false))
                  ? IdentityMatch.IGNORE_CASE_AND_SPACE
                  : IdentityMatch.EXACT;
        };
    if (match == IdentityMatch.IGNORE_CASE_AND_SPACE && !text && field.isPresent()) {
      problems.report(
          IGNORING_CASE_OF_NON_TEXT,
          AnnotationReader.location(field.get()),
          identity,
          valueType.getSimpleName());
    }
    return new SubjectType.IdentityRule(valueType, match);
  }

  private List<Field> identityFields(Class<?> type) {
    return reader.annotatedFields(type, SubjectIdentity.class);
  }

  /** The valid {@code @SubjectLink} fields per class; reports the invalid ones. */
  Map<Class<?>, List<Field>> links(Set<Class<?>> classes, Map<String, SubjectType> subjectTypes) {
    Map<Class<?>, List<Field>> links = new LinkedHashMap<>();
    for (Class<?> type : classes) {
      for (Field field : reader.annotatedFields(type, SubjectLink.class)) {
        SubjectLink link = field.getAnnotation(SubjectLink.class);
        SubjectType subject = subjectTypes.get(link.subject());
        if (subject == null) {
          problems.report(
              LINK_TO_UNKNOWN_SUBJECT_TYPE,
              AnnotationReader.location(field),
              link.subject(),
              ProblemText.namesOrNone(new TreeSet<>(subjectTypes.keySet())));
        } else if (subject.identityAttribute(link.identity()).isEmpty()) {
          problems.report(
              LINK_TO_UNKNOWN_IDENTITY,
              AnnotationReader.location(field),
              link.subject(),
              link.identity(),
              String.join(", ", subject.identities().keySet()),
              subject.root().getSimpleName());
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
   * {@code identity.identifier} for the id) and the erasure {@link ErasureRules#ofLink} gives it, so
   * that it is exported and erased like the rest of the row.
   */
  List<FieldDescriptor> withLinks(
      Class<?> type,
      List<FieldDescriptor> described,
      List<Field> linkFields,
      Optional<String> identifier,
      Map<String, SubjectType> subjectTypes,
      Map<Class<?>, List<FieldDescriptor>> fields) {
    List<FieldDescriptor> withLinks = new ArrayList<>(described);
    for (Field field : linkFields) {
      if (described.stream().anyMatch(descriptor -> descriptor.name().equals(field.getName()))) {
        continue;
      }
      SubjectLink link = field.getAnnotation(SubjectLink.class);
      SubjectType subject = subjectTypes.get(link.subject());
      String attribute = subject.identityAttribute(link.identity()).orElseThrow();
      DataCategory category =
          link.identity().equals(SubjectType.ID)
              ? DataCategory.IDENTIFIER
              : fields.getOrDefault(subject.root(), List.of()).stream()
                  .filter(descriptor -> descriptor.name().equals(attribute))
                  .map(FieldDescriptor::category)
                  .findFirst()
                  .orElse(DataCategory.IDENTITY);
      Optional<PersonalData> covering = AnnotationReader.classLevel(field, type);
      Class<?> valueType = AnnotationReader.valueType(field);
      boolean isIdentifier =
          AnnotationReader.isIdentifier(field) || field.getName().equals(identifier.orElse(null));
      withLinks.add(
          new FieldDescriptor(
              field.getName(),
              valueType,
              category,
              covering.map(PersonalData::origin).orElse(DataOrigin.PROVIDED),
              Optional.empty(),
              ErasureRules.ofLink(covering, isIdentifier, valueType),
              Optional.empty(),
              Collection.class.isAssignableFrom(field.getType())));
    }
    return withLinks;
  }
}
