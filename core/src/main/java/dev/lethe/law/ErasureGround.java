package dev.lethe.law;

/** The grounds of Art. 17(1) GDPR on which a subject obtains erasure; every erasure names one. */
public enum ErasureGround {
  NO_LONGER_NECESSARY("Art. 17(1)(a)", "The data is no longer necessary for its purposes"),
  CONSENT_WITHDRAWN("Art. 17(1)(b)", "Consent was withdrawn and no other basis remains"),
  OBJECTION("Art. 17(1)(c)", "The subject objected and no overriding grounds remain"),
  UNLAWFULLY_PROCESSED("Art. 17(1)(d)", "The data was processed unlawfully"),
  LEGAL_OBLIGATION("Art. 17(1)(e)", "Erasure is required by a legal obligation"),
  CHILD_INFORMATION_SOCIETY_SERVICE(
      "Art. 17(1)(f)", "Collected from a child for an information society service");

  private final String article;
  private final String title;

  ErasureGround(String article, String title) {
    this.article = article;
    this.title = title;
  }

  /** The point of Art. 17(1), such as {@code Art. 17(1)(b)}. */
  public String article() {
    return article;
  }

  /** What the ground is, in a sentence. */
  public String title() {
    return title;
  }
}
