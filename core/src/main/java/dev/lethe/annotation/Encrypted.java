package dev.lethe.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a {@link PersonalData} attribute encrypted with its data subject's own key, so that erasing
 * the subject (Art. 17) destroys the key and with it every copy of the value: backups, read replicas,
 * data warehouses, exports of the table (crypto-shredding, Art. 17(1), 32(1)(a)). The application reads
 * and writes the value in clear; the store encrypts it on the way to the database and decrypts it on
 * the way back. A copy whose key was destroyed reads as the erasure strategy's placeholder.
 *
 * <p>The attribute is a {@code String} whose column is wide enough for the ciphertext (up to
 * {@code 51 + ⌈4 × (3n + 33) / 3⌉} characters for a value of {@code n} characters; the store checks
 * it at start-up against the attribute's {@code @Size(max)}), its erasure strategy {@code NULLIFY}, {@code REPLACE}
 * or {@code DELETE_ROW}, and its subject known when the row is written: the row is the subject's
 * root, or reaches it through to-one associations. A subject identity stored encrypted is found
 * through a keyed blind index kept in {@link #blindIndex()}.
 */
@Documented
@java.lang.annotation.Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Encrypted {

  /**
   * For a {@link SubjectIdentity} stored encrypted: the attribute of the same entity that holds the
   * keyed hash of the normalised value (a {@code String} column of at least 64 characters, indexed),
   * by which identity lookup finds the subject (Art. 15, 17). Empty for an attribute nobody looks up.
   */
  String blindIndex() default "";
}
