package dev.lethe.jpa.generated;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.subject.SubjectKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A random population of a {@link Domain}: two to four subjects, each with rows in every entity
 * that reaches it, every value a distinctive random token, and what the oracles expect of each
 * subject: its export, its erasable values (as attribute and as column text) and the tables an
 * erasure of it must write to.
 */
final class Population {

  private static final String LETTERS = "ghijkmnpqrstuvwxyz";

  private final Domain domain;
  private final ClassLoader loader;
  private final Random random;
  private final long firstId;
  private long nextId;
  private final Set<String> used = new HashSet<>();
  private final List<Object> entities = new ArrayList<>();
  private final Map<SubjectKey, List<String>> exports = new LinkedHashMap<>();
  private final Map<SubjectKey, List<String>> erasable = new LinkedHashMap<>();
  private final Map<SubjectKey, Set<String>> tables = new LinkedHashMap<>();

  /** The other subjects that reach a row along its parent route (by identity), where some do. */
  private final Map<Object, Set<SubjectKey>> sharers = new IdentityHashMap<>();

  /** Every row made so far per entity index, with the subject of its parent route. */
  private final Map<Integer, List<Map.Entry<Object, SubjectKey>>> byEntity = new LinkedHashMap<>();

  private Population(Domain domain, ClassLoader loader, long seed, long firstId) {
    this.domain = domain;
    this.loader = loader;
    this.random = new Random(seed);
    this.firstId = firstId;
    this.nextId = firstId;
  }

  /** A population drawn from {@code seed}, its ids from {@code firstId} on. */
  static Population random(Domain domain, ClassLoader loader, long seed, long firstId) {
    Population population = new Population(domain, loader, seed, firstId);
    int subjects = 2 + population.random.nextInt(3);
    for (int s = 0; s < subjects; s++) {
      population.subject();
    }
    return population;
  }

  /** The subjects, in the order drawn. */
  List<SubjectKey> subjects() {
    return List.copyOf(exports.keySet());
  }

  /** The entities to persist, parents before children. */
  List<Object> entities() {
    return entities;
  }

  /** The first id not used by this population. */
  long nextId() {
    return nextId;
  }

  /** Ids used by this population, first to last. */
  long firstId() {
    return firstId;
  }

  /** The subject's export as {@code attribute=value} texts, sorted: what Art. 15 must return. */
  List<String> export(SubjectKey subject) {
    return exports.get(subject).stream().sorted().toList();
  }

  /** Every value an erasure of the subject must remove, as attribute and as column text. */
  List<String> erasable(SubjectKey subject) {
    return erasable.get(subject);
  }

  /** The tables an erasure of the subject must write to (as {@code entity index:suffix}). */
  Set<String> tables(SubjectKey subject) {
    return tables.get(subject);
  }

  private void subject() {
    Domain.Entity rootSpec = domain.root();
    boolean plus = domain.shapes().contains(Shape.SUBCLASSED_ROOT) && random.nextBoolean();
    Object root = instance(plus ? "RootPlus" : rootSpec.className());
    long id = nextId++;
    set(root, "id", id);
    SubjectKey key = new SubjectKey("subject", id);
    exports.put(key, new ArrayList<>());
    erasable.put(key, new ArrayList<>());
    tables.put(key, new LinkedHashSet<>());
    if (domain.shapes().contains(Shape.MAPPED_SUPERCLASS_FIELDS)) {
      assign(
          key,
          rootSpec,
          root,
          new Domain.Field("inherited", null, ErasureStrategy.NULLIFY, false),
          "",
          true);
    }
    if (domain.shapes().contains(Shape.INHERITED_FIELDS_DECLARED_BELOW)) {
      assign(
          key,
          rootSpec,
          root,
          new Domain.Field("overridden", null, ErasureStrategy.MASK, false),
          "",
          true);
      assign(
          key,
          rootSpec,
          root,
          new Domain.Field("covered", null, ErasureStrategy.REPLACE, false),
          "",
          true);
    }
    if (plus) {
      assign(
          key,
          rootSpec,
          root,
          new Domain.Field("extra", null, ErasureStrategy.REPLACE, false),
          "",
          true);
    }
    fill(key, null, rootSpec, root);
    entities.add(root);
    byEntity.computeIfAbsent(0, index -> new ArrayList<>()).add(Map.entry(root, key));
    Map<Integer, List<Object>> rows = new LinkedHashMap<>();
    rows.put(0, List.of(root));
    for (Domain.Entity spec : domain.entities().subList(1, domain.entities().size())) {
      List<Object> made = new ArrayList<>();
      for (Object parent : rows.getOrDefault(spec.parent(), List.of())) {
        int count = spec.link() == Domain.Link.ONE_TO_ONE ? random.nextInt(2) : random.nextInt(3);
        for (int i = 0; i < count; i++) {
          Object row = instance(spec.className());
          set(row, "id", nextId++);
          switch (spec.link()) {
            case MANY_TO_ONE, ONE_TO_ONE -> set(row, "parent", parent);
            case MANY_TO_MANY -> collection(row, "parents").add(parent);
            case ONE_TO_MANY_FROM_PARENT -> collection(parent, "children" + spec.index()).add(row);
            case ROOT -> throw new IllegalStateException("a child cannot be a root");
          }
          Set<SubjectKey> shared = new LinkedHashSet<>(sharers.getOrDefault(parent, Set.of()));
          if (spec.link() == Domain.Link.MANY_TO_MANY
              && domain.shapes().contains(Shape.SHARED_MANY_TO_MANY)
              && random.nextInt(3) == 0) {
            List<Map.Entry<Object, SubjectKey>> others =
                byEntity.getOrDefault(spec.parent(), List.of()).stream()
                    .filter(entry -> !entry.getValue().equals(key))
                    .toList();
            if (!others.isEmpty()) {
              Map.Entry<Object, SubjectKey> other = others.get(random.nextInt(others.size()));
              collection(row, "parents").add(other.getKey());
              shared.add(other.getValue());
              shared.addAll(sharers.getOrDefault(other.getKey(), Set.of()));
            }
          }
          shared.remove(key);
          if (!shared.isEmpty()) {
            sharers.put(row, shared);
          }
          if (spec.hidden()) {
            set(row, "hidden", random.nextInt(3) == 0);
          }
          SubjectKey secondKey = null;
          if (spec.second() >= 0) {
            // Usually another subject's row, so that the row is shared by two subjects.
            List<Map.Entry<Object, SubjectKey>> targets =
                byEntity.getOrDefault(spec.second(), List.of());
            if (!targets.isEmpty()) {
              Map.Entry<Object, SubjectKey> target = targets.get(random.nextInt(targets.size()));
              set(row, spec.secondName(), target.getKey());
              secondKey = target.getValue();
            }
          }
          fill(key, secondKey, spec, row);
          byEntity
              .computeIfAbsent(spec.index(), index -> new ArrayList<>())
              .add(Map.entry(row, key));
          if (spec.deleted()
              && spec.link() == Domain.Link.MANY_TO_MANY
              && !sharers.containsKey(row)) {
            tables.get(key).add(spec.index() + ":_roots");
          }
          entities.add(row);
          made.add(row);
        }
      }
      rows.put(spec.index(), made);
    }
  }

  /**
   * Fills a row of {@code key}'s; a field that names the second association as its owner is
   * {@code secondKey}'s, and stays empty where the row has no second association.
   */
  private void fill(
      SubjectKey key, @Nullable SubjectKey secondKey, Domain.Entity spec, Object row) {
    for (int i = 0; i < spec.fields().size(); i++) {
      Domain.Field field = spec.fields().get(i);
      boolean second = field.owner() != null && !field.owner().equals("parent");
      SubjectKey owner = second ? secondKey : key;
      boolean present = i == 0 || random.nextInt(7) != 0;
      if (owner != null) {
        // The first field always holds a value, so that every row is recognisable as the subject's.
        assignTo(owner, second ? Set.of() : sharersOf(row), spec, row, field, "", present);
      }
    }
    if (!spec.embedded().isEmpty()) {
      Object part = instance(spec.className() + "Part");
      for (Domain.Field field : spec.embedded()) {
        assignTo(key, sharersOf(row), spec, part, field, "part.", random.nextInt(7) != 0);
      }
      set(row, "part", part);
    }
    Domain.Field elements = spec.elements();
    if (elements != null) {
      Collection<Object> items = collection(row, "items");
      for (int i = random.nextInt(4); i > 0; i--) {
        String value = token();
        items.add(value);
        exports.get(key).add("items=" + value);
        sharersOf(row).forEach(other -> exports.get(other).add("items=" + value));
        if (elements.strategy() != ErasureStrategy.KEEP && sharersOf(row).isEmpty()) {
          erasable.get(key).add(value);
          tables.get(key).add(spec.index() + ":_items");
        }
      }
    }
  }

  private void assign(
      SubjectKey key,
      Domain.Entity spec,
      Object row,
      Domain.Field field,
      String path,
      boolean present) {
    assignTo(key, Set.of(), spec, row, field, path, present);
  }

  private Set<SubjectKey> sharersOf(Object row) {
    return sharers.getOrDefault(row, Set.of());
  }

  /**
   * Sets a field of {@code key}'s to a new token; where {@code sharers} also reach the row, the
   * value is in their exports too, and no single erasure removes it.
   */
  private void assignTo(
      SubjectKey key,
      Set<SubjectKey> sharers,
      Domain.Entity spec,
      Object target,
      Domain.Field field,
      String path,
      boolean present) {
    if (!present) {
      return;
    }
    String value = token();
    set(target, field.name(), value);
    exports.get(key).add(path + field.name() + "=" + value);
    sharers.forEach(other -> exports.get(other).add(path + field.name() + "=" + value));
    if (field.strategy() != ErasureStrategy.KEEP && sharers.isEmpty()) {
      erasable.get(key).add(value);
      if (field.converted()) {
        erasable.get(key).add(new StringBuilder(value).reverse().toString());
      }
      tables.get(key).add(spec.index() + ":");
    }
  }

  /** A random text of twelve letters that are not hex digits, unique in this population. */
  private String token() {
    while (true) {
      StringBuilder token = new StringBuilder(12);
      for (int i = 0; i < 12; i++) {
        token.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
      }
      if (used.add(token.toString())) {
        return token.toString();
      }
    }
  }

  private Object instance(String simpleName) {
    try {
      return loader
          .loadClass(domain.packageName() + "." + simpleName)
          .getConstructor()
          .newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void set(Object target, String field, @Nullable Object value) {
    try {
      target.getClass().getField(field).set(target, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Collection<Object> collection(Object target, String field) {
    try {
      return (Collection<Object>) target.getClass().getField(field).get(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
