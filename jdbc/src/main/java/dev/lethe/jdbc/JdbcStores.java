package dev.lethe.jdbc;

import static java.util.Objects.requireNonNull;

import dev.lethe.LetheStores;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Every store of {@link dev.lethe.Lethe} in Lethe's tables on one database, joined by one
 * {@link JdbcTransactions}, so that a request's new state, its audit event and what it changed
 * commit together or not at all, and survive restarts and serve every replica (Art. 5(1)(f), 5(2)).
 * Create the tables first with {@link LetheSchema#migrate(DataSource)}.
 *
 * <pre>{@code
 * LetheSchema.migrate(dataSource);
 * Lethe lethe = Lethe.builder(model, pseudonymizer).stores(clock -> JdbcStores.of(dataSource, clock)).build();
 * }</pre>
 */
public final class JdbcStores {

  private JdbcStores() {}

  /** The stores over {@code dataSource}, telling when a request closed by {@code clock}. */
  public static LetheStores of(DataSource dataSource, Clock clock) {
    requireNonNull(dataSource, "dataSource");
    return LetheStores.builder(clock)
        .requests(JdbcRequestStore.of(dataSource, clock))
        .audit(JdbcAuditSink.of(dataSource))
        .consents(JdbcConsentStore.of(dataSource))
        .objections(JdbcObjectionStore.of(dataSource))
        .restrictions(JdbcRestrictionStore.of(dataSource))
        .legalHolds(JdbcLegalHoldStore.of(dataSource))
        .suppressions(JdbcSuppressionStore.of(dataSource))
        .breaches(JdbcBreachStore.of(dataSource))
        .tombstones(JdbcErasureTombstoneStore.of(dataSource))
        .retentionRuns(JdbcRetentionRunLog.of(dataSource))
        .outbox(JdbcOutbox.of(dataSource))
        .acknowledgements(JdbcAcknowledgementStore.of(dataSource))
        .receipts(JdbcReceiptStore.of(dataSource))
        .transactions(JdbcTransactions.of(dataSource))
        .build();
  }
}
