package dev.lethe.jpa.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.jpa.shapes.readonly.Card;
import dev.lethe.jpa.shapes.readonly.Loan;
import dev.lethe.jpa.shapes.readonly.Patron;
import dev.lethe.jpa.shapes.readonly.Stamp;
import dev.lethe.request.Rectification;
import dev.lethe.subject.SubjectKey;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Personal data on columns the application never writes ({@code updatable = false}, read-only
 * copies, {@code @Generated}) is erased in the database all the same, on the selected database:
 * Hibernate's bulk update and the store's native SQL write them.
 */
class ReadOnlyColumnsIT {

  private static final SubjectKey ANN = new SubjectKey("patron", 1L);

  private Shape shape;

  @BeforeEach
  void populate() {
    shape = Shape.of(Patron.class, Card.class, Loan.class, Stamp.class);
    Patron ann = new Patron(1L, "Ann [ann]");
    Patron bob = new Patron(2L, "Bob [bob]");
    shape.persist(
        ann,
        bob,
        new Card(1L, ann, "[ann]"),
        new Card(2L, bob, "[bob]"),
        new Loan(1L, ann, "[ann]"),
        new Loan(2L, bob, "[bob]"),
        new Stamp(1L, ann),
        new Stamp(2L, bob));
    // Generated values: the database's, here set past Hibernate, which never writes them.
    shape.execute("update Stamp set alias = 'Annie [ann]', signedBy = 'Ann A. [ann]' where id = 1");
    shape.execute("update Stamp set alias = 'Bobby [bob]', signedBy = 'Bob B. [bob]' where id = 2");
  }

  @AfterEach
  void close() {
    if (shape != null) {
      shape.close();
    }
  }

  @Test
  @DisplayName(
      "Art. 17: erasure leaves nothing of the subject in updatable=false, read-only copied or @Generated columns, and nobody else's rows change")
  void erasesColumnsTheApplicationNeverWrites() {
    assertThat(shape.rowsContaining("[ann]")).hasSize(4);
    List<String> bobsRows = shape.rowsWithout("[ann]");

    Map<Class<?>, ErasurePlan.RowCount> counts = shape.erase(ANN);

    assertThat(counts)
        .containsEntry(Card.class, new ErasurePlan.RowCount(0, 1))
        .containsEntry(Loan.class, new ErasurePlan.RowCount(0, 1))
        .containsEntry(Stamp.class, new ErasurePlan.RowCount(0, 1));
    assertThat(shape.rowsContaining("[ann]")).as("read through JDBC").isEmpty();
    assertThat(shape.rowsWithout("[ann]")).containsAll(bobsRows);
    assertThat(shape.tables().get("loan"))
        .as("through the copy of its key, Ann's loan no longer points at her")
        .anySatisfy(row -> assertThat(row).containsExactlyInAnyOrder("1", "null", "[erased]"));
  }

  @Test
  @DisplayName(
      "Art. 16: a rectification Hibernate's update would drop (updatable=false, generated on update) is refused, naming the attributes, and nothing changes; a value generated on insert only is rectified")
  void rectifiesOnlyWhatUpdatesWrite() {
    Map<String, List<List<String>>> before = shape.tables();

    assertThatThrownBy(
            () ->
                rectifyAnn(
                    Card.class, Map.of("nameOnCard", "Ann B. [ann]", "phone", "+44 1 [ann]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Card [nameOnCard, phone] cannot be rectified")
        .hasMessageNotContaining("Ann B.");
    assertThatThrownBy(() -> rectifyAnn(Stamp.class, Map.of("signedBy", "Ann B. [ann]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Stamp [signedBy] cannot be rectified");
    assertThat(shape.tables()).as("the whole database, unchanged").isEqualTo(before);

    rectifyAnn(Stamp.class, Map.of("alias", "Annie B. [ann]"));

    assertThat(shape.tables().get("stamp"))
        .anySatisfy(row -> assertThat(row).contains("Annie B. [ann]"));
  }

  /** Rectifies Ann's row 1 of {@code entity} with {@code changes}. */
  private void rectifyAnn(Class<?> entity, Map<String, @Nullable Object> changes) {
    shape.store().rectify(ANN, new Rectification(entity, 1L, changes));
  }
}
