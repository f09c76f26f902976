package dev.lethe.subject;

import static java.util.Objects.requireNonNull;

/**
 * One data subject as a store knows it: the subject type and the identifier of its root row. An
 * identity named in a request resolves to keys first; every plan then starts from keys.
 *
 * <p>The identifier relates to a person, so {@link #toString()} does not show it.
 *
 * @param subjectType the subject type's name
 * @param id the root row's identifier, as the store's identifier type (a {@code Long}, a {@code UUID}, ...)
 */
public record SubjectKey(String subjectType, Object id) {

  public SubjectKey {
    requireNonNull(subjectType, "subjectType");
    requireNonNull(id, "id");
  }

  @Override
  public String toString() {
    return "SubjectKey[" + subjectType + ", id=<redacted>]";
  }
}
