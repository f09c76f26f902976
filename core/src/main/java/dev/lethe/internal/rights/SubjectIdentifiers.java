package dev.lethe.internal.rights;

import dev.lethe.law.DataCategory;
import dev.lethe.model.IdentityMatch;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.Placeholders;
import dev.lethe.model.SubjectType;
import dev.lethe.subject.InvalidSubjectIdentifierException;
import dev.lethe.subject.InvalidSubjectIdentifierException.Problem;
import dev.lethe.subject.SubjectIdentifier;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Checks a request's subject identifier against the personal-data model before anything is stored. */
public final class SubjectIdentifiers {

  /**
   * Names a caller sent are quoted back only when they look like names: a caller who put an e-mail
   * address in the subject-type field must not see it echoed into logs and problem responses.
   */
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");

  /**
   * An e-mail address as identities are compared (case and surrounding spaces aside): one {@code @}
   * between a local part and a domain, no spaces inside. Deliberately loose: it refuses what cannot
   * be an address (a name, a phone number), and leaves finer rules to the attribute's own constraints.
   */
  private static final Pattern EMAIL = Pattern.compile("\\s*[^@\\s]+@[^@\\s]+\\s*");

  private static final RectificationValidator CONSTRAINTS = new RectificationValidator();

  private SubjectIdentifiers() {}

  /**
   * Returns normally if {@code model} has the subject type and identity and the value can be of the
   * identity's type.
   *
   * @throws InvalidSubjectIdentifierException naming what was wrong, never the value
   */
  public static void check(PersonalDataModel model, SubjectIdentifier identifier) {
    SubjectType type =
        model
            .subjectType(identifier.subjectType())
            .orElseThrow(
                () ->
                    new InvalidSubjectIdentifierException(
                        Problem.UNKNOWN_SUBJECT_TYPE,
                        "Unknown subject type "
                            + quoted(identifier.subjectType())
                            + ": the personal-data model knows "
                            + names(
                                new TreeSet<>(
                                    model.subjectTypes().stream().map(SubjectType::name).toList()))
                            + ". Name one of them."));
    SubjectType.IdentityRule rule =
        type.identityRule(identifier.identity())
            .orElseThrow(
                () ->
                    new InvalidSubjectIdentifierException(
                        Problem.UNKNOWN_IDENTITY,
                        "Subject type '"
                            + type.name()
                            + "' has no identity "
                            + quoted(identifier.identity())
                            + ": its identities are "
                            + names(type.identities().keySet())
                            + ". Name one of them."));
    Class<?> valueType = rule.valueType();
    String attribute = type.identityAttribute(identifier.identity()).orElseThrow();
    String given =
        "The value given for identity '"
            + identifier.identity()
            + "' of subject type '"
            + type.name()
            + "'";
    String where = type.root().getSimpleName() + "." + attribute;
    // Checked as it is compared: an e-mail identity without the spaces around it.
    Object value =
        rule.match() == IdentityMatch.EXACT ? identifier.value() : identifier.value().strip();
    if (CharSequence.class.isAssignableFrom(valueType)) {
      if (isEmailIdentity(model, type, identifier.identity(), attribute)
          && !EMAIL.matcher(value.toString()).matches()) {
        throw new InvalidSubjectIdentifierException(
            Problem.MALFORMED_VALUE,
            given
                + " is not an e-mail address, which "
                + where
                + " holds. Send the subject's e-mail address.");
      }
    } else if (Placeholders.parses(valueType)) {
      value =
          Placeholders.convert(identifier.value(), valueType)
              .orElseThrow(
                  () ->
                      new InvalidSubjectIdentifierException(
                          Problem.MALFORMED_VALUE,
                          given
                              + " is not a "
                              + valueType.getSimpleName()
                              + ", the type of "
                              + where
                              + ". Send a value of that type."));
    } else {
      // A type Lethe cannot parse is left to the store.
      return;
    }
    // A value the root's own constraints refuse (@Email, @Size, @Pattern) can name nobody.
    List<String> violations = CONSTRAINTS.violations(type.root(), attribute, value);
    if (!violations.isEmpty()) {
      throw new InvalidSubjectIdentifierException(
          Problem.MALFORMED_VALUE,
          given
              + " breaks the constraints of "
              + where
              + ": "
              + String.join("; ", violations)
              + ". Send a value "
              + where
              + " could hold.");
    }
  }

  /** E-mail identities are those named {@code email} or held in an attribute of category {@code contact.email}. */
  private static boolean isEmailIdentity(
      PersonalDataModel model, SubjectType type, String identity, String attribute) {
    return identity.equalsIgnoreCase("email")
        || model
            .entity(type.root())
            .flatMap(root -> root.field(attribute))
            .map(field -> field.category().isWithin(DataCategory.EMAIL))
            .orElse(false);
  }

  private static String quoted(String name) {
    return NAME.matcher(name).matches()
        ? "'" + name + "'"
        : "(a text that is not a name, not shown)";
  }

  private static String names(Iterable<String> names) {
    String joined = String.join(", ", names);
    return joined.isEmpty() ? "none" : joined;
  }
}
