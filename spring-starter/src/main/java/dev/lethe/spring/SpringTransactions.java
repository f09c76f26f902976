package dev.lethe.spring;

import static java.util.Objects.requireNonNull;

import dev.lethe.jdbc.JdbcTransactions;
import dev.lethe.spi.Transactions;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Transactions} over Spring's transaction manager: each Lethe operation runs in a Spring
 * transaction (joining the caller's, if one is open), and Lethe's JDBC stores, built over a
 * {@code TransactionAwareDataSourceProxy}, use its connection. With JPA and {@code
 * JpaTransactionManager} on the same DataSource, the application's changes, the request's state and
 * its audit event commit together (Art. 5(1)(f), 5(2)).
 */
final class SpringTransactions implements Transactions {

  private final TransactionTemplate template;
  private final JdbcTransactions bound;

  /**
   * @param letheDataSource the transaction-aware DataSource Lethe's stores are built over: the Spring
   *     transaction's connection is bound to the thread under it, so that every store finds it
   */
  SpringTransactions(PlatformTransactionManager transactionManager, DataSource letheDataSource) {
    this.template =
        new TransactionTemplate(requireNonNull(transactionManager, "transactionManager"));
    this.bound = JdbcTransactions.of(requireNonNull(letheDataSource, "letheDataSource"));
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    requireNonNull(work, "work");
    return template.execute(status -> bound.inTransaction(work));
  }

  @Override
  public void afterCommit(Runnable action) {
    requireNonNull(action, "action");
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              action.run();
            }
          });
    } else {
      action.run();
    }
  }
}
