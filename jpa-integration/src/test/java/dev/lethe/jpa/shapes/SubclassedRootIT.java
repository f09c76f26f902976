package dev.lethe.jpa.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.jpa.shapes.subclassroot.Guest;
import dev.lethe.jpa.shapes.subclassroot.Member;
import dev.lethe.jpa.shapes.subclassroot.PremiumMember;
import dev.lethe.jpa.shapes.subclassroot.VipGuest;
import dev.lethe.jpa.shapes.subclassroot.Visit;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 15: subject roots with {@code JOINED} and {@code SINGLE_TABLE} subclasses are
 * accepted; a subclass's rows are resolved, exported and erased as the root's, on the selected
 * database.
 */
class SubclassedRootIT {

  private static final SubjectKey ANN = new SubjectKey("member", 1L);
  private static final SubjectKey BOB = new SubjectKey("member", 2L);
  private static final SubjectKey VAL = new SubjectKey("guest", 1L);

  private Shape shape;

  @BeforeEach
  void populate() {
    shape = Shape.of(Member.class, PremiumMember.class, Visit.class, Guest.class, VipGuest.class);
    PremiumMember ann =
        new PremiumMember(1L, "ann@example.com [ann]", "Ann [ann]", "4111 1111 1111 1234 [ann]");
    Member bob = new Member(2L, "bob@example.com [bob]", "Bob [bob]");
    shape.persist(
        ann,
        bob,
        new Visit(1L, ann, "Gym [ann]"),
        new Visit(2L, bob, "Pool [bob]"),
        new VipGuest(1L, "Val [val]", "Blue lounge [val]"),
        new Guest(2L, "Gil [gil]"));
  }

  @AfterEach
  void close() {
    if (shape != null) {
      shape.close();
    }
  }

  @Test
  @DisplayName(
      "Art. 15: a premium member is resolved by the root's identity and exported with inherited and own fields")
  void resolvesAndExportsSubclassRows() {
    assertThat(
            shape
                .store()
                .resolve(new SubjectIdentifier("member", "email", "ann@example.com [ann]")))
        .containsExactly(ANN);
    Map<Class<?>, List<SubjectRecord>> export = shape.export(ANN);

    assertThat(export.get(PremiumMember.class))
        .singleElement()
        .satisfies(
            record ->
                assertThat(record.values())
                    .containsEntry("name", "Ann [ann]")
                    .containsEntry("cardNumber", "4111 1111 1111 1234 [ann]"));
    assertThat(export.get(Member.class)).isEmpty();
    assertThat(Shape.values(export))
        .containsExactlyInAnyOrder(
            "ann@example.com [ann]", "Ann [ann]", "4111 1111 1111 1234 [ann]", "Gym [ann]");
    assertThat(Shape.values(shape.export(VAL)))
        .containsExactlyInAnyOrder("Val [val]", "Blue lounge [val]");
  }

  @Test
  @DisplayName(
      "Art. 17: erasing a JOINED subclass member erases its rows in both tables and no other member's")
  void erasesJoinedSubclassRows() {
    List<String> othersRows = shape.rowsWithout("[ann]");
    Map<Class<?>, List<SubjectRecord>> bobBefore = shape.export(BOB);

    Map<Class<?>, ErasurePlan.RowCount> counts = shape.erase(ANN);

    assertThat(counts)
        .containsEntry(PremiumMember.class, new ErasurePlan.RowCount(0, 1))
        .containsEntry(Visit.class, new ErasurePlan.RowCount(1, 0));
    assertThat(shape.rowsContaining("[ann]")).isEmpty();
    assertThat(shape.rowsWithout("[ann]")).containsAll(othersRows);
    assertThat(shape.export(BOB)).isEqualTo(bobBefore);
  }

  @Test
  @DisplayName(
      "Art. 17: erasing a SINGLE_TABLE subclass guest erases its row and leaves the other guest's")
  void erasesSingleTableSubclassRows() {
    List<String> othersRows = shape.rowsWithout("[val]");

    Map<Class<?>, ErasurePlan.RowCount> counts = shape.erase(VAL);

    assertThat(counts).containsEntry(VipGuest.class, new ErasurePlan.RowCount(0, 1));
    assertThat(shape.rowsContaining("[val]")).isEmpty();
    assertThat(shape.rowsWithout("[val]")).containsAll(othersRows);
  }
}
