package dev.lethe.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeyEncryptionKeyTest {

  @Test
  @DisplayName("Art. 32(1)(a): a generated keyset reads back as a KEK that wraps what it unwraps")
  void generatedKeysetRoundTrips() throws Exception {
    String json = KeyEncryptionKey.generateKeyset();
    KeyEncryptionKey kek = KeyEncryptionKey.fromKeyset("kek-1", json);
    KeyEncryptionKey same = KeyEncryptionKey.fromKeyset("kek-1", json);

    byte[] wrapped = kek.aead().encrypt("subject key".getBytes(), "pseudonym".getBytes());
    assertThat(new String(same.aead().decrypt(wrapped, "pseudonym".getBytes())))
        .isEqualTo("subject key");
    assertThat(kek.id()).isEqualTo("kek-1");
  }

  @Test
  @DisplayName("Art. 32(1)(a): another keyset, or other associated data, does not unwrap")
  void otherKeysetOrAssociatedDataDoesNotUnwrap() throws Exception {
    KeyEncryptionKey kek = KeyEncryptionKey.random("kek-1");
    byte[] wrapped = kek.aead().encrypt("subject key".getBytes(), "pseudonym".getBytes());

    assertThatThrownBy(
            () -> KeyEncryptionKey.random("kek-1").aead().decrypt(wrapped, "pseudonym".getBytes()))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(() -> kek.aead().decrypt(wrapped, "another pseudonym".getBytes()))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  @DisplayName(
      "Art. 32: what is no keyset is refused without quoting it, and neither toString nor the id shows key material")
  void refusesWhatIsNoKeysetWithoutQuotingIt() {
    String secretLooking = "{\"primaryKeyId\": 1, \"key\": \"s3cr3t-material\"}";
    assertThatThrownBy(() -> KeyEncryptionKey.fromKeyset("kek-1", secretLooking))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'kek-1' is not a Tink AEAD keyset")
        .hasMessageNotContaining("s3cr3t");
    String json = KeyEncryptionKey.generateKeyset();
    assertThat(KeyEncryptionKey.fromKeyset("kek-2", json).toString())
        .isEqualTo("KeyEncryptionKey[kek-2]");
  }

  @Test
  @DisplayName("An id is 1 to 200 characters, as its column holds")
  void idHasOneToTwoHundredCharacters() {
    assertThatThrownBy(() -> KeyEncryptionKey.random(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyEncryptionKey.random("k".repeat(201)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("201");
    assertThat(KeyEncryptionKey.random("k".repeat(200)).id()).hasSize(200);
  }
}
