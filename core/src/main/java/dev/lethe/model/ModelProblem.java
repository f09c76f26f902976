package dev.lethe.model;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with the personal-data annotations: where, what, and how to fix it.
 *
 * @param kind what kind of problem it is, for tools and tests
 * @param location the class, or class and attribute, such as {@code com.example.Customer.email}
 * @param problem what is wrong
 * @param fix how to fix it
 */
public record ModelProblem(Kind kind, String location, String problem, String fix) {

  public ModelProblem {
    requireNonNull(kind, "kind");
    requireNonNull(location, "location");
    requireNonNull(problem, "problem");
    requireNonNull(fix, "fix");
  }

  @Override
  public String toString() {
    return location + ": " + problem + " Fix: " + fix;
  }

  /** The kinds of problem that model validation finds, each with the article of the GDPR it serves. */
  public enum Kind {
    /** A retention period that is not ISO-8601, or not positive. */
    INVALID_RETENTION_PERIOD("Art. 5(1)(e)"),
    /** A retention clock attribute that does not exist. */
    UNKNOWN_CLOCK_ATTRIBUTE("Art. 5(1)(e)"),
    /** A retention clock attribute that is not a date or time. */
    CLOCK_NOT_TEMPORAL("Art. 5(1)(e)"),
    /** A retention policy without its reason. */
    MISSING_RETENTION_REASON("Art. 13(2)(a)"),
    /** HASH or MASK on an attribute that is not text. */
    STRATEGY_NEEDS_TEXT("Art. 17(1)"),
    /** NULLIFY on a primitive attribute. */
    NULLIFY_ON_PRIMITIVE("Art. 17(1)"),
    /** A placeholder that cannot become the attribute's type, or a type with no default placeholder. */
    INVALID_PLACEHOLDER("Art. 17(1)"),
    /** A negative MASK width. */
    INVALID_MASK("Art. 17(1)"),
    /** KEEP without an Art. 17(3) exemption. */
    KEEP_WITHOUT_EXEMPTION("Art. 17(3)"),
    /** An exemption on a strategy other than KEEP, or more than one. */
    MISPLACED_EXEMPTION("Art. 17(3)"),
    /** A data category code that is not well-formed. */
    INVALID_CATEGORY("Art. 30(1)(c)"),
    /** An Art. 9 special category without its Art. 9(2) condition, or Art. 10 data without its law. */
    SPECIAL_CATEGORY_WITHOUT_CONDITION("Art. 9(2), 10"),
    /** Special-category or criminal-offence data on an entity with no purpose, so no Art. 6 basis. */
    SPECIAL_CATEGORY_WITHOUT_PURPOSE("Art. 6(1)"),
    /** Data under explicit consent (Art. 9(2)(a)) processed for a purpose that does not rest on consent. */
    EXPLICIT_CONSENT_WITHOUT_CONSENT_BASIS("Art. 9(2)(a)"),
    /** A {@code @ProcessedFor} naming a purpose that no {@code @Processing} declares. */
    UNKNOWN_PURPOSE("Art. 5(1)(b)"),
    /** A link to a subject type that has no root. */
    UNKNOWN_SUBJECT_TYPE("Art. 15, 17"),
    /** A link to an identity the subject type does not have. */
    UNKNOWN_IDENTITY("Art. 15, 17"),
    /** A subject identity declared outside any subject root. */
    SUBJECT_WITHOUT_ROOT("Art. 15, 17"),
    /** Two roots for one subject type. */
    SUBJECT_WITH_SEVERAL_ROOTS("Art. 15, 17"),
    /** A subject root whose identifier is unknown. */
    ROOT_WITHOUT_IDENTIFIER("Art. 15, 17"),
    /** An identity that is declared twice on one root. */
    DUPLICATE_IDENTITY("Art. 15, 17"),
    /** An identity (other than the id) that is not marked as personal data. */
    IDENTITY_NOT_PERSONAL_DATA("Art. 4(1)"),
    /** An identity compared ignoring case and spaces whose attribute does not hold text. */
    IDENTITY_MATCH_NOT_TEXT("Art. 15, 17"),
    /** A processing declaration without a purpose. */
    MISSING_PURPOSE("Art. 5(1)(b)"),
    /** A basis that needs the law, interest or assessment it rests on, without it. */
    INCOMPLETE_BASIS("Art. 6(1)"),
    /** One purpose declared with different bases. */
    CONFLICTING_BASIS("Art. 6(1)"),
    /**
     * A solely automated decision without its logic, significance and consequences, on a basis Art.
     * 22(2) does not allow, described without being declared, or described differently by two declarations.
     */
    INCOMPLETE_AUTOMATED_DECISION("Art. 22"),
    /** Personal data on an entity that reaches no subject. */
    UNREACHABLE_PERSONAL_DATA("Art. 15, 17"),
    /** Data from publicly accessible sources without its named source (Art. 14(2)(f)). */
    MISSING_SOURCE("Art. 14(2)(f)"),
    /** A contributed attribute that the class does not have. */
    UNKNOWN_ATTRIBUTE("Art. 15, 17"),
    /** A {@code @PersonalDataOverride} naming no inherited attribute, the class's own one, or an association. */
    INVALID_OVERRIDE("Art. 4(1)"),
    /** An identifier erased by DELETE_ROW in a row that keeps another attribute, so must stay. */
    KEPT_ROW_IDENTIFIER("Art. 17(3)"),
    /** A personal-data attribute of an entity that reaches several subjects, naming none of them. */
    OWNER_REQUIRED("Art. 15, 17"),
    /** An owner ({@code @PersonalData(of = ...)}) that names no route of the entity, or several. */
    UNKNOWN_OWNER("Art. 15, 17"),
    /** A label on a class-level {@code @PersonalData}, or two labels for one purpose. */
    MISPLACED_LABEL("Art. 12(1)");

    private final String article;

    Kind(String article) {
      this.article = article;
    }

    /**
     * The article of the GDPR that the annotations checked by this kind serve, such as
     * {@code Art. 17(3)} for an erasure exemption: what a user reads to see why the problem matters.
     */
    public String article() {
      return article;
    }
  }
}
