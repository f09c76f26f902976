package dev.lethe.spring;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How the JPA store finds the Spring transaction an operation runs in, so that its erasure and
 * rectification commit with the request's new state and audit event, or not at all (Art. 5(1)(f),
 * 5(2)). Under a {@code JpaTransactionManager} (Spring Boot's default with JPA) the transaction's
 * entity manager; under a {@code DataSourceTransactionManager} over the application's DataSource its
 * connection; otherwise nothing, and the store runs its own transaction.
 */
final class SpringJpaJoin {

  private SpringJpaJoin() {}

  /**
   * The entity manager a {@code JpaTransactionManager} bound for {@code emf} to the actual
   * transaction of this thread. Only one bound by a transaction manager: outside one,
   * {@code getTransactionalEntityManager} would create an entity manager without a transaction,
   * where the store's updates cannot run.
   */
  static Optional<EntityManager> entityManager(EntityManagerFactory emf) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()
        || !(TransactionSynchronizationManager.getResource(emf) instanceof EntityManagerHolder)) {
      return Optional.empty();
    }
    return Optional.ofNullable(EntityManagerFactoryUtils.getTransactionalEntityManager(emf));
  }

  /**
   * The connection a transaction manager bound for {@code dataSource} to the actual transaction of
   * this thread (a {@code DataSourceTransactionManager}, or a {@code JpaTransactionManager} that
   * exposes its connection), which the store uses without committing or closing it.
   */
  static Optional<Connection> connection(@Nullable DataSource dataSource) {
    if (dataSource == null
        || !TransactionSynchronizationManager.isActualTransactionActive()
        || !(TransactionSynchronizationManager.getResource(dataSource)
            instanceof ConnectionHolder holder)
        || holder.getConnectionHandle() == null) {
      return Optional.empty();
    }
    return Optional.of(holder.getConnection());
  }
}
