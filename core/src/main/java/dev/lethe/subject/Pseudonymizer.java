package dev.lethe.subject;

import static java.util.Objects.requireNonNull;

import dev.lethe.model.IdentityMatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a subject identifier into a {@link SubjectPseudonym} with HMAC-SHA256 under a secret key,
 * so that the audit never holds personal data (Art. 4(5) pseudonymisation, Art. 32 security).
 *
 * <p>Keep the key apart from the audit, such as in a secrets manager: whoever holds both can test
 * guesses of an identity against the pseudonyms. Use the same key for the life of an audit trail,
 * or one subject's events stop matching. Thread-safe; the key never appears in {@link #toString()}.
 *
 * <p>One person, one pseudonym: give the model's comparison of identities with {@link
 * #withIdentityMatch} ({@code pseudonymizer.withIdentityMatch(model::identityMatch)}), and an
 * identity's value is hashed in the form its rule compares, so that {@code Ada@Example.com} and
 * {@code ada@example.com} (an e-mail identity ignores case and spaces by default) give one
 * pseudonym, as they name one subject. Without it, values are hashed as written.
 */
public final class Pseudonymizer {

  /** The shortest key accepted: 256 bits, the strength of HMAC-SHA256. */
  public static final int MINIMUM_KEY_BYTES = 32;

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final IdentityMatch.Lookup identityMatch;
  // Initialised once and never updated: each hash works on a clone, which skips the provider
  // look-up and the key schedule (half of what a hash cost when it encrypts every value, see
  // SubjectKeys).
  private final Mac initialised;

  private Pseudonymizer(byte[] key) {
    this(new SecretKeySpec(key, ALGORITHM), (subjectType, identity) -> IdentityMatch.EXACT);
  }

  private Pseudonymizer(SecretKeySpec key, IdentityMatch.Lookup identityMatch) {
    this.key = key;
    this.identityMatch = identityMatch;
    this.initialised = macOf(key);
  }

  /**
   * A pseudonymizer with the given secret key, which is copied. Keep the key apart from the audit
   * (Art. 32).
   *
   * @throws IllegalArgumentException if the key is shorter than {@value #MINIMUM_KEY_BYTES} bytes
   */
  public static Pseudonymizer withKey(byte[] key) {
    requireNonNull(key, "key");
    if (key.length < MINIMUM_KEY_BYTES) {
      throw new IllegalArgumentException(
          "The pseudonymisation key must be at least "
              + MINIMUM_KEY_BYTES
              + " bytes (256 bits) for HMAC-SHA256, but has "
              + key.length);
    }
    return new Pseudonymizer(Arrays.copyOf(key, key.length));
  }

  /**
   * A pseudonymizer with a fresh random key that lives only in memory (Art. 4(5)). Pseudonyms then differ from
   * one run to the next: fit for tests and for an audit trail that lives in memory too.
   */
  public static Pseudonymizer withRandomKey() {
    byte[] key = new byte[MINIMUM_KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return new Pseudonymizer(key);
  }

  /**
   * A pseudonymizer with this key that hashes each identity's value in the form {@code identityMatch}
   * compares it (Art. 4(5), 12(2)): identities that match give one pseudonym. Pseudonyms of values
   * that differ only in what the comparison ignores (case and spaces of an e-mail) change from those
   * written without it.
   *
   * @param identityMatch such as {@code model::identityMatch}; asked at each pseudonymisation, so it
   *     may look the model up late
   */
  public Pseudonymizer withIdentityMatch(IdentityMatch.Lookup identityMatch) {
    return new Pseudonymizer(key, requireNonNull(identityMatch, "identityMatch"));
  }

  /**
   * The pseudonym of {@code subject}: a keyed hash of its subject type, identity and value (Art.
   * 4(5)), the value in the form its identity is compared in when {@linkplain #withIdentityMatch
   * given}.
   */
  public SubjectPseudonym pseudonymize(SubjectIdentifier subject) {
    requireNonNull(subject, "subject");
    String value =
        identityMatch.match(subject.subjectType(), subject.identity()).normalize(subject.value());
    return new SubjectPseudonym(hash(subject.subjectType(), subject.identity(), value));
  }

  /**
   * The keyed hash of {@code parts}, as 64 hex digits: equal inputs give equal hashes under one key
   * only, and nobody without the key can recover or test them. Erasure's {@code HASH} strategy and
   * the suppression list use it.
   */
  public String hash(String... parts) {
    Mac mac = newMac();
    // Each part is length-prefixed, so that ("ab", "c") and ("a", "bc") never share a hash.
    for (String part : parts) {
      byte[] bytes = requireNonNull(part, "part").getBytes(StandardCharsets.UTF_8);
      mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
      mac.update(bytes);
    }
    return HexFormat.of().formatHex(mac.doFinal());
  }

  /**
   * A key for another purpose derived from this one under {@code label}, as HMAC(key, label): the
   * audit chain's key when no separate one is given. Keys for different labels are independent, and
   * none reveals this key.
   */
  public byte[] deriveKey(String label) {
    return newMac().doFinal(requireNonNull(label, "label").getBytes(StandardCharsets.UTF_8));
  }

  // A Mac is not thread-safe: each call gets its own, a clone of one initialised with the key.
  private Mac newMac() {
    try {
      return (Mac) initialised.clone();
    } catch (CloneNotSupportedException providerCannotClone) {
      return macOf(key);
    }
  }

  private static Mac macOf(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java platform provides " + ALGORITHM, e);
    }
  }

  @Override
  public String toString() {
    return "Pseudonymizer[" + ALGORITHM + ", key=<secret>]";
  }
}
