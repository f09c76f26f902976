package dev.lethe.spi;

import java.util.function.Supplier;

/**
 * The transaction every audited operation runs in, so that its effects commit together or not at all:
 * the data it changes, the request's new state, its audit event, a suppression entry, its outbox rows
 * (Art. 5(1)(f) integrity, Art. 5(2) accountability). A failed audit then leaves no orphan request
 * and no erased-but-open one.
 *
 * <p>The services of Lethe ({@code DataSubjectRights}, {@code ConsentLedger}, {@code Objections},
 * {@code Restrictions}, {@code RecipientNotifications}) take it from their {@code AuditTrail} and wrap
 * each operation in {@link #inTransaction}; the stores join the transaction that is open on their
 * thread. lethe-jdbc provides {@code JdbcTransactions}, the Spring starter one over Spring's
 * transaction manager. The default, {@link #direct()}, runs the work as it is: each store then
 * commits on its own.
 */
public interface Transactions {

  /**
   * Runs {@code work} in a transaction and returns its result: commits when it returns, rolls back
   * when it throws (and rethrows). A call made while a transaction is open on this thread joins it,
   * and only the outermost call commits.
   */
  <T> T inTransaction(Supplier<T> work);

  /** Runs {@code work} in a transaction, as {@link #inTransaction(Supplier)} does. */
  default void inTransaction(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Runs {@code action} once the transaction open on this thread has committed, or now if none is
   * open; never if it rolls back. For what must only follow committed facts, such as publishing the
   * audit's head as a checkpoint or calling a listener. {@code action} should not throw.
   */
  void afterCommit(Runnable action);

  /** No transaction: the work runs as it is, and actions after commit run at once. */
  static Transactions direct() {
    return DirectTransactions.INSTANCE;
  }
}
