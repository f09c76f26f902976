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

import dev.lethe.law.ErasureExemption;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * Every text model validation shows, in one place: what is wrong and how to fix it, with the
 * {@link ModelProblem.Kind} (and so the article) each serves. A kind can have several texts, one per
 * way of getting it wrong. Templates take their values by position ({@code %1$s}), so the problem and
 * its fix can use the same values in any order.
 */
enum ProblemText {

  // --- what the annotation reader finds -------------------------------------------------------

  UNKNOWN_IDENTIFIER(
      UNKNOWN_ATTRIBUTE,
      "The integration names '%1$s' as the identifier, but %2$s has no such attribute.",
      "Declare the identifier as a field of %2$s."),
  UNKNOWN_ASSOCIATION(
      UNKNOWN_ATTRIBUTE,
      "The integration names association '%1$s', but %2$s has no such attribute.",
      "Declare the association as a field."),
  LABEL_ON_CLASS(
      MISPLACED_LABEL,
      "@PersonalData on a class names a label, which would call every attribute it covers the same.",
      "Remove label from the class annotation and put one on each field that needs it:"
          + " @PersonalData(label = \"...\")."),
  OVERRIDE_TWICE(
      INVALID_OVERRIDE,
      "@PersonalDataOverride names attribute '%1$s' twice.",
      "Keep one override per attribute."),
  OVERRIDE_OF_OWN_ATTRIBUTE(
      INVALID_OVERRIDE,
      "@PersonalDataOverride names attribute '%1$s', which %2$s declares itself.",
      "Annotate the field with @PersonalData instead; overrides are for inherited attributes."),
  OVERRIDE_OF_ASSOCIATION(
      INVALID_OVERRIDE,
      "@PersonalDataOverride names attribute '%1$s', which is an association, not a value.",
      "Override the personal-data attributes of the associated entity instead."),
  OVERRIDE_OF_NOTHING(
      INVALID_OVERRIDE,
      "@PersonalDataOverride names attribute '%1$s', which %2$s does not have.",
      "Name an attribute %2$s inherits, as declared in its superclass, or a path into an embedded value such as"
          + " 'address.street'."),

  // --- attributes: category and source --------------------------------------------------------

  MALFORMED_CATEGORY(
      INVALID_CATEGORY,
      "Data category '%1$s' is not a dotted lower-case code.",
      "Use a built-in category such as 'contact.email' or your own in the same form, such as 'contact.email.work'."),
  PUBLIC_DATA_WITHOUT_SOURCE(
      MISSING_SOURCE,
      "Data from publicly accessible sources must name its source for the notice (Art. 14(2)(f)).",
      "Add source = \"<where it comes from, such as 'company websites'>\"."),

  // --- erasure ---------------------------------------------------------------------------------

  TEXT_STRATEGY_ON_OTHER_TYPE(
      STRATEGY_NEEDS_TEXT,
      "%1$s works on text, but the attribute is %2$s.",
      "Use NULLIFY, REPLACE or DELETE_ROW for an attribute that is not a String."),
  NEGATIVE_MASK(
      INVALID_MASK,
      "MASK keeps %1$s leading and %2$s trailing characters; neither can be negative.",
      "Set maskKeepFirst and maskKeepLast to 0 or more."),
  NULLIFY_PRIMITIVE(
      NULLIFY_ON_PRIMITIVE,
      "NULLIFY cannot erase a primitive %1$s: it cannot hold null.",
      "Use REPLACE with a placeholder, DELETE_ROW, or the wrapper type %2$s."),
  UNCONVERTIBLE_PLACEHOLDER(
      INVALID_PLACEHOLDER,
      "Placeholder '%2$s' cannot be converted to %1$s.",
      "State a placeholder that parses as %1$s, or choose NULLIFY or DELETE_ROW."),
  NO_DEFAULT_PLACEHOLDER(
      INVALID_PLACEHOLDER,
      "REPLACE has no default placeholder for %1$s.",
      "State a placeholder that parses as %1$s, or choose NULLIFY or DELETE_ROW."),
  KEEP_UNEXEMPTED(
      KEEP_WITHOUT_EXEMPTION,
      "KEEP needs the Art. 17(3) exemption that allows keeping the data.",
      "Add exemption = ErasureExemption.<one of "
          + Arrays.toString(ErasureExemption.values())
          + ">."),
  SEVERAL_EXEMPTIONS(
      MISPLACED_EXEMPTION,
      "Only one Art. 17(3) exemption can be stated, not %1$s.",
      "Keep the exemption that applies."),
  EXEMPTION_ON_ERASING_STRATEGY(
      MISPLACED_EXEMPTION,
      "An Art. 17(3) exemption is stated, but the strategy is %1$s, which erases the data.",
      "Use erasure = KEEP, or remove the exemption."),
  IDENTIFIER_OF_KEPT_ROW(
      KEPT_ROW_IDENTIFIER,
      "The identifier is erased by deleting the row, but %1$s is kept (KEEP), so the row must stay and an"
          + " identifier cannot be overwritten in place.",
      "Keep the kept attribute in an entity of its own, or declare the identifier"
          + " @PersonalData(erasure = KEEP, exemption = ...) with the same exemption."),

  // --- sensitivity: special categories (Art. 9) and criminal-offence data (Art. 10) -----------

  CRIMINAL_DATA_WITHOUT_LAW(
      SPECIAL_CATEGORY_WITHOUT_CONDITION,
      "Criminal-offence data (Art. 10) needs the law that authorises its processing.",
      "Add authorisedBy = \"<the Union or Member State law>\"."),
  SPECIAL_CATEGORY_CONDITIONS(
      SPECIAL_CATEGORY_WITHOUT_CONDITION,
      "%1$s is a special category (Art. 9(1)) and needs exactly one Art. 9(2) condition, found %2$s.",
      "Add condition = Article9Condition.<the condition that applies>, such as EXPLICIT_CONSENT."),
  SPECIAL_CATEGORY_WITHOUT_A_PURPOSE(
      SPECIAL_CATEGORY_WITHOUT_PURPOSE,
      "%1$s data (%2$s) is processed only for a purpose with its Art. 6 basis as well as its Art. 9(2) condition,"
          + " and %3$s has no purpose.",
      "Declare @Processing(purpose = ..., basis = ...) on %3$s, or name the purposes with @ProcessedFor."),
  CRIMINAL_DATA_WITHOUT_A_PURPOSE(
      SPECIAL_CATEGORY_WITHOUT_PURPOSE,
      "%1$s data (%2$s) is processed only for a purpose with its Art. 6 basis as well as its authorising law,"
          + " and %3$s has no purpose.",
      "Declare @Processing(purpose = ..., basis = ...) on %3$s, or name the purposes with @ProcessedFor."),
  EXPLICIT_CONSENT_FOR_OTHER_BASIS(
      EXPLICIT_CONSENT_WITHOUT_CONSENT_BASIS,
      "The attribute is processed under explicit consent (Art. 9(2)(a)), but purpose '%1$s' rests on %2$s, so no"
          + " consent is asked for it.",
      "Rest purpose '%1$s' on consent, or state the Art. 9(2) condition that applies to it instead of"
          + " EXPLICIT_CONSENT."),

  // --- subjects: roots, identities and links ---------------------------------------------------

  IDENTITY_OUTSIDE_ROOT(
      SUBJECT_WITHOUT_ROOT,
      "Identity '%1$s' is declared, but %2$s is not a @DataSubject root, so the identity belongs to no subject type.",
      "Move @SubjectIdentity to the subject's root entity, or annotate %2$s with @DataSubject."),
  SEVERAL_ROOTS(
      SUBJECT_WITH_SEVERAL_ROOTS,
      "Subject type '%1$s' has %2$s roots: %3$s.",
      "Give each root its own subject type name, or link the other entities to one root."),
  ROOT_WITHOUT_ID(
      ROOT_WITHOUT_IDENTIFIER,
      "The root of subject type '%1$s' has no identifier, so its rows cannot be keyed.",
      "Annotate the identifier field with @SubjectIdentity(\"id\") (or jakarta.persistence.Id)."),
  IDENTITY_TWICE(
      DUPLICATE_IDENTITY,
      "Identity '%1$s' is declared on two attributes of %2$s.",
      "Give each identity its own name."),
  IDENTITY_UNMARKED(
      IDENTITY_NOT_PERSONAL_DATA,
      "Identity '%1$s' identifies a person, so it is personal data, but it is not marked as such.",
      "Add @PersonalData with its category to the attribute."),
  IGNORING_CASE_OF_NON_TEXT(
      IDENTITY_MATCH_NOT_TEXT,
      "Identity '%1$s' is compared ignoring case and spaces, but its attribute holds %2$s, not text.",
      "Remove match = IGNORE_CASE_AND_SPACE from @SubjectIdentity, or hold the identity as a String."),
  LINK_TO_UNKNOWN_SUBJECT_TYPE(
      UNKNOWN_SUBJECT_TYPE,
      "The link names subject type '%1$s', but no class is annotated @DataSubject(\"%1$s\"); known subject types:"
          + " %2$s.",
      "Name a known subject type, or annotate its root entity with @DataSubject(\"%1$s\")."),
  LINK_TO_UNKNOWN_IDENTITY(
      UNKNOWN_IDENTITY,
      "Subject type '%1$s' has no identity '%2$s'; its identities are %3$s.",
      "Name one of those identities, or add @SubjectIdentity(\"%2$s\") to the attribute of %4$s that holds it."),

  // --- owners: whose data an attribute is ------------------------------------------------------

  NO_SUBJECT_REACHED(
      UNREACHABLE_PERSONAL_DATA,
      "%1$s holds personal data but reaches no data subject: no association leads to a @DataSubject root and no"
          + " field carries @SubjectLink.",
      "Add an association to the subject's root entity, a @SubjectLink field holding the subject's identity, or"
          + " make %1$s a @DataSubject root."),
  OWNER_UNNAMED(
      OWNER_REQUIRED,
      "%1$s reaches %2$s subjects, by the routes %3$s, and the attribute does not say whose data it is.",
      "Name its owner: @PersonalData(of = \"<route>\") on the attribute, or on the class for all of them, with one"
          + " of the routes listed."),
  OWNER_NAMES_NO_ONE_ROUTE(
      UNKNOWN_OWNER,
      "The owner '%1$s' names %2$s of %3$s; its routes are %4$s.",
      "Name one of the routes listed by its path, or a subject type the entity reaches by one route only."),

  // --- retention (Art. 5(1)(e), 13(2)(a)) -----------------------------------------------------

  PERIOD_NOT_POSITIVE(
      INVALID_RETENTION_PERIOD,
      "Retention period '%1$s' is not positive.",
      "State a period longer than zero, such as P12M."),
  PERIOD_NOT_ISO(
      INVALID_RETENTION_PERIOD,
      "Retention period '%1$s' is not an ISO-8601 period.",
      "Write it as ISO-8601, such as P30D, P12M or P6Y."),
  CLOCK_NOT_AN_ATTRIBUTE(
      UNKNOWN_CLOCK_ATTRIBUTE,
      "Retention clock '%1$s' is not an attribute of %2$s.",
      "Name one of its date or time attributes: %3$s."),
  CLOCK_OF_OTHER_TYPE(
      CLOCK_NOT_TEMPORAL,
      "Retention clock '%1$s' is a %2$s, not a date or time.",
      "Name one of its date or time attributes: %3$s."),
  RETENTION_WITHOUT_REASON(
      MISSING_RETENTION_REASON,
      "The retention policy does not say why the period is what it is; a notice must state the criteria"
          + " (Art. 13(2)(a)).",
      "Add reason = \"<why this period>\"."),

  // --- purposes, bases and automated decisions ------------------------------------------------

  CONSENT_WITHOUT_PURPOSE(
      MISSING_PURPOSE,
      "Consent is declared as a basis without a purpose; consent is given for specific purposes (Art. 6(1)(a)).",
      "Name the purpose, such as purpose = \"newsletter\"."),
  PROCESSING_WITHOUT_PURPOSE(
      MISSING_PURPOSE,
      "A processing declaration has no purpose (Art. 5(1)(b)).",
      "Name the purpose, such as purpose = \"newsletter\"."),
  BASIS_WITHOUT_LAW(
      INCOMPLETE_BASIS,
      "Purpose '%1$s' rests on %2$s, which must name the law laying it down (Art. 6(3)).",
      "Add law = \"<the law>\"."),
  INTERESTS_WITHOUT_ASSESSMENT(
      INCOMPLETE_BASIS,
      "Purpose '%1$s' rests on legitimate interests, which must state the interest pursued and where its balancing"
          + " test is recorded (Art. 6(1)(f), 13(1)(d)).",
      "Add interest = \"<the interest>\" and assessment = \"<reference to the assessment>\"."),
  TWO_BASES(
      CONFLICTING_BASIS,
      "Purpose '%1$s' is declared here with basis %2$s and elsewhere with %3$s; a purpose has one basis (Art. 6(1)).",
      "Use the same basis everywhere, or split the purpose in two."),
  TWO_PURPOSE_LABELS(
      MISPLACED_LABEL,
      "Purpose '%1$s' is labelled here \"%2$s\" and elsewhere \"%3$s\"; a purpose has one label.",
      "Use the same label everywhere, or declare it on one @Processing only."),
  DECISION_DESCRIBED_UNDECLARED(
      INCOMPLETE_AUTOMATED_DECISION,
      "Purpose '%1$s' describes an automated decision but does not declare solelyAutomatedDecisions (Art. 22(1)).",
      "Add solelyAutomatedDecisions = true, or remove decisionLogic, decisionSignificance and decisionConsequences."),
  DECISION_UNDESCRIBED(
      INCOMPLETE_AUTOMATED_DECISION,
      "Purpose '%1$s' decides solely automatically but does not describe the logic, significance and envisaged"
          + " consequences a notice and an access report must state (Art. 13(2)(f), 15(1)(h)).",
      "Add decisionLogic, decisionSignificance and decisionConsequences in plain words."),
  DECISION_ON_DISALLOWED_BASIS(
      INCOMPLETE_AUTOMATED_DECISION,
      "Purpose '%1$s' decides solely automatically on %2$s, but Art. 22(2) allows such decisions only when necessary"
          + " for a contract, authorised by law or based on explicit consent.",
      "Rest the purpose on CONTRACT, LEGAL_OBLIGATION, PUBLIC_TASK or CONSENT, or have a person take the decision."),
  DECISION_DESCRIBED_TWICE(
      INCOMPLETE_AUTOMATED_DECISION,
      "Purpose '%1$s' describes its automated decision here otherwise than elsewhere; a notice and an access report"
          + " state one (Art. 13(2)(f), 15(1)(h)).",
      "Describe the decision on one @Processing only, or the same everywhere."),
  UNDECLARED_PURPOSE_NAMED(
      UNKNOWN_PURPOSE,
      "@ProcessedFor names the purpose '%1$s', which no @Processing declares; declared are %2$s.",
      "Name a declared purpose, or declare '%1$s' with @Processing(purpose = \"%1$s\", basis = ...) where its basis"
          + " is decided."),
  PURPOSE_OWNER_NAMES_NO_ONE_ROUTE(
      UNKNOWN_OWNER,
      "@ProcessedFor(of = \"%1$s\") names %2$s of %3$s; its routes are %4$s.",
      "Name one of those routes by its path, or leave 'of' empty for purposes of every subject the entity"
          + " reaches.");

  private final ModelProblem.Kind kind;
  private final String problem;
  private final String fix;

  ProblemText(ModelProblem.Kind kind, String problem, String fix) {
    this.kind = kind;
    this.problem = problem;
    this.fix = fix;
  }

  /** The kind of problem this text describes, and so the article it serves. */
  ModelProblem.Kind kind() {
    return kind;
  }

  /** This text at {@code location}, its templates filled with {@code values} by position. */
  ModelProblem at(String location, Object... values) {
    return new ModelProblem(
        kind,
        location,
        String.format(Locale.ROOT, problem, values),
        String.format(Locale.ROOT, fix, values));
  }

  /** How many routes a name matched where it should match one: "no route" or "2 routes". */
  static String routeCount(int matching) {
    return matching == 0 ? "no route" : matching + " routes";
  }

  /** The names, comma-separated, or "none". */
  static String namesOrNone(Collection<String> names) {
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  /** The date or time attributes a retention clock could name, or the advice to add one. */
  static String clockCandidates(Collection<String> names) {
    return names.isEmpty() ? "none yet; add one" : String.join(", ", names);
  }
}
