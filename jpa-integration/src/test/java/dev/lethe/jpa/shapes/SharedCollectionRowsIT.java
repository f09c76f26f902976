package dev.lethe.jpa.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.jpa.UnsupportedMappingException;
import dev.lethe.jpa.shapes.minutes.ActionItem;
import dev.lethe.jpa.shapes.minutes.Attendee;
import dev.lethe.jpa.shapes.minutes.Household;
import dev.lethe.jpa.shapes.minutes.Minutes;
import dev.lethe.jpa.shapes.minutes.Workshop;
import dev.lethe.jpa.shapes.sharedlink.Flat;
import dev.lethe.jpa.shapes.sharedlink.Tenant;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.SubjectKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 4: rows many subjects of one type share through a collection (minutes and their
 * attendees). One attendee's erasure removes that attendee's link and leaves the rows the others
 * still reach as they are; the last attendee's erasure applies the rows' own rules.
 */
class SharedCollectionRowsIT {

  private static final SubjectKey ADA = new SubjectKey("attendee", 1L);
  private static final SubjectKey BOB = new SubjectKey("attendee", 2L);
  private static final SubjectKey CY = new SubjectKey("attendee", 3L);
  private static final SubjectKey DAN = new SubjectKey("attendee", 4L);

  private Shape shape;

  private void populate() {
    shape =
        Shape.of(Attendee.class, Minutes.class, ActionItem.class, Workshop.class, Household.class);
    Household elm = new Household(1L, "Elm street [h1]");
    Household oak = new Household(2L, "Oak lane [h2]");
    Attendee ada = new Attendee(1L, "Ada [ada]", elm);
    Attendee bob = new Attendee(2L, "Bob [bob]", elm);
    Attendee cy = new Attendee(3L, "Cy [cy]", oak);
    Attendee dan = new Attendee(4L, "Former Dan [dan]", oak);
    Workshop kiln = new Workshop(1L, "Kiln [w1]");
    Workshop glaze = new Workshop(2L, "Glaze [w2]");
    ada.workshops.addAll(List.of(kiln, glaze));
    bob.workshops.add(kiln);
    Minutes budget = new Minutes(1L, "Budget [m1]", List.of(ada, bob));
    Minutes retro = new Minutes(2L, "Retro [m2]", List.of(ada));
    Minutes plans = new Minutes(3L, "Plans [m3]", List.of(bob, cy));
    shape.persist(
        elm,
        oak,
        kiln,
        glaze,
        ada,
        bob,
        cy,
        dan,
        budget,
        retro,
        plans,
        new ActionItem(1L, budget, "Buy clay [a1]"),
        new ActionItem(2L, retro, "Fix door [a2]"));
  }

  @AfterEach
  void close() {
    if (shape != null) {
      shape.close();
    }
  }

  @Test
  @DisplayName("Art. 15: a row many attendees share is in each attendee's export")
  void sharedRowsAreInEveryExport() {
    populate();

    assertThat(Shape.values(shape.export(ADA)))
        .contains(
            "Budget [m1]",
            "Retro [m2]",
            "Buy clay [a1]",
            "Fix door [a2]",
            "Kiln [w1]",
            "Glaze [w2]",
            "Elm street [h1]")
        .doesNotContain("Plans [m3]");
    assertThat(Shape.values(shape.export(BOB)))
        .contains("Budget [m1]", "Plans [m3]", "Buy clay [a1]", "Kiln [w1]", "Elm street [h1]")
        .doesNotContain("Retro [m2]", "Glaze [w2]");
    assertThat(Shape.values(shape.export(DAN)))
        .as("a route along a collection reaches the rows its restriction hides")
        .containsExactlyInAnyOrder("Former Dan [dan]", "Oak lane [h2]");
  }

  @Test
  @DisplayName(
      "Art. 17: erasing one attendee erases the rows only they reach and unlinks them from the rows others share")
  void erasingOneAttendeeLeavesTheRowsOthersShare() {
    populate();
    List<String> shared = List.of("[m1]", "[a1]", "[w1]", "[h1]", "[m3]", "[h2]");
    Map<String, List<String>> sharedBefore = rowsWith(shared);
    Map<Class<?>, List<SubjectRecord>> bobBefore = shape.export(BOB);
    Map<Class<?>, List<SubjectRecord>> cyBefore = shape.export(CY);

    Map<Class<?>, ErasurePlan.RowCount> counts = shape.erase(ADA);

    assertThat(counts)
        .containsEntry(Minutes.class, new ErasurePlan.RowCount(1, 0))
        .containsEntry(ActionItem.class, new ErasurePlan.RowCount(0, 1))
        .containsEntry(Workshop.class, new ErasurePlan.RowCount(0, 1))
        .containsEntry(Household.class, ErasurePlan.RowCount.NONE);
    for (String gone : List.of("[ada]", "[m2]", "[a2]", "[w2]")) {
      assertThat(shape.rowsContaining(gone)).as(gone).isEmpty();
    }
    assertThat(rowsWith(shared)).isEqualTo(sharedBefore);
    assertThat(shape.export(BOB)).isEqualTo(bobBefore);
    assertThat(shape.export(CY)).isEqualTo(cyBefore);
    assertThat(Shape.values(shape.export(ADA)))
        .as("nothing links the erased attendee to the rows others share")
        .containsExactly("[erased]");
  }

  @Test
  @DisplayName(
      "Art. 17: the last attendee's erasure applies the shared rows' own rules; a third attendee's rows stay")
  void theLastAttendeesErasureErasesTheSharedRows() {
    populate();
    Map<Class<?>, List<SubjectRecord>> cyBefore = shape.export(CY);
    shape.erase(ADA);

    Map<Class<?>, ErasurePlan.RowCount> counts = shape.erase(BOB);

    assertThat(counts)
        .containsEntry(Minutes.class, new ErasurePlan.RowCount(1, 0))
        .containsEntry(Household.class, new ErasurePlan.RowCount(0, 1));
    for (String gone : List.of("[bob]", "[m1]", "[a1]", "[w1]", "[h1]")) {
      assertThat(shape.rowsContaining(gone)).as(gone).isEmpty();
    }
    assertThat(shape.rowsContaining("[m3]")).hasSize(1);
    assertThat(shape.export(CY)).isEqualTo(cyBefore);
    assertThat(shape.erase(BOB).values())
        .as("a second erasure changes nothing")
        .allMatch(count -> count.deleted() == 0 && count.updated() == 0);
  }

  @Test
  @DisplayName(
      "Art. 17: a shared row linked by a NOT NULL column of a row the erasure keeps is refused at start-up")
  void aLinkThatCannotBeRemovedIsRefused() {
    RuntimeException failure = Shape.startupFailure(Tenant.class, Flat.class);

    assertThat(failure).isInstanceOf(UnsupportedMappingException.class);
    assertThat(((UnsupportedMappingException) failure).problems())
        .extracting(
            UnsupportedMappingException.Problem::entity,
            UnsupportedMappingException.Problem::attribute)
        .containsExactly(Tuple.tuple(Flat.class, "tenants"));
    assertThat(failure.getMessage()).contains("NOT NULL", "Make the column nullable");
  }

  private Map<String, List<String>> rowsWith(List<String> markers) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    markers.forEach(marker -> rows.put(marker, shape.rowsContaining(marker)));
    return rows;
  }
}
