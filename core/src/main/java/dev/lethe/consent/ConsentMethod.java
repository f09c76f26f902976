package dev.lethe.consent;

/**
 * How a subject gave, refused or withdrew consent, part of what the controller keeps to demonstrate
 * it (Art. 7(1)). Consent needs a clear affirmative act (Art. 4(11)): a pre-ticked box is none.
 */
public enum ConsentMethod {
  /** An unticked box or a button the subject ticked or pressed on a web form. */
  WEB_FORM_OPT_IN,
  /** A reply or link in an e-mail. */
  EMAIL,
  /** Said aloud, such as on a recorded call or in person; note who took it in the notice version or elsewhere. */
  VERBAL,
  /** A signed paper form. */
  PAPER,
  /** Through the application's API, such as a mobile app or a partner's system. */
  API
}
