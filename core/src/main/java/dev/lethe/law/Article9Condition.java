package dev.lethe.law;

/** The conditions of Art. 9(2) GDPR under which special categories of personal data may be processed. */
public enum Article9Condition {
  EXPLICIT_CONSENT("Art. 9(2)(a)", "Explicit consent"),
  EMPLOYMENT_AND_SOCIAL_SECURITY_LAW(
      "Art. 9(2)(b)", "Employment, social security and social protection law"),
  VITAL_INTERESTS("Art. 9(2)(c)", "Vital interests where consent cannot be given"),
  NOT_FOR_PROFIT_BODY("Art. 9(2)(d)", "Members of a not-for-profit body"),
  MADE_PUBLIC_BY_SUBJECT("Art. 9(2)(e)", "Manifestly made public by the data subject"),
  LEGAL_CLAIMS("Art. 9(2)(f)", "Legal claims or courts acting judicially"),
  SUBSTANTIAL_PUBLIC_INTEREST("Art. 9(2)(g)", "Substantial public interest"),
  HEALTH_OR_SOCIAL_CARE(
      "Art. 9(2)(h)", "Preventive or occupational medicine, health or social care"),
  PUBLIC_HEALTH("Art. 9(2)(i)", "Public health"),
  ARCHIVING_RESEARCH_STATISTICS(
      "Art. 9(2)(j)", "Archiving, scientific or historical research, statistics");

  private final String article;
  private final String title;

  Article9Condition(String article, String title) {
    this.article = article;
    this.title = title;
  }

  /** The point of Art. 9(2), such as {@code Art. 9(2)(a)}. */
  public String article() {
    return article;
  }

  /** What the condition is, in a few words. */
  public String title() {
    return title;
  }
}
