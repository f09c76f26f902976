package dev.lethe.subject;

import dev.lethe.internal.util.AuditValues;

/**
 * A data subject as the audit names them: a keyed hash of their identifier (Art. 4(5)). Equal
 * identifiers give equal pseudonyms under one key, so a subject's events can be found, while
 * without the key nobody can tell whom a pseudonym stands for (Art. 32). Made by {@link Pseudonymizer}.
 *
 * @param hex the HMAC-SHA256, 64 lowercase hexadecimal digits
 */
public record SubjectPseudonym(String hex) {

  public SubjectPseudonym {
    AuditValues.requireSha256Hex(hex, "hex");
  }

  /** The hex digits; safe to log, as a pseudonym without its key identifies nobody (Art. 4(5)). */
  @Override
  public String toString() {
    return hex;
  }
}
