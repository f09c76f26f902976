package dev.lethe.annotation;

/** What happens to a row whose retention period has run out (Art. 5(1)(e) storage limitation). */
public enum RetentionAction {
  /** Delete the row. */
  DELETE,
  /**
   * Erase the row's personal-data fields with their erasure strategies and keep the rest, so that
   * de-personalised statistics survive (Recital 26: anonymous data is outside the GDPR).
   */
  ANONYMISE
}
