package dev.lethe.law;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Ascii;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A category of personal data, named by a dotted code whose segments go from general to specific:
 * {@code contact.email} lies within {@code contact}. Records of processing (Art. 30(1)(c)),
 * notices (Art. 14(1)(d)) and access reports (Art. 15(1)(b)) list data by category.
 *
 * <p>The built-in set covers common business data and every special category of Art. 9(1); an
 * application defines its own with {@link #of(String)}, for example {@code contact.email.work}.
 */
public record DataCategory(String code) {

  private static final Pattern CODE =
      Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*");
  private static final Map<String, String> BUILT_IN_LABELS = new LinkedHashMap<>();

  public static final DataCategory IDENTITY = builtIn("identity", "Identity");
  public static final DataCategory NAME = builtIn("identity.name", "Full name");
  public static final DataCategory IDENTIFIER =
      builtIn("identity.identifier", "Account or customer identifier");
  public static final DataCategory DATE_OF_BIRTH =
      builtIn("identity.date-of-birth", "Date of birth");
  public static final DataCategory NATIONAL_ID =
      builtIn("identity.national-id", "National identification number");
  public static final DataCategory CONTACT = builtIn("contact", "Contact details");
  public static final DataCategory EMAIL = builtIn("contact.email", "E-mail address");
  public static final DataCategory PHONE = builtIn("contact.phone", "Telephone number");
  public static final DataCategory POSTAL_ADDRESS =
      builtIn("contact.postal-address", "Postal address");
  public static final DataCategory PROFESSIONAL = builtIn("professional", "Professional details");
  public static final DataCategory JOB_TITLE = builtIn("professional.job-title", "Job title");
  public static final DataCategory COMPANY = builtIn("professional.company", "Company name");
  public static final DataCategory ONLINE = builtIn("online", "Online identifiers and activity");
  public static final DataCategory IP_ADDRESS = builtIn("online.ip-address", "IP address");
  public static final DataCategory DEVICE_IDENTIFIER =
      builtIn("online.device-identifier", "Device or cookie identifier");
  public static final DataCategory USAGE = builtIn("online.usage", "Usage and activity data");
  public static final DataCategory FINANCIAL = builtIn("financial", "Financial data");
  public static final DataCategory BANK_ACCOUNT =
      builtIn("financial.bank-account", "Bank account details");
  public static final DataCategory PAYMENT =
      builtIn("financial.payment", "Payment and invoice data");
  public static final DataCategory EMPLOYMENT = builtIn("employment", "Employment data");
  public static final DataCategory EMPLOYMENT_RECORD =
      builtIn("employment.record", "Employment record");
  public static final DataCategory SALARY = builtIn("employment.salary", "Salary and benefits");
  public static final DataCategory RECRUITMENT = builtIn("recruitment", "Recruitment data");
  public static final DataCategory APPLICATION =
      builtIn("recruitment.application", "Job application and CV");
  public static final DataCategory COMMUNICATION = builtIn("communication", "Communications");
  public static final DataCategory MESSAGE_CONTENT =
      builtIn("communication.content", "Content of messages");
  public static final DataCategory PREFERENCES = builtIn("preferences", "Preferences");
  public static final DataCategory MARKETING_PREFERENCES =
      builtIn("preferences.marketing", "Marketing preferences");
  public static final DataCategory SPECIAL =
      builtIn("special", "Special categories of personal data (Art. 9)");
  public static final DataCategory RACIAL_OR_ETHNIC_ORIGIN =
      builtIn("special.racial-or-ethnic-origin", "Racial or ethnic origin");
  public static final DataCategory POLITICAL_OPINIONS =
      builtIn("special.political-opinions", "Political opinions");
  public static final DataCategory RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS =
      builtIn("special.religious-or-philosophical-beliefs", "Religious or philosophical beliefs");
  public static final DataCategory TRADE_UNION_MEMBERSHIP =
      builtIn("special.trade-union-membership", "Trade-union membership");
  public static final DataCategory GENETIC = builtIn("special.genetic", "Genetic data");
  public static final DataCategory BIOMETRIC =
      builtIn("special.biometric", "Biometric data for identification");
  public static final DataCategory HEALTH = builtIn("special.health", "Health data");
  public static final DataCategory SEX_LIFE_OR_ORIENTATION =
      builtIn("special.sex-life-or-orientation", "Sex life or sexual orientation");
  public static final DataCategory CRIMINAL_CONVICTIONS =
      builtIn("criminal", "Criminal convictions and offences (Art. 10)");

  private static final List<DataCategory> BUILT_INS =
      BUILT_IN_LABELS.keySet().stream().map(DataCategory::new).toList();

  /**
   * @throws IllegalArgumentException if the code is not lower-case dotted segments of letters,
   *     digits and inner hyphens
   */
  public DataCategory {
    requireNonNull(code, "code");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "Data category '"
              + code
              + "' is not a dotted code of lower-case segments such as 'contact.email'");
    }
  }

  /** The category with this code, built-in or user-defined. */
  public static DataCategory of(String code) {
    return new DataCategory(code);
  }

  /** Whether {@code code} is a well-formed category code. */
  public static boolean isValidCode(String code) {
    return CODE.matcher(code).matches();
  }

  /** The built-in categories, parents before their children. */
  public static List<DataCategory> builtIns() {
    return BUILT_INS;
  }

  /** Whether this category is one of Lethe's built-ins. */
  public boolean isBuiltIn() {
    return BUILT_IN_LABELS.containsKey(code);
  }

  /** The category one level up: {@code contact} for {@code contact.email}; empty at the top. */
  public Optional<DataCategory> parent() {
    int dot = code.lastIndexOf('.');
    return dot < 0 ? Optional.empty() : Optional.of(new DataCategory(code.substring(0, dot)));
  }

  /** Whether this category equals {@code other} or lies below it in the hierarchy. */
  public boolean isWithin(DataCategory other) {
    return code.equals(other.code) || code.startsWith(other.code + ".");
  }

  /** The direct children of this category among {@code candidates}. */
  public List<DataCategory> childrenAmong(Collection<DataCategory> candidates) {
    return candidates.stream()
        .filter(candidate -> candidate.parent().map(this::equals).orElse(false))
        .distinct()
        .toList();
  }

  /** Whether this is a special category of Art. 9(1) or criminal-offence data of Art. 10. */
  public boolean isSensitive() {
    return isWithin(SPECIAL) || isWithin(CRIMINAL_CONVICTIONS);
  }

  /**
   * A human-readable name: the built-in label, or for a user-defined category its last segment
   * with hyphens as spaces ({@code contact.email.work} reads "Work").
   */
  public String label() {
    String label = BUILT_IN_LABELS.get(code);
    if (label != null) {
      return label;
    }
    String last = code.substring(code.lastIndexOf('.') + 1).replace('-', ' ');
    return Ascii.toUpperCase(last.substring(0, 1)) + last.substring(1);
  }

  @Override
  public String toString() {
    return code;
  }

  private static DataCategory builtIn(String code, String label) {
    BUILT_IN_LABELS.put(code, label);
    return new DataCategory(code);
  }
}
