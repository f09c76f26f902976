package dev.lethe.model;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * The attributes of an entity that hold a point in time: what a retention clock (Art. 5(1)(e)) and
 * a breach's time window over an entity's rows (Art. 33(3)(a)) may name. Part of the SPI: a store
 * writer reads a retention clock's values with it.
 */
public final class TemporalAttributes {

  /** The types of an attribute that holds a point in time. */
  public static final Set<Class<?>> TYPES =
      Set.of(
          LocalDate.class,
          LocalDateTime.class,
          Instant.class,
          OffsetDateTime.class,
          ZonedDateTime.class,
          Date.class,
          Calendar.class);

  private TemporalAttributes() {}

  /** The names of {@code type}'s attributes, inherited ones included, that hold a point in time. */
  public static List<String> of(Class<?> type) {
    return AnnotationReader.fieldsOf(type).stream()
        .filter(field -> TYPES.contains(field.getType()))
        .map(Field::getName)
        .toList();
  }

  /**
   * Refuses {@code attribute} unless it is one of {@code type}'s attributes holding a point in time,
   * naming the entity and the attributes it could be, but not the name given, which a caller typed.
   *
   * @throws IllegalArgumentException if it is not
   */
  public static void requireWindowAttribute(Class<?> type, String attribute) {
    List<String> temporal = of(type);
    if (temporal.contains(attribute)) {
      return;
    }
    String entity = type.getSimpleName();
    throw new IllegalArgumentException(
        temporal.isEmpty()
            ? entity
                + " has no date or time attribute, so its rows cannot be searched by time: add one that says when"
                + " each row was written (such as an Instant createdAt set on insert), or list the subjects the breach"
                + " affects"
            : "The attribute named is not a date or time attribute of "
                + entity
                + ": name one of "
                + temporal);
  }
}
