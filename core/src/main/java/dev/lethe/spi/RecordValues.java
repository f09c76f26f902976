package dev.lethe.spi;

import static java.util.Objects.requireNonNull;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One exported row's values as an unmodifiable, insertion-ordered map: a {@link Layout} of attribute
 * names shared by every row of an entity type, plus one array of values per row. A large export
 * builds one small array per row instead of a hash map per row, and {@link dev.lethe.spi.SubjectRecord}
 * keeps it as it is instead of copying it. Part of the SPI: a store writer builds the rows of a
 * subject's export (Art. 15(3), Art. 20) with it.
 */
public final class RecordValues extends AbstractMap<String, @Nullable Object> {

  private final Layout layout;
  private final @Nullable Object[] values;

  private RecordValues(Layout layout, @Nullable Object[] values) {
    this.layout = layout;
    this.values = values;
  }

  /** The attribute names, shared with the other rows of the same layout. */
  public Layout layout() {
    return layout;
  }

  /** The value of the attribute at {@code index} in the layout. */
  public @Nullable Object value(int index) {
    return values[index];
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return layout.indexOf(key) >= 0;
  }

  @Override
  public @Nullable Object get(@Nullable Object key) {
    int index = layout.indexOf(key);
    return index < 0 ? null : values[index];
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super @Nullable Object> action) {
    for (int i = 0; i < values.length; i++) {
      action.accept(layout.names.get(i), values[i]);
    }
  }

  @Override
  public Set<Entry<String, @Nullable Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, @Nullable Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Entry<String, @Nullable Object> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            int index = next++;
            return new SimpleImmutableEntry<>(layout.names.get(index), values[index]);
          }
        };
      }

      @Override
      public int size() {
        return values.length;
      }
    };
  }

  /**
   * The attribute names of one entity type's rows, in the model's order: immutable, built once per
   * export of that type and shared by all its rows.
   */
  public static final class Layout {

    private final List<String> names;
    private final Map<String, Integer> indexes;

    private Layout(List<String> names) {
      this.names = List.copyOf(names);
      this.indexes = new HashMap<>();
      for (int i = 0; i < this.names.size(); i++) {
        if (indexes.put(this.names.get(i), i) != null) {
          throw new IllegalArgumentException(
              "The attribute " + this.names.get(i) + " is named twice");
        }
      }
    }

    /** A layout of {@code names}, which must be distinct. */
    public static Layout of(List<String> names) {
      return new Layout(requireNonNull(names, "names"));
    }

    /** The attribute names, in order. */
    public List<String> names() {
      return names;
    }

    /** The number of attributes. */
    public int size() {
      return names.size();
    }

    /** The position of {@code name}, or -1 if this layout has no such attribute. */
    public int indexOf(@Nullable Object name) {
      Integer index = indexes.get(name);
      return index == null ? -1 : index;
    }

    /**
     * The row whose values are {@code values}, one per attribute in order. The array becomes the
     * row's: the caller must neither keep nor change it, which is what lets the row be shared
     * without a copy.
     */
    public RecordValues row(@Nullable Object[] values) {
      if (values.length != names.size()) {
        throw new IllegalArgumentException(
            "Expected " + names.size() + " values, got " + values.length);
      }
      return new RecordValues(this, values);
    }

    /** The row holding {@code source}'s values of this layout's attributes, null where it has none. */
    public RecordValues project(Map<String, @Nullable Object> source) {
      @Nullable Object[] values = new Object[names.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = source.get(names.get(i));
      }
      return new RecordValues(this, values);
    }
  }
}
