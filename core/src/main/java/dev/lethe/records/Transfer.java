package dev.lethe.records;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * A transfer of personal data to a recipient in a third country (Chapter V, Art. 44–49) with the
 * safeguard that allows it, as a notice (Art. 13(1)(f), Art. 14(1)(f)) and the record of
 * processing (Art. 30(1)(e)) state it.
 *
 * @param recipient the name of a recipient the controller describes
 * @param country the third country, as an ISO 3166-1 alpha-2 code such as {@code US}
 * @param safeguard what allows the transfer
 * @param reference where the safeguard is documented or how a copy can be had, such as
 *     {@code Data processing agreement, 2021, with the EU SCCs and the UK Addendum}
 */
public record Transfer(String recipient, String country, Safeguard safeguard, String reference) {

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  public Transfer {
    requireNonBlank(recipient, "recipient");
    requireNonNull(country, "country");
    requireNonNull(safeguard, "safeguard");
    requireNonBlank(reference, "reference");
    if (!COUNTRY.matcher(country).matches()) {
      throw new IllegalArgumentException(
          "The transfer to '"
              + recipient
              + "' names country '"
              + country
              + "', which is not an ISO 3166-1 alpha-2 code such as US");
    }
  }

  /** What allows a transfer to a third country (Art. 45–49). */
  public enum Safeguard {
    /** The country offers an adequate level of protection (Art. 45). */
    ADEQUACY_DECISION("Art. 45", "Adequacy decision"),
    /** Standard data protection clauses adopted by the Commission or an authority (Art. 46(2)(c) and (d)). */
    STANDARD_CONTRACTUAL_CLAUSES("Art. 46(2)(c)", "Standard contractual clauses"),
    /** Binding corporate rules approved by the competent authority (Art. 46(2)(b), Art. 47). */
    BINDING_CORPORATE_RULES("Art. 47", "Binding corporate rules"),
    /** A derogation for a specific situation, such as explicit consent or a contract (Art. 49(1)). */
    DEROGATION_ART_49("Art. 49(1)", "Derogation for a specific situation");

    private final String article;
    private final String title;

    Safeguard(String article, String title) {
      this.article = article;
      this.title = title;
    }

    /** The article that provides the safeguard, such as {@code Art. 45}. */
    public String article() {
      return article;
    }

    /** The safeguard's name, as a notice states it (Art. 13(1)(f)). */
    public String title() {
      return title;
    }
  }
}
