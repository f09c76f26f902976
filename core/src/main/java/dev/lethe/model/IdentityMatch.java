package dev.lethe.model;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * How an identity named in a rights request is compared with the value a root row holds, the same
 * way on every database and in memory (Art. 12(2): a request is not to fail on how a person typed
 * their address; Art. 12(6): nor match someone else).
 */
public enum IdentityMatch {

  /** The values are equal as written. The default for every identity but e-mail addresses. */
  EXACT,

  /**
   * The values are equal once leading and trailing spaces are removed and letters are lower-cased
   * ({@link Locale#ROOT}). The default for e-mail identities, whose case carries no meaning in
   * practice: {@code Ada@Example.com } names the same person as {@code ada@example.com}.
   */
  IGNORE_CASE_AND_SPACE;

  /**
   * The form of {@code value} that is compared: {@code value} itself, or trimmed (spaces, tabs,
   * line breaks) and lower-cased.
   */
  public String normalize(String value) {
    requireNonNull(value, "value");
    return this == EXACT ? value : value.strip().toLowerCase(Locale.ROOT);
  }

  /** Whether a stored value {@code stored} matches the value {@code requested} that a request names. */
  public boolean matches(String stored, String requested) {
    return normalize(stored).equals(normalize(requested));
  }

  /**
   * Tells how each identity of each subject type is compared, such as {@link
   * PersonalDataModel#identityMatch(String, String)}: so that whatever derives something from an
   * identity (a pseudonym) treats equal identities alike (Art. 4(5), 12(2)).
   */
  @FunctionalInterface
  public interface Lookup {

    /** The comparison of identity {@code identity} of subjects of type {@code subjectType}. */
    IdentityMatch match(String subjectType, String identity);
  }
}
