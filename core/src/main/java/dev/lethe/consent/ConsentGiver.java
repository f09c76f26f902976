package dev.lethe.consent;

/**
 * Who gave a consent (Art. 7(1), Art. 8(1)): the subject, or for a child below the age of digital
 * consent the holder of parental responsibility over the child. What the ledger keeps of a child's
 * age is only this, never the date of birth.
 */
public enum ConsentGiver {
  /** The subject, at or above the age of digital consent, or of an age not stated. */
  SUBJECT,
  /**
   * The subject, a child below the age of digital consent: not lawful consent to an information
   * society service (Art. 8(1)). The ledger refuses to record it; a record written so by another
   * writer of the store is denied by the processing guard.
   */
  CHILD,
  /** The holder of parental responsibility over the child, who gave or authorised it (Art. 8(1)). */
  HOLDER_OF_PARENTAL_RESPONSIBILITY
}
