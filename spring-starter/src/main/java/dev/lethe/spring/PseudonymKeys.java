package dev.lethe.spring;

import dev.lethe.subject.Pseudonymizer;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the pseudonym key from the properties, refusing to start without one outside development
 * and in-memory databases, and the audit's chain key, refusing one that is not a valid key.
 */
final class PseudonymKeys {

  private static final Logger LOG = LoggerFactory.getLogger(PseudonymKeys.class);

  private static final String CHAIN_KEY_HOW_TO =
      "Set it to a secret of at least 32 bytes, Base64-encoded, kept apart"
          + " from the database and from the pseudonym key, for example from `openssl rand -base64 32` in the environment"
          + " variable LETHE_AUDIT_CHAINKEY; or leave it unset to derive it from the pseudonym key.";

  private PseudonymKeys() {}

  /**
   * The pseudonymizer of {@code lethe.pseudonym-key}; without one, a random key in development or
   * when the application's database is in memory (its data ends with the run, as the key does), and
   * otherwise a refusal to start.
   */
  static Pseudonymizer pseudonymizer(LetheProperties properties, @Nullable DataSource dataSource) {
    String key = properties.pseudonymKey();
    if (key != null && !key.isBlank()) {
      return Pseudonymizer.withKey(
          decode("lethe.pseudonym-key", key, MissingPseudonymKeyException.HOW_TO));
    }
    if (properties.development()) {
      LOG.warn(
          "Lethe runs with a random pseudonym key because lethe.development=true: pseudonyms in the audit and"
              + " the suppression list will not match after a restart. Never use this in production.");
      return Pseudonymizer.withRandomKey();
    }
    Optional<String> inMemory =
        dataSource == null ? Optional.empty() : InMemoryDatabases.of(dataSource);
    if (inMemory.isPresent()) {
      // An application's own tests and first runs start on such a database: they keep working
      // unchanged.
      LOG.warn(
          "Lethe runs with a random pseudonym key for this run: lethe.pseudonym-key is not set and the database"
              + " is an in-memory {} database. Pseudonyms in the audit and the suppression list will not survive a restart;"
              + " set lethe.pseudonym-key (LETHE_PSEUDONYMKEY) before using a database that does.",
          inMemory.get());
      return Pseudonymizer.withRandomKey();
    }
    throw new MissingPseudonymKeyException();
  }

  /**
   * The audit chain's key from {@code lethe.audit.chain-key}, or empty when it is not set and the
   * trail derives one from the pseudonym key.
   */
  static Optional<byte[]> chainKey(LetheProperties properties) {
    String key = properties.audit().chainKey();
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(decode("lethe.audit.chain-key", key, CHAIN_KEY_HOW_TO));
  }

  private static byte[] decode(String property, String key, String howTo) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(key.strip());
    } catch (IllegalArgumentException e) {
      // The exception's own message quotes the offending character: a piece of the secret.
      throw new IllegalStateException(property + " is not valid Base64. " + howTo);
    }
    if (bytes.length < Pseudonymizer.MINIMUM_KEY_BYTES) {
      throw new IllegalStateException(
          property
              + " has "
              + bytes.length
              + " bytes; it needs at least "
              + Pseudonymizer.MINIMUM_KEY_BYTES
              + ". "
              + howTo);
    }
    return bytes;
  }
}
