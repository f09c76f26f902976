package dev.lethe.spring.services;

import static dev.lethe.spring.services.Services.ADA;
import static dev.lethe.spring.services.Services.ADA_VALUES;
import static dev.lethe.spring.services.Services.BOB;
import static dev.lethe.spring.services.Services.cellsHolding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.rabbitmq.client.ConnectionFactory;
import dev.lethe.jdbc.testing.TestDatabase;
import dev.lethe.law.ErasureGround;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.rights.Acknowledgements;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.spi.ParticipantReceipt;
import dev.lethe.spi.RecipientAcknowledgement;
import dev.lethe.spring.services.events.EventsProcess;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import dev.lethe.test.ResidueCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Issue 15's fault case "participant killed mid-erasure", with a real kill: the events participant
 * runs as a JVM process of its own ({@link EventsProcess}) on a database this test reaches too (an H2
 * TCP server it starts, or a fresh schema on the PostgreSQL or MariaDB of {@code -Dlethe.db}). The
 * test holds a lock on the subject's row, so that the participant's erasure blocks inside its
 * transaction after its local request and audit events were written; then it kills the process with
 * SIGKILL, and a new process carries the redelivered notice out, once. The coordinator (crm) and the
 * other participant (billing) run in this JVM.
 */
class ParticipantKilledMidErasureIT {

  private static final Path LOGS = Path.of("target", "participant-killed");

  /** Lethe's tables a participant's erasure writes to, in the participant's database. */
  private static final List<String> WRITTEN_BY_ERASURE =
      List.of("lethe_rights_request", "lethe_audit_event");

  @Test
  @DisplayName(
      "Art. 17(2), 19: over RabbitMQ, a participant process killed mid-erasure keeps nothing of it, and the redelivered notice erases once")
  void art17_participantKilledMidErasureOverRabbitMq() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    requireRabbitMq(factory);
    String exchange = "lethe-it-" + UUID.randomUUID();
    try {
      killMidErasureAndRecover(
          "amqp",
          Map.of(
              "lethe.services.amqp.host", "127.0.0.1", "lethe.services.amqp.exchange", exchange));
    } finally {
      try (com.rabbitmq.client.Connection connection = factory.newConnection();
          com.rabbitmq.client.Channel channel = connection.createChannel()) {
        for (String service : List.of("crm", "billing", "events")) {
          channel.queueDelete(exchange + "." + service);
        }
        channel.exchangeDelete(exchange);
      }
    }
  }

  @Test
  @DisplayName(
      "Art. 17(2), 19: over Kafka, a participant process killed mid-erasure keeps nothing of it, and the redelivered notice erases once")
  void art17_participantKilledMidErasureOverKafka() throws Exception {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
    try {
      // A killed member's partitions move once its session times out: 6 s, the broker's least, not
      // 45.
      killMidErasureAndRecover(
          "kafka",
          Map.of(
              "lethe.services.kafka.bootstrap-servers",
              broker.getBrokersAsString(),
              "lethe.services.kafka.consumer.session.timeout.ms",
              "6000",
              "lethe.services.kafka.consumer.heartbeat.interval.ms",
              "1000"));
    } finally {
      broker.destroy();
    }
  }

  private void killMidErasureAndRecover(String brokerName, Map<String, Object> broker)
      throws Exception {
    // On MariaDB the participant does block on the held lock (its log shows the lock wait timing
    // out), but the probe of information_schema.innodb_lock_waits found no waiting session in CI,
    // where it passed by hand: to be made reliable before MariaDB counts here. H2 and PostgreSQL
    // show the behaviour meanwhile.
    Assumptions.assumeFalse(
        TestDatabase.selected() == TestDatabase.Kind.MARIADB,
        "the blocked-session probe is not reliable on MariaDB yet; the test runs on H2 and PostgreSQL");
    Path logs =
        LOGS.resolve(brokerName + "-" + TestDatabase.selected().name().toLowerCase(Locale.ROOT));
    Files.createDirectories(logs);
    try (Services services = new Services(broker);
        ProcessDatabase events = ProcessDatabase.create()) {
      List<ParticipantProcess> processes = new ArrayList<>();
      try {
        // The process starts while the coordinator and billing start here.
        ParticipantProcess first =
            ParticipantProcess.start(services, events, true, logs.resolve("events-1.log"));
        processes.add(first);
        ConfigurableApplicationContext crm = services.startCrm("billing,events");
        services.startBilling(true);
        first.awaitReady();
        events.update(
            "insert into attendee (id, email, badge_name) values (1, '"
                + ADA
                + "', 'Countess of Lovelace')");
        events.update(
            "insert into attendee (id, email, badge_name) values (2, '" + BOB + "', 'Bob B.')");
        long auditEventsBefore = events.count("select count(*) from lethe_audit_event");

        DataSubjectRights rights = crm.getBean(DataSubjectRights.class);
        Acknowledgements acknowledgements = crm.getBean(Acknowledgements.class);
        RightsRequest request =
            rights.submit(
                RequestType.ERASURE, new SubjectIdentifier("customer", "email", ADA), Channel.WEB);
        RightsRequest erasure =
            request.isAwaitingVerification() ? rights.verify(request.id(), "email-link") : request;

        ResidueCheck.of(events.dataSource())
            .ignoringTables(Services.letheTables(events.dataSource()).toArray(String[]::new))
            .withValues(List.of(ADA, "Countess of Lovelace"))
            .erasing(
                new SubjectKey("customer", 1L),
                () -> {
                  long victim;
                  try (HeldRowLock lock =
                      HeldRowLock.hold(events, "select * from attendee where id = 1 for update")) {
                    rights.erase(erasure.id(), ErasureGround.CONSENT_WITHDRAWN);
                    victim = lock.awaitBlockedSession(Duration.ofSeconds(60));
                    assertThat(events.tablesWrittenBy(victim, WRITTEN_BY_ERASURE))
                        .as(
                            "the participant is killed inside its transaction, after its local request and audit events")
                        .containsExactlyInAnyOrderElementsOf(WRITTEN_BY_ERASURE);
                    first.kill();
                  }
                  await(
                      "the killed participant's session is gone from the database",
                      Duration.ofSeconds(30),
                      () -> !events.sessionOpen(victim));

                  assertNothingOfTheHalfDoneErasure(events, auditEventsBefore);
                  await(
                      "billing acknowledges",
                      Duration.ofSeconds(60),
                      () -> rights.outstandingRecipients(erasure.id()).equals(List.of("events")));
                  assertThat(acknowledgements.forRequest(erasure.id()))
                      .filteredOn(entry -> entry.recipient().equals("events"))
                      .singleElement()
                      .satisfies(
                          entry ->
                              assertThat(entry.status())
                                  .as("Art. 19: the killed participant stays pending")
                                  .isEqualTo(RecipientAcknowledgement.Status.PENDING));

                  long restartedAt = System.nanoTime();
                  ParticipantProcess again =
                      ParticipantProcess.start(
                          services, events, false, logs.resolve("events-2.log"));
                  processes.add(again);
                  again.awaitReady();
                  // Kafka hands the partition over once the killed member's session has timed out
                  // (6 s here).
                  await(
                      "the restarted participant acknowledges",
                      Duration.ofSeconds(120),
                      () -> rights.outstandingRecipients(erasure.id()).isEmpty());
                  System.out.printf(
                      "ParticipantKilledMidErasureIT over %s on %s: acknowledged %.1f s after the restart%n",
                      brokerName, TestDatabase.selected(), (System.nanoTime() - restartedAt) / 1e9);
                })
            .assertNoResidue();

        assertThat(acknowledgements.forRequest(erasure.id()))
            .extracting(
                RecipientAcknowledgement::recipient,
                RecipientAcknowledgement::status,
                entry -> entry.outcome().orElseThrow(),
                RecipientAcknowledgement::rowsTouched)
            .containsExactlyInAnyOrder(
                tuple(
                    "billing",
                    RecipientAcknowledgement.Status.ACKNOWLEDGED,
                    ParticipantReceipt.Outcome.DONE,
                    2L),
                tuple(
                    "events",
                    RecipientAcknowledgement.Status.ACKNOWLEDGED,
                    ParticipantReceipt.Outcome.DONE,
                    1L));
        assertThat(
                events.count(
                    "select count(*) from lethe_audit_event where event_type = 'SUBJECT_ERASED'"))
            .as("Art. 5(2), 17: the participant erased once, and its audit says so once")
            .isEqualTo(1);
        assertThat(events.count("select count(*) from lethe_rights_request"))
            .as("one local request: the killed one left none")
            .isEqualTo(1);
        assertThat(events.count("select count(*) from lethe_participant_receipt"))
            .as("one receipt kept")
            .isEqualTo(1);
        assertThat(cellsHolding(events.dataSource(), ADA_VALUES))
            .as("events: every table, Lethe's own included")
            .isEmpty();
        assertThat(cellsHolding(events.dataSource(), List.of(BOB)))
            .as("the other attendee stays")
            .isNotEmpty();
        assertThat(rights.complete(erasure.id()).status()).isEqualTo(RequestStatus.COMPLETED);
      } finally {
        for (ParticipantProcess process : processes) {
          process.stop();
        }
      }
    }
  }

  /** Art. 17, 5(2): the killed transaction left nothing: no local request, audit event, receipt or answer; the data is whole. */
  private static void assertNothingOfTheHalfDoneErasure(
      ProcessDatabase events, long auditEventsBefore) throws SQLException {
    assertThat(events.count("select count(*) from lethe_rights_request"))
        .as("no local request")
        .isZero();
    assertThat(events.count("select count(*) from lethe_audit_event"))
        .as("no audit event of it")
        .isEqualTo(auditEventsBefore);
    assertThat(events.count("select count(*) from lethe_participant_receipt"))
        .as("no receipt kept")
        .isZero();
    assertThat(events.count("select count(*) from lethe_outbox")).as("no answer sent").isZero();
    assertThat(
            events.count(
                "select count(*) from attendee where email = '"
                    + ADA
                    + "'"
                    + " and badge_name = 'Countess of Lovelace'"))
        .as("Ada's registration, untouched")
        .isEqualTo(1);
  }

  @SuppressWarnings("try") // opening the connection is the probe
  private static void requireRabbitMq(ConnectionFactory factory) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      return;
    }
    try (com.rabbitmq.client.Connection ignored = factory.newConnection()) {
      // Reachable.
    } catch (Exception e) {
      Assumptions.abort(
          "RabbitMQ is not reachable on 127.0.0.1:5672 ("
              + e.getClass().getSimpleName()
              + "); skipped outside CI");
    }
  }

  private static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting until " + what);
      }
      Thread.sleep(100);
    }
  }

  /** The events participant, running as a JVM process of its own: {@link EventsProcess}. */
  private static final class ParticipantProcess {

    private final Process process;
    private final Path log;

    private ParticipantProcess(Process process, Path log) {
      this.process = process;
      this.log = log;
    }

    /** Starts it on {@code database}; {@code fresh} creates its tables. */
    static ParticipantProcess start(
        Services services, ProcessDatabase database, boolean fresh, Path log) throws IOException {
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx256m",
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  System.getProperty("java.class.path"),
                  EventsProcess.class.getName()));
      services
          .properties("events", database.url(), database.user(), fresh, Services.EVENTS_SETTINGS)
          .forEach((name, value) -> command.add("--" + name + "=" + value));
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new ParticipantProcess(process, log);
    }

    void awaitReady() throws InterruptedException {
      await(
          "the participant process is ready",
          Duration.ofSeconds(120),
          () -> {
            if (!process.isAlive()) {
              throw new AssertionError(
                  "The participant process ended ("
                      + process.exitValue()
                      + "); its log:\n"
                      + tail());
            }
            return tail().contains(EventsProcess.READY);
          });
    }

    /** SIGKILL: no shutdown hook, no rollback by the process itself. */
    void kill() throws InterruptedException {
      process.destroyForcibly().waitFor();
    }

    /** Closes its standard input, upon which it stops its context and ends; kills it if it does not. */
    void stop() throws IOException, InterruptedException {
      process.getOutputStream().close();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }

    private String tail() {
      try {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
      } catch (IOException e) {
        return "(no log: " + e.getClass().getSimpleName() + ")";
      }
    }
  }

  /**
   * The participant's database, which another process reaches by URL: an in-memory H2 database behind
   * a TCP server this test starts (locks wait a minute, not H2's default second), or a fresh schema on
   * the PostgreSQL or MariaDB server the run selects. It says which session a lock blocks, whether a
   * session is still open, and what a session's open transaction has written.
   */
  private static final class ProcessDatabase implements AutoCloseable {

    private final TestDatabase.Kind kind;
    private final String url;
    private final String user;
    private final DataSource dataSource;
    private final @Nullable Server h2;
    private final @Nullable TestDatabase server;

    private ProcessDatabase(
        TestDatabase.Kind kind,
        String url,
        String user,
        DataSource dataSource,
        @Nullable Server h2,
        @Nullable TestDatabase server) {
      this.kind = kind;
      this.url = url;
      this.user = user;
      this.dataSource = dataSource;
      this.h2 = h2;
      this.server = server;
    }

    static ProcessDatabase create() throws SQLException {
      if (TestDatabase.selected() == TestDatabase.Kind.H2) {
        Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        String name =
            "lethe_killed_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url =
            "jdbc:h2:tcp://localhost:"
                + h2.getPort()
                + "/mem:"
                + name
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000";
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return new ProcessDatabase(TestDatabase.Kind.H2, url, "sa", dataSource, h2, null);
      }
      TestDatabase server = TestDatabase.create();
      return new ProcessDatabase(
          server.kind(), server.jdbcUrl(), server.user(), server.dataSource(), null, server);
    }

    String url() {
      return url;
    }

    String user() {
      return user;
    }

    DataSource dataSource() {
      return dataSource;
    }

    TestDatabase.Kind kind() {
      return kind;
    }

    /** This connection's session, as {@link #blockedBy} and {@link #sessionOpen} name sessions. */
    long sessionOf(Connection connection) throws SQLException {
      return scalar(
          connection,
          switch (kind) {
            case H2 -> "select session_id()";
            case POSTGRESQL -> "select pg_backend_pid()";
            case MARIADB -> "select connection_id()";
          });
    }

    /** The sessions waiting for a lock that the session {@code holder} holds. */
    List<Long> blockedBy(long holder) throws SQLException {
      return longs(
          switch (kind) {
            case H2 -> "select session_id from information_schema.sessions where blocker_id = ?";
            case POSTGRESQL ->
                "select pid from pg_stat_activity where cast(? as integer) = any(pg_blocking_pids(pid))";
            case MARIADB ->
                "select r.trx_mysql_thread_id from information_schema.innodb_lock_waits w"
                    + " join information_schema.innodb_trx r on r.trx_id = w.requesting_trx_id"
                    + " join information_schema.innodb_trx b on b.trx_id = w.blocking_trx_id where b.trx_mysql_thread_id = ?";
          },
          holder);
    }

    boolean sessionOpen(long session) {
      try {
        return !longs(
                switch (kind) {
                  case H2 ->
                      "select session_id from information_schema.sessions where session_id = ?";
                  case POSTGRESQL ->
                      "select pid from pg_stat_activity where pid = cast(? as integer)";
                  case MARIADB -> "select id from information_schema.processlist where id = ?";
                },
                session)
            .isEmpty();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * Which of {@code tables} the open transaction of {@code session} has written to: on PostgreSQL,
     * the tables it holds a row-exclusive lock on (taken by every insert, update and delete); on H2 and
     * MariaDB, those where a dirty read sees rows a committed read does not.
     */
    List<String> tablesWrittenBy(long session, List<String> tables) throws SQLException {
      List<String> written = new ArrayList<>();
      if (kind == TestDatabase.Kind.POSTGRESQL) {
        try (Connection connection = dataSource.getConnection();
            PreparedStatement query =
                connection.prepareStatement(
                    "select c.relname from pg_locks l join pg_class c on c.oid = l.relation"
                        + " where l.pid = cast(? as integer) and l.mode = 'RowExclusiveLock'")) {
          query.setLong(1, session);
          try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              if (tables.contains(rows.getString(1))) {
                written.add(rows.getString(1));
              }
            }
          }
        }
        return written;
      }
      try (Connection committed = dataSource.getConnection();
          Connection dirty = dataSource.getConnection()) {
        dirty.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
        for (String table : tables) {
          String count = "select count(*) from " + table;
          if (scalar(dirty, count) > scalar(committed, count)) {
            written.add(table);
          }
        }
      }
      return written;
    }

    long count(String sql) throws SQLException {
      try (Connection connection = dataSource.getConnection()) {
        return scalar(connection, sql);
      }
    }

    void update(String sql) throws SQLException {
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate(sql);
      }
    }

    private List<Long> longs(String sql, long parameter) throws SQLException {
      try (Connection connection = dataSource.getConnection();
          PreparedStatement query = connection.prepareStatement(sql)) {
        query.setLong(1, parameter);
        List<Long> values = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            values.add(rows.getLong(1));
          }
        }
        return values;
      }
    }

    private static long scalar(Connection connection, String sql) throws SQLException {
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(sql)) {
        rows.next();
        return rows.getLong(1);
      }
    }

    @Override
    public void close() throws SQLException {
      if (h2 != null) {
        update("shutdown");
        h2.stop();
      }
      if (server != null) {
        server.close();
      }
    }
  }

  /** A row this test holds locked in an open transaction of its own, released (rolled back) on close. */
  private static final class HeldRowLock implements AutoCloseable {

    private final ProcessDatabase database;
    private final Connection connection;
    private final long holder;

    private HeldRowLock(ProcessDatabase database, Connection connection, long holder) {
      this.database = database;
      this.connection = connection;
      this.holder = holder;
    }

    /** Runs {@code lockingQuery} ({@code select ... for update}) in a transaction left open. */
    static HeldRowLock hold(ProcessDatabase database, String lockingQuery) throws SQLException {
      Connection connection = database.dataSource().getConnection();
      try {
        connection.setAutoCommit(false);
        long holder = database.sessionOf(connection);
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery(lockingQuery)) {
          assertThat(rows.next()).as("the row to lock exists").isTrue();
        }
        return new HeldRowLock(database, connection, holder);
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    }

    /** The one session that waits for this lock, once one does. */
    long awaitBlockedSession(Duration timeout) throws InterruptedException, SQLException {
      long deadline = System.nanoTime() + timeout.toNanos();
      List<Long> blocked;
      while ((blocked = database.blockedBy(holder)).isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("No session came to wait for the held lock within " + timeout);
        }
        Thread.sleep(50);
      }
      assertThat(blocked).as("one session waits for the held lock").hasSize(1);
      return blocked.get(0);
    }

    @Override
    public void close() throws SQLException {
      try {
        connection.rollback();
      } finally {
        connection.close();
      }
    }
  }
}
