package dev.lethe.bench;

import dev.lethe.audit.AuditTrail;
import dev.lethe.bench.fanout.CrmContact;
import dev.lethe.bench.fanout.SupportOnlyContact;
import dev.lethe.jdbc.JdbcAcknowledgementStore;
import dev.lethe.jdbc.JdbcAuditSink;
import dev.lethe.jdbc.JdbcOutbox;
import dev.lethe.jdbc.JdbcReceiptStore;
import dev.lethe.jdbc.JdbcRequestStore;
import dev.lethe.jdbc.JdbcTransactions;
import dev.lethe.jdbc.LetheSchema;
import dev.lethe.jpa.JpaPersonalDataStore;
import dev.lethe.kafka.KafkaInbox;
import dev.lethe.kafka.KafkaOutboxTransport;
import dev.lethe.kafka.KafkaTopics;
import dev.lethe.law.ErasureGround;
import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.participants.Participant;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.rights.Acknowledgements;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.RecipientNotifications;
import dev.lethe.spi.MessageReceiver;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An erasure passed on to three participant services over Kafka (Art. 17(2), 19): a coordinator
 * ("crm") and three participants ("billing", "shipping", "support"), each with its own database
 * (Lethe's JDBC stores: requests, audit, outbox, acknowledgements or receipts; the shop model through
 * {@link JpaPersonalDataStore}; an operation's changes commit together in one {@link
 * JdbcTransactions} transaction), joined by {@link KafkaOutboxTransport} and {@link KafkaInbox} through
 * one embedded KRaft broker. The participants hold 10, 100 and 1,000 rows of each subject ({@code
 * support} is the slowest). With {@code participants=1} the coordinator passes it on to {@code
 * support} alone: four services and the broker share the machine's cores, and that variant tells the
 * protocol's own cost from three erasures at once. In one run:
 *
 * <ul>
 *   <li>{@link #fanOut}: submit and erase at the coordinator, dispatch its notices, until every
 *       participant's receipt is recorded ({@code outstandingRecipients} empty);
 *   <li>{@link #slowestLocalErasure}: the same erasure carried out by the slowest participant alone,
 *       through its own {@link DataSubjectRights} (submit, verify, erase);
 *   <li>{@link #kafkaRoundTrip}: one small message produced, consumed, produced back and consumed
 *       through the same broker with the same transport and inbox.
 * </ul>
 *
 * The target is {@code fanOut ≤ 2 × (slowestLocalErasure + kafkaRoundTrip)}. No dispatcher
 * polls on a timer: the coordinator's dispatches right after the erasure, each participant's on its
 * inbox thread right after it carried out a notice, so the time measured is the work and the broker's,
 * not polling intervals. The inboxes' consumers return from a poll as soon as a record arrives. Each
 * invocation erases a fresh subject inserted before it, untimed; after it every participant's
 * database is checked to hold none of the subject's personal data, and the coordinator's clearing
 * messages are dispatched, untimed.
 *
 * <p>Two forks of sixty shots each: one fork of thirty left the ratio's error at a quarter of it,
 * across the target, in three full runs (1.60×, 2.11×, 1.81×); two of sixty gave 1.63× ± 0.21,
 * and 2.02× ± 0.21 on a slower machine. {@link #inTurn} runs the fan-out and its baseline (the
 * slowest participant's local erasure, then a round trip) in {@link Turns}, each on a fresh subject:
 * its pairs decide the target.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Three hundred warm-up shots: the fan-out runs four services' code and Kafka's clients, which
// the JIT compiles over its first two hundred shots or so (a median of 82 ms over the first
// fifty, 56 over the next, steady at about 34 from the two hundredth); twenty left the measured
// shots still warming.
@Warmup(iterations = 300, batchSize = 1)
@Measurement(iterations = 60, batchSize = 1)
// lethe-logback puts logback-classic on the class path ahead of slf4j-simple, and logback without a
// configuration logs everything at DEBUG: the broker's and the clients' lines would be timed too.
@Fork(value = 2, jvmArgsAppend = "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider")
@State(Scope.Benchmark)
public class FanOutBenchmark {

  static final String COORDINATOR = "crm";

  /** The participants and the rows of each subject they hold; the last is the slowest. */
  static final List<String> PARTICIPANTS = List.of("billing", "shipping", "support");

  private static final int[] ROWS = {10, 100, 1_000};
  private static final String ECHO = "bench-echo";
  private static final String ORIGIN = "bench-origin";
  private static final long TIMEOUT_SECONDS = 60;

  /** The database of every service: {@code h2} or {@code postgresql}. */
  @Param({"h2"})
  public String db = "h2";

  /**
   * How many participants the erasure is passed on to: 3, or 1 (the slowest alone, to tell the
   * protocol's own cost from that of three services sharing the machine's cores).
   */
  @Param({"3"})
  public int participants = 3;

  private @Nullable EmbeddedKafkaKraftBroker broker;
  private @Nullable KafkaOutboxTransport transport;
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final List<Service> services = new ArrayList<>();
  private @Nullable Service coordinator;
  private @Nullable Acknowledgements acknowledgements;
  private final Semaphore receipts = new Semaphore(0);
  private final Semaphore echoes = new Semaphore(0);
  private final AtomicReference<@Nullable Throwable> inboxFailure = new AtomicReference<>();
  private long subject = 1_000;

  /** What the last side of a pair in turn did, for the check after it: a method's name. */
  private String lastSide = "";

  /** The fan-out and its baseline in turn; their threads wait on the broker: no CPU time kept. */
  private final Turns turns = Turns.onOtherThreads("fanout.inTurn");

  /** One service: its database, model store, audit, outbox, rights and dispatcher. */
  private static final class Service {
    final String name;
    final BenchDatabase database;
    final AuditTrail audit;
    final Outbox outbox;
    final DataSubjectRights rights;
    final OutboxDispatcher dispatcher;
    final ShopData data = new ShopData();
    final int rows;

    Service(
        String name,
        BenchDatabase database,
        AuditTrail audit,
        Outbox outbox,
        DataSubjectRights rights,
        OutboxDispatcher dispatcher,
        int rows) {
      this.name = name;
      this.database = database;
      this.audit = audit;
      this.outbox = outbox;
      this.rights = rights;
      this.dispatcher = dispatcher;
      this.rows = rows;
    }
  }

  /** Starts the broker, creates the topics, opens the four databases and starts the inboxes. */
  @Setup(Level.Trial)
  public void open() {
    if (participants != 1 && participants != PARTICIPANTS.size()) {
      throw new IllegalArgumentException(
          "participants is 1 or " + PARTICIPANTS.size() + ", not " + participants);
    }
    EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1);
    started.afterPropertiesSet();
    broker = started;
    String bootstrap = started.getBrokersAsString();
    List<String> names =
        PARTICIPANTS.subList(PARTICIPANTS.size() - participants, PARTICIPANTS.size());
    List<String> topics = new ArrayList<>(names);
    topics.addAll(List.of(COORDINATOR, ECHO, ORIGIN));
    KafkaTopics.builder(bootstrap).build().ensure(topics);
    KafkaOutboxTransport kafka = KafkaOutboxTransport.builder(bootstrap).build();
    transport = kafka;
    closing.add(kafka);
    Clock clock = Clock.systemUTC();

    // The coordinator: its processing names the participants as recipients.
    BenchDatabase crmDatabase = database();
    EntityManagerFactory crmFactory =
        crmDatabase.open(participants == 1 ? SupportOnlyContact.class : CrmContact.class);
    JdbcTransactions crmTransactions = JdbcTransactions.of(crmDatabase.autoCommitting());
    AuditTrail crmAudit = audit(crmDatabase, crmTransactions, clock);
    Outbox crmOutbox = JdbcOutbox.of(crmDatabase.autoCommitting());
    Acknowledgements acks =
        Acknowledgements.builder(names, crmAudit, crmOutbox)
            .store(JdbcAcknowledgementStore.of(crmDatabase.autoCommitting()))
            .clock(clock)
            .build();
    acknowledgements = acks;
    RecipientNotifications crmNotifications =
        RecipientNotifications.builder((recipient, notification) -> {}, crmAudit)
            .outbox(crmOutbox)
            .acknowledgements(acks)
            .clock(clock)
            .build();
    JpaPersonalDataStore crmStore = store(crmFactory, crmTransactions);
    DataSubjectRights crmRights =
        DataSubjectRights.builder(crmAudit)
            .clock(clock)
            .requestStore(JdbcRequestStore.of(crmDatabase.autoCommitting(), clock))
            .personalData(crmStore.model(), crmStore)
            .recipientNotifications(crmNotifications)
            .build();
    coordinator =
        new Service(
            COORDINATOR,
            crmDatabase,
            crmAudit,
            crmOutbox,
            crmRights,
            OutboxDispatcher.builder(crmOutbox, crmNotifications.transport(kafka))
                .clock(clock)
                .build(),
            1);
    inbox(
        bootstrap,
        COORDINATOR,
        message -> {
          acks.receive(message);
          receipts.release();
        });

    // The participants: each its own shop database; each dispatches its receipt as soon as it wrote
    // it.
    for (int i = PARTICIPANTS.size() - participants; i < PARTICIPANTS.size(); i++) {
      String name = PARTICIPANTS.get(i);
      BenchDatabase database = database();
      EntityManagerFactory factory = database.open(ShopData.ENTITIES);
      JdbcTransactions transactions = JdbcTransactions.of(database.autoCommitting());
      AuditTrail audit = audit(database, transactions, clock);
      Outbox outbox = JdbcOutbox.of(database.autoCommitting());
      RecipientNotifications notifications =
          RecipientNotifications.builder((recipient, notification) -> {}, audit)
              .outbox(outbox)
              .clock(clock)
              .build();
      JpaPersonalDataStore store = store(factory, transactions);
      DataSubjectRights rights =
          DataSubjectRights.builder(audit)
              .clock(clock)
              .requestStore(JdbcRequestStore.of(database.autoCommitting(), clock))
              .personalData(store.model(), store)
              .recipientNotifications(notifications)
              .build();
      Participant participant =
          Participant.builder(name, COORDINATOR, rights, audit, outbox)
              .receipts(JdbcReceiptStore.of(database.autoCommitting()))
              .clock(clock)
              .build();
      OutboxDispatcher dispatcher =
          OutboxDispatcher.builder(outbox, notifications.transport(kafka)).clock(clock).build();
      services.add(new Service(name, database, audit, outbox, rights, dispatcher, ROWS[i]));
      inbox(
          bootstrap,
          name,
          message -> {
            participant.receive(message);
            dispatcher.dispatch();
          });
    }

    // The round trip's two ends: the echo sends each message back to the origin, whose inbox
    // signals.
    inbox(
        bootstrap,
        ECHO,
        message ->
            kafka.deliver(
                new OutboxMessage(
                    message.idempotencyKey(), ORIGIN, message.type(), message.payload())));
    inbox(bootstrap, ORIGIN, message -> echoes.release());
  }

  /**
   * A service's audit trail, whose transactions its rights operations run in: as the README's plain
   * Java set-up has it, an operation's request, audit, outbox rows and data change commit together.
   */
  private static AuditTrail audit(
      BenchDatabase database, JdbcTransactions transactions, Clock clock) {
    return AuditTrail.builder(
            JdbcAuditSink.of(database.autoCommitting()), Pseudonymizer.withRandomKey())
        .clock(clock)
        .transactions(transactions)
        .build();
  }

  /** A service's personal-data store, which joins the operation's transaction. */
  private static JpaPersonalDataStore store(
      EntityManagerFactory factory, JdbcTransactions transactions) {
    return JpaPersonalDataStore.builder(factory, Pseudonymizer.withRandomKey())
        .currentConnection(transactions::currentConnection)
        .build();
  }

  private BenchDatabase database() {
    BenchDatabase database = BenchDatabase.create(BenchDatabase.Kind.of(db));
    closing.add(database);
    LetheSchema.migrate(database.autoCommitting());
    return database;
  }

  private void inbox(String bootstrap, String name, MessageReceiver receiver) {
    MessageReceiver failuresKept =
        message -> {
          try {
            receiver.receive(message);
          } catch (RuntimeException | Error e) {
            // Kept by type only, and surfaced by the benchmark thread: the inbox would offer it
            // again forever.
            inboxFailure.compareAndSet(null, e);
            throw e;
          }
        };
    // Closed before the databases, which were added to closing earlier: closed in reverse order.
    closing.add(KafkaInbox.builder(bootstrap, name, failuresKept).start());
  }

  /** A fresh subject in every service's database: the erasure's input, untimed. */
  @Setup(Level.Invocation)
  public void freshSubject() throws SQLException {
    subject++;
    Service crm = ErasureBenchmark.open(coordinator);
    try (Connection connection = crm.database.connection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into crm_contact (id, email, name) values (?, ?, ?)")) {
      insert.setLong(1, subject);
      insert.setString(2, ShopData.email(subject));
      insert.setString(3, "Name " + subject);
      insert.executeUpdate();
      connection.commit();
    }
    for (Service participant : services) {
      try (Connection connection = participant.database.connection()) {
        participant.data.insert(connection, subject, participant.rows);
        connection.commit();
      }
    }
    receipts.drainPermits();
    echoes.drainPermits();
  }

  /**
   * Checks that the participants the benchmark reached hold none of the subject's personal data, then
   * sends the coordinator's clearing messages, untimed.
   */
  @TearDown(Level.Invocation)
  public void check(BenchmarkParams params) throws SQLException {
    String method = Extras.method(params);
    checkAfter(method.equals("inTurn") ? lastSide : method);
  }

  /** Notes whether the coming iteration is measured: only then are pairs recorded. */
  @Setup(Level.Iteration)
  public void iteration(IterationParams params) {
    turns.iteration(params);
  }

  /**
   * Checks that the participants {@code method} reached hold none of the subject's personal data,
   * then sends the coordinator's clearing messages.
   */
  private void checkAfter(String method) throws SQLException {
    List<Service> erased =
        switch (method) {
          case "fanOut" -> services;
          case "slowestLocalErasure" -> List.of(slowest());
          default -> List.of();
        };
    for (Service participant : erased) {
      try (Connection connection = participant.database.connection()) {
        long left = ShopData.personalValues(connection, subject);
        connection.rollback();
        if (left != 0) {
          throw new IllegalStateException(
              participant.name + " kept " + left + " personal-data values after " + method);
        }
      }
    }
    ErasureBenchmark.open(coordinator).dispatcher.dispatch();
  }

  /** Stops the inboxes and the transport, drops the databases and stops the broker. */
  @TearDown(Level.Trial)
  public void close() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
    if (broker != null) {
      broker.destroy();
    }
  }

  /** (a) The fan-out: erase at the coordinator until every participant's receipt is recorded. */
  @Benchmark
  public int fanOut() throws InterruptedException {
    Service crm = ErasureBenchmark.open(coordinator);
    RightsRequest request = verifiedErasure(crm.rights);
    crm.rights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);
    int sent = crm.dispatcher.dispatch().delivered();
    while (!crm.rights.outstandingRecipients(request.id()).isEmpty()) {
      await(receipts, "a participant's receipt");
    }
    return sent;
  }

  /** (b) The slowest participant's local erasure of the same subject, alone. */
  @Benchmark
  public Object slowestLocalErasure() {
    DataSubjectRights rights = slowest().rights;
    RightsRequest request = verifiedErasure(rights);
    return rights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);
  }

  /**
   * The fan-out and its baseline (the slowest participant's local erasure, then a round trip) in
   * {@link Turns}, a fresh subject for the second side, untimed: the target's verdict.
   */
  @Benchmark
  public long inTurn() throws Exception {
    return turns.pair(
        db + "/" + participants,
        () -> {
          lastSide = "fanOut";
          return fanOut();
        },
        () -> {
          lastSide = "slowestLocalErasure";
          slowestLocalErasure();
          return kafkaRoundTrip();
        },
        () -> {
          checkAfter(lastSide);
          freshSubject();
        });
  }

  /** (c) One small message produced, consumed, produced back and consumed through the same broker. */
  @Benchmark
  public int kafkaRoundTrip() throws InterruptedException {
    ErasureBenchmark.open(transport)
        .deliver(
            new OutboxMessage(
                "ping:" + subject, ECHO, "lethe.bench-ping", "{\"ping\":" + subject + "}"));
    await(echoes, "the echo");
    return 1;
  }

  private Service slowest() {
    return services.get(services.size() - 1);
  }

  private RightsRequest verifiedErasure(DataSubjectRights rights) {
    RightsRequest request =
        rights.submit(
            RequestType.ERASURE,
            new SubjectIdentifier("customer", "email", ShopData.email(subject)),
            Channel.WEB);
    return request.isAwaitingVerification() ? rights.verify(request.id(), "email-link") : request;
  }

  private void await(Semaphore signal, String what) throws InterruptedException {
    if (!signal.tryAcquire(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      Throwable failure = inboxFailure.get();
      throw new IllegalStateException(
          "No "
              + what
              + " within "
              + TIMEOUT_SECONDS
              + " s"
              + (failure == null ? "" : "; an inbox failed with " + failure.getClass().getName()),
          failure);
    }
  }
}
