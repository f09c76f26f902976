package dev.lethe.law;

/** The grounds of Art. 18(1) GDPR on which a subject obtains restriction of processing. */
public enum RestrictionGround {
  ACCURACY_CONTESTED("Art. 18(1)(a)", "The subject contests the accuracy of the data"),
  UNLAWFUL_ERASURE_OPPOSED(
      "Art. 18(1)(b)", "The processing is unlawful and the subject opposes erasure"),
  NEEDED_FOR_LEGAL_CLAIMS("Art. 18(1)(c)", "The subject needs the data for legal claims"),
  OBJECTION_PENDING(
      "Art. 18(1)(d)", "The subject objected and the verification of grounds is pending");

  private final String article;
  private final String title;

  RestrictionGround(String article, String title) {
    this.article = article;
    this.title = title;
  }

  /** The point of Art. 18(1), such as {@code Art. 18(1)(a)}. */
  public String article() {
    return article;
  }

  /** What the ground is, in a sentence. */
  public String title() {
    return title;
  }
}
