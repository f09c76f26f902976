package dev.lethe.jpa.internal;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * Where the store's work runs: in the operation's transaction when one is open on the thread, so
 * that an erasure or rectification commits with the request's new state and its audit event or
 * not at all (Art. 5(1)(f), 5(2)); in a transaction of its own otherwise.
 *
 * <p>Two hooks find the operation's transaction. {@code currentEntityManager} gives the entity
 * manager a framework bound to it (Spring's {@code JpaTransactionManager}): the work runs on it and
 * is flushed, never committed. {@code currentConnection} gives the JDBC connection bound to it
 * (lethe-jdbc's {@code JdbcTransactions}, Spring's {@code DataSourceTransactionManager}): the work
 * runs in a Hibernate session opened on that connection, whose own transaction begins and ends on
 * a view of the connection that ignores commit, rollback and auto-commit changes, so that Hibernate's
 * lifecycle (flush, after-completion, cache clean-up) runs as usual while the connection's owner
 * alone decides the outcome; a failure propagates to it and it rolls everything back.
 */
public final class Sessions {

  private final EntityManagerFactory emf;
  private final Supplier<Optional<EntityManager>> currentEntityManager;
  private final Supplier<Optional<Connection>> currentConnection;

  /** Work over {@code emf} that joins what the hooks find. */
  public Sessions(
      EntityManagerFactory emf,
      Supplier<Optional<EntityManager>> currentEntityManager,
      Supplier<Optional<Connection>> currentConnection) {
    this.emf = requireNonNull(emf, "emf");
    this.currentEntityManager = requireNonNull(currentEntityManager, "currentEntityManager");
    this.currentConnection = requireNonNull(currentConnection, "currentConnection");
  }

  /** Work that always runs in its own transactions. */
  public static Sessions own(EntityManagerFactory emf) {
    return new Sessions(emf, Optional::empty, Optional::empty);
  }

  /** The factory the work runs over. */
  public EntityManagerFactory factory() {
    return emf;
  }

  /**
   * Runs {@code work} in the operation's transaction when one is open on this thread, else in a new
   * transaction of a new entity manager, as {@link Sql#inTransaction} does.
   */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    Optional<EntityManager> bound = currentEntityManager.get();
    if (bound.isPresent()) {
      EntityManager em = bound.get();
      // The application's own pending changes reach the database before the set-based statements
      // read it, and the statements' effects are flushed before the operation goes on to its audit.
      em.flush();
      T result = work.apply(em);
      em.flush();
      return result;
    }
    Optional<Connection> connection = currentConnection.get();
    if (connection.isPresent()) {
      return onConnection(connection.get(), work);
    }
    return Sql.inTransaction(emf, work);
  }

  /**
   * Detaches every instance of {@code types} that {@code em} manages. After set-based statements,
   * the application's entity manager (when the work joined it) still holds the values they
   * replaced: detached, they can neither be read back as current nor written back over the
   * erasure by a later flush (Art. 17). Its pending changes were flushed before the statements.
   */
  static void detachAll(EntityManager em, Set<Class<?>> types) {
    if (types.isEmpty()) {
      return;
    }
    SessionImplementor session = em.unwrap(SessionImplementor.class);
    for (var entry : session.getPersistenceContextInternal().reentrantSafeEntityEntries()) {
      Object entity = entry.getKey();
      if (types.stream().anyMatch(type -> type.isInstance(entity)) && em.contains(entity)) {
        em.detach(entity);
      }
    }
  }

  private <T> T onConnection(Connection connection, Function<EntityManager, T> work) {
    // A savepoint, so that a failed piece of work leaves nothing half-done in the owner's
    // transaction even if the owner goes on (and PostgreSQL's aborted transaction is usable again).
    Savepoint savepoint = savepoint(connection);
    Session session =
        emf.unwrap(SessionFactory.class)
            .withOptions()
            .connection(ownedElsewhere(connection))
            .openSession();
    try {
      session.beginTransaction();
      T result = work.apply(session);
      // Flushes, then "commits" on the view: nothing reaches the connection's transaction but the
      // statements; its owner commits or rolls back.
      session.getTransaction().commit();
      release(connection, savepoint);
      return result;
    } catch (RuntimeException | Error e) {
      if (session.getTransaction().isActive()) {
        try {
          session.getTransaction().rollback();
        } catch (RuntimeException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
      }
      try {
        connection.rollback(savepoint);
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    } finally {
      session.close();
    }
  }

  private static Savepoint savepoint(Connection connection) {
    try {
      return connection.setSavepoint();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not set a savepoint in the operation's transaction", e);
    }
  }

  private static void release(Connection connection, Savepoint savepoint) {
    try {
      connection.releaseSavepoint(savepoint);
    } catch (SQLException e) {
      // Released with the transaction anyway; some drivers do not support releasing.
    }
  }

  /**
   * A view of {@code connection} on which commit, rollback (whole), auto-commit changes and close do
   * nothing: the transaction and the connection belong to whoever bound them.
   */
  static Connection ownedElsewhere(Connection connection) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (ignored(method)) {
            return null;
          }
          if (method.getName().equals("equals") && args != null && args.length == 1) {
            return proxy == args[0];
          }
          if (method.getName().equals("hashCode") && (args == null || args.length == 0)) {
            return System.identityHashCode(proxy);
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return (Connection)
        Proxy.newProxyInstance(
            Sessions.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private static boolean ignored(Method method) {
    int parameters = method.getParameterCount();
    return switch (method.getName()) {
      case "commit", "close" -> parameters == 0;
      case "rollback" -> parameters == 0;
      case "setAutoCommit" -> parameters == 1;
      default -> false;
    };
  }
}
