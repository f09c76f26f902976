package dev.lethe.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@link DataKey} is AES-256-GCM in Tink's ciphertext format (Art. 32(1)(a)): whatever it encrypts
 * Tink's own primitive of the same keyset decrypts, and the other way round, so that values written
 * before and after it read alike.
 */
class DataKeyTest {

  @BeforeContainer
  static void registerTink() throws GeneralSecurityException {
    AeadConfig.register();
  }

  @Property(tries = 200)
  void art32_tinkAndDataKeyReadEachOthersValues(
      @ForAll String plaintext, @ForAll byte[] associatedData) throws GeneralSecurityException {
    KeysetHandle handle = newKeyset();
    Aead tink = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
    DataKey ours = DataKey.of(handle);
    byte[] clear = plaintext.getBytes(StandardCharsets.UTF_8);

    // Past the first values, which go through Tink's primitive, to the key's own cipher.
    for (int use = 0; use <= DataKey.USES_BEFORE_OWN_CIPHER; use++) {
      assertThat(tink.decrypt(ours.encrypt(clear, associatedData), associatedData))
          .isEqualTo(clear);
      assertThat(ours.decrypt(tink.encrypt(clear, associatedData), associatedData))
          .isEqualTo(clear);
    }
    assertThat(ours.encrypt(clear, associatedData))
        .as("a fresh nonce each time")
        .isNotEqualTo(ours.encrypt(clear, associatedData));
  }

  @Property(tries = 50)
  void art32_aValueDoesNotDecryptUnderAnotherKeyOrOtherAssociatedData(@ForAll String plaintext)
      throws GeneralSecurityException {
    DataKey one = DataKey.of(newKeyset());
    DataKey other = DataKey.of(newKeyset());
    byte[] stored = one.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), new byte[] {1});
    for (int use = 0; use < DataKey.USES_BEFORE_OWN_CIPHER; use++) {
      one.decrypt(stored, new byte[] {1});
      other.encrypt(new byte[0], new byte[] {1});
    }

    assertThatThrownBy(() -> other.decrypt(stored, new byte[] {1}))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(() -> one.decrypt(stored, new byte[] {2}))
        .isInstanceOf(GeneralSecurityException.class);
    byte[] tampered = stored.clone();
    tampered[tampered.length - 1] ^= 1;
    assertThatThrownBy(() -> one.decrypt(tampered, new byte[] {1}))
        .isInstanceOf(GeneralSecurityException.class);
    assertThat(one.decrypt(stored, new byte[] {1}))
        .as("the key still works after failures")
        .isEqualTo(plaintext.getBytes(StandardCharsets.UTF_8));
  }

  private static KeysetHandle newKeyset() throws GeneralSecurityException {
    return KeysetHandle.generateNew(
        PredefinedAeadParameters.AES256_GCM, RegistryConfiguration.get());
  }
}
