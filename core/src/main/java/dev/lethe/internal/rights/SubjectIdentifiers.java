package dev.lethe.internal.rights;

import dev.lethe.internal.model.Placeholders;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.SubjectType;
import dev.lethe.rights.InvalidSubjectIdentifierException;
import dev.lethe.rights.InvalidSubjectIdentifierException.Problem;
import dev.lethe.rights.SubjectIdentifier;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Checks a request's subject identifier against the personal-data model before anything is stored. */
public final class SubjectIdentifiers {

  /**
   * Names a caller sent are quoted back only when they look like names: a caller who put an e-mail
   * address in the subject-type field must not see it echoed into logs and problem responses.
   */
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");

  private SubjectIdentifiers() {
  }

  /**
   * Returns normally if {@code model} has the subject type and identity and the value can be of the
   * identity's type.
   *
   * @throws InvalidSubjectIdentifierException naming what was wrong, never the value
   */
  public static void check(PersonalDataModel model, SubjectIdentifier identifier) {
    SubjectType type = model.subjectType(identifier.subjectType()).orElseThrow(() ->
        new InvalidSubjectIdentifierException(Problem.UNKNOWN_SUBJECT_TYPE, "Unknown subject type "
            + quoted(identifier.subjectType()) + ": the personal-data model knows "
            + names(new TreeSet<>(model.subjectTypes().stream().map(SubjectType::name).toList()))
            + ". Name one of them."));
    SubjectType.IdentityRule rule = type.identityRule(identifier.identity()).orElseThrow(() ->
        new InvalidSubjectIdentifierException(Problem.UNKNOWN_IDENTITY, "Subject type '" + type.name()
            + "' has no identity " + quoted(identifier.identity()) + ": its identities are "
            + names(type.identities().keySet()) + ". Name one of them."));
    Class<?> valueType = rule.valueType();
    // Text takes any value; a type Lethe cannot parse is left to the store.
    if (!Placeholders.parses(valueType) || CharSequence.class.isAssignableFrom(valueType)) {
      return;
    }
    if (Placeholders.convert(identifier.value(), valueType).isEmpty()) {
      throw new InvalidSubjectIdentifierException(Problem.MALFORMED_VALUE, "The value given for identity '"
          + identifier.identity() + "' of subject type '" + type.name() + "' is not a " + valueType.getSimpleName()
          + ", the type of " + type.root().getSimpleName() + "." + type.identityAttribute(identifier.identity())
          .orElseThrow() + ". Send a value of that type.");
    }
  }

  private static String quoted(String name) {
    return NAME.matcher(name).matches() ? "'" + name + "'" : "(a text that is not a name, not shown)";
  }

  private static String names(Iterable<String> names) {
    String joined = String.join(", ", names);
    return joined.isEmpty() ? "none" : joined;
  }
}
