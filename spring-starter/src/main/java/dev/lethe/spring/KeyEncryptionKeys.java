package dev.lethe.spring;

import dev.lethe.crypto.KeyEncryptionKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads crypto-shredding's key-encryption key from {@code lethe.crypto.*} (Art. 32(1)(a)), or makes
 * a random one in development; loaded only when lethe-crypto is on the class path.
 */
final class KeyEncryptionKeys {

  private static final Logger LOG = LoggerFactory.getLogger(KeyEncryptionKeys.class);

  private KeyEncryptionKeys() {}

  /** The configured KEK; a random one in development; empty when none is configured outside it. */
  static Optional<KeyEncryptionKey> keyEncryptionKey(LetheProperties properties) {
    LetheProperties.CryptoProperties crypto = properties.crypto();
    if (crypto.keysetPath() != null && crypto.keyset() != null && !crypto.keyset().isBlank()) {
      throw new IllegalStateException(
          "Both lethe.crypto.keyset-path and lethe.crypto.keyset are set: set one.");
    }
    if (crypto.keysetPath() != null) {
      String json;
      try {
        json = Files.readString(crypto.keysetPath(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(
            "lethe.crypto.keyset-path names "
                + crypto.keysetPath()
                + ", which cannot be read ("
                + e.getClass().getSimpleName()
                + ")");
      }
      return Optional.of(fromKeyset(crypto.kekId(), json, "lethe.crypto.keyset-path"));
    }
    if (crypto.keyset() != null && !crypto.keyset().isBlank()) {
      return Optional.of(fromKeyset(crypto.kekId(), crypto.keyset(), "lethe.crypto.keyset"));
    }
    if (properties.development()) {
      LOG.warn(
          "Lethe wraps subject keys with a random key-encryption key because lethe.development=true and"
              + " lethe.crypto.keyset-path is not set: values stored @Encrypted are unreadable after a restart. Never use"
              + " this in production.");
      return Optional.of(KeyEncryptionKey.random("development-" + System.currentTimeMillis()));
    }
    return Optional.empty();
  }

  private static KeyEncryptionKey fromKeyset(String id, String json, String property) {
    try {
      return KeyEncryptionKey.fromKeyset(id, json);
    } catch (IllegalArgumentException e) {
      // Tink's message may quote the keyset: only the property is named.
      throw new IllegalStateException(
          property
              + " holds no Tink AEAD keyset in JSON; KeyEncryptionKey.generateKeyset()"
              + " makes one.");
    }
  }
}
