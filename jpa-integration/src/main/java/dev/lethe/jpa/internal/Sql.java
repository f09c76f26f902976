package dev.lethe.jpa.internal;

import dev.lethe.internal.model.Placeholders;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.util.Optional;
import java.util.function.Function;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.BasicType;
import org.jspecify.annotations.Nullable;

/** Small helpers shared by the readers and writers: typed native parameters and columns, transactions, keys. */
final class Sql {

  private Sql() {
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
      query.setParameter(name, value, (jakarta.persistence.metamodel.Type) basic);
    } else {
      query.setParameter(name, value);
    }
  }

  /** Reads the column aliased {@code alias} with the column's own type. */
  @SuppressWarnings("rawtypes")
  static void scalar(NativeQuery<?> query, String alias, JdbcMapping type) {
    if (type instanceof BasicType<?> basic) {
      query.addScalar(alias, (org.hibernate.metamodel.model.domain.BasicDomainType) basic);
    } else {
      query.addScalar(alias, type.getJavaTypeDescriptor().getJavaTypeClass());
    }
  }

  /** {@code id} as a value of {@code type}, converting a text or number of another type. */
  static Optional<Object> typed(Object id, Class<?> type) {
    Class<?> boxed = type.isPrimitive() ? java.lang.invoke.MethodType.methodType(type).wrap().returnType() : type;
    if (boxed.isInstance(id)) {
      return Optional.of(id);
    }
    return Placeholders.convert(id.toString(), boxed);
  }

  /** Runs {@code work} in a new transaction of a new entity manager; rolls back on any failure. */
  static <T> T inTransaction(jakarta.persistence.EntityManagerFactory emf, Function<EntityManager, T> work) {
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
