package dev.lethe.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.model.FieldDescriptor;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.tck.shop.LoginEvent;
import dev.lethe.tck.shop.Shop;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FieldEraserTest {

  private static final FieldDescriptor HASHED =
      Shop.model().entity(LoginEvent.class).orElseThrow().field("ipAddress").orElseThrow();

  private final FieldEraser eraser = new FieldEraser(Pseudonymizer.withKey(new byte[32]));

  @Test
  @DisplayName(
      "Art. 17: HASH hashes a value that merely looks like a hash, such as a SHA-256 device fingerprint")
  void hashesAForeignHexDigest() throws NoSuchAlgorithmException {
    String fingerprint =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest("alice's phone".getBytes(StandardCharsets.UTF_8)));

    Object erased = eraser.erase(HASHED, fingerprint);

    assertThat(erased).isNotEqualTo(fingerprint).asString().hasSize(64).matches("[0-9a-f]{64}");
    assertThat(eraser.isHash(fingerprint)).isFalse();
  }

  @Test
  @DisplayName("Art. 17: another key's hash is not taken for this key's, so it is hashed again")
  void anotherKeysHashIsNotThisKeys() {
    String foreign = new FieldEraser(Pseudonymizer.withRandomKey()).hash("alice@example.com");

    assertThat(eraser.isHash(foreign)).isFalse();
    assertThat(eraser.erase(HASHED, foreign)).isNotEqualTo(foreign);
  }

  @Property(tries = 300)
  @Label(
      "Art. 17: hashing twice equals hashing once, and equal values keep equal hashes under one key")
  void hashIsIdempotentAndLinkable(@ForAll String value) {
    Object once = eraser.erase(HASHED, value);

    assertThat(eraser.erase(HASHED, once)).isEqualTo(once);
    assertThat(eraser.erase(HASHED, value)).isEqualTo(once);
    assertThat(once).asString().hasSize(64);
  }
}
