package dev.lethe.breach;

import static java.util.Objects.requireNonNull;

import dev.lethe.internal.util.Texts;
import dev.lethe.law.DataCategory;
import java.time.Instant;
import java.util.List;

/**
 * What the controller knows of a personal-data breach, as Art. 33(3) asks it to be described: the
 * texts are written by the controller's staff about the breach, never about a person, since the
 * register and the audit keep no personal data.
 *
 * @param awareAt when the controller became aware of the breach: the 72 hours of Art. 33(1) run from it
 * @param nature the nature of the breach, such as {@code Backup of the CRM database exposed on a public bucket}
 * @param dataCategories the categories of personal data concerned, such as {@code contact.email}
 * @param subjectTypes the categories of subjects concerned, as the model names them, such as {@code customer}
 * @param approximateSubjects the approximate number of subjects concerned (Art. 33(3)(a))
 * @param approximateRecords the approximate number of personal-data records concerned (Art. 33(3)(a))
 * @param consequences the likely consequences (Art. 33(3)(c))
 * @param measures the measures taken or proposed, including to mitigate its effects (Art. 33(3)(d))
 * @param dpoContact how to reach the data protection officer or another contact point (Art. 33(3)(b))
 * @param risk the risk the controller assesses it to pose (Art. 33(1), 34(1))
 */
public record BreachReport(
    Instant awareAt,
    String nature,
    List<String> dataCategories,
    List<String> subjectTypes,
    long approximateSubjects,
    long approximateRecords,
    String consequences,
    String measures,
    String dpoContact,
    Breach.Risk risk) {

  public BreachReport {
    requireNonNull(awareAt, "awareAt");
    Texts.requireNonBlank(nature, "nature");
    dataCategories = List.copyOf(dataCategories);
    subjectTypes = List.copyOf(subjectTypes);
    dataCategories.forEach(category -> Texts.requireNonBlank(category, "dataCategories"));
    // The codes go into the audit: free text there could hold anything, so only codes are taken
    // (not quoted back).
    if (!dataCategories.stream().allMatch(DataCategory::isValidCode)) {
      throw new IllegalArgumentException(
          "dataCategories holds a value that is not a category code, such as"
              + " 'contact.email' or 'special.health'");
    }
    subjectTypes.forEach(type -> Texts.requireNonBlank(type, "subjectTypes"));
    if (subjectTypes.stream().anyMatch(type -> type.contains(","))) {
      throw new IllegalArgumentException(
          "subjectTypes holds a value with a comma: name subject types of the model");
    }
    requireAtMost(String.join(",", dataCategories), LIST_LENGTH, "dataCategories, joined,");
    requireAtMost(String.join(",", subjectTypes), LIST_LENGTH, "subjectTypes, joined,");
    if (approximateSubjects < 0) {
      throw new IllegalArgumentException("approximateSubjects must be 0 or more");
    }
    if (approximateRecords < 0) {
      throw new IllegalArgumentException("approximateRecords must be 0 or more");
    }
    Texts.requireNonBlank(consequences, "consequences");
    Texts.requireNonBlank(measures, "measures");
    Texts.requireNonBlank(dpoContact, "dpoContact");
    requireAtMost(nature, TEXT_LENGTH, "nature");
    requireAtMost(consequences, TEXT_LENGTH, "consequences");
    requireAtMost(measures, TEXT_LENGTH, "measures");
    requireAtMost(dpoContact, CONTACT_LENGTH, "dpoContact");
    requireNonNull(risk, "risk");
  }

  /** The longest text the register keeps (its columns' width), such as the nature or the delay's reasons. */
  public static final int TEXT_LENGTH = 2000;

  /** The longest data protection officer's contact the register keeps. */
  public static final int CONTACT_LENGTH = 320;

  /** The longest list of categories or of subject types the register keeps, joined by commas. */
  public static final int LIST_LENGTH = 1000;

  /** Refuses {@code text} longer than {@code limit}, naming the field, never quoting it. */
  static void requireAtMost(String text, int limit, String field) {
    if (text.length() > limit) {
      throw new IllegalArgumentException(
          field + " is longer than " + limit + " characters, the most the register" + " keeps");
    }
  }

  /** This report with the risk assessed anew, as the investigation learns more (Art. 33(1), 34(1)). */
  public BreachReport withRisk(Breach.Risk risk) {
    return new BreachReport(
        awareAt,
        nature,
        dataCategories,
        subjectTypes,
        approximateSubjects,
        approximateRecords,
        consequences,
        measures,
        dpoContact,
        requireNonNull(risk, "risk"));
  }
}
