package dev.lethe.request;

import dev.lethe.law.Right;

/** What a data subject asks for: one request type per right of Chapter III GDPR that a request exercises. */
public enum RequestType {
  /** A copy of the personal data and the information of Art. 15. */
  ACCESS(Right.ACCESS, "an access request"),
  /** The data the subject provided, in a machine-readable form (Art. 20). */
  PORTABILITY(Right.PORTABILITY, "a portability request"),
  /** Correction of inaccurate data (Art. 16). */
  RECTIFICATION(Right.RECTIFICATION, "a rectification request"),
  /** Erasure of the subject's data (Art. 17). */
  ERASURE(Right.ERASURE, "an erasure request"),
  /** Restriction of processing (Art. 18). */
  RESTRICTION(Right.RESTRICTION, "a restriction request"),
  /** Objection to processing (Art. 21). */
  OBJECTION(Right.OBJECTION, "an objection request"),
  /** Withdrawal of consent (Art. 7(3)). */
  CONSENT_WITHDRAWAL(Right.WITHDRAW_CONSENT, "a consent-withdrawal request"),
  /**
   * Human intervention in a decision taken solely by automated means, with the subject's view and
   * their contest of it (Art. 22(3)).
   */
  AUTOMATED_DECISION_REVIEW(
      Right.AUTOMATED_DECISIONS, "a request for human review of an automated decision");

  private final Right right;
  private final String described;

  RequestType(Right right, String described) {
    this.right = right;
    this.described = described;
  }

  /** The request type in words for messages, after "a" or "an": such as {@code an erasure request}. */
  public String described() {
    return described;
  }

  /** The right the request exercises. */
  public Right right() {
    return right;
  }

  /** The article granting the right, such as {@code Art. 15}. */
  public String article() {
    return right.article();
  }

  /**
   * Whether fulfilling the request must be passed on to every recipient of the data: true for
   * rectification, erasure and restriction (Art. 19).
   */
  public boolean isPassedToRecipients() {
    return this == RECTIFICATION || this == ERASURE || this == RESTRICTION;
  }
}
