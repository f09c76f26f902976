package dev.lethe.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.spi.OutboxEntry;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.OutboxStatus;
import dev.lethe.spi.OutboxTransport;
import dev.lethe.spi.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dispatcher records a claimed batch's deliveries in one transaction of the JDBC outbox. */
class OutboxBatchRecordIT {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  @DisplayName(
      "Art. 5(2), 19: when recording a batch's deliveries fails, none is marked delivered; after the lease they go again and are recorded")
  void aFailedRecordRollsTheBatchBack() {
    DataSource dataSource = DATABASE.emptied("lethe_outbox");
    JdbcOutbox outbox = JdbcOutbox.of(dataSource);
    RecordingTransport transport = new RecordingTransport(JdbcTransactions.of(dataSource));
    List<OutboxEntry> entries = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      entries.add(outbox.enqueue(new OutboxMessage("k" + i, "crm", "test.notice", "{}"), NOW));
    }
    transport.recordingFails = true;

    assertThat(dispatcher(outbox, transport, NOW).dispatch().failed()).isEqualTo(3);
    assertThat(outbox.list(OutboxStatus.DELIVERED, 10)).as("the marks rolled back").isEmpty();
    assertThat(entries)
        .allSatisfy(
            entry ->
                assertThat(outbox.find(entry.id()).orElseThrow().payload())
                    .as("kept for the next attempt")
                    .isPresent());

    transport.recordingFails = false;
    Instant afterTheLease = NOW.plus(Duration.ofMinutes(10));
    assertThat(dispatcher(outbox, transport, afterTheLease).dispatch().delivered()).isEqualTo(3);
    assertThat(outbox.list(OutboxStatus.DELIVERED, 10)).hasSize(3);
    assertThat(transport.recorded).containsExactlyInAnyOrder("k0", "k1", "k2");
    assertThat(transport.sent).hasSize(6);
  }

  private static OutboxDispatcher dispatcher(
      JdbcOutbox outbox, OutboxTransport transport, Instant at) {
    return OutboxDispatcher.builder(outbox, transport)
        .clock(Clock.fixed(at, ZoneOffset.UTC))
        .lease(Duration.ofMinutes(5))
        .build();
  }

  /** Counts what it sends; records deliveries in the outbox's transactions, or fails to. */
  private static final class RecordingTransport implements OutboxTransport {
    private final Transactions transactions;
    boolean recordingFails;
    final List<String> sent = new ArrayList<>();
    final List<String> recorded = new ArrayList<>();

    RecordingTransport(Transactions transactions) {
      this.transactions = transactions;
    }

    @Override
    public void deliver(OutboxMessage message) {
      sent.add(message.idempotencyKey());
    }

    @Override
    public void delivered(OutboxMessage message, int attempts) {
      if (recordingFails) {
        throw new IllegalStateException("audit down");
      }
      recorded.add(message.idempotencyKey());
    }

    @Override
    public Transactions transactions() {
      return transactions;
    }
  }
}
