package dev.lethe.records;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

/**
 * A sign, found in the model or declared by the controller, that processing is likely to result in a
 * high risk to people's rights and freedoms, so that a data protection impact assessment is needed
 * (Art. 35(1), 35(3)); the criteria follow Art. 35(3) and the EDPB's guidelines (WP248 rev.01).
 *
 * @param kind what kind of risk it is
 * @param purpose the purpose it concerns, or {@code *} for all processing
 * @param detail what was found, such as {@code health data of patient}; never a value
 */
public record RiskIndicator(Kind kind, String purpose, String detail) {

  public RiskIndicator {
    requireNonNull(kind, "kind");
    requireNonBlank(purpose, "purpose");
    requireNonBlank(detail, "detail");
  }

  /** The kinds of high-risk indicator, each with the provision that names it. */
  public enum Kind {
    /** Systematic and extensive evaluation with decisions that have legal or similar effects (Art. 35(3)(a), 22). */
    AUTOMATED_DECISIONS(
        "Art. 35(3)(a)",
        "Solely automated decisions with legal or similarly significant effects",
        true),
    /** Special categories of data (Art. 35(3)(b), 9(1)). */
    SPECIAL_CATEGORIES("Art. 35(3)(b)", "Special categories of personal data", true),
    /** Data relating to criminal convictions and offences (Art. 35(3)(b), 10). */
    CRIMINAL_OFFENCE_DATA(
        "Art. 35(3)(b)", "Personal data relating to criminal convictions and offences", true),
    /** Observed behaviour: systematic monitoring, which on a large scale needs an assessment (Art. 35(3)(c)). */
    SYSTEMATIC_MONITORING("Art. 35(3)(c)", "Systematic monitoring of behaviour", false),
    /** Data inferred about the subject: evaluation or scoring, including profiling (Art. 4(4), Recital 71). */
    PROFILING("Art. 35(3)(a), Recital 71", "Evaluation or scoring, including profiling", false),
    /** Data of children, vulnerable subjects (Recital 38, 75). */
    CHILDREN("Recital 75", "Personal data of children", false),
    /** Innovative use or new technological solutions (Art. 35(1), Recital 89). */
    NEW_TECHNOLOGIES("Art. 35(1)", "New technologies", false),
    /** Transfers outside the EEA, which add to the risk (Art. 44, Recital 116). */
    THIRD_COUNTRY_TRANSFERS("Art. 44", "Transfers to third countries", false);

    private final String article;
    private final String title;
    private final boolean sufficientAlone;

    Kind(String article, String title, boolean sufficientAlone) {
      this.article = article;
      this.title = title;
      this.sufficientAlone = sufficientAlone;
    }

    /**
     * Whether this indicator alone makes an assessment likely required, as the cases Art. 35(3)(a)
     * and (b) list do; the others count when two come together (WP248 rev.01).
     */
    public boolean sufficientAlone() {
      return sufficientAlone;
    }

    /** Where the criterion comes from, such as {@code Art. 35(3)(b)}. */
    public String article() {
      return article;
    }

    /** The criterion in words. */
    public String title() {
      return title;
    }
  }
}
