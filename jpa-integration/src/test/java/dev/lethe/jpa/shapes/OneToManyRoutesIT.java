package dev.lethe.jpa.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.jpa.UnsupportedMappingException;
import dev.lethe.jpa.shapes.hiddenchildren.DiaryEntry;
import dev.lethe.jpa.shapes.hiddenchildren.Keeper;
import dev.lethe.jpa.shapes.onetomany.Address;
import dev.lethe.jpa.shapes.onetomany.Customer;
import dev.lethe.jpa.shapes.onetomany.Note;
import dev.lethe.jpa.shapes.onetomany.Profile;
import dev.lethe.model.SubjectRoute;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.SubjectKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 1: children listed by a unidirectional {@code @OneToMany} (join column or join
 * table) and an entity behind an inverse one-to-one reach their subject, on the selected database.
 */
class OneToManyRoutesIT {

  private static final SubjectKey ANN = new SubjectKey("customer", 1L);
  private static final SubjectKey BOB = new SubjectKey("customer", 2L);

  private Shape shape;

  @BeforeEach
  void populate() {
    shape = Shape.of(Customer.class, Address.class, Note.class, Profile.class);
    shape.persist(customers(customer(1, "ann"), customer(2, "bob")));
  }

  @AfterEach
  void close() {
    if (shape != null) {
      shape.close();
    }
  }

  /** A customer with two addresses, two notes and a profile, every value marked with {@code [tag]}. */
  private Object[] customer(int id, String tag) {
    Customer customer = new Customer((long) id, "Name [" + tag + "]");
    customer.addresses.add(new Address(id * 10L + 1, "1 Street [" + tag + "]"));
    customer.addresses.add(new Address(id * 10L + 2, "2 Street [" + tag + "]"));
    customer.notes.add(new Note(id * 10L + 1, "Note one [" + tag + "]"));
    customer.notes.add(new Note(id * 10L + 2, "Note two [" + tag + "]"));
    customer.profile = new Profile((long) id, "Hiking [" + tag + "]");
    return new Object[] {
      customer.addresses.get(0),
      customer.addresses.get(1),
      customer.notes.get(0),
      customer.notes.get(1),
      customer.profile,
      customer
    };
  }

  private Object[] customers(Object[]... each) {
    return Arrays.stream(each).flatMap(Arrays::stream).toArray();
  }

  @Test
  @DisplayName(
      "Art. 30: a unidirectional @OneToMany (join column, join table) and an inverse @OneToOne are routes")
  void discoversRoutes() {
    assertThat(route(Address.class))
        .isEqualTo(new SubjectRoute("customer", List.of("<Customer.addresses", "id"), "id"));
    assertThat(route(Note.class))
        .isEqualTo(new SubjectRoute("customer", List.of("<Customer.notes", "id"), "id"));
    assertThat(route(Profile.class))
        .isEqualTo(new SubjectRoute("customer", List.of("customer", "id"), "id"));
  }

  @Test
  @DisplayName(
      "Art. 15: the export holds the children a parent lists and the row behind the inverse side, of this customer only")
  void exportsChildren() {
    Map<Class<?>, List<SubjectRecord>> export = shape.export(ANN);

    assertThat(Shape.values(export))
        .containsExactlyInAnyOrder(
            "Name [ann]",
            "1 Street [ann]",
            "2 Street [ann]",
            "Note one [ann]",
            "Note two [ann]",
            "Hiking [ann]");
  }

  @Test
  @DisplayName(
      "Art. 17: erasure reaches the listed children and the inverse side, and changes no other customer's rows")
  void erasesChildren() {
    List<String> bobsRows =
        shape.rowsWithout("[ann]").stream()
            .filter(row -> !row.startsWith("customer_note[1,"))
            .toList();
    Map<Class<?>, List<SubjectRecord>> bobBefore = shape.export(BOB);

    Map<Class<?>, ErasurePlan.RowCount> counts = shape.erase(ANN);

    assertThat(counts)
        .containsEntry(Address.class, new ErasurePlan.RowCount(0, 2))
        .containsEntry(Note.class, new ErasurePlan.RowCount(2, 0))
        .containsEntry(Profile.class, new ErasurePlan.RowCount(0, 1))
        .containsEntry(Customer.class, new ErasurePlan.RowCount(0, 1));
    assertThat(shape.rowsContaining("[ann]")).isEmpty();
    assertThat(shape.rowsWithout("[ann]")).containsAll(bobsRows);
    assertThat(shape.tables().get("customer_note")).hasSize(2);
    assertThat(shape.export(BOB)).isEqualTo(bobBefore);
    assertThat(shape.erase(ANN).values())
        .as("a second erasure changes nothing")
        .allSatisfy(count -> assertThat(count.any()).isFalse());
  }

  @Test
  @DisplayName(
      "Art. 15, 17: children hidden by @SQLRestriction in a one-way @OneToMany with a join column are refused at start-up")
  void hiddenChildrenOfAOneWayCollectionAreRefused() {
    RuntimeException failure = Shape.startupFailure(Keeper.class, DiaryEntry.class);

    assertThat(failure).isInstanceOf(UnsupportedMappingException.class);
    assertThat(((UnsupportedMappingException) failure).problems())
        .extracting(
            UnsupportedMappingException.Problem::entity,
            UnsupportedMappingException.Problem::attribute)
        .containsExactly(Tuple.tuple(Keeper.class, "entries"));
    assertThat(failure.getMessage()).contains("@SQLRestriction", "@ManyToOne", "@JoinTable");
  }

  private SubjectRoute route(Class<?> type) {
    return shape.store().model().entity(type).orElseThrow().routes().get(0);
  }
}
