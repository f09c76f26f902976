package dev.lethe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectPseudonym;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {

  private static final SubjectIdentifier ADA =
      new SubjectIdentifier("customer", "email", "ada@example.com");

  private final Pseudonymizer pseudonymizer = Pseudonymizer.withKey(key(1));

  @Test
  @DisplayName(
      "Art. 4(5): one subject gets one pseudonym under one key, and it does not show the identity")
  void equalSubjectsShareAPseudonym() {
    SubjectPseudonym pseudonym = pseudonymizer.pseudonymize(ADA);

    assertThat(
            pseudonymizer.pseudonymize(
                new SubjectIdentifier("customer", "email", "ada@example.com")))
        .isEqualTo(pseudonym);
    assertThat(pseudonym.hex()).hasSize(64).doesNotContain("ada");
  }

  @Test
  void aPseudonymIsTheHmacSha256OfTheLengthPrefixedParts() {
    // Computed independently in Python: hmac.new(bytes([1] * 32), p(b"customer") + p(b"email") +
    // p(b"ada@example.com"), hashlib.sha256), where p prefixes each part with its length as a
    // big-endian int.
    assertThat(pseudonymizer.pseudonymize(ADA).hex())
        .isEqualTo("8df2fdae382255b39ba1d8f1995916745df307bff794d48d97549cf48ef1cea8");
  }

  @Test
  @DisplayName("Art. 32: without the key, nobody can link a pseudonym to its subject")
  void anotherKeyGivesAnotherPseudonym() {
    assertThat(Pseudonymizer.withKey(key(2)).pseudonymize(ADA))
        .isNotEqualTo(pseudonymizer.pseudonymize(ADA));
  }

  @Test
  void thePartsCannotBeShiftedIntoOneAnother() {
    assertThat(
            pseudonymizer.pseudonymize(
                new SubjectIdentifier("customer", "emai", "lada@example.com")))
        .isNotEqualTo(pseudonymizer.pseudonymize(ADA));
    assertThat(
            pseudonymizer.pseudonymize(
                new SubjectIdentifier("employee", "email", "ada@example.com")))
        .isNotEqualTo(pseudonymizer.pseudonymize(ADA));
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatThrownBy(() -> Pseudonymizer.withKey(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes")
        .hasMessageContaining("has 31");
  }

  @Test
  void theKeyIsCopiedAndNeverShown() {
    byte[] key = key(3);
    Pseudonymizer copied = Pseudonymizer.withKey(key);
    SubjectPseudonym before = copied.pseudonymize(ADA);
    Arrays.fill(key, (byte) 0);

    assertThat(copied.pseudonymize(ADA)).isEqualTo(before);
    assertThat(copied.toString()).contains("<secret>").doesNotContain("3, 3");
  }

  @Test
  void randomKeysDiffer() {
    assertThat(Pseudonymizer.withRandomKey().pseudonymize(ADA))
        .isNotEqualTo(Pseudonymizer.withRandomKey().pseudonymize(ADA));
  }

  private static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }
}
