package dev.lethe.jdbc;

import static dev.lethe.jdbc.internal.Columns.instant;
import static java.util.Objects.requireNonNull;

import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.request.RequestId;
import dev.lethe.spi.ParticipantReceipt;
import dev.lethe.spi.ReceiptStore;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A participant's receipts (Art. 17(2), 19) in the table {@code lethe_participant_receipt}, by the
 * notice's idempotency key: no personal data. Written in the change's transaction when the
 * DataSource is the one the operation's {@link JdbcTransactions} binds; the primary key makes one of
 * two replicas carrying out one notice at once win.
 */
public final class JdbcReceiptStore implements ReceiptStore {

  private final Jdbc jdbc;

  private JdbcReceiptStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** A store over the {@link LetheSchema} tables behind {@code dataSource}. */
  public static JdbcReceiptStore of(DataSource dataSource) {
    return new JdbcReceiptStore(requireNonNull(dataSource, "dataSource"));
  }

  @Override
  public Optional<ParticipantReceipt> find(String noticeKey) {
    requireNonNull(noticeKey, "noticeKey");
    return jdbc
        .query(
            "read a participant's receipt",
            "select notice_key, request_id, participant, outcome, rows_touched from lethe_participant_receipt"
                + " where notice_key = ?",
            row ->
                new ParticipantReceipt(
                    row.getString("notice_key"),
                    RequestId.parse(row.getString("request_id")),
                    row.getString("participant"),
                    ParticipantReceipt.Outcome.valueOf(row.getString("outcome")),
                    row.getLong("rows_touched"),
                    Optional.empty()),
            noticeKey)
        .stream()
        .findFirst();
  }

  @Override
  public boolean add(ParticipantReceipt receipt, Instant receivedAt) {
    requireNonNull(receipt, "receipt");
    requireNonNull(receivedAt, "receivedAt");
    if (receipt.outcome() == ParticipantReceipt.Outcome.FAILED) {
      throw new IllegalArgumentException(
          "A failed notice is carried out again when delivered again: its receipt is"
              + " not kept");
    }
    return jdbc.updateUnlessDuplicate(
            "add a participant's receipt",
            "insert into lethe_participant_receipt (notice_key, request_id, participant, outcome, rows_touched, received_at)"
                + " values (?, ?, ?, ?, ?, ?)",
            receipt.noticeKey(),
            receipt.requestId().toString(),
            receipt.participant(),
            receipt.outcome().name(),
            receipt.rowsTouched(),
            instant(receivedAt))
        .isPresent();
  }

  @Override
  public int deleteReceivedBefore(Instant cutoff) {
    requireNonNull(cutoff, "cutoff");
    return jdbc.update(
        "delete participants' receipts",
        "delete from lethe_participant_receipt where received_at < ?",
        instant(cutoff));
  }
}
