package dev.lethe.jdbc;

import static dev.lethe.jdbc.internal.Columns.instant;
import static dev.lethe.jdbc.internal.Columns.optionalText;
import static java.util.Objects.requireNonNull;

import dev.lethe.audit.AuditCheckpoint;
import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditSink;
import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.jdbc.internal.Json;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.subject.SubjectPseudonym;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import tools.jackson.core.type.TypeReference;

/**
 * The audit trail's events in the table {@code lethe_audit_event}, keyed by sequence number, so that
 * the hash chain survives a restart and two writers cannot both append the same sequence (Art. 5(2)).
 *
 * <p>Trails of every replica append through {@link #appendNext}: in one transaction it locks the
 * chain's head row in {@code lethe_audit_head} ({@code select ... for update}), lets the trail
 * compute the next event from it, inserts the event and moves the head. Inside a transaction open
 * on the thread ({@link JdbcTransactions}, or a Spring-managed connection) it joins that one, so the
 * event commits with the change it records, and the head stays locked until then. A later append in
 * the same operation's transaction starts from the head the one before left: it moves the head on
 * condition that it still holds that sequence and hash, then inserts the event, two statements
 * instead of three; where the head moved meanwhile (a savepoint rolled back), it locks and reads the
 * head as the first append does.
 */
public final class JdbcAuditSink implements AuditSink {

  private static final String COLUMNS =
      "sequence_number, occurred_at, event_type, request_id, request_type, subject,"
          + " counts, attributes, previous_hash, hash";

  private final DataSource dataSource;
  private final Jdbc jdbc;

  private JdbcAuditSink(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new Jdbc(dataSource);
  }

  /** A sink over the {@link LetheSchema} tables behind {@code dataSource}. */
  public static JdbcAuditSink of(DataSource dataSource) {
    return new JdbcAuditSink(requireNonNull(dataSource, "dataSource"));
  }

  /**
   * {@inheritDoc} The head moves to the event if it is behind it, so that a later {@link
   * #appendNext} continues after it.
   */
  @Override
  public void append(AuditEvent event) {
    requireNonNull(event, "event");
    Jdbc.inTransaction(
        dataSource,
        () -> {
          insert(event);
          return jdbc.update(
              "move the audit head",
              "update lethe_audit_head set sequence_number = ?, hash = ?"
                  + " where id = 1 and sequence_number < ?",
              event.sequence(),
              event.hash(),
              event.sequence());
        });
  }

  private void insert(AuditEvent event) {
    try {
      jdbc.update(
          "append an audit event",
          "insert into lethe_audit_event ("
              + COLUMNS
              + ")"
              + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          event.sequence(),
          instant(event.occurredAt()),
          event.type().name(),
          event.requestId().map(RequestId::toString).orElse(null),
          event.requestType().map(Enum::name).orElse(null),
          event.subject().map(SubjectPseudonym::hex).orElse(null),
          Json.write(event.counts()),
          Json.write(event.attributes()),
          event.previousHash(),
          event.hash());
    } catch (IllegalStateException e) {
      if (Jdbc.isUniqueViolation(e)) {
        throw new IllegalStateException(
            "The audit already holds an event with sequence "
                + event.sequence()
                + ": another writer appended first",
            e);
      }
      throw e;
    }
  }

  @Override
  public AuditEvent appendNext(Function<AuditCheckpoint, AuditEvent> next) {
    requireNonNull(next, "next");
    return Jdbc.inTransaction(
        dataSource,
        () -> {
          AuditEvent event =
              Jdbc.keptForTransaction(dataSource, MovedHead.class)
                  .flatMap(moved -> appendAfterMovedHead(moved.head(), next))
                  .orElseGet(() -> appendAfterLockedHead(next));
          Jdbc.keepForTransaction(
              dataSource, MovedHead.class, new MovedHead(AuditCheckpoint.of(event)));
          return event;
        });
  }

  /**
   * The head the last append moved in the transaction bound to the thread, which holds its lock: the
   * next append in that transaction starts from it without reading it again.
   */
  private record MovedHead(AuditCheckpoint head) {}

  /**
   * Appends after {@code moved} if the head is still there: the head moves only where it holds both
   * the sequence and the hash this transaction left, so a savepoint rolled back since (which may
   * release the lock, and let another writer in) is caught, and nothing was written.
   */
  private Optional<AuditEvent> appendAfterMovedHead(
      AuditCheckpoint moved, Function<AuditCheckpoint, AuditEvent> next) {
    AuditEvent event = following(moved, next);
    int changed =
        jdbc.update(
            "move the audit head",
            "update lethe_audit_head set sequence_number = ?, hash = ?"
                + " where id = 1 and sequence_number = ? and hash = ?",
            event.sequence(),
            event.hash(),
            moved.sequence(),
            moved.hash());
    if (changed == 0) {
      return Optional.empty();
    }
    insert(event);
    return Optional.of(event);
  }

  /** Locks the head, appends the event that follows it and moves the head to it. */
  private AuditEvent appendAfterLockedHead(Function<AuditCheckpoint, AuditEvent> next) {
    AuditCheckpoint head =
        jdbc
            .query(
                "lock the audit head",
                "select sequence_number, hash from lethe_audit_head where id = 1 for update",
                row -> new AuditCheckpoint(row.getLong("sequence_number"), row.getString("hash")))
            .stream()
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The table lethe_audit_head has no row: migrate Lethe's"
                            + " schema with LetheSchema.migrate(dataSource), which creates it"));
    AuditEvent event = following(head, next);
    insert(event);
    jdbc.update(
        "move the audit head",
        "update lethe_audit_head set sequence_number = ?, hash = ? where id = 1",
        event.sequence(),
        event.hash());
    return event;
  }

  private static AuditEvent following(
      AuditCheckpoint head, Function<AuditCheckpoint, AuditEvent> next) {
    AuditEvent event = next.apply(head);
    if (event.sequence() != head.sequence() + 1 || !event.previousHash().equals(head.hash())) {
      throw new IllegalArgumentException(
          "The next audit event must follow the head " + head.sequence());
    }
    return event;
  }

  @Override
  public Stream<AuditEvent> eventsFrom(long sequence) {
    return jdbc.stream(
        "read the audit",
        "select "
            + COLUMNS
            + " from lethe_audit_event where sequence_number >= ?"
            + " order by sequence_number",
        JdbcAuditSink::event,
        sequence);
  }

  @Override
  public Stream<AuditEvent> events() {
    return jdbc.stream(
        "read the audit",
        "select " + COLUMNS + " from lethe_audit_event order by sequence_number",
        JdbcAuditSink::event);
  }

  @Override
  public Optional<AuditEvent> lastEvent() {
    return jdbc
        .query(
            "read the last audit event",
            "select "
                + COLUMNS
                + " from lethe_audit_event"
                + " where sequence_number = (select max(sequence_number) from lethe_audit_event)",
            JdbcAuditSink::event)
        .stream()
        .findFirst();
  }

  private static AuditEvent event(ResultSet row) throws SQLException {
    return new AuditEvent(
        row.getLong("sequence_number"),
        instant(row, "occurred_at"),
        AuditEventType.valueOf(row.getString("event_type")),
        optionalText(row, "request_id").map(RequestId::parse),
        optionalText(row, "request_type").map(RequestType::valueOf),
        optionalText(row, "subject").map(SubjectPseudonym::new),
        Json.read(row.getString("counts"), new TypeReference<Map<String, Long>>() {}),
        Json.read(row.getString("attributes"), new TypeReference<Map<String, String>>() {}),
        row.getString("previous_hash"),
        row.getString("hash"));
  }
}
