package dev.lethe.spring;

/**
 * Thrown at start-up when {@code lethe.pseudonym-key} is not set and the database outlives the run.
 * The key names subjects in the audit and the suppression list by keyed hash (Art. 4(5), 32); it
 * must be secret and must not change, so Lethe invents one only in development and for an in-memory
 * database, whose data ends with the run.
 */
public final class MissingPseudonymKeyException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  static final String HOW_TO =
      "Set it to a secret of at least 32 bytes, Base64-encoded, kept apart from the database,"
          + " for example from `openssl rand -base64 32` in the environment variable LETHE_PSEUDONYMKEY; or set"
          + " lethe.development=true to use a random key while developing.";

  MissingPseudonymKeyException() {
    super(
        "lethe.pseudonym-key is not set, and the database is not an in-memory one that ends with the run. "
            + HOW_TO);
  }
}
