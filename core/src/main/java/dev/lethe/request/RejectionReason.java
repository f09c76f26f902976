package dev.lethe.request;

/** Why a controller may refuse to act on a request (Art. 12(5)); the controller bears the burden of showing it. */
public enum RejectionReason {
  /** The request is manifestly unfounded. */
  MANIFESTLY_UNFOUNDED,
  /** The request is excessive, in particular because it is repetitive. */
  EXCESSIVE;

  /** The article that permits the refusal: {@code Art. 12(5)(b)}. */
  public String article() {
    return "Art. 12(5)(b)";
  }
}
