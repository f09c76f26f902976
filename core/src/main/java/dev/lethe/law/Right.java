package dev.lethe.law;

/** The rights of the data subject (Chapter III GDPR), each with the article that grants it. */
public enum Right {
  BE_INFORMED("Art. 13–14", "Right to be informed"),
  ACCESS("Art. 15", "Right of access"),
  RECTIFICATION("Art. 16", "Right to rectification"),
  ERASURE("Art. 17", "Right to erasure"),
  RESTRICTION("Art. 18", "Right to restriction of processing"),
  PORTABILITY("Art. 20", "Right to data portability"),
  OBJECTION("Art. 21", "Right to object"),
  AUTOMATED_DECISIONS(
      "Art. 22", "Right not to be subject to a decision based solely on automated processing"),
  WITHDRAW_CONSENT("Art. 7(3)", "Right to withdraw consent"),
  LODGE_COMPLAINT("Art. 77", "Right to lodge a complaint with a supervisory authority");

  private final String article;
  private final String title;

  Right(String article, String title) {
    this.article = article;
    this.title = title;
  }

  /** The article granting the right, such as {@code Art. 15}. */
  public String article() {
    return article;
  }

  /** The right's name as the regulation words it. */
  public String title() {
    return title;
  }
}
