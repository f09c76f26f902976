package dev.lethe.spi;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads and writes attributes of plain objects by name, following paths across associations. */
final class Attributes {

  private Attributes() {}

  static @Nullable Object get(Object target, String attribute) {
    try {
      return field(target.getClass(), attribute).get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(
          "Cannot read " + target.getClass().getSimpleName() + "." + attribute, e);
    }
  }

  static void set(Object target, String attribute, @Nullable Object value) {
    try {
      field(target.getClass(), attribute).set(target, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(
          "Cannot write " + target.getClass().getSimpleName() + "." + attribute, e);
    }
  }

  /** The value at the end of {@code path}, or null where it or an association along it is null. */
  static @Nullable Object getPath(Object target, List<String> path) {
    return follow(target, path).orElse(null);
  }

  /** Sets the value at the end of {@code path}; does nothing where an embedded value along it is null. */
  static void setPath(Object target, List<String> path, @Nullable Object value) {
    follow(target, path.subList(0, path.size() - 1))
        .ifPresent(owner -> set(owner, path.get(path.size() - 1), value));
  }

  /** The value at the end of {@code path}, or empty where an association along it is null. */
  static Optional<Object> follow(Object target, List<String> path) {
    Object current = target;
    for (String attribute : path) {
      current = get(current, attribute);
      if (current == null) {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  private static Field field(Class<?> type, String name) {
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      try {
        Field field = current.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException notHere) {
        // look in the superclass
      }
    }
    throw new IllegalArgumentException(type.getSimpleName() + " has no attribute '" + name + "'");
  }
}
