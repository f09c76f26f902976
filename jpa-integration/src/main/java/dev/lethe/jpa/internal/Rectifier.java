package dev.lethe.jpa.internal;

import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.SubjectRoute;
import dev.lethe.request.Rectification;
import dev.lethe.subject.SubjectKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.SingularAttribute;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.query.NativeQuery;
import org.jspecify.annotations.Nullable;

/**
 * Applies a rectification through the entity itself (Art. 16): {@code find}, set, flush. The
 * entity's Bean Validation constraints and its own listeners run as for any update by the
 * application. A row that is not the subject's, and a change Hibernate's update would leave out (a
 * formula, {@code updatable = false}, a value generated on update), are refused before anything
 * changes.
 */
public final class Rectifier {

  private final Sessions sessions;
  private final JpaMapping mapping;
  private final Reader reader;

  /** A rectifier over {@code sessions}' entities, joining the operation's transaction. */
  public Rectifier(Sessions sessions, JpaMapping mapping, Reader reader) {
    this.sessions = sessions;
    this.mapping = mapping;
    this.reader = reader;
  }

  /**
   * Applies {@code rectification} to the subject's row.
   *
   * @throws IllegalArgumentException if the row does not exist or is not the subject's
   */
  public void rectify(SubjectKey subject, Rectification rectification) {
    EntityDescriptor descriptor =
        mapping
            .model()
            .entity(rectification.entity())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        rectification.entity().getName()
                            + " is not a class of the personal-data model"));
    List<SubjectRoute> routes = descriptor.routesTo(subject.subjectType());
    if (routes.isEmpty()) {
      throw new IllegalArgumentException(
          descriptor.name() + " does not reach subject type '" + subject.subjectType() + "'");
    }
    EntityInfo info = mapping.entity(descriptor.type());
    refuseUnwritten(descriptor, info, rectification);
    // On a row shared with other subjects, the subject rectifies only the fields it owns (Art. 16).
    List<RouteSql> owning =
        routes.stream()
            .filter(
                route ->
                    rectification.changes().keySet().stream()
                        .allMatch(
                            attribute ->
                                descriptor
                                    .field(attribute)
                                    .map(field -> field.belongsTo(route))
                                    .orElse(true)))
            .map(route -> mapping.route(info, route))
            .toList();
    Object key = reader.key(subject).orElseThrow(() -> notTheSubjects(descriptor));
    Object rowId =
        Sql.typed(rectification.rowId(), info.idType())
            .orElseThrow(() -> notTheSubjects(descriptor));
    sessions.inTransaction(
        em -> {
          // The store has checked the subject's restriction (Art. 18(2)) before: the listeners let
          // this change pass.
          // On the application's own entity manager the permission ends with this change.
          Object permitted = em.getProperties().get(RestrictionGuard.PERMITTED);
          em.setProperty(RestrictionGuard.PERMITTED, Boolean.TRUE);
          try {
            return rectify(em, descriptor, info, owning, key, rowId, rectification);
          } finally {
            em.setProperty(
                RestrictionGuard.PERMITTED, permitted == null ? Boolean.FALSE : permitted);
          }
        });
  }

  private Void rectify(
      EntityManager em,
      EntityDescriptor descriptor,
      EntityInfo info,
      List<RouteSql> owning,
      Object key,
      Object rowId,
      Rectification rectification) {
    if (owning.stream().noneMatch(sql -> belongsToSubject(em, sql, key, rowId))) {
      throw notTheSubjects(descriptor);
    }
    Object row = em.find(descriptor.type(), rowId);
    if (row == null) {
      throw notTheSubjects(descriptor);
    }
    rectification
        .changes()
        .forEach(
            (attribute, value) -> set(info.jpa(), row, List.of(attribute.split("\\.")), value));
    em.flush();
    return null;
  }

  /**
   * Refuses changes that Hibernate's update would leave out or overwrite: a formula, a column mapped
   * {@code updatable = false}, a value generated on update. Set on the entity and flushed, they would
   * be accepted and then silently lost.
   */
  private static void refuseUnwritten(
      EntityDescriptor descriptor, EntityInfo info, Rectification rectification) {
    List<String> unwritten =
        rectification.changes().keySet().stream()
            .filter(attribute -> !updated(info.mapping().findByPath(attribute)))
            .sorted()
            .toList();
    if (!unwritten.isEmpty()) {
      throw new IllegalArgumentException(
          descriptor.name()
              + " "
              + unwritten
              + " cannot be rectified: Hibernate does not write them when it updates the row (a"
              + " @Formula, updatable = false, or a value generated on update). Rectify the"
              + " attributes they are computed from, or map them so that updates write them.");
    }
  }

  private static boolean updated(@Nullable ModelPart part) {
    if (part instanceof BasicValuedModelPart column
        && (column.isFormula() || !column.isUpdateable())) {
      return false;
    }
    return !(part instanceof AttributeMapping attribute
        && attribute.getGenerator() != null
        && attribute.getGenerator().generatesOnUpdate());
  }

  private static IllegalArgumentException notTheSubjects(EntityDescriptor descriptor) {
    return new IllegalArgumentException(
        "The subject has no " + descriptor.name() + " row with that id");
  }

  private boolean belongsToSubject(EntityManager em, RouteSql sql, Object key, Object rowId) {
    EntityInfo info = sql.entity();
    if (sql.needsNative()) {
      NativeQuery<Object> query =
          Sql.nativeQuery(em, "select count(*) from (" + sql.nativeIds() + ") d_ where id_ = :row");
      query.setParameter(RouteSql.KEY, key);
      Sql.bind(query, "row", rowId, info.mapping().getIdentifierMapping().getSingleJdbcMapping());
      return ((Number) query.getSingleResult()).longValue() > 0;
    }
    return em.createQuery(
                "select count(e) from "
                    + info.name()
                    + " e where e."
                    + info.idAttribute()
                    + " = :row and "
                    + sql.jpqlPredicate("e"),
                Long.class)
            .setParameter(RouteSql.KEY, key)
            .setParameter("row", rowId)
            .getSingleResult()
        > 0;
  }

  /** Sets the attribute at the end of {@code path}, creating embedded values along it where they are null. */
  private static void set(
      ManagedType<?> type, Object target, List<String> path, @Nullable Object value) {
    Attribute<?, ?> attribute =
        EntityInfo.attribute(type, path.get(0))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        type.getJavaType().getSimpleName()
                            + " has no attribute '"
                            + path.get(0)
                            + "'"));
    if (path.size() == 1) {
      Object current = read(attribute, target);
      if (current instanceof Collection<?> collection
          && value instanceof Collection<?> replacement) {
        @SuppressWarnings("unchecked")
        Collection<Object> elements = (Collection<Object>) collection;
        elements.clear();
        elements.addAll(replacement);
      } else {
        write(attribute, target, value);
      }
      return;
    }
    Object embedded = read(attribute, target);
    if (embedded == null) {
      try {
        var constructor = attribute.getJavaType().getDeclaredConstructor();
        constructor.setAccessible(true);
        embedded = constructor.newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(
            "Cannot create an empty " + attribute.getJavaType().getSimpleName(), e);
      }
      write(attribute, target, embedded);
    }
    ManagedType<?> embeddedType =
        ((SingularAttribute<?, ?>) attribute).getType() instanceof ManagedType<?> managed
            ? managed
            : null;
    if (embeddedType == null) {
      throw new IllegalArgumentException(attribute.getName() + " is not an embedded value");
    }
    set(embeddedType, embedded, path.subList(1, path.size()), value);
  }

  private static @Nullable Object read(Attribute<?, ?> attribute, Object target) {
    Member member = attribute.getJavaMember();
    try {
      if (member instanceof Field field) {
        field.setAccessible(true);
        return field.get(target);
      }
      Method getter = (Method) member;
      getter.setAccessible(true);
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot read " + attribute.getName(), e);
    }
  }

  private static void write(Attribute<?, ?> attribute, Object target, @Nullable Object value) {
    Member member = attribute.getJavaMember();
    try {
      if (member instanceof Field field) {
        field.setAccessible(true);
        field.set(target, value);
        return;
      }
      Method getter = (Method) member;
      String name = attribute.getName();
      Method setter =
          getter
              .getDeclaringClass()
              .getDeclaredMethod(
                  "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
                  getter.getReturnType());
      setter.setAccessible(true);
      setter.invoke(target, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot write " + attribute.getName(), e);
    }
  }
}
