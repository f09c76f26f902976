package dev.lethe.jpa.generated;

import dev.lethe.annotation.ErasureStrategy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A random JPA domain as data: one subject root and a few children that reach it, each entity with
 * personal fields and their strategies. {@link JavaSource} writes it as Java; {@link Population}
 * fills it. Everything follows from the seed, so a failing domain is rebuilt from its seed alone.
 *
 * @param seed the seed it was drawn from
 * @param packageName the Java package of its classes, unique per domain
 * @param prefix the prefix of its table names, unique per domain
 * @param entities the root first, then children whose parents come before them
 * @param shapes the shapes it actually uses
 */
record Domain(
    long seed, String packageName, String prefix, List<Entity> entities, Set<Shape> shapes) {

  /** How an entity reaches its parent. */
  enum Link {
    ROOT,
    MANY_TO_ONE,
    ONE_TO_ONE,
    MANY_TO_MANY,
    ONE_TO_MANY_FROM_PARENT
  }

  /** The strategies erased in place. */
  static final List<ErasureStrategy> IN_PLACE =
      List.of(
          ErasureStrategy.NULLIFY,
          ErasureStrategy.REPLACE,
          ErasureStrategy.HASH,
          ErasureStrategy.MASK);

  /**
   * One personal field: its Java name, its column as written in {@code @Column} (null: the default),
   * its strategy and whether an {@code AttributeConverter} stores it reversed.
   */
  record Field(
      String name,
      @Nullable String column,
      ErasureStrategy strategy,
      boolean converted,
      @Nullable String owner) {

    Field(String name, @Nullable String column, ErasureStrategy strategy, boolean converted) {
      this(name, column, strategy, converted, null);
    }
  }

  /**
   * One entity. {@code name} is its table's name as the database stores it (quoted in SQL when
   * {@code quoted}); its element and join tables are named after it. {@code parent} is the index of
   * the entity it links to (unused for the root). {@code second} is the index of the entity a second
   * {@code @ManyToOne} leads to, or -1: the root itself ({@code other}, two associations to one subject
   * type) or a child with one route to it ({@code via}, a row shared by the subjects of two routes);
   * then every field names its owner ({@link Field#owner()}: {@code parent} or {@link #secondName()}).
   */
  record Entity(
      int index,
      String className,
      String name,
      boolean quoted,
      Link link,
      int parent,
      List<Field> fields,
      List<Field> embedded,
      @Nullable Field elements,
      boolean softDelete,
      boolean deleted,
      boolean hidden,
      int second) {

    /** The second association's attribute name: {@code other} to the root, {@code via} to a child. */
    String secondName() {
      return second == 0 ? "other" : "via";
    }

    /** A table of this entity ({@code suffix} empty for its own) as a Java string literal's content. */
    String literal(String suffix) {
      return quoted ? "\\\"" + name + suffix + "\\\"" : name + suffix;
    }

    /** A table of this entity ({@code suffix} empty for its own) in SQL, quoted with {@code quote} when quoted. */
    String sql(String suffix, String quote) {
      return quoted ? quote + name + suffix + quote : name + suffix;
    }
  }

  /** The root entity. */
  Entity root() {
    return entities.get(0);
  }

  /** A random domain of the given shapes. */
  static Domain random(long seed, int number, Set<Shape> enabled) {
    Random random = new Random(seed);
    String prefix = "g" + number + "_";
    Set<Shape> used = EnumSet.noneOf(Shape.class);
    int children = 2 + random.nextInt(4);
    List<Link> links = new ArrayList<>();
    List<Integer> parents = new ArrayList<>();
    List<Integer> seconds = new ArrayList<>();
    links.add(Link.ROOT);
    parents.add(-1);
    seconds.add(-1);
    for (int i = 1; i <= children; i++) {
      List<Link> possible = new ArrayList<>(List.of(Link.MANY_TO_ONE));
      if (enabled.contains(Shape.ONE_TO_ONE)) {
        possible.add(Link.ONE_TO_ONE);
      }
      if (enabled.contains(Shape.MANY_TO_MANY)) {
        possible.add(Link.MANY_TO_MANY);
      }
      if (enabled.contains(Shape.UNIDIRECTIONAL_ONE_TO_MANY)) {
        possible.add(Link.ONE_TO_MANY_FROM_PARENT);
      }
      Link link = possible.get(random.nextInt(possible.size()));
      int parent = 0;
      if (link == Link.MANY_TO_ONE && enabled.contains(Shape.MANY_TO_ONE_CHAIN)) {
        List<Integer> candidates = new ArrayList<>();
        for (int p = 0; p < i; p++) {
          // A row with two routes is no parent: its children would have two routes too.
          if ((links.get(p) == Link.ROOT
                  || links.get(p) == Link.MANY_TO_ONE
                  || links.get(p) == Link.ONE_TO_ONE)
              && seconds.get(p) < 0) {
            candidates.add(p);
          }
        }
        parent = candidates.get(random.nextInt(candidates.size()));
        if (parent != 0) {
          used.add(Shape.MANY_TO_ONE_CHAIN);
        }
      }
      switch (link) {
        case ONE_TO_ONE -> used.add(Shape.ONE_TO_ONE);
        case MANY_TO_MANY -> {
          used.add(Shape.MANY_TO_MANY);
          if (enabled.contains(Shape.SHARED_MANY_TO_MANY)) {
            used.add(Shape.SHARED_MANY_TO_MANY);
          }
        }
        case ONE_TO_MANY_FROM_PARENT -> used.add(Shape.UNIDIRECTIONAL_ONE_TO_MANY);
        default -> {}
      }
      int second = -1;
      boolean twoRoutes =
          enabled.contains(Shape.TWO_ASSOCIATIONS_TO_ONE_SUBJECT)
              || enabled.contains(Shape.SHARED_ROW_OWNERS);
      if (link == Link.MANY_TO_ONE && twoRoutes && random.nextInt(2) == 0) {
        List<Integer> targets = new ArrayList<>();
        if (enabled.contains(Shape.TWO_ASSOCIATIONS_TO_ONE_SUBJECT)) {
          targets.add(0);
        }
        if (enabled.contains(Shape.SHARED_ROW_OWNERS)) {
          // A child with one route of its own, so that the second route is one path.
          for (int p = 1; p < i; p++) {
            if ((links.get(p) == Link.MANY_TO_ONE || links.get(p) == Link.ONE_TO_ONE)
                && seconds.get(p) < 0) {
              targets.add(p);
            }
          }
        }
        if (!targets.isEmpty()) {
          // The root half the time, so that rows shared through a child are as frequent as two
          // associations.
          boolean toRoot = targets.get(0) == 0 && (targets.size() == 1 || random.nextBoolean());
          second =
              toRoot
                  ? 0
                  : targets.get(
                      targets.get(0) == 0
                          ? 1 + random.nextInt(targets.size() - 1)
                          : random.nextInt(targets.size()));
          used.add(second == 0 ? Shape.TWO_ASSOCIATIONS_TO_ONE_SUBJECT : Shape.SHARED_ROW_OWNERS);
        }
      }
      links.add(link);
      parents.add(parent);
      seconds.add(second);
    }
    List<Entity> entities = new ArrayList<>();
    for (int i = 0; i <= children; i++) {
      final int index = i;
      boolean referenced = parents.stream().anyMatch(p -> p == index) || seconds.contains(index);
      int second = seconds.get(i);
      boolean shared = second >= 0;
      // A shared row is erased in place: deleting it with one subject would take the other's
      // fields.
      boolean deleted =
          i > 0
              && !referenced
              && !shared
              && enabled.contains(Shape.DELETE_ROW)
              && random.nextInt(3) == 0;
      if (deleted) {
        used.add(Shape.DELETE_ROW);
      }
      boolean quoted = enabled.contains(Shape.QUOTED_NAMES) && random.nextInt(3) == 0;
      String className = (i == 0 ? "Root" : "Child" + i);
      String table =
          quoted ? prefix.toUpperCase() + "Tab " + className : prefix + className.toLowerCase();
      List<Field> fields = new ArrayList<>();
      int count = 1 + random.nextInt(3);
      for (int f = 0; f < count; f++) {
        // The first field is never kept: the residue check knows a row as the subject's by a value
        // it erases (or a foreign key to such a row), and a many-to-many child has no such key.
        Field field = field(random, enabled, used, "f" + f, deleted, f == 0, i == 0 && f == 0);
        if (shared) {
          // The first field is the parent's, so that every row holds a value of its parent's
          // subject.
          String owner =
              f == 0 || random.nextBoolean() ? "parent" : (second == 0 ? "other" : "via");
          field =
              new Field(field.name(), field.column(), field.strategy(), field.converted(), owner);
        }
        fields.add(field);
      }
      List<Field> embedded = new ArrayList<>();
      if (!shared && enabled.contains(Shape.EMBEDDABLE) && random.nextInt(3) == 0) {
        used.add(Shape.EMBEDDABLE);
        for (int f = 0; f < 1 + random.nextInt(2); f++) {
          embedded.add(field(random, enabled, used, "p" + f, deleted, false, false));
        }
      }
      Field elements = null;
      if (!shared && enabled.contains(Shape.ELEMENT_COLLECTION) && random.nextInt(3) == 0) {
        used.add(Shape.ELEMENT_COLLECTION);
        ErasureStrategy strategy =
            deleted ? ErasureStrategy.DELETE_ROW : IN_PLACE.get(random.nextInt(IN_PLACE.size()));
        elements = new Field("items", null, strategy, false);
      }
      boolean softDelete = i > 0 && enabled.contains(Shape.SOFT_DELETE) && random.nextInt(4) == 0;
      if (softDelete) {
        used.add(Shape.SOFT_DELETE);
      }
      boolean hidden =
          i > 0 && !softDelete && enabled.contains(Shape.HIDDEN_ROWS) && random.nextInt(4) == 0;
      if (hidden
          && links.get(i) == Link.ONE_TO_MANY_FROM_PARENT
          && !enabled.contains(Shape.HIDDEN_ONE_TO_MANY_ROWS)) {
        // Drawn all the same, so that turning the shape on replays the same domain with it.
        hidden = false;
      }
      if (hidden) {
        used.add(
            links.get(i) == Link.ONE_TO_MANY_FROM_PARENT
                ? Shape.HIDDEN_ONE_TO_MANY_ROWS
                : Shape.HIDDEN_ROWS);
      }
      if (quoted) {
        used.add(Shape.QUOTED_NAMES);
      }
      entities.add(
          new Entity(
              i,
              className,
              table,
              quoted,
              links.get(i),
              parents.get(i),
              List.copyOf(fields),
              List.copyOf(embedded),
              elements,
              softDelete,
              deleted,
              hidden,
              second));
    }
    if (enabled.contains(Shape.MAPPED_SUPERCLASS_FIELDS) && random.nextBoolean()) {
      used.add(Shape.MAPPED_SUPERCLASS_FIELDS);
    }
    if (enabled.contains(Shape.SUBCLASSED_ROOT) && random.nextBoolean()) {
      used.add(Shape.SUBCLASSED_ROOT);
    }
    if (used.contains(Shape.MAPPED_SUPERCLASS_FIELDS)
        && enabled.contains(Shape.INHERITED_FIELDS_DECLARED_BELOW)
        && random.nextBoolean()) {
      used.add(Shape.INHERITED_FIELDS_DECLARED_BELOW);
    }
    return new Domain(
        seed, "dev.lethe.generated.d" + number, prefix, List.copyOf(entities), Set.copyOf(used));
  }

  private static Field field(
      Random random,
      Set<Shape> enabled,
      Set<Shape> used,
      String name,
      boolean deleted,
      boolean first,
      boolean identity) {
    ErasureStrategy strategy;
    if (deleted) {
      strategy = ErasureStrategy.DELETE_ROW;
    } else if (!first && enabled.contains(Shape.KEEP) && random.nextInt(6) == 0) {
      strategy = ErasureStrategy.KEEP;
      used.add(Shape.KEEP);
    } else {
      strategy = IN_PLACE.get(random.nextInt(IN_PLACE.size()));
    }
    String column = null;
    if (enabled.contains(Shape.QUOTED_NAMES) && random.nextInt(4) == 0) {
      column = "\\\"Col " + name.toUpperCase() + " x\\\"";
      used.add(Shape.QUOTED_NAMES);
    }
    boolean converted = !identity && enabled.contains(Shape.CONVERTER) && random.nextInt(5) == 0;
    if (converted) {
      used.add(Shape.CONVERTER);
    }
    return new Field(name, column, strategy, converted);
  }
}
