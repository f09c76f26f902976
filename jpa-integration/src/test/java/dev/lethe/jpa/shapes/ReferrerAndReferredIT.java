package dev.lethe.jpa.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.jpa.shapes.referral.Member;
import dev.lethe.jpa.shapes.referral.Referral;
import dev.lethe.model.SubjectRoute;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.SubjectKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 13 item 3: both associations of a referral to members are routes, on the selected database. */
class ReferrerAndReferredIT {

  private static final SubjectKey ANN = new SubjectKey("member", 1L);
  private static final SubjectKey BOB = new SubjectKey("member", 2L);
  private static final SubjectKey CAT = new SubjectKey("member", 3L);

  private Shape shape;

  @BeforeEach
  void populate() {
    shape = Shape.of(Member.class, Referral.class);
    Member ann = new Member(1L, "Ann [ann]");
    Member bob = new Member(2L, "Bob [bob]");
    Member cat = new Member(3L, "Cat [cat]");
    // Ann referred Bob; Bob referred Cat.
    shape.persist(
        ann,
        bob,
        cat,
        new Referral(1L, ann, bob, "Join us [ann]", "bob@example.com [bob]"),
        new Referral(2L, bob, cat, "Come along [bob]", "cat@example.com [cat]"));
  }

  @AfterEach
  void close() {
    if (shape != null) {
      shape.close();
    }
  }

  @Test
  @DisplayName("Art. 30: two associations to one subject type are two routes")
  void bothAssociationsAreRoutes() {
    assertThat(shape.store().model().entity(Referral.class).orElseThrow().routesTo("member"))
        .containsExactly(
            new SubjectRoute("member", List.of("referrer", "id"), "id"),
            new SubjectRoute("member", List.of("referred", "id"), "id"));
  }

  @Test
  @DisplayName(
      "Art. 15: a member's export holds the referrals it made and the one it received, with its own fields only")
  void exportsAlongBothRoutes() {
    Map<Class<?>, List<SubjectRecord>> bob = shape.export(BOB);

    assertThat(bob.get(Referral.class))
        .extracting(SubjectRecord::values)
        .containsExactlyInAnyOrder(
            Map.of("referredEmail", "bob@example.com [bob]"),
            Map.of("referrerMessage", "Come along [bob]"));
    assertThat(Shape.values(shape.export(ANN)))
        .containsExactlyInAnyOrder("Ann [ann]", "Join us [ann]");
    assertThat(Shape.values(shape.export(CAT)))
        .containsExactlyInAnyOrder("Cat [cat]", "cat@example.com [cat]");
  }

  @Test
  @DisplayName(
      "Art. 17: erasing the member referred and referring erases its fields along both routes and nobody else's")
  void erasesAlongBothRoutes() {
    List<String> othersRows = shape.rowsWithout("[bob]");
    Map<Class<?>, List<SubjectRecord>> annBefore = shape.export(ANN);
    Map<Class<?>, List<SubjectRecord>> catBefore = shape.export(CAT);

    Map<Class<?>, ErasurePlan.RowCount> counts = shape.erase(BOB);

    assertThat(counts).containsEntry(Referral.class, new ErasurePlan.RowCount(0, 2));
    assertThat(shape.rowsContaining("[bob]")).isEmpty();
    assertThat(shape.rowsWithout("[bob]")).containsAll(othersRows);
    assertThat(shape.export(ANN)).isEqualTo(annBefore);
    assertThat(shape.export(CAT)).isEqualTo(catBefore);
  }
}
