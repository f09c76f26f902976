package dev.lethe.law;

/**
 * The exemptions of Art. 17(3) GDPR: why a field is kept although its subject asked for erasure.
 * A field with erasure strategy {@code KEEP} must state one, and the erasure receipt reports it.
 */
public enum ErasureExemption {
  FREEDOM_OF_EXPRESSION(
      "Art. 17(3)(a)", "Exercising the right of freedom of expression and information"),
  LEGAL_OBLIGATION_OR_PUBLIC_TASK(
      "Art. 17(3)(b)", "Compliance with a legal obligation or a task in the public interest"),
  PUBLIC_HEALTH("Art. 17(3)(c)", "Reasons of public interest in the area of public health"),
  ARCHIVING_OR_RESEARCH(
      "Art. 17(3)(d)", "Archiving in the public interest, research or statistics"),
  LEGAL_CLAIMS("Art. 17(3)(e)", "Establishment, exercise or defence of legal claims");

  private final String article;
  private final String title;

  ErasureExemption(String article, String title) {
    this.article = article;
    this.title = title;
  }

  /** The point of Art. 17(3), such as {@code Art. 17(3)(e)}. */
  public String article() {
    return article;
  }

  /** What the exemption is, in a sentence. */
  public String title() {
    return title;
  }
}
