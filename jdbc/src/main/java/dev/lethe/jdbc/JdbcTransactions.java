package dev.lethe.jdbc;

import static java.util.Objects.requireNonNull;

import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.spi.Transactions;
import java.sql.Connection;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * {@link Transactions} over a DataSource without a framework: each operation gets one connection,
 * bound to its thread for its duration, which every lethe-jdbc store over the same DataSource joins;
 * nested calls join too, and the outermost commits, or rolls back when the work throws. So a rights
 * request's new state, its audit event and its suppression entries commit together or not at all
 * (Art. 5(1)(f), 5(2)).
 *
 * <pre>{@code
 * Transactions transactions = JdbcTransactions.of(dataSource);
 * AuditTrail audit = AuditTrail.builder(JdbcAuditSink.of(dataSource), pseudonymizer).transactions(transactions).build();
 * DataSubjectRights rights = DataSubjectRights.builder(audit).requestStore(JdbcRequestStore.of(dataSource)).build();
 * }</pre>
 *
 * <p>Give every store the same DataSource instance: the bound connection is found by it. Inside
 * Spring, use the starter's transactions instead, which follow Spring's transaction manager.
 */
public final class JdbcTransactions implements Transactions {

  private final DataSource dataSource;

  private JdbcTransactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Transactions on {@code dataSource}, the one Lethe's stores are built over. */
  public static JdbcTransactions of(DataSource dataSource) {
    return new JdbcTransactions(requireNonNull(dataSource, "dataSource"));
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return Jdbc.inTransaction(dataSource, requireNonNull(work, "work"));
  }

  /**
   * The connection of the transaction open on this thread over the DataSource, if any: what a store
   * outside lethe-jdbc joins, such as {@code JpaPersonalDataStore.builder(..).currentConnection(
   * transactions::currentConnection)}, so that an erasure commits with its request and audit event
   * (Art. 5(1)(f), 5(2)). The transaction's owner commits and closes it; the caller must not.
   */
  public Optional<Connection> currentConnection() {
    return Jdbc.boundConnection(dataSource);
  }

  @Override
  public void afterCommit(Runnable action) {
    Jdbc.afterCommit(dataSource, requireNonNull(action, "action"));
  }
}
