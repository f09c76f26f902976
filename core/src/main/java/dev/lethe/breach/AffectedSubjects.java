package dev.lethe.breach;

import static java.util.Objects.requireNonNull;

import dev.lethe.internal.util.Texts;
import dev.lethe.subject.SubjectIdentifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who a breach affects, as the controller knows it (Art. 33(3)(a), 34(1)): subjects it names, and
 * the subjects of rows of an entity type whose temporal attribute lies in a time window, such as the
 * orders placed while a payment page was compromised. Combine both with {@link #and}.
 *
 * @param listed the subjects named
 * @param windows the entity rows by time
 */
public record AffectedSubjects(List<SubjectIdentifier> listed, List<RowsBetween> windows) {

  public AffectedSubjects {
    listed = List.copyOf(listed);
    windows = List.copyOf(windows);
  }

  /** The subjects {@code subjects} name, each resolved through the store as a rights request's identity is. */
  public static AffectedSubjects listed(List<SubjectIdentifier> subjects) {
    return new AffectedSubjects(subjects, List.of());
  }

  /**
   * The subjects of every row of {@code entity} (the entity's simple name) whose temporal attribute
   * {@code attribute} lies in {@code [from, to)}.
   */
  public static AffectedSubjects rowsBetween(
      String entity, String attribute, Instant from, Instant to) {
    return new AffectedSubjects(List.of(), List.of(new RowsBetween(entity, attribute, from, to)));
  }

  /** The subjects of this and of {@code other}. */
  public AffectedSubjects and(AffectedSubjects other) {
    List<SubjectIdentifier> subjects = new ArrayList<>(listed);
    subjects.addAll(other.listed());
    List<RowsBetween> rows = new ArrayList<>(windows);
    rows.addAll(other.windows());
    return new AffectedSubjects(subjects, rows);
  }

  /** Whether it names no subject and no rows. */
  public boolean isEmpty() {
    return listed.isEmpty() && windows.isEmpty();
  }

  /**
   * The rows of one entity type in a time window.
   *
   * @param entity the entity's name, as the model names it
   * @param attribute its temporal attribute, such as {@code placedAt}
   * @param from the window's start, included
   * @param to the window's end, excluded
   */
  public record RowsBetween(String entity, String attribute, Instant from, Instant to) {
    public RowsBetween {
      Texts.requireNonBlank(entity, "entity");
      Texts.requireNonBlank(attribute, "attribute");
      requireNonNull(from, "from");
      requireNonNull(to, "to");
      if (!from.isBefore(to)) {
        throw new IllegalArgumentException(
            "A breach's time window must start before it ends (from before to)");
      }
    }
  }
}
