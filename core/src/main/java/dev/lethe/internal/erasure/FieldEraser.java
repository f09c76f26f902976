package dev.lethe.internal.erasure;

import dev.lethe.audit.Pseudonymizer;
import dev.lethe.internal.model.Placeholders;
import dev.lethe.model.ErasureRule;
import dev.lethe.model.FieldDescriptor;
import org.jspecify.annotations.Nullable;

/** Computes the erased value of one attribute under its rule, for stores that erase in Java. */
public final class FieldEraser {

  private static final char MASK = '*';
  private static final java.util.regex.Pattern HASH = java.util.regex.Pattern.compile("[0-9a-f]{64}");

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
      case REPLACE -> Placeholders.replacement(rule.placeholder(), field.type(), field.category()).orElseThrow();
      case HASH -> value == null || isHash(value.toString()) ? value : hashKey.hash(value.toString());
      case MASK -> value == null ? null : mask(value.toString(), rule.maskKeepFirst(), rule.maskKeepLast());
      case KEEP, DELETE_ROW -> value;
    };
  }

  /**
   * Whether {@code text} already is a keyed hash: 64 lower-case hex digits. Hashing it again would
   * change it, and erasure and retention must do nothing the second time they run.
   */
  public static boolean isHash(String text) {
    return HASH.matcher(text).matches();
  }

  /** Keeps the first and last characters and masks the rest; a text too short to keep any is masked whole. */
  public static String mask(String text, int keepFirst, int keepLast) {
    int length = text.length();
    if (keepFirst + keepLast >= length) {
      return String.valueOf(MASK).repeat(length);
    }
    return text.substring(0, keepFirst) + String.valueOf(MASK).repeat(length - keepFirst - keepLast)
        + text.substring(length - keepLast);
  }
}
