package dev.lethe.consent;

/**
 * Where a subject's consent to one purpose stands (Art. 6(1)(a), Art. 7): only {@link #GIVEN}
 * makes processing on the basis of consent lawful.
 */
public enum ConsentState {
  /** The subject consented and the consent is current: neither withdrawn nor expired (Art. 6(1)(a)). */
  GIVEN("Art. 6(1)(a)"),
  /** The subject was asked and declined (Art. 7(1)). */
  REFUSED("Art. 7(1)"),
  /** The subject withdrew their consent (Art. 7(3)); processing before it stays lawful. */
  WITHDRAWN("Art. 7(3)"),
  /** The consent's validity period passed, or the controller ended it, such as after a change of notice (Art. 7(1)). */
  EXPIRED("Art. 7(1)"),
  /** The subject was never asked, as far as the ledger knows (Art. 6(1)(a)). */
  NONE("Art. 6(1)(a)");

  private final String article;

  ConsentState(String article) {
    this.article = article;
  }

  /** The article that gives the state its meaning, such as {@code Art. 7(3)}. */
  public String article() {
    return article;
  }

  /** Whether processing on the basis of consent is lawful in this state (Art. 6(1)(a)): only when {@link #GIVEN}. */
  public boolean allowsProcessing() {
    return this == GIVEN;
  }
}
