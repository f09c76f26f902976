package dev.lethe.spring;

import java.util.List;

/**
 * Thrown at start-up when entities declare {@code @Encrypted} attributes but no key-encryption key
 * is configured: without it Lethe cannot store them encrypted with their subject's key, and an
 * erasure could not shred their copies (Art. 17(1), 32(1)(a)). Lethe will not invent a key outside
 * development, as values encrypted under it would be lost with the next restart.
 */
public final class MissingKeyEncryptionKeyException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  MissingKeyEncryptionKeyException(List<String> attributes, boolean cryptoPresent) {
    super(
        attributes
            + (attributes.size() == 1 ? " is" : " are")
            + " @Encrypted, but "
            + (cryptoPresent
                ? "no key-encryption key is configured. Set lethe.crypto.keyset-path to a file holding a"
                    + " Tink JSON keyset (KeyEncryptionKey.generateKeyset() makes one), or lethe.crypto.keyset to the keyset"
                    + " itself, kept apart from the database; or define a SubjectKeys bean (a KMS); or set"
                    + " lethe.development=true to use a random key while developing."
                : "lethe-crypto is not on the class path. Add the dependency dev.lethe:lethe-crypto and set"
                    + " lethe.crypto.keyset-path (or lethe.crypto.keyset) to the key-encryption key."));
  }
}
