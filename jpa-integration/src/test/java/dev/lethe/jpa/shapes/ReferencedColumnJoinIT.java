package dev.lethe.jpa.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.jpa.shapes.refcolumn.Booking;
import dev.lethe.jpa.shapes.refcolumn.BookingNote;
import dev.lethe.jpa.shapes.refcolumn.Club;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.SubjectKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 14: a many-to-one joined by {@code referencedColumnName} (a non-key column) is
 * compared with that column, not the key, on the selected database.
 */
class ReferencedColumnJoinIT {

  private static final SubjectKey ANN = new SubjectKey("clubber", 1L);
  private static final SubjectKey BOB = new SubjectKey("clubber", 2L);

  private Shape shape;

  @BeforeEach
  void populate() {
    shape = Shape.of(Club.class, Booking.class, BookingNote.class);
    // Membership numbers that are not the keys, so that comparing with the key finds nothing or the
    // wrong member.
    Club ann = new Club(1L, "M-0002", "Ann [ann]");
    Club bob = new Club(2L, "M-0001", "Bob [bob]");
    Booking annBooking = new Booking(1L, ann, "Window seat [ann]");
    Booking bobBooking = new Booking(2L, bob, "Aisle seat [bob]");
    shape.persist(
        ann,
        bob,
        annBooking,
        bobBooking,
        new BookingNote(1L, annBooking, "Late arrival [ann]"),
        new BookingNote(2L, bobBooking, "Early arrival [bob]"));
  }

  @AfterEach
  void close() {
    if (shape != null) {
      shape.close();
    }
  }

  @Test
  @DisplayName(
      "Art. 15: the export finds rows joined by the referenced column, directly and two hops away")
  void exportsByReferencedColumn() {
    assertThat(Shape.values(shape.export(ANN)))
        .containsExactlyInAnyOrder("Ann [ann]", "Window seat [ann]", "Late arrival [ann]");
  }

  @Test
  @DisplayName(
      "Art. 17: erasure compares the referenced column, erases the member's rows and no other member's")
  void erasesByReferencedColumn() {
    List<String> bobsRows = shape.rowsWithout("[ann]");
    Map<Class<?>, List<SubjectRecord>> bobBefore = shape.export(BOB);

    Map<Class<?>, ErasurePlan.RowCount> counts = shape.erase(ANN);

    assertThat(counts)
        .containsEntry(Booking.class, new ErasurePlan.RowCount(0, 1))
        .containsEntry(BookingNote.class, new ErasurePlan.RowCount(1, 0))
        .containsEntry(Club.class, new ErasurePlan.RowCount(0, 1));
    assertThat(shape.rowsContaining("[ann]")).isEmpty();
    assertThat(shape.rowsWithout("[ann]")).containsAll(bobsRows);
    assertThat(shape.export(BOB)).isEqualTo(bobBefore);
  }
}
