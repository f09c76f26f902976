package dev.lethe.spring;

import dev.lethe.audit.Pseudonymizer;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the pseudonym key from the properties, refusing to start without one outside development. */
final class PseudonymKeys {

  private static final Logger LOG = LoggerFactory.getLogger(PseudonymKeys.class);

  private PseudonymKeys() {
  }

  static Pseudonymizer pseudonymizer(LetheProperties properties) {
    String key = properties.pseudonymKey();
    if (key == null || key.isBlank()) {
      if (properties.development()) {
        LOG.warn("Lethe runs with a random pseudonym key because lethe.development=true: pseudonyms in the audit and"
            + " the suppression list will not match after a restart. Never use this in production.");
        return Pseudonymizer.withRandomKey();
      }
      throw new MissingPseudonymKeyException();
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("lethe.pseudonym-key is not valid Base64. " + MissingPseudonymKeyException.HOW_TO, e);
    }
    if (bytes.length < Pseudonymizer.MINIMUM_KEY_BYTES) {
      throw new IllegalStateException("lethe.pseudonym-key has " + bytes.length + " bytes; it needs at least "
          + Pseudonymizer.MINIMUM_KEY_BYTES + ". " + MissingPseudonymKeyException.HOW_TO);
    }
    return Pseudonymizer.withKey(bytes);
  }
}
