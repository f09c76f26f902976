package dev.lethe.jpa.internal;

import dev.lethe.model.Placeholders;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.Type;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import java.util.function.Function;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.Filters;
import org.hibernate.annotations.SQLJoinTableRestriction;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.model.domain.BasicDomainType;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.BasicType;
import org.jspecify.annotations.Nullable;

/**
 * Small helpers shared by the readers and writers: typed native parameters and columns, exact
 * comparisons, rows hidden from JPQL, transactions, keys.
 */
final class Sql {

  private Sql() {}

  /**
   * Whether some of the entity's rows are hidden from JPQL but hold personal data all the same, so
   * that the store must find them with native SQL (Art. 15, 17): {@code @SoftDelete},
   * {@code @SQLRestriction} (Hibernate 7's successor of {@code @Where}), or a Hibernate
   * {@code @Filter}, which an application may enable (or declare auto-enabled) for its sessions.
   */
  static boolean hidesRows(EntityInfo info) {
    if (info.softDeleted() || info.mapping().hasWhereRestrictions()) {
      return true;
    }
    for (Class<?> type = info.type();
        type != null && type != Object.class;
        type = type.getSuperclass()) {
      if (type.isAnnotationPresent(Filter.class) || type.isAnnotationPresent(Filters.class)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a collection attribute hides some of its elements from the JPQL joins along it
   * ({@code @SQLRestriction}, {@code @SQLJoinTableRestriction} or {@code @Filter} on the attribute):
   * a route through it must then be walked natively, as for hidden rows.
   */
  static boolean hidesElements(Attribute<?, ?> attribute) {
    return attribute.getJavaMember() instanceof AnnotatedElement member
        && (member.isAnnotationPresent(SQLRestriction.class)
            || member.isAnnotationPresent(SQLJoinTableRestriction.class)
            || member.isAnnotationPresent(Filter.class)
            || member.isAnnotationPresent(Filters.class));
  }

  /**
   * A native condition that {@code column} holds exactly the value of {@code :parameter}: on
   * MariaDB and MySQL a text column compares under its collation, mostly case- and
   * trailing-space-insensitive, so that {@code Abc} would match {@code abc}; their bytes compare
   * exactly. Elsewhere {@code =} already is exact on text.
   */
  static String exactlyEquals(
      SessionFactoryImplementor factory, String column, String parameter, JdbcMapping type) {
    boolean text = type.getJdbcType().isStringLike();
    if (text && factory.getJdbcServices().getDialect() instanceof MySQLDialect) {
      return "cast(" + column + " as binary) = cast(:" + parameter + " as binary)";
    }
    return column + " = :" + parameter;
  }

  /** The native query for {@code sql}. */
  @SuppressWarnings("unchecked")
  static NativeQuery<Object> nativeQuery(EntityManager em, String sql) {
    return (NativeQuery<Object>) em.createNativeQuery(sql).unwrap(NativeQuery.class);
  }

  /** Binds {@code value} with the column's own type, so that converters and enums bind as the entity would. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static void bind(NativeQuery<?> query, String name, @Nullable Object value, JdbcMapping type) {
    if (type instanceof BasicType<?> basic) {
      query.setParameter(name, value, (Type) basic);
    } else {
      query.setParameter(name, value);
    }
  }

  /** Reads the column aliased {@code alias} with the column's own type. */
  @SuppressWarnings("rawtypes")
  static void scalar(NativeQuery<?> query, String alias, JdbcMapping type) {
    if (type instanceof BasicType<?> basic) {
      query.addScalar(alias, (BasicDomainType) basic);
    } else {
      query.addScalar(alias, type.getJavaTypeDescriptor().getJavaTypeClass());
    }
  }

  /** {@code id} as a value of {@code type}, converting a text or number of another type. */
  static Optional<Object> typed(Object id, Class<?> type) {
    Class<?> boxed = type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
    if (boxed.isInstance(id)) {
      return Optional.of(id);
    }
    return Placeholders.convert(id.toString(), boxed);
  }

  /** Runs {@code work} in a new transaction of a new entity manager; rolls back on any failure. */
  static <T> T inTransaction(EntityManagerFactory emf, Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      T result = work.apply(em);
      tx.commit();
      return result;
    } catch (RuntimeException | Error e) {
      if (tx.isActive()) {
        try {
          tx.rollback();
        } catch (RuntimeException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
      }
      throw e;
    } finally {
      em.close();
    }
  }
}
