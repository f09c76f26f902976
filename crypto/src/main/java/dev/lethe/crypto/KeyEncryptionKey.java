package dev.lethe.crypto;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;

/**
 * The key-encryption key (KEK) that wraps every subject's data key before it is stored (Art. 32(1)(a)):
 * whoever copies the database without it holds no usable key. It never leaves its keeper in
 * production: a KMS reached through Tink's {@link KmsClient} ({@link #fromKms}); a local Tink keyset
 * ({@link #fromKeyset}), kept in a secrets manager, is the default for development and small
 * deployments. Its {@linkplain #id() id} is stored beside each wrapped key, so that a rotation knows
 * which keys still need re-wrapping. Thread-safe.
 */
public final class KeyEncryptionKey {

  static {
    Tink.register();
  }

  private final String id;
  private final Aead aead;

  private KeyEncryptionKey(String id, Aead aead) {
    this.id = id;
    this.aead = aead;
  }

  /**
   * The KEK held by a KMS (AWS KMS, Google Cloud KMS, HashiCorp Vault, ...): {@code client} is the
   * provider's Tink {@link KmsClient}, {@code keyUri} its key, such as
   * {@code gcp-kms://projects/p/locations/l/keyRings/r/cryptoKeys/k}. The key never leaves the KMS;
   * every wrap and unwrap is a call to it (unwrapped subject keys are cached, see
   * {@link SubjectKeys.Builder#cacheFor}).
   *
   * @param id the name stored beside each key it wraps, at most 200 characters, such as the key URI
   * @throws IllegalStateException if the client cannot give an AEAD for the key
   */
  public static KeyEncryptionKey fromKms(String id, KmsClient client, String keyUri) {
    requireNonNull(client, "client");
    requireNonNull(keyUri, "keyUri");
    try {
      return new KeyEncryptionKey(checkedId(id), client.getAead(keyUri));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "The KMS client gives no AEAD for the key-encryption key '" + id + "'", e);
    }
  }

  /**
   * The KEK in a cleartext Tink keyset in JSON, as {@link #generateKeyset()} makes: read it from a
   * secrets manager, never from the database it protects.
   *
   * @param id the name stored beside each key it wraps, at most 200 characters
   * @throws IllegalArgumentException if the JSON is no AEAD keyset
   */
  public static KeyEncryptionKey fromKeyset(String id, String jsonKeyset) {
    requireNonNull(jsonKeyset, "jsonKeyset");
    try {
      KeysetHandle handle =
          TinkJsonProtoKeysetFormat.parseKeyset(
              jsonKeyset, RegistryConfiguration.get(), InsecureSecretKeyAccess.get());
      return new KeyEncryptionKey(
          checkedId(id), handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "The key-encryption key '" + id + "' is not a Tink AEAD keyset", e);
    }
  }

  /** A new AES-256-GCM keyset in Tink's JSON format, for {@link #fromKeyset}: keep it secret. */
  public static String generateKeyset() {
    try {
      return TinkJsonProtoKeysetFormat.serializeKeyset(
          KeysetHandle.generateNew(
              PredefinedAeadParameters.AES256_GCM, RegistryConfiguration.get()),
          RegistryConfiguration.get(),
          InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink cannot generate an AES-256-GCM keyset", e);
    }
  }

  /** A KEK with a fresh AES-256-GCM keyset that lives only in memory: for tests. */
  public static KeyEncryptionKey random(String id) {
    return fromKeyset(id, generateKeyset());
  }

  private static String checkedId(String id) {
    requireNonNull(id, "id");
    if (id.isBlank() || id.length() > 200) {
      throw new IllegalArgumentException(
          "A key-encryption key's id has 1 to 200 characters, but has " + id.length());
    }
    return id;
  }

  /** The name stored beside each key it wraps. */
  public String id() {
    return id;
  }

  Aead aead() {
    return aead;
  }

  @Override
  public String toString() {
    return "KeyEncryptionKey[" + id + "]";
  }

  /** Registers Tink's AEAD key managers once. */
  static final class Tink {
    private static volatile boolean registered;

    private Tink() {}

    static void register() {
      if (!registered) {
        try {
          AeadConfig.register();
          registered = true;
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("Tink's AEAD configuration cannot be registered", e);
        }
      }
    }
  }
}
