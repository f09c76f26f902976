package dev.lethe.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecordValuesTest {

  private final RecordValues.Layout layout =
      RecordValues.Layout.of(List.of("name", "email", "phone"));

  @Test
  @DisplayName(
      "A row reads as an ordered map equal to the LinkedHashMap of the same values, nulls included")
  void rowIsAnOrderedMap() {
    Map<String, Object> row = layout.row(new Object[] {"Ada", null, "0123"});
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("name", "Ada");
    expected.put("email", null);
    expected.put("phone", "0123");

    assertThat(row).isEqualTo(expected).hasSameHashCodeAs(expected);
    assertThat(new ArrayList<>(row.keySet())).containsExactly("name", "email", "phone");
    assertThat(row.containsKey("email")).isTrue();
    assertThat(row.containsKey("street")).isFalse();
    assertThat(row.get("street")).isNull();
    List<String> visited = new ArrayList<>();
    row.forEach((name, value) -> visited.add(name + "=" + value));
    assertThat(visited).containsExactly("name=Ada", "email=null", "phone=0123");
  }

  @Test
  @DisplayName("A row cannot be changed")
  void rowIsUnmodifiable() {
    Map<String, Object> row = layout.row(new Object[] {"Ada", null, "0123"});

    assertThatThrownBy(() -> row.put("name", "Bob"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> row.remove("name")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> row.entrySet().iterator().next().setValue("Bob"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(row::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThat(row.get("name")).isEqualTo("Ada");
  }

  @Test
  @DisplayName(
      "A projection keeps the layout's attributes in its order, null where the source has none")
  void projection() {
    Map<String, Object> source =
        new HashMap<>(Map.of("phone", "0123", "name", "Ada", "street", "Main St"));

    Map<String, Object> projected =
        RecordValues.Layout.of(List.of("phone", "email", "name")).project(source);

    assertThat(new ArrayList<>(projected.entrySet()))
        .containsExactly(
            Map.entry("phone", "0123"),
            new AbstractMap.SimpleImmutableEntry<>("email", null),
            Map.entry("name", "Ada"));
  }

  @Test
  @DisplayName("A layout rejects an attribute named twice, and a row of the wrong width")
  void invalidLayoutsAndRows() {
    assertThatThrownBy(() -> RecordValues.Layout.of(List.of("name", "name")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> layout.row(new Object[] {"Ada"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3");
  }

  @Test
  @DisplayName(
      "A SubjectRecord keeps a row as it is, and copies any other map so that later changes do not show")
  void subjectRecordCopiesOnlyForeignMaps() {
    Map<String, Object> row = layout.row(new Object[] {"Ada", null, "0123"});
    assertThat(new SubjectRecord(String.class, 1L, row).values()).isSameAs(row);

    Map<String, Object> mutable = new LinkedHashMap<>(row);
    SubjectRecord record = new SubjectRecord(String.class, 1L, mutable);
    mutable.put("name", "Bob");
    assertThat(record.values()).containsEntry("name", "Ada");
    assertThatThrownBy(() -> record.values().put("name", "Bob"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
