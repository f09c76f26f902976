package dev.lethe.spi;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One row of a subject's data as a store streams it for access and portability (Art. 15, 20): the
 * row's identifier and the values of its personal-data attributes, in the model's order. A value
 * is null where the row holds none. The values are copied into an unmodifiable map unless they
 * already are Lethe's own immutable row, as stores built into Lethe pass them, so that a large
 * export does not copy each row again.
 *
 * @param entity the entity class the row belongs to
 * @param rowId the row's identifier, so that a rectification can name the row (Art. 16)
 * @param values attribute name to value, personal-data attributes only
 */
public record SubjectRecord(Class<?> entity, Object rowId, Map<String, @Nullable Object> values) {

  public SubjectRecord {
    requireNonNull(entity, "entity");
    requireNonNull(rowId, "rowId");
    requireNonNull(values, "values");
    if (!(values instanceof RecordValues)) {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }

  @Override
  public String toString() {
    return "SubjectRecord[" + entity.getSimpleName() + ", " + values.size() + " values]";
  }
}
