package dev.lethe.jpa.internal;

import dev.lethe.annotation.Encrypted;
import dev.lethe.erasure.ErasurePlan;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the reader and the eraser ask of crypto-shredding, in terms free of lethe-crypto, so that a
 * store without it never loads its classes: {@link FieldEncryption} implements it.
 */
public interface Encryption {

  /** No attribute is encrypted. */
  Encryption NONE =
      new Encryption() {
        @Override
        public @Nullable Object reveal(
            Class<?> entity, FieldDescriptor field, @Nullable Object stored) {
          return stored;
        }

        @Override
        public Optional<BlindLookup> blindIndex(Class<?> root, String attribute) {
          return Optional.empty();
        }

        @Override
        public void shred(
            EntityManager em,
            ErasurePlan plan,
            Object key,
            Map<Class<?>, ErasurePlan.RowCount> counts) {}
      };

  /** Characters of {@code lethe1.}, the subject's pseudonym in base64url (32 bytes) and the dot after it. */
  int HEADER_CHARS = 7 + 43 + 1;

  /** Bytes Tink's AES-256-GCM adds to a value: a 5-byte key prefix, a 12-byte nonce, a 16-byte tag. */
  int AEAD_OVERHEAD_BYTES = 5 + 12 + 16;

  /** The most UTF-8 bytes a Java {@code char} takes (a surrogate pair takes four for two chars). */
  int MAX_UTF8_BYTES_PER_CHAR = 3;

  /**
   * The longest stored form of a value of {@code chars} characters, whatever the characters: the
   * width its column needs (the header, then the ciphertext in unpadded base64url).
   */
  static long storedLength(int chars) {
    long bytes = (long) chars * MAX_UTF8_BYTES_PER_CHAR + AEAD_OVERHEAD_BYTES;
    return HEADER_CHARS + (4 * bytes + 2) / 3;
  }

  /** Whether any entity of {@code mapping} declares an {@code @Encrypted} attribute, found without lethe-crypto. */
  public static boolean declared(JpaMapping mapping) {
    for (EntityInfo info : mapping.entities()) {
      for (Class<?> type = info.type();
          type != null && type != Object.class;
          type = type.getSuperclass()) {
        for (Field field : type.getDeclaredFields()) {
          if (field.isAnnotationPresent(Encrypted.class)) {
            return true;
          }
        }
      }
    }
    return !encryptedInsideEmbeddables(mapping).isEmpty();
  }

  /** The personal-data attributes of embedded values marked {@code @Encrypted}, as entity and dotted name. */
  static List<Map.Entry<Class<?>, String>> encryptedInsideEmbeddables(JpaMapping mapping) {
    List<Map.Entry<Class<?>, String>> found = new ArrayList<>();
    for (EntityDescriptor entity : mapping.model().entities()) {
      for (FieldDescriptor field : entity.fields()) {
        if (!field.name().contains(".")) {
          continue;
        }
        Class<?> owner = entity.type();
        Field javaField = null;
        for (String part : field.path()) {
          javaField = declared(owner, part);
          if (javaField == null) {
            break;
          }
          owner = javaField.getType();
        }
        if (javaField != null && javaField.isAnnotationPresent(Encrypted.class)) {
          found.add(Map.entry(entity.type(), field.name()));
        }
      }
    }
    return found;
  }

  private static java.lang.reflect.@Nullable Field declared(Class<?> type, String name) {
    for (Class<?> current = type;
        current != null && current != Object.class;
        current = current.getSuperclass()) {
      try {
        return current.getDeclaredField(name);
      } catch (NoSuchFieldException absent) {
        // inherited, perhaps
      }
    }
    return null;
  }

  /** The clear value of {@code stored}, as read from {@code entity}'s {@code field}: decrypted, or the placeholder. */
  @Nullable Object reveal(Class<?> entity, FieldDescriptor field, @Nullable Object stored);

  /** How to look up the encrypted identity {@code attribute} of {@code root}, if it is one. */
  Optional<BlindLookup> blindIndex(Class<?> root, String attribute);

  /** Destroys the plan's subject's key on {@code em}'s transaction and records what that shredded in {@code counts}. */
  void shred(
      EntityManager em, ErasurePlan plan, Object key, Map<Class<?>, ErasurePlan.RowCount> counts);

  /**
   * An identity found by its blind index.
   *
   * @param attribute the attribute holding the index
   * @param index the index of a requested value, normalised as the identity is compared
   */
  record BlindLookup(String attribute, Function<String, String> index) {}
}
