package dev.lethe.jpa.internal;

import dev.lethe.model.IdentityMatch;
import dev.lethe.model.SubjectRoute;
import dev.lethe.model.SubjectType;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.PluralAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityAssociationMapping;
import org.hibernate.metamodel.mapping.EntityDiscriminatorMapping;
import org.hibernate.metamodel.mapping.EntityIdentifierMapping;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.EntityValuedModelPart;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.TableDetails;
import org.jspecify.annotations.Nullable;

/**
 * Turns one entity's route to a subject into predicates: JPQL for queries and bulk statements, and
 * native SQL selecting the subject's rows (their identifiers, or their columns for the export,
 * decision record 0040), for the tables JPQL cannot reach (element collections, join tables), for
 * rows {@code @SoftDelete} hides from JPQL, and for the export's plain JDBC reads. Every statement
 * takes the subject's key as the one parameter {@code :key}; none holds a value.
 */
final class RouteSql {

  static final String KEY = "key";

  private final JpaMapping mapping;
  private final EntityInfo entity;
  private final SubjectRoute route;
  private final SubjectType subject;

  /** Whether the route selects only the rows that no other subject reaches along it. */
  private final boolean exclusive;

  /**
   * The statements and answers computed so far: the same for every subject of the type, so an
   * erasure or export after the first plans nothing again (the mapping keeps one instance per route).
   */
  private final Map<String, Object> computed = new ConcurrentHashMap<>();

  RouteSql(JpaMapping mapping, EntityInfo entity, SubjectRoute route, SubjectType subject) {
    this(mapping, entity, route, subject, false);
  }

  private RouteSql(
      JpaMapping mapping,
      EntityInfo entity,
      SubjectRoute route,
      SubjectType subject,
      boolean exclusive) {
    this.mapping = mapping;
    this.entity = entity;
    this.route = route;
    this.subject = subject;
    this.exclusive = exclusive;
  }

  EntityInfo entity() {
    return entity;
  }

  /** {@code compute}'s answer under {@code key}, computed once; not through computeIfAbsent, as one answer may use another. */
  @SuppressWarnings("unchecked")
  private <T> T memo(String key, Supplier<T> compute) {
    Object known = computed.get(key);
    if (known == null) {
      known = compute.get();
      computed.put(key, known);
    }
    return (T) known;
  }

  SubjectRoute route() {
    return route;
  }

  /** The type of {@code :key}: the subject root's identifier. */
  JdbcMapping keyType() {
    return mapping.entity(subject.root()).mapping().getIdentifierMapping().getSingleJdbcMapping();
  }

  /**
   * Whether the entity's rows must be found with native SQL: it or an entity along its route hides
   * rows from JPQL ({@code @SoftDelete}, {@code @SQLRestriction}, filters; see {@link Sql#hidesRows}),
   * which erasure and export must reach all the same.
   */
  boolean needsNative() {
    return memo("needsNative", this::computeNeedsNative);
  }

  private boolean computeNeedsNative() {
    if (exclusive) {
      // "No other subject reaches the row" has a native form only.
      return true;
    }
    // A reverse hop ({@code <Owner.pets}) names no attribute of its entity, so JPQL has no path for
    // it.
    if (route.hasReverseHop()
        || Sql.hidesRows(entity)
        || Sql.hidesRows(mapping.entity(subject.root()))) {
      return true;
    }
    ManagedType<?> current = entity.jpa();
    for (String segment : route.path().subList(0, route.path().size() - 1)) {
      Optional<Attribute<?, ?>> attribute = EntityInfo.attribute(current, segment);
      if (attribute.isEmpty()) {
        return false;
      }
      Class<?> target = EntityInfo.targetType(attribute.get());
      EntityInfo next = mapping.entity(target);
      if (Sql.hidesRows(next) || Sql.hidesElements(attribute.get())) {
        return true;
      }
      current = next.jpa();
    }
    return false;
  }

  // --- rows several subjects reach ---------------------------------------------------------------

  /**
   * Whether one row can reach several subjects along this route, because a hop passes through a
   * collection: the minutes of a meeting and its attendees ({@code @ManyToMany}), a household and
   * its members ({@code @OneToMany}). One subject's erasure must then leave the rows that others
   * still reach (Art. 17 is one person's right, not a licence to erase the others' data). Routes
   * ending in a {@code @SubjectLink} column compare a value, not a row, and are not counted.
   */
  boolean reachesSeveralSubjects() {
    return memo("reachesSeveralSubjects", this::computeReachesSeveralSubjects);
  }

  private boolean computeReachesSeveralSubjects() {
    List<Hop> hops = hopsToRoot();
    return hops.stream().anyMatch(Hop::toMany)
        && subject
            .root()
            .isAssignableFrom(hops.get(hops.size() - 1).target().getJavaType().getJavaTypeClass());
  }

  /**
   * The same route, selecting only the rows that no other subject reaches along it: those one
   * subject's erasure may erase. Native only.
   */
  RouteSql exclusive() {
    return memo("exclusive", () -> new RouteSql(mapping, entity, route, subject, true));
  }

  /**
   * The link between the route's last hop and the subject's root row, which an erasure removes so
   * that rows other subjects share no longer reach the erased one; empty where the last hop is
   * not an association.
   */
  Optional<RootLink> linkToRoot() {
    return memo("linkToRoot", this::computeLinkToRoot);
  }

  private Optional<RootLink> computeLinkToRoot() {
    List<Hop> hops = hopsToRoot();
    if (hops.isEmpty()) {
      return Optional.empty();
    }
    Hop last = hops.get(hops.size() - 1);
    EntityMappingType root = last.target();
    Class<?> rootType = root.getJavaType().getJavaTypeClass();
    Class<?> from = last.from().getJavaType().getJavaTypeClass();
    if (last.part() instanceof PluralAttributeMapping plural) {
      ForeignKeyDescriptor key = plural.getKeyDescriptor();
      if (last.reverse()) {
        // <Owner.items: the owner is the root, and the collection's key refers to it.
        return Optional.of(
            RootLink.referring(
                key.getKeyTable(),
                column(key.getKeyPart()),
                root,
                column(key.getTargetPart()),
                plural.getSeparateCollectionTable() != null,
                from));
      }
      if (plural.getSeparateCollectionTable() != null
          && plural.getElementDescriptor() instanceof EntityAssociationMapping element) {
        ForeignKeyDescriptor fk = element.getForeignKeyDescriptor();
        return Optional.of(
            RootLink.referring(
                fk.getKeyTable(),
                column(fk.getKeyPart()),
                root,
                column(fk.getTargetPart()),
                true,
                rootType));
      }
      // A one-to-many without join table: the root's own row holds the key.
      return Optional.of(RootLink.inRoot(key.getKeyTable(), column(key.getKeyPart()), root));
    }
    if (last.part() instanceof EntityAssociationMapping association) {
      ForeignKeyDescriptor fk = association.getForeignKeyDescriptor();
      if (association.getSideNature() == ForeignKeyDescriptor.Nature.KEY) {
        return Optional.of(
            RootLink.referring(
                fk.getKeyTable(),
                column(fk.getKeyPart()),
                root,
                column(fk.getTargetPart()),
                false,
                from));
      }
      return Optional.of(RootLink.inRoot(fk.getKeyTable(), column(fk.getKeyPart()), root));
    }
    return Optional.empty();
  }

  /**
   * A link to the subject's root row: {@code column} of {@code table}, in the rows of
   * {@code holder}; in a join table the link is the whole row. {@code unlink} removes the subject's
   * links, its one parameter the subject's key.
   */
  record RootLink(String table, String column, boolean joinTable, Class<?> holder, String unlink) {

    static RootLink referring(
        String table,
        String column,
        EntityMappingType root,
        String referenced,
        boolean joinTable,
        Class<?> holder) {
      Class<?> rootType = root.getJavaType().getJavaTypeClass();
      String rootTable = root.getIdentifierTableDetails().getTableName();
      String rootKey = keyColumn(root, rootTable, rootType);
      String value =
          referenced.equals(rootKey)
              ? ":" + KEY
              : "(select r_."
                  + referenced
                  + " from "
                  + rootTable
                  + " r_ where r_."
                  + rootKey
                  + " = :"
                  + KEY
                  + ")";
      String unlink =
          joinTable
              ? "delete from " + table + " where " + column + " = " + value
              : "update " + table + " set " + column + " = null where " + column + " = " + value;
      return new RootLink(table, column, joinTable, holder, unlink);
    }

    static RootLink inRoot(String table, String column, EntityMappingType root) {
      Class<?> rootType = root.getJavaType().getJavaTypeClass();
      return new RootLink(
          table,
          column,
          false,
          rootType,
          "update "
              + table
              + " set "
              + column
              + " = null where "
              + keyColumn(root, table, rootType)
              + " = :"
              + KEY);
    }
  }

  private static String column(Object part) {
    if (part instanceof BasicValuedModelPart basic) {
      return basic.getSelectionExpression();
    }
    throw new IllegalArgumentException("A key of several columns");
  }

  /** One association the route follows: from an entity, by a part (or a collection followed back), to an entity. */
  private record Hop(
      EntityMappingType from,
      ModelPart part,
      boolean reverse,
      EntityMappingType target,
      boolean toMany) {}

  /** The associations from this entity towards the root, every segment but the last; empty where one is not an association. */
  private List<Hop> hopsToRoot() {
    List<Hop> hops = new ArrayList<>();
    EntityMappingType current = entity.mapping();
    List<String> path = route.path();
    for (String segment : path.subList(0, path.size() - 1)) {
      if (SubjectRoute.isReverse(segment)) {
        int dot = segment.lastIndexOf('.');
        EntityMappingType owner =
            mapping.entityNamed(segment.substring(SubjectRoute.REVERSE.length(), dot)).mapping();
        if (!(owner.findByPath(segment.substring(dot + 1))
            instanceof PluralAttributeMapping plural)) {
          return List.of();
        }
        hops.add(
            new Hop(current, plural, true, owner, plural.getCollectionDescriptor().isManyToMany()));
        current = owner;
        continue;
      }
      ModelPart part = current.findByPath(segment);
      EntityMappingType target;
      if (part instanceof PluralAttributeMapping plural
          && plural.getElementDescriptor() instanceof EntityValuedModelPart element) {
        target = element.getEntityMappingType();
      } else if (part instanceof EntityAssociationMapping association) {
        target = association.getAssociatedEntityMappingType();
      } else {
        return List.of();
      }
      hops.add(new Hop(current, part, false, target, part instanceof PluralAttributeMapping));
      current = target;
    }
    return hops;
  }

  // --- JPQL --------------------------------------------------------------------------------------

  /** A JPQL condition on {@code alias} (an alias of the entity) that holds for the subject's rows of exactly this type. */
  String jpqlPredicate(String alias) {
    return memo("jpqlPredicate " + alias, () -> computeJpqlPredicate(alias));
  }

  private String computeJpqlPredicate(String alias) {
    if (!crossesCollection() && !entity.hasSubtypes()) {
      return matching(alias + "." + route.dottedPath()) + " = " + jpqlValue();
    }
    return jpqlSubquery(alias);
  }

  /** The same condition, shaped for a bulk update or delete: no implicit joins on the target. */
  String jpqlDmlPredicate(String alias) {
    return memo("jpqlDmlPredicate " + alias, () -> computeJpqlDmlPredicate(alias));
  }

  private String computeJpqlDmlPredicate(String alias) {
    if (!entity.hasSubtypes() && route.path().size() == 1) {
      return matching(alias + "." + route.path().get(0)) + " = " + jpqlValue();
    }
    if (!entity.hasSubtypes() && isForeignKeyToRoot()) {
      // The subject's key is a foreign-key column of this very table: Hibernate's fk() compares it
      // without a join. A subquery here is run once per row by some databases (H2), which makes a
      // large erasure quadratic.
      return "fk(" + alias + "." + route.path().get(0) + ") = " + jpqlValue();
    }
    if (!entity.hasSubtypes() && route.path().size() > 2 && firstHopIsManyToOne()) {
      return jpqlDeepRoute(alias);
    }
    return jpqlSubquery(alias);
  }

  /**
   * A native condition on the entity's one table, without alias or join, that holds for the
   * subject's rows, where the entity stands alone in that table (no hierarchy, no secondary table,
   * no hidden rows) and the route ends at the subject's key: in a column of the table (the root's
   * own key, or a many-to-one's foreign key to the root), or several hops away, where the first
   * hop's foreign key is compared with the keys of that hop's subject rows, as {@link
   * #jpqlDmlPredicate} does. Its parameter is {@code :key}. A bulk update or delete with it is
   * written once; Hibernate 7.4 translates a JPQL one again on every execution, which costs a small
   * erasure more than its statements.
   */
  Optional<String> nativeDmlPredicate() {
    return memo("nativeDmlPredicate", this::computeNativeDmlPredicate);
  }

  private Optional<String> computeNativeDmlPredicate() {
    if (exclusive
        || needsNative()
        || !Eraser.standsAlone(entity)
        || !route.identity().equals(SubjectType.ID)) {
      return Optional.empty();
    }
    String table = Eraser.tables(entity).get(0);
    EntityIdentifierMapping id = entity.mapping().getIdentifierMapping();
    if (route.path().size() == 1
        && route.path().get(0).equals(id.getAttributeName())
        && id instanceof BasicValuedModelPart key
        && key.getContainingTableExpression().equals(table)) {
      return Optional.of(
          Sql.exactlyEquals(
              mapping.factory(), key.getSelectionExpression(), KEY, key.getJdbcMapping()));
    }
    boolean deep = route.path().size() > 2 && firstHopIsManyToOne() && !routeReadsOwnTable();
    if ((isForeignKeyToRoot() || deep)
        && entity.mapping().findByPath(route.path().get(0))
            instanceof EntityAssociationMapping firstHop
        && firstHop.getForeignKeyDescriptor().getKeyPart() instanceof BasicValuedModelPart fk
        && fk.getContainingTableExpression().equals(table)) {
      String column = fk.getSelectionExpression();
      return Optional.of(
          deep
              ? column + " in (" + nativeFirstHopKeys(firstHop) + ")"
              : Sql.exactlyEquals(mapping.factory(), column, KEY, fk.getJdbcMapping()));
    }
    return Optional.empty();
  }

  /**
   * {@code select <key> from <first hop's table> [joins] where <the route's end> = :key}: the keys
   * of the first hop's rows of the subject, which the route's first foreign key references.
   */
  private String nativeFirstHopKeys(EntityAssociationMapping firstHop) {
    EntityMappingType target = firstHop.getAssociatedEntityMappingType();
    Query query = new Query(mapping, "j");
    Scope start = query.start(target, target.getJavaType().getJavaTypeClass());
    String value = query.walk(start, route.path().subList(1, route.path().size()));
    JdbcMapping keyType =
        mapping.entity(subject.root()).mapping().getIdentifierMapping().getSingleJdbcMapping();
    return "select "
        + start.base()
        + "."
        + start.baseKey()
        + " "
        + query.from
        + " where "
        + Sql.exactlyEquals(mapping.factory(), value, KEY, keyType);
  }

  /** Whether the route is {@code owner.id}: a many-to-one straight to the root, its key a foreign-key column here. */
  private boolean isForeignKeyToRoot() {
    return route.path().size() == 2
        && route.identity().equals(SubjectType.ID)
        && firstHopIsManyToOne();
  }

  /** Whether the first hop is a many-to-one whose foreign key holds the target's identifier, which {@code fk()} reads. */
  private boolean firstHopIsManyToOne() {
    return isManyToOne(hops().get(0)) && referencesKey(0);
  }

  /**
   * Whether hop {@code index}'s foreign key references its target's identifier, not another column
   * ({@code @JoinColumn(referencedColumnName = ...)}): only then is {@code fk()} the target's key.
   */
  private boolean referencesKey(int index) {
    EntityInfo owner = entity;
    for (int i = 0; i < index; i++) {
      owner =
          mapping.entity(
              EntityInfo.targetType(
                  EntityInfo.attribute(owner.jpa(), route.path().get(i)).orElseThrow()));
    }
    ModelPart part = owner.mapping().findByPath(route.path().get(index));
    if (!(part instanceof EntityAssociationMapping association)
        || part instanceof PluralAttributeMapping) {
      return false;
    }
    ForeignKeyDescriptor fk = association.getForeignKeyDescriptor();
    EntityMappingType target = association.getAssociatedEntityMappingType();
    return fk.getTargetPart() instanceof BasicValuedModelPart column
        && column
            .getSelectionExpression()
            .equals(
                keyColumn(target, fk.getTargetTable(), target.getJavaType().getJavaTypeClass()));
  }

  /** The associations the route follows from this entity towards the root: every segment but the last. */
  private List<Attribute<?, ?>> hops() {
    List<Attribute<?, ?>> hops = new ArrayList<>();
    ManagedType<?> current = entity.jpa();
    for (String segment : route.path().subList(0, route.path().size() - 1)) {
      Attribute<?, ?> attribute = EntityInfo.attribute(current, segment).orElseThrow();
      hops.add(attribute);
      current = mapping.entity(EntityInfo.targetType(attribute)).jpa();
    }
    return hops;
  }

  private static boolean isManyToOne(Attribute<?, ?> attribute) {
    return attribute.getPersistentAttributeType() == Attribute.PersistentAttributeType.MANY_TO_ONE;
  }

  /**
   * Several hops away: the row's foreign key among the keys of the first hop's subject rows,
   * {@code fk(e.order) in (select j0_.id from PurchaseOrder j0_ where fk(j0_.customer) = :key)}:
   * a subquery that reads no row of the table being changed, so that H2 runs it once (it re-runs
   * one over the changed table for every row), MariaDB accepts it, and PostgreSQL plans a
   * semi-join. Where the route passes through the changed table itself, a subquery correlated
   * with the row through its foreign key.
   */
  private String jpqlDeepRoute(String alias) {
    List<String> path = route.path();
    Attribute<?, ?> first = EntityInfo.attribute(entity.jpa(), path.get(0)).orElseThrow();
    EntityInfo firstTarget = mapping.entity(EntityInfo.targetType(first));
    if (routeReadsOwnTable()) {
      return jpqlCorrelatedExists(alias, firstTarget);
    }
    return "fk("
        + alias
        + "."
        + path.get(0)
        + ") in (select j0_."
        + firstTarget.idAttribute()
        + " "
        + jpqlRouteFrom(firstTarget)
        + ")";
  }

  /** Whether an entity the route passes through shares this entity's table hierarchy. */
  private boolean routeReadsOwnTable() {
    return hops().stream()
        .map(EntityInfo::targetType)
        .anyMatch(
            target ->
                target.isAssignableFrom(entity.type()) || entity.type().isAssignableFrom(target));
  }

  private String jpqlCorrelatedExists(String alias, EntityInfo firstTarget) {
    return "exists (select 1 "
        + jpqlRouteFrom(firstTarget)
            .replace(" where ", " where j0_ = " + alias + "." + route.path().get(0) + " and ")
        + ")";
  }

  /** {@code from <first hop's entity> j0_ [joins] where <the route's end> = <the subject's value>}. */
  private String jpqlRouteFrom(EntityInfo firstTarget) {
    List<String> path = route.path();
    StringBuilder query = new StringBuilder("from ").append(firstTarget.name()).append(" j0_");
    // The last hop to the root compares its foreign key, without joining the root: joined, H2 may
    // start from the root's row and scan all of the subject's rows of the hop before it, per row.
    int joins = path.size() - (lastHopIsForeignKeyToRoot() ? 2 : 1);
    String current = "j0_";
    for (int i = 1; i < joins; i++) {
      String join = "j" + i + "_";
      query
          .append(" join ")
          .append(current)
          .append('.')
          .append(path.get(i))
          .append(' ')
          .append(join);
      current = join;
    }
    String subject =
        joins < path.size() - 1
            ? "fk(" + current + "." + path.get(path.size() - 2) + ")"
            : current + "." + path.get(path.size() - 1);
    return query
        .append(" where ")
        .append(matching(subject))
        .append(" = ")
        .append(jpqlValue())
        .toString();
  }

  /** Whether the route ends {@code ....owner.id}: a many-to-one to the root, compared by the subject's key. */
  private boolean lastHopIsForeignKeyToRoot() {
    List<Attribute<?, ?>> hops = hops();
    return route.identity().equals(SubjectType.ID)
        && isManyToOne(hops.get(hops.size() - 1))
        && referencesKey(hops.size() - 1);
  }

  private String jpqlSubquery(String alias) {
    StringBuilder query =
        new StringBuilder("select x_." + entity.idAttribute() + " from " + entity.name() + " x_");
    String current = "x_";
    List<String> path = route.path();
    for (int i = 0; i < path.size() - 1; i++) {
      String join = "j" + i + "_";
      query
          .append(" join ")
          .append(current)
          .append('.')
          .append(path.get(i))
          .append(' ')
          .append(join);
      current = join;
    }
    query
        .append(" where ")
        .append(matching(current + "." + path.get(path.size() - 1)))
        .append(" = ")
        .append(jpqlValue());
    if (entity.hasSubtypes()) {
      query.append(" and type(x_) = ").append(entity.name());
    }
    return alias + "." + entity.idAttribute() + " in (" + query + ")";
  }

  private String jpqlValue() {
    if (route.identity().equals(SubjectType.ID)) {
      return ":" + KEY;
    }
    EntityInfo root = mapping.entity(subject.root());
    return "(select "
        + matching("r_." + identityAttribute())
        + " from "
        + root.name()
        + " r_ where r_."
        + root.idAttribute()
        + " = :"
        + KEY
        + ")";
  }

  /**
   * {@code expression} as a {@code @SubjectLink} route compares it with the root's identity: trimmed
   * and lower-cased on both sides where the identity is matched so (e-mail addresses, by default),
   * so that {@code Ada@Example.com} in a link column reaches {@code ada@example.com}'s root on
   * every database, as the identity lookup does (Art. 15, 17).
   */
  private String matching(String expression) {
    return ignoresCaseAndSpace() ? "lower(trim(" + expression + "))" : expression;
  }

  private boolean ignoresCaseAndSpace() {
    if (route.identity().equals(SubjectType.ID)
        || subject
            .identityRule(route.identity())
            .map(rule -> rule.match() != IdentityMatch.IGNORE_CASE_AND_SPACE)
            .orElse(true)) {
      return false;
    }
    EntityInfo root = mapping.entity(subject.root());
    return EntityInfo.attribute(root.jpa(), identityAttribute())
        .map(attribute -> CharSequence.class.isAssignableFrom(attribute.getJavaType()))
        .orElse(false);
  }

  private String identityAttribute() {
    return subject
        .identityAttribute(route.identity())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Subject type '"
                        + subject.name()
                        + "' has no identity '"
                        + route.identity()
                        + "'"));
  }

  private boolean crossesCollection() {
    return hops().stream().anyMatch(attribute -> attribute instanceof PluralAttribute<?, ?, ?>);
  }

  // --- native SQL --------------------------------------------------------------------------------

  /**
   * Native SQL selecting the identifiers of the subject's rows of exactly this entity type,
   * soft-deleted ones included.
   *
   * @throws UnsupportedRouteException if a step of the route cannot be expressed
   */
  String nativeIds() {
    return memo("nativeIds", this::computeNativeIds);
  }

  private String computeNativeIds() {
    return ofSubject(
        (query, start) -> "select " + start.base() + "." + start.baseKey() + " as id_");
  }

  /**
   * The statement that {@code select} begins on the entity's table, over the subject's rows of
   * exactly this type: joined along the route, its end compared with the subject's key.
   */
  private String ofSubject(BiFunction<Query, Scope, String> select) {
    Query query = new Query(mapping);
    Scope start = query.start(entity.mapping(), entity.type());
    String value = query.walk(start, route.path());
    String columns = select.apply(query, start);
    // Taken before the FROM clause is read: restricting to the exact type may join a table.
    String restriction = query.exactType(start, entity);
    return columns
        + " "
        + query.from
        + " where "
        + matching(value)
        + " = "
        + nativeValue()
        + restriction
        + (exclusive ? noOtherSubject(start.base() + "." + start.baseKey()) : "");
  }

  /** {@code and not exists (...)}: no subject but the one of {@code :key} reaches the row {@code id} along the route. */
  private String noOtherSubject(String id) {
    Query others = new Query(mapping, "o");
    Scope start = others.start(entity.mapping(), entity.type());
    String value = others.walk(start, route.path());
    return " and not exists (select 1 "
        + others.from
        + " where "
        + start.base()
        + "."
        + start.baseKey()
        + " = "
        + id
        + " and "
        + matching(value)
        + " <> "
        + nativeValue()
        + ")";
  }

  /**
   * The subquery of {@link #nativeIds()} as a derived table, for {@code in (...)}: MariaDB and
   * MySQL materialise it, so a statement may change the table the subquery reads.
   */
  String nativeIdsIn() {
    return "select id_ from (" + nativeIds() + ") d_";
  }

  /**
   * Native SQL selecting the identifier and the columns of {@code attributePaths} of the rows whose
   * identifiers {@code ids} selects, ordered by identifier.
   */
  String nativeColumns(List<String> attributePaths, String ids) {
    return nativeColumns(attributePaths, ids, true, true);
  }

  private String nativeColumns(
      List<String> attributePaths, String ids, boolean byKey, boolean withKey) {
    Query query = new Query(mapping);
    Scope start = query.start(entity.mapping(), entity.type());
    String select = query.select(start, attributePaths, withKey);
    return select
        + " "
        + query.from
        + " where "
        + start.base()
        + "."
        + start.baseKey()
        + " in ("
        + ids
        + ")"
        + (byKey ? " order by 1" : "");
  }

  /**
   * Native SQL selecting the identifier ({@code c0_}) and the columns of {@code attributePaths} of
   * the subject's rows of exactly this entity type, soft-deleted ones included, ordered by
   * identifier if {@code byKey}. Where every hop is to-one, a row reaches the subject at most once,
   * so the route's joins compare the subject's key directly, as a hand-written query would;
   * through a collection, a row may be reached several times and is selected by {@link
   * #nativeIdsIn()}.
   *
   * @throws UnsupportedRouteException if a step of the route or an attribute is not a single column
   */
  String nativeRows(List<String> attributePaths, boolean byKey) {
    return memo(
        "nativeRows " + attributePaths + " " + byKey,
        () -> computeNativeRows(attributePaths, byKey, true));
  }

  /**
   * As {@link #nativeRows} in the database's order, without the identifier: only the columns of
   * {@code attributePaths}, as a report writes them.
   *
   * @throws UnsupportedRouteException if a step of the route or an attribute is not a single column
   */
  String nativeValues(List<String> attributePaths) {
    return memo(
        "nativeValues " + attributePaths, () -> computeNativeRows(attributePaths, false, false));
  }

  private String computeNativeRows(List<String> attributePaths, boolean byKey, boolean withKey) {
    if (route.hasReverseHop() || crossesCollection()) {
      return nativeColumns(attributePaths, nativeIdsIn(), byKey, withKey);
    }
    return ofSubject((query, start) -> query.select(start, attributePaths, withKey))
        + (byKey ? " order by 1" : "");
  }

  /**
   * Native SQL selecting, for the rows whose identifier satisfies {@code idCondition} (such as
   * {@code in (:ids)} or {@code = ?}), each row's identifier ({@code id_}) and the key of the
   * subject its route reaches ({@code key_}): the reverse of {@link #nativeIds()}, for legal holds
   * and restrictions, which name subjects.
   *
   * @throws UnsupportedRouteException if a step of the route cannot be expressed
   */
  String nativeSubjectKeys(String idCondition) {
    return memo("nativeSubjectKeys " + idCondition, () -> computeNativeSubjectKeys(idCondition));
  }

  private String computeNativeSubjectKeys(String idCondition) {
    Query query = new Query(mapping);
    Scope start = query.start(entity.mapping(), entity.type());
    String value = query.walk(start, route.path());
    String key;
    if (route.identity().equals(SubjectType.ID)) {
      key = value;
    } else {
      EntityMappingType root = mapping.entity(subject.root()).mapping();
      BasicValuedModelPart identity = basic(root, identityAttribute(), subject.root());
      String table = identity.getContainingTableExpression();
      query
          .from
          .append(" join ")
          .append(table)
          .append(" r_ on ")
          .append(matching("r_." + identity.getSelectionExpression()))
          .append(" = ")
          .append(matching(value));
      key = "r_." + keyColumn(root, table, subject.root());
    }
    return "select "
        + start.base()
        + "."
        + start.baseKey()
        + " as id_, "
        + key
        + " as key_ "
        + query.from
        + " where "
        + start.base()
        + "."
        + start.baseKey()
        + " "
        + idCondition;
  }

  /**
   * Native SQL selecting the identifiers ({@code id_}) and clocks ({@code clock_}) of the rows of
   * exactly {@code entity}'s type whose {@code clock} column is at or before {@code :cutoff} and,
   * if {@code after}, that come after the position {@code (:afterClock, :afterId)}, in the order
   * of the clock, then the key (Art. 5(1)(e)). Ordered by the clock, a batch walks the clock's
   * index and stops at the limit, whatever the table's statistics; ordered by the key, a planner
   * that prefers the clock's index for the filter sorts every expired row for each batch, and a
   * row lock may take them all (H2). The caller appends the limit and the row lock.
   */
  static String nativeExpiredRows(EntityInfo entity, BasicValuedModelPart clock, boolean after) {
    Query query = new Query();
    Scope start = query.start(entity.mapping(), entity.type());
    String column =
        query.alias(start, clock.getContainingTableExpression())
            + "."
            + clock.getSelectionExpression();
    String id = start.base() + "." + start.baseKey();
    String position = after ? afterPosition(column, id) : "";
    return "select "
        + id
        + " as id_, "
        + column
        + " as clock_ "
        + query.from
        + " where "
        + column
        + " <= :cutoff"
        + position
        + query.exactType(start, entity)
        + " order by "
        + column
        + ", "
        + id;
  }

  /** The condition on rows after {@code :afterClock} and {@code :afterId} in clock and key order. */
  static String afterPosition(String clockColumn, String keyColumn) {
    // The range on the clock alone lets the index bound the scan; the rest breaks ties on the key.
    return " and "
        + clockColumn
        + " >= :afterClock and ("
        + clockColumn
        + " > :afterClock or "
        + keyColumn
        + " > :afterId)";
  }

  /**
   * Native SQL selecting the identifiers ({@code id_}) of the rows of exactly {@code entity}'s type
   * whose {@code time} column lies in {@code [:from, :to)}, hidden rows included (Art. 33(3)(a)).
   */
  static String nativeRowsBetween(EntityInfo entity, BasicValuedModelPart time) {
    Query query = new Query();
    Scope start = query.start(entity.mapping(), entity.type());
    String column =
        query.alias(start, time.getContainingTableExpression())
            + "."
            + time.getSelectionExpression();
    // Taken before the FROM clause is read: restricting to the exact type may join the type's own
    // table.
    String exactType = query.exactType(start, entity);
    return "select "
        + start.base()
        + "."
        + start.baseKey()
        + " as id_ "
        + query.from
        + " where "
        + column
        + " >= :from and "
        + column
        + " < :to"
        + exactType;
  }

  /** Native SQL selecting the identifier and the columns of {@code attributePaths} of the rows whose identifier is in {@code :ids}. */
  static String nativeColumnsOf(EntityInfo entity, List<String> attributePaths) {
    Query query = new Query();
    Scope start = query.start(entity.mapping(), entity.type());
    String select = query.select(start, attributePaths, true);
    return select
        + " "
        + query.from
        + " where "
        + start.base()
        + "."
        + start.baseKey()
        + " in (:ids) order by 1";
  }

  private String nativeValue() {
    if (route.identity().equals(SubjectType.ID)) {
      return ":" + KEY;
    }
    EntityMappingType root = mapping.entity(subject.root()).mapping();
    BasicValuedModelPart identity = basic(root, identityAttribute(), subject.root());
    String table = identity.getContainingTableExpression();
    return "(select "
        + matching("r_." + identity.getSelectionExpression())
        + " from "
        + table
        + " r_ where r_."
        + keyColumn(root, table, subject.root())
        + " = :"
        + KEY
        + ")";
  }

  static BasicValuedModelPart basic(EntityMappingType type, String path, Class<?> javaType) {
    ModelPart part = type.findByPath(path);
    if (part instanceof BasicValuedModelPart basic && !basic.isFormula()) {
      return basic;
    }
    throw new UnsupportedRouteException(
        javaType,
        path,
        "is not a single column that native SQL can read or write.",
        "Map it as a basic attribute with one column.");
  }

  static String keyColumn(EntityMappingType type, String table, Class<?> javaType) {
    List<String> found = new ArrayList<>();
    type.forEachTableDetails(
        details -> {
          if (details.getTableName().equals(table) && found.isEmpty()) {
            TableDetails.KeyDetails key = details.getKeyDetails();
            if (key.getColumnCount() == 1) {
              found.add(key.getKeyColumn(0).getColumnName());
            }
          }
        });
    if (found.isEmpty()) {
      throw new UnsupportedRouteException(
          javaType,
          type.getIdentifierMapping().getAttributeName(),
          "has no single-column key in table " + table + ".",
          "Use a single-column identifier.");
    }
    return found.get(0);
  }

  /** The aliases of one entity's tables within a native query. */
  private record Scope(
      EntityMappingType type,
      Class<?> javaType,
      Map<String, String> aliases,
      String baseTable,
      String baseKey) {
    String base() {
      return aliases.get(baseTable);
    }
  }

  /** A native query under construction: its FROM clause and the aliases handed out. */
  private static final class Query {
    private final StringBuilder from = new StringBuilder();
    private final @Nullable JpaMapping mapping;
    private final String prefix;
    private int aliases;

    Query() {
      this(null);
    }

    /** A query that may follow reverse hops, which name entities of {@code mapping}. */
    Query(@Nullable JpaMapping mapping) {
      this(mapping, "a");
    }

    /** A query whose aliases start with {@code prefix}, apart from those of a query it is nested in. */
    Query(@Nullable JpaMapping mapping, String prefix) {
      this.mapping = mapping;
      this.prefix = prefix;
    }

    Scope start(EntityMappingType type, Class<?> javaType) {
      String table = type.getIdentifierTableDetails().getTableName();
      String alias = next();
      from.append("from ").append(table).append(' ').append(alias);
      return scope(type, javaType, table, alias);
    }

    private Scope scope(EntityMappingType type, Class<?> javaType, String table, String alias) {
      Map<String, String> known = new LinkedHashMap<>();
      known.put(table, alias);
      return new Scope(type, javaType, known, table, keyColumn(type, table, javaType));
    }

    private String next() {
      return prefix + aliases++ + "_";
    }

    /** The alias of {@code table} in {@code scope}, joining it on the key if it is not joined yet. */
    String alias(Scope scope, String table) {
      String known = scope.aliases().get(table);
      if (known != null) {
        return known;
      }
      String alias = next();
      from.append(" join ")
          .append(table)
          .append(' ')
          .append(alias)
          .append(" on ")
          .append(alias)
          .append('.')
          .append(keyColumn(scope.type(), table, scope.javaType()))
          .append(" = ")
          .append(scope.base())
          .append('.')
          .append(scope.baseKey());
      scope.aliases().put(table, alias);
      return alias;
    }

    /**
     * {@code select} with the columns of {@code attributePaths} as {@code c1_}, {@code c2_}, ...,
     * after the scope's key as {@code c0_} if {@code withKey}; joins the tables that hold them.
     */
    String select(Scope scope, List<String> attributePaths, boolean withKey) {
      StringBuilder select = new StringBuilder("select ");
      if (withKey) {
        select.append(scope.base()).append('.').append(scope.baseKey()).append(" as c0_");
      }
      int column = 1;
      for (String path : attributePaths) {
        select
            .append(column > 1 || withKey ? ", " : "")
            .append(column(scope, path))
            .append(" as c")
            .append(column++)
            .append('_');
      }
      return select.toString();
    }

    String column(Scope scope, String path) {
      BasicValuedModelPart part = basic(scope.type(), path, scope.javaType());
      return alias(scope, part.getContainingTableExpression())
          + "."
          + part.getSelectionExpression();
    }

    /** Joins along {@code path} and returns the expression of its last attribute. */
    String walk(Scope scope, List<String> path) {
      if (path.size() == 1) {
        return column(scope, path.get(0));
      }
      String segment = path.get(0);
      List<String> rest = path.subList(1, path.size());
      if (SubjectRoute.isReverse(segment)) {
        return walkBack(scope, segment, rest);
      }
      ModelPart part = scope.type().findByPath(segment);
      if (part instanceof PluralAttributeMapping plural
          && plural.getElementDescriptor() instanceof EntityValuedModelPart element
          && plural.getSeparateCollectionTable() == null) {
        // A one-to-many without join table (mappedBy, or a join column): the elements' table holds
        // the key.
        ForeignKeyDescriptor key = plural.getKeyDescriptor();
        String via =
            alias(scope, key.getTargetTable()) + "." + single(key.getTargetPart(), scope, segment);
        return arrive(
            element.getEntityMappingType(),
            via,
            key.getKeyTable(),
            single(key.getKeyPart(), scope, segment),
            rest,
            scope,
            segment);
      }
      if (part instanceof PluralAttributeMapping plural
          && plural.getElementDescriptor() instanceof EntityAssociationMapping element
          && plural.getSeparateCollectionTable() != null) {
        ForeignKeyDescriptor key = plural.getKeyDescriptor();
        String ownerAlias = alias(scope, key.getTargetTable());
        String table = key.getKeyTable();
        String collection = next();
        from.append(" join ")
            .append(table)
            .append(' ')
            .append(collection)
            .append(" on ")
            .append(collection)
            .append('.')
            .append(single(key.getKeyPart(), scope, segment))
            .append(" = ")
            .append(ownerAlias)
            .append('.')
            .append(single(key.getTargetPart(), scope, segment));
        ForeignKeyDescriptor fk = element.getForeignKeyDescriptor();
        String via = collection + "." + single(fk.getKeyPart(), scope, segment);
        return arrive(
            element.getAssociatedEntityMappingType(),
            via,
            fk.getTargetTable(),
            single(fk.getTargetPart(), scope, segment),
            rest,
            scope,
            segment);
      }
      if (part instanceof EntityAssociationMapping association
          && !(part instanceof PluralAttributeMapping)) {
        ForeignKeyDescriptor fk = association.getForeignKeyDescriptor();
        boolean keySide = association.getSideNature() == ForeignKeyDescriptor.Nature.KEY;
        String thisTable = keySide ? fk.getKeyTable() : fk.getTargetTable();
        String thisColumn = single(keySide ? fk.getKeyPart() : fk.getTargetPart(), scope, segment);
        String otherTable = keySide ? fk.getTargetTable() : fk.getKeyTable();
        String otherColumn = single(keySide ? fk.getTargetPart() : fk.getKeyPart(), scope, segment);
        String via = alias(scope, thisTable) + "." + thisColumn;
        return arrive(
            association.getAssociatedEntityMappingType(),
            via,
            otherTable,
            otherColumn,
            rest,
            scope,
            segment);
      }
      throw new UnsupportedRouteException(
          scope.javaType(),
          segment,
          "leads to a subject through a mapping native SQL"
              + " cannot follow (only to-one foreign keys and many-to-many join tables).",
          "Map the link as @ManyToOne, @OneToOne or @ManyToMany with a join table.");
    }

    /**
     * Follows a reverse hop {@code <Owner.pets} from a pet to the owner whose collection holds it:
     * through the collection's join table, or the join column in the pet's own table.
     */
    private String walkBack(Scope scope, String segment, List<String> rest) {
      int dot = segment.lastIndexOf('.');
      EntityInfo owner =
          Objects.requireNonNull(mapping, "mapping")
              .entityNamed(segment.substring(SubjectRoute.REVERSE.length(), dot));
      if (!(owner.mapping().findByPath(segment.substring(dot + 1))
              instanceof PluralAttributeMapping plural)
          || !(plural.getElementDescriptor() instanceof EntityValuedModelPart)) {
        throw new UnsupportedRouteException(
            scope.javaType(),
            segment,
            "names a collection native SQL cannot follow" + " back.",
            "Map the collection as @OneToMany or @ManyToMany of entities.");
      }
      ForeignKeyDescriptor key = plural.getKeyDescriptor();
      String via;
      if (plural.getSeparateCollectionTable() != null) {
        if (!(plural.getElementDescriptor() instanceof EntityAssociationMapping element)) {
          throw new UnsupportedRouteException(
              scope.javaType(),
              segment,
              "names a join table native SQL cannot" + " follow back.",
              "Map the collection as @OneToMany or @ManyToMany of entities.");
        }
        ForeignKeyDescriptor fk = element.getForeignKeyDescriptor();
        String elementAlias = alias(scope, fk.getTargetTable());
        String table = next();
        from.append(" join ")
            .append(key.getKeyTable())
            .append(' ')
            .append(table)
            .append(" on ")
            .append(table)
            .append('.')
            .append(single(fk.getKeyPart(), scope, segment))
            .append(" = ")
            .append(elementAlias)
            .append('.')
            .append(single(fk.getTargetPart(), scope, segment));
        via = table + "." + single(key.getKeyPart(), scope, segment);
      } else {
        via = alias(scope, key.getKeyTable()) + "." + single(key.getKeyPart(), scope, segment);
      }
      return arrive(
          owner.mapping(),
          via,
          key.getTargetTable(),
          single(key.getTargetPart(), scope, segment),
          rest,
          scope,
          segment);
    }

    private String arrive(
        EntityMappingType target,
        String via,
        String table,
        String column,
        List<String> rest,
        Scope from,
        String segment) {
      Class<?> javaType = target.getJavaType().getJavaTypeClass();
      if (rest.size() == 1
          && rest.get(0).equals(target.getIdentifierMapping().getAttributeName())
          && column.equals(keyColumn(target, table, javaType))) {
        return via;
      }
      String alias = next();
      this.from
          .append(" join ")
          .append(table)
          .append(' ')
          .append(alias)
          .append(" on ")
          .append(alias)
          .append('.')
          .append(column)
          .append(" = ")
          .append(via);
      return walk(scope(target, javaType, table, alias), rest);
    }

    private String single(Object part, Scope scope, String segment) {
      if (part instanceof BasicValuedModelPart basic) {
        return basic.getSelectionExpression();
      }
      throw new UnsupportedRouteException(
          scope.javaType(),
          segment,
          "is joined on several columns, which native SQL" + " routes do not support.",
          "Join on a single-column key.");
    }

    /**
     * The condition restricting to rows of exactly the entity's type, if it is part of an entity
     * hierarchy; empty otherwise. A subclass of a {@code JOINED} hierarchy (a {@code PremiumMember}
     * of a {@code Member} root) is joined with its own table, a {@code SINGLE_TABLE} one compared by
     * its discriminator: the hierarchy's table alone holds its superclass's rows too.
     */
    String exactType(Scope scope, EntityInfo info) {
      EntityMappingType type = info.mapping();
      if (!info.hasSubtypes() && type.getSuperMappingType() == null) {
        return "";
      }
      String own = type.getMappedTableDetails().getTableName();
      if (!own.equals(scope.baseTable())) {
        alias(scope, own);
      }
      EntityDiscriminatorMapping discriminator = type.getDiscriminatorMapping();
      // A JOINED hierarchy without a discriminator column has one Hibernate computes in its queries
      // (no physical column to compare): there the subtypes' tables tell.
      if (discriminator != null
          && !discriminator.isFormula()
          && discriminator.hasPhysicalColumn()) {
        return " and "
            + alias(scope, discriminator.getContainingTableExpression())
            + "."
            + discriminator.getSelectionExpression()
            + " = "
            + type.getDiscriminatorSQLValue();
      }
      if (!info.hasSubtypes()) {
        return "";
      }
      StringBuilder condition = new StringBuilder();
      for (EntityMappingType sub : type.getSubMappingTypes()) {
        if (sub.getSuperMappingType() == type) {
          String table = sub.getMappedTableDetails().getTableName();
          condition
              .append(" and ")
              .append(scope.base())
              .append('.')
              .append(scope.baseKey())
              .append(" not in (select ")
              .append(keyColumn(sub, table, sub.getJavaType().getJavaTypeClass()))
              .append(" from ")
              .append(table)
              .append(')');
        }
      }
      return condition.toString();
    }
  }
}
