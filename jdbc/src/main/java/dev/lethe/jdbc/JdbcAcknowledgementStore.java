package dev.lethe.jdbc;

import static dev.lethe.jdbc.internal.Columns.instant;
import static java.util.Objects.requireNonNull;

import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.spi.AcknowledgementStore;
import dev.lethe.spi.ParticipantReceipt;
import dev.lethe.spi.RecipientAcknowledgement;
import dev.lethe.spi.RecipientAcknowledgement.Status;
import dev.lethe.spi.ReportSection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The coordinator's acknowledgements (Art. 17(2), 19) in the table {@code lethe_acknowledgement}: no
 * personal data. The participants' reports of a subject (Art. 15) wait in {@code lethe_section_chunk},
 * one row per chunk, only until the subject's report is written. Written in the notice's and the receipt's transactions when the DataSource is the one
 * the operation's {@link JdbcTransactions} binds. An update is conditional on the row not being
 * settled, so replicas applying receipts at once never move a settled row.
 */
public final class JdbcAcknowledgementStore implements AcknowledgementStore {

  private static final String COLUMNS =
      "notice_key, request_id, change_type, recipient, status, outcome, rows_touched, failure, since";
  private static final String NOT_SETTLED =
      "status not in ('" + Status.ACKNOWLEDGED + "', '" + Status.CLOSED + "')";

  // A report is whole once its last chunk has come and as many chunks as it numbers.
  private static final String WHOLE =
      "section_chunk_count is not null and section_chunks = section_chunk_count";

  private final DataSource dataSource;
  private final Jdbc jdbc;

  private JdbcAcknowledgementStore(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new Jdbc(dataSource);
  }

  /** A store over the {@link LetheSchema} tables behind {@code dataSource}. */
  public static JdbcAcknowledgementStore of(DataSource dataSource) {
    return new JdbcAcknowledgementStore(requireNonNull(dataSource, "dataSource"));
  }

  @Override
  public void expect(RecipientAcknowledgement pending) {
    requireNonNull(pending, "pending");
    jdbc.updateUnlessDuplicate(
        "expect a participant's receipt",
        "insert into lethe_acknowledgement ("
            + COLUMNS
            + ", expected_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        pending.noticeKey(),
        pending.requestId().toString(),
        pending.change().name(),
        pending.recipient(),
        pending.status().name(),
        pending.outcome().map(Enum::name).orElse(null),
        pending.rowsTouched(),
        pending.failure().orElse(null),
        instant(pending.since()),
        instant(pending.since()));
  }

  @Override
  public Optional<RecipientAcknowledgement> find(String noticeKey) {
    requireNonNull(noticeKey, "noticeKey");
    return jdbc
        .query(
            "read an acknowledgement",
            "select " + COLUMNS + " from lethe_acknowledgement where notice_key = ?",
            JdbcAcknowledgementStore::read,
            noticeKey)
        .stream()
        .findFirst();
  }

  @Override
  public boolean update(RecipientAcknowledgement updated) {
    requireNonNull(updated, "updated");
    return jdbc.update(
            "update an acknowledgement",
            "update lethe_acknowledgement set status = ?, outcome = ?, rows_touched = ?, failure = ?, since = ?"
                + " where notice_key = ? and "
                + NOT_SETTLED,
            updated.status().name(),
            updated.outcome().map(Enum::name).orElse(null),
            updated.rowsTouched(),
            updated.failure().orElse(null),
            instant(updated.since()),
            updated.noticeKey())
        == 1;
  }

  @Override
  public boolean keepSectionChunk(String noticeKey, int index, boolean last, String text) {
    requireNonNull(noticeKey, "noticeKey");
    requireNonNull(text, "text");
    if (index < 0) {
      throw new IllegalArgumentException("A chunk's index is at least 0, not " + index);
    }
    return Jdbc.inTransaction(
        dataSource,
        () -> {
          // The entry's row first, locked: replicas keeping chunks of one report take turns, and
          // the count each reads back includes every chunk committed before it.
          if (jdbc.query(
                  "lock an acknowledgement",
                  "select notice_key from lethe_acknowledgement where notice_key = ?"
                      + " for update",
                  row -> row.getString(1),
                  noticeKey)
              .isEmpty()) {
            return false;
          }
          if (jdbc.updateUnlessDuplicate(
                  "keep a chunk of a participant's report",
                  "insert into lethe_section_chunk (notice_key, chunk_index, chunk_text) values (?, ?, ?)",
                  noticeKey,
                  index,
                  text)
              .isEmpty()) {
            return false;
          }
          jdbc.update(
              "count a chunk of a participant's report",
              "update lethe_acknowledgement"
                  + " set section_chunks = section_chunks + 1, section_chunk_count = coalesce(?, section_chunk_count)"
                  + " where notice_key = ?",
              last ? index + 1 : null,
              noticeKey);
          return jdbc.query(
                      "read a report's chunk count",
                      "select notice_key from lethe_acknowledgement"
                          + " where notice_key = ? and "
                          + WHOLE,
                      row -> row.getString(1),
                      noticeKey)
                  .size()
              == 1;
        });
  }

  @Override
  public List<ReportSection> sections(RequestId requestId) {
    requireNonNull(requestId, "requestId");
    return jdbc.query(
        "read participants' whole reports",
        "select notice_key, recipient, section_chunk_count"
            + " from lethe_acknowledgement where request_id = ? and "
            + WHOLE
            + " order by expected_at, notice_key",
        row -> new ReportSection(row.getString(1), row.getString(2), row.getInt(3)),
        requestId.toString());
  }

  @Override
  public Optional<String> sectionChunk(String noticeKey, int index) {
    requireNonNull(noticeKey, "noticeKey");
    return jdbc
        .query(
            "read a chunk of a participant's report",
            "select chunk_text from lethe_section_chunk"
                + " where notice_key = ? and chunk_index = ?",
            row -> row.getString(1),
            noticeKey,
            index)
        .stream()
        .findFirst();
  }

  @Override
  public int clearSections(RequestId requestId) {
    requireNonNull(requestId, "requestId");
    return Jdbc.inTransaction(
        dataSource,
        () -> {
          int cleared =
              jdbc.update(
                  "clear participants' reports",
                  "delete from lethe_section_chunk where notice_key in"
                      + " (select notice_key from lethe_acknowledgement where request_id = ?)",
                  requestId.toString());
          jdbc.update(
              "reset participants' report counts",
              "update lethe_acknowledgement"
                  + " set section_chunks = 0, section_chunk_count = null where request_id = ? and section_chunks > 0",
              requestId.toString());
          return cleared;
        });
  }

  @Override
  public List<RecipientAcknowledgement> forRequest(RequestId requestId) {
    requireNonNull(requestId, "requestId");
    return jdbc.query(
        "read a request's acknowledgements",
        "select "
            + COLUMNS
            + " from lethe_acknowledgement where request_id = ? order by expected_at, notice_key",
        JdbcAcknowledgementStore::read,
        requestId.toString());
  }

  @Override
  public long countUnsettled() {
    return jdbc.query(
            "count unsettled acknowledgements",
            "select count(*) from lethe_acknowledgement where " + NOT_SETTLED,
            row -> row.getLong(1))
        .get(0);
  }

  @Override
  public List<RecipientAcknowledgement> unsettled(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("A list holds at least one entry, not " + limit);
    }
    return jdbc.query(
        "read unsettled acknowledgements",
        "select "
            + COLUMNS
            + " from lethe_acknowledgement where "
            + NOT_SETTLED
            + " order by since, notice_key limit ?",
        JdbcAcknowledgementStore::read,
        limit);
  }

  @Override
  public int deleteSettledBefore(Instant cutoff) {
    requireNonNull(cutoff, "cutoff");
    return jdbc.update(
        "delete settled acknowledgements",
        "delete from lethe_acknowledgement where not (" + NOT_SETTLED + ") and since < ?",
        instant(cutoff));
  }

  private static RecipientAcknowledgement read(ResultSet row) throws SQLException {
    return new RecipientAcknowledgement(
        row.getString("notice_key"),
        RequestId.parse(row.getString("request_id")),
        RequestType.valueOf(row.getString("change_type")),
        row.getString("recipient"),
        Status.valueOf(row.getString("status")),
        Optional.ofNullable(row.getString("outcome")).map(ParticipantReceipt.Outcome::valueOf),
        row.getLong("rows_touched"),
        Optional.ofNullable(row.getString("failure")),
        instant(row, "since"));
  }
}
