package dev.lethe.jpa.generated;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The mapping shapes the generator can put in a domain, one entry each. A shape that works on the
 * current code is on by default; the others wait for the work that makes them supported, and
 * {@code -Dlethe.shapes=+NAME,-NAME} turns any of them on or off for a run.
 */
enum Shape {
  /** {@code @ManyToOne} from child to parent, chains up to several hops from the root. */
  MANY_TO_ONE_CHAIN(true),
  /** An owning {@code @OneToOne} from a child to the root. */
  ONE_TO_ONE(true),
  /** A {@code @ManyToMany} from a child to the root, through a join table; each child row has one root. */
  MANY_TO_MANY(true),
  /** A {@code List<String>} element collection with an order column. */
  ELEMENT_COLLECTION(true),
  /** An {@code @Embedded} value with personal fields, named by path. */
  EMBEDDABLE(true),
  /** {@code @SoftDelete} on a child entity. */
  SOFT_DELETE(true),
  /** An {@code AttributeConverter} that stores the text reversed, so that the column differs from the attribute. */
  CONVERTER(true),
  /** Quoted table and column names with spaces and mixed case. */
  QUOTED_NAMES(true),
  /** Leaf entities erased with {@code DELETE_ROW}. */
  DELETE_ROW(true),
  /** Fields erased with {@code KEEP} and an exemption (Art. 17(3)(b)). */
  KEEP(true),
  /** A unidirectional {@code @OneToMany @JoinColumn} from the root to its children (issue 13, item 1). */
  UNIDIRECTIONAL_ONE_TO_MANY(true),
  /**
   * Root extends a {@code @MappedSuperclass} whose field carries {@code @PersonalData} itself. (Item 2's
   * class-level {@code @PersonalData} over inherited fields is not generated yet.)
   */
  MAPPED_SUPERCLASS_FIELDS(true),
  /**
   * With {@link #MAPPED_SUPERCLASS_FIELDS}, two more unannotated superclass fields: one declared by
   * {@code @PersonalDataOverride} on the root, one covered by a class-level {@code @PersonalData} on
   * the root (issue 13 item 2, decision 0011).
   */
  INHERITED_FIELDS_DECLARED_BELOW(true),
  /** A subject root with a {@code SINGLE_TABLE} subclass, some subjects of the subclass (item 15). */
  SUBCLASSED_ROOT(true),
  /** A child with rows hidden by {@code @SQLRestriction} (item 7). */
  HIDDEN_ROWS(true),
  /**
   * Hidden rows ({@code @SQLRestriction}) in a child its parent lists by a unidirectional
   * {@code @OneToMany}. Off: Hibernate never writes the join column of a hidden element when the
   * parent is persisted (the row is stored with a null {@code holder_of_...}), so such a row would
   * reach no subject; the store refuses the shape at start-up (see {@code OneToManyRoutesIT}), and
   * a domain drawn with it would test nothing else.
   */
  HIDDEN_ONE_TO_MANY_ROWS(false),
  /**
   * A second {@code @ManyToOne} ({@code other}) from a child to the subject root, usually another
   * subject's; each field names its owner, {@code parent} or {@code other} (item 3).
   */
  TWO_ASSOCIATIONS_TO_ONE_SUBJECT(true),
  /**
   * A second {@code @ManyToOne} ({@code via}) from a child to another child, so that a row reaches two
   * subjects by routes of different lengths; each field names its owner (item 4).
   */
  SHARED_ROW_OWNERS(true),
  /**
   * Many-to-many rows that list another subject's parent row too (minutes of two attendees), and
   * their children: one subject's erasure leaves them to the others (item 4).
   */
  SHARED_MANY_TO_MANY(true);

  private final boolean onToday;

  Shape(boolean onToday) {
    this.onToday = onToday;
  }

  /** The shapes of this run: those on today, changed by {@code -Dlethe.shapes=+A,-B}. */
  static Set<Shape> ofRun() {
    Set<Shape> shapes = EnumSet.noneOf(Shape.class);
    for (Shape shape : values()) {
      if (shape.onToday) {
        shapes.add(shape);
      }
    }
    String change = System.getProperty("lethe.shapes", "");
    for (String part : change.split(",")) {
      String name = part.trim();
      if (name.isEmpty()) {
        continue;
      }
      boolean off = name.startsWith("-");
      Shape shape = Shape.valueOf(name.replaceFirst("^[+-]", "").toUpperCase(Locale.ROOT));
      if (off) {
        shapes.remove(shape);
      } else {
        shapes.add(shape);
      }
    }
    return shapes;
  }
}
