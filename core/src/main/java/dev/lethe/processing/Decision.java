package dev.lethe.processing;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

/**
 * The answer of {@link ProcessingGuard}: whether a subject's data may be processed for a purpose,
 * and the reason, with the article it rests on. It names the purpose, never the subject.
 *
 * @param purpose the purpose asked about
 * @param reason why the processing is allowed or denied
 */
public record Decision(String purpose, Reason reason) {

  public Decision {
    requireNonBlank(purpose, "purpose");
    requireNonNull(reason, "reason");
  }

  /** Whether the processing may go ahead. */
  public boolean allowed() {
    return reason.allows();
  }

  /** The article the reason rests on, such as {@code Art. 7(3)}. */
  public String article() {
    return reason.article();
  }

  /** Why processing is allowed or denied, each with its article. */
  public enum Reason {
    /** Allowed: the purpose's lawful basis is not consent, and nothing stands against it (Art. 6(1)). */
    BASIS_ALLOWS(true, "Art. 6(1)", "the purpose's lawful basis allows it"),
    /** Allowed: the subject's consent to the purpose is current (Art. 6(1)(a)). */
    CONSENT_GIVEN(true, "Art. 6(1)(a)", "the subject's consent is current"),
    /** Allowed: the controller recorded compelling legitimate grounds that override the subject's objection (Art. 21(1)). */
    COMPELLING_GROUNDS(
        true, "Art. 21(1)", "compelling legitimate grounds override the subject's objection"),
    /** Allowed, for storage only: the subject's data is restricted (Art. 18(2)). */
    STORAGE_ONLY(true, "Art. 18(2)", "the data is restricted, and storage is allowed"),
    /** Denied: the model declares no purpose by that name, so no lawful basis (Art. 6(1)). */
    NO_BASIS_DECLARED(false, "Art. 6(1)", "no lawful basis is declared for the purpose"),
    /** Denied: the purpose rests on consent and the subject never gave it (Art. 6(1)(a)). */
    CONSENT_MISSING(
        false, "Art. 6(1)(a)", "the purpose rests on consent, and the subject has not given it"),
    /**
     * Denied: the purpose touches special categories of data under explicit consent, and the
     * subject's current consent is not recorded as explicit (Art. 9(2)(a)).
     */
    EXPLICIT_CONSENT_MISSING(
        false,
        "Art. 9(2)(a)",
        "the purpose touches special categories of data, and the subject's consent is not explicit"),
    /**
     * Denied: the consent was given by a child below the age of digital consent, not by the holder of
     * parental responsibility (Art. 8(1)).
     */
    CHILD_CONSENT_WITHOUT_PARENT(
        false,
        "Art. 8(1)",
        "the consent was given by a child, not by the holder of parental responsibility"),
    /** Denied: the subject refused consent (Art. 6(1)(a), Art. 7(1)). */
    CONSENT_REFUSED(false, "Art. 7(1)", "the subject refused consent"),
    /** Denied: the subject withdrew consent (Art. 7(3)). */
    CONSENT_WITHDRAWN(false, "Art. 7(3)", "the subject withdrew consent"),
    /** Denied: the subject's consent expired (Art. 6(1)(a), Art. 7(1)). */
    CONSENT_EXPIRED(false, "Art. 7(1)", "the subject's consent expired"),
    /** Denied: the subject objected, and no compelling grounds are recorded (Art. 21(1)). */
    OBJECTION(false, "Art. 21(1)", "the subject objected"),
    /** Denied: the subject objected to direct marketing, which is absolute (Art. 21(3)). */
    DIRECT_MARKETING_OBJECTION(false, "Art. 21(3)", "the subject objected to direct marketing"),
    /** Denied: the purpose is direct marketing and the subject's contact is suppressed (Art. 21(3), Art. 17). */
    SUPPRESSED(
        false,
        "Art. 21(3)",
        "the purpose is direct marketing and the subject's contact is suppressed"),
    /** Denied: the subject's data is restricted, and only storage is allowed (Art. 18(2)). */
    RESTRICTED(false, "Art. 18(2)", "the subject's data is restricted to storage");

    private final boolean allows;
    private final String article;
    private final String description;

    Reason(boolean allows, String article, String description) {
      this.allows = allows;
      this.article = article;
      this.description = description;
    }

    /** Whether this reason allows the processing. */
    public boolean allows() {
      return allows;
    }

    /** The article it rests on, such as {@code Art. 21(3)}. */
    public String article() {
      return article;
    }

    /** What it means, in a phrase that names nobody. */
    public String description() {
      return description;
    }
  }
}
