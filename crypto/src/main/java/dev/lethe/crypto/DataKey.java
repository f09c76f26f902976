package dev.lethe.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Random;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * One subject's AES-256-GCM key, unwrapped (Art. 32(1)(a)), encrypting in Tink's ciphertext format
 * (the key's output prefix, a random 12-byte nonce, the ciphertext and its 16-byte tag), so that Tink
 * reads what it writes and the other way round.
 *
 * <p>Why not Tink's {@code Aead}: Tink's AES-GCM shares one thread-local {@link Cipher} among all
 * keys and initialises it with the value's key each time, so with one key per subject nearly every
 * value pays a fresh AES key schedule (1.5 to 2.5 µs against 0.4 µs, see RESULTS.md). Here each key
 * keeps a cipher of its own, whose key schedule the JDK reuses while the key stays the same. A cipher
 * costs 20 to 50 µs to make ({@code Cipher.getInstance}'s provider look-up), more than a few key
 * schedules, so a key's first {@value #USES_BEFORE_OWN_CIPHER} values go through Tink's primitive: a new
 * subject's key, used for a value or two in its first transaction, never pays for a cipher. Keysets of
 * another shape than the one key {@link SubjectKeys} makes always use Tink's primitive.
 */
final class DataKey {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  static final int USES_BEFORE_OWN_CIPHER = 8;

  private final byte[] prefix;
  private final @Nullable SecretKeySpec key;
  private final Aead tink;
  // The idle cipher of this key: taken for one value and put back, so that threads never share one;
  // a thread that finds none makes its own.
  private final AtomicReference<@Nullable Cipher> idle = new AtomicReference<>();
  // Racy on purpose: a lost count only delays the key's own cipher by a value.
  private int uses;

  private DataKey(byte[] prefix, @Nullable SecretKeySpec key, Aead tink) {
    this.prefix = prefix;
    this.key = key;
    this.tink = tink;
  }

  /** The key of a one-key AES-256-GCM keyset, as {@link SubjectKeys} makes them; Tink's primitive for any other. */
  static DataKey of(KeysetHandle handle) throws GeneralSecurityException {
    if (handle.size() == 1 && handle.getPrimary().getKey() instanceof AesGcmKey aesGcm) {
      return of(aesGcm);
    }
    // Tink's keyset primitive: it picks the key by each value's prefix.
    return new DataKey(
        new byte[0], null, handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
  }

  /** The key of {@code aesGcm}; Tink's primitive unless its parameters are AES-256 with a 12-byte nonce and a 16-byte tag. */
  static DataKey of(AesGcmKey aesGcm) throws GeneralSecurityException {
    AesGcmParameters parameters = aesGcm.getParameters();
    Aead tink = AesGcmJce.create(aesGcm);
    if (parameters.getKeySizeBytes() != 32
        || parameters.getIvSizeBytes() != NONCE_BYTES
        || parameters.getTagSizeBytes() * 8 != TAG_BITS) {
      return new DataKey(new byte[0], null, tink);
    }
    // The key material stays inside this object, as it stays inside Tink's primitive.
    byte[] material = aesGcm.getKeyBytes().toByteArray(InsecureSecretKeyAccess.get());
    return new DataKey(
        aesGcm.getOutputPrefix().toByteArray(), new SecretKeySpec(material, "AES"), tink);
  }

  byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
    if (key == null || uses++ < USES_BEFORE_OWN_CIPHER) {
      return tink.encrypt(plaintext, associatedData);
    }
    byte[] nonce = Random.randBytes(NONCE_BYTES);
    Cipher cipher = take();
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(associatedData);
    byte[] out = new byte[prefix.length + NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(nonce, 0, out, prefix.length, NONCE_BYTES);
    int written = cipher.doFinal(plaintext, 0, plaintext.length, out, prefix.length + NONCE_BYTES);
    idle.set(cipher);
    return written == out.length - prefix.length - NONCE_BYTES
        ? out
        : Arrays.copyOf(out, prefix.length + NONCE_BYTES + written);
  }

  byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
    if (key == null || uses++ < USES_BEFORE_OWN_CIPHER) {
      return tink.decrypt(ciphertext, associatedData);
    }
    int body = prefix.length + NONCE_BYTES;
    if (ciphertext.length < body + TAG_BITS / 8
        || !Arrays.equals(ciphertext, 0, prefix.length, prefix, 0, prefix.length)) {
      throw new GeneralSecurityException("The ciphertext is not one of this key's");
    }
    Cipher cipher = take();
    cipher.init(
        Cipher.DECRYPT_MODE,
        key,
        new GCMParameterSpec(TAG_BITS, ciphertext, prefix.length, NONCE_BYTES));
    cipher.updateAAD(associatedData);
    byte[] plaintext = cipher.doFinal(ciphertext, body, ciphertext.length - body);
    // Put back only after success: a cipher that failed mid-way is left to the garbage collector.
    idle.set(cipher);
    return plaintext;
  }

  private Cipher take() throws GeneralSecurityException {
    Cipher cipher = idle.getAndSet(null);
    return cipher != null ? cipher : Cipher.getInstance("AES/GCM/NoPadding");
  }
}
