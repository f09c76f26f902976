package dev.lethe.request;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A correction of inaccurate personal data (Art. 16): new values for named attributes of one row.
 * Lethe validates every value against the entity's own Bean Validation constraints before anything
 * is applied. {@link #toString()} names the attributes, never the values.
 *
 * @param entity the entity class of the row
 * @param rowId the row's identifier, as a {@code SubjectRecord} of the subject's export reports it
 * @param changes attribute name to new value
 */
public record Rectification(Class<?> entity, Object rowId, Map<String, @Nullable Object> changes) {

  public Rectification {
    requireNonNull(entity, "entity");
    requireNonNull(rowId, "rowId");
    requireNonNull(changes, "changes");
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("A rectification needs at least one attribute to change");
    }
    changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
  }

  @Override
  public String toString() {
    return "Rectification[" + entity.getSimpleName() + ", attributes=" + changes.keySet() + "]";
  }
}
