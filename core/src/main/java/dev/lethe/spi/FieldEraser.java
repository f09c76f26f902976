package dev.lethe.spi;

import dev.lethe.model.ErasureRule;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.Placeholders;
import dev.lethe.subject.Pseudonymizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Computes the erased value of one attribute under its rule, for stores that erase in Java
 * (Art. 17(1)). Erasing an erased value changes nothing, so that erasing twice equals once. Part of
 * the SPI: a store that erases in Java uses it.
 */
public final class FieldEraser {

  private static final char MASK = '*';

  /** Hex digits in each half of a stored hash: 128 bits each, 64 in all, the length HASH has always written. */
  private static final int HALF = 32;

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  /** Separates the two keyed functions under the one key, and both from the other uses of the key. */
  private static final String VALUE_DOMAIN = "lethe.erasure.hash.value";

  private static final String TAG_DOMAIN = "lethe.erasure.hash.tag";

  private final Pseudonymizer hashKey;

  /** An eraser whose HASH strategy uses {@code hashKey}. */
  public FieldEraser(Pseudonymizer hashKey) {
    this.hashKey = hashKey;
  }

  /** The value {@code field} holds after erasure, given the value it holds now. */
  public @Nullable Object erase(FieldDescriptor field, @Nullable Object value) {
    ErasureRule rule = field.erasure();
    return switch (rule.strategy()) {
      case NULLIFY -> null;
      case REPLACE ->
          Placeholders.replacement(rule.placeholder(), field.type(), field.category())
              .orElseThrow();
      case HASH -> value == null || isHash(value.toString()) ? value : hash(value.toString());
      case MASK ->
          value == null ? null : mask(value.toString(), rule.maskKeepFirst(), rule.maskKeepLast());
      case KEEP, DELETE_ROW -> value;
    };
  }

  /**
   * The keyed hash HASH stores for {@code text} (Art. 4(5)): 64 lower-case hex digits, the first
   * half a truncated HMAC of the value, the second half a truncated HMAC of the first half. Equal
   * values give equal hashes under one key only; the second half lets {@link #isHash} recognise,
   * with the key, a value this eraser wrote.
   */
  public String hash(String text) {
    String value = hashKey.hash(VALUE_DOMAIN, text).substring(0, HALF);
    return value + tag(value);
  }

  /**
   * Whether {@code text} is a hash this eraser (its key) wrote, so that erasing it again would
   * change it: erasing twice must equal erasing once. The check is keyed, not a guess from the
   * shape: a value that merely looks like a hash (a SHA-256 device fingerprint, another key's
   * hash) passes only if its second half is the keyed tag of its first, a chance of 2^-128, and
   * so is hashed like any other personal data (Art. 17(1)).
   */
  public boolean isHash(String text) {
    return text.length() == 2 * HALF
        && HEX.matcher(text).matches()
        && MessageDigest.isEqual(
            tag(text.substring(0, HALF)).getBytes(StandardCharsets.US_ASCII),
            text.substring(HALF).getBytes(StandardCharsets.US_ASCII));
  }

  private String tag(String value) {
    return hashKey.hash(TAG_DOMAIN, value).substring(0, HALF);
  }

  /** Keeps the first and last characters and masks the rest; a text too short to keep any is masked whole. */
  public static String mask(String text, int keepFirst, int keepLast) {
    int length = text.length();
    if (keepFirst + keepLast >= length) {
      return String.valueOf(MASK).repeat(length);
    }
    return text.substring(0, keepFirst)
        + String.valueOf(MASK).repeat(length - keepFirst - keepLast)
        + text.substring(length - keepLast);
  }
}
