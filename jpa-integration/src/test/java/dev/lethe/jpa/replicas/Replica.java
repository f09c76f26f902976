package dev.lethe.jpa.replicas;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lethe.access.SubjectReport;
import dev.lethe.access.SubjectReportWriter;
import dev.lethe.audit.AuditTrail;
import dev.lethe.consent.ConsentEvidence;
import dev.lethe.consent.ConsentLedger;
import dev.lethe.consent.ConsentMethod;
import dev.lethe.consent.ConsentState;
import dev.lethe.erasure.ErasureReceipt;
import dev.lethe.erasure.SuppressionList;
import dev.lethe.jdbc.JdbcAuditSink;
import dev.lethe.jdbc.JdbcConsentStore;
import dev.lethe.jdbc.JdbcLegalHoldStore;
import dev.lethe.jdbc.JdbcOutbox;
import dev.lethe.jdbc.JdbcRequestStore;
import dev.lethe.jdbc.JdbcRestrictionStore;
import dev.lethe.jdbc.JdbcRetentionRunLog;
import dev.lethe.jdbc.JdbcSuppressionStore;
import dev.lethe.jdbc.JdbcTransactions;
import dev.lethe.jpa.JpaPersonalDataStore;
import dev.lethe.law.ErasureGround;
import dev.lethe.law.RestrictionGround;
import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.restriction.Restriction;
import dev.lethe.restriction.Restrictions;
import dev.lethe.retention.RetentionEnforcer;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.IdentityVerifier;
import dev.lethe.rights.RecipientNotifications;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.tck.shop.Shop;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.validation.Validation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jspecify.annotations.Nullable;

/**
 * One replica of an application over the shared database, wired as a plain-Java user wires Lethe:
 * the JDBC stores, {@link JdbcTransactions}, a {@link JdbcAuditSink} trail, the JDBC outbox and
 * its {@link OutboxDispatcher}, and the {@link JpaPersonalDataStore} over the shop domain joined to
 * the operation's transaction. {@link #runOperation} runs one operation of the random mix and, in
 * the same transaction, logs it as completed in {@code proc_log}: a row there exists exactly when
 * the operation committed, whatever kills the process.
 */
final class Replica implements AutoCloseable {

  /** The pseudonymisation key every replica shares; the audit chain key derives from it. */
  static final byte[] KEY = "the replicas' shared test key!!!".getBytes(StandardCharsets.UTF_8);

  /** How many customers the population holds; the mix picks its subjects among them. */
  static final int CUSTOMERS = 24;

  static final String CONSENT_PURPOSE = "newsletter";

  /** The operations of the mix, by weight. */
  enum Operation {
    SUBMIT(24),
    VERIFY(18),
    EXTEND(6),
    ERASE(9),
    ACCESS(8),
    CONSENT_GIVE(9),
    CONSENT_WITHDRAW(8),
    RESTRICT(8),
    LIFT(8),
    RETENTION(2);

    final int weight;

    Operation(int weight) {
      this.weight = weight;
    }

    static Operation pick(Random random) {
      int total = 0;
      for (Operation operation : values()) {
        total += operation.weight;
      }
      int n = random.nextInt(total);
      for (Operation operation : values()) {
        n -= operation.weight;
        if (n < 0) {
          return operation;
        }
      }
      throw new AssertionError();
    }
  }

  final String name;
  final HikariDataSource dataSource;
  private final HikariDataSource entityPool;
  private final HikariDataSource receiverPool;
  final EntityManagerFactory emf;
  final JdbcTransactions transactions;
  final AuditTrail audit;
  final DataSubjectRights rights;
  final ConsentLedger consent;
  final Restrictions restrictions;
  final RecipientNotifications notifications;
  final RetentionEnforcer retention;
  final OutboxDispatcher dispatcher;
  private final AtomicInteger sequence = new AtomicInteger();
  private final Map<String, Integer> customerByPseudonym = new HashMap<>();

  Replica(String name, String url, String user, String password, int flakyEvery) {
    this.name = name;
    Clock clock = Clock.systemUTC();
    this.dataSource = pool(url, user, password, true, 4, name + "-lethe");
    this.entityPool = pool(url, user, password, false, 2, name + "-jpa");
    this.receiverPool = pool(url, user, password, true, 2, name + "-receiver");
    this.emf = open(entityPool, "none");
    Pseudonymizer pseudonymizer = Pseudonymizer.withKey(KEY);
    this.transactions = JdbcTransactions.of(dataSource);
    this.audit =
        AuditTrail.builder(JdbcAuditSink.of(dataSource), pseudonymizer)
            .clock(clock)
            .transactions(transactions)
            .build();
    JpaPersonalDataStore store =
        JpaPersonalDataStore.builder(emf, pseudonymizer)
            .currentConnection(transactions::currentConnection)
            .build();
    this.notifications =
        RecipientNotifications.builder(
                new IdempotentReceiver(receiverPool, name, flakyEvery), audit)
            .outbox(JdbcOutbox.of(dataSource))
            .clock(clock)
            .build();
    this.rights =
        DataSubjectRights.builder(audit)
            .clock(clock)
            .requestStore(JdbcRequestStore.of(dataSource, clock))
            .identityVerifier(IdentityVerifier.always())
            .personalData(store.model(), store)
            .legalHolds(JdbcLegalHoldStore.of(dataSource))
            .suppressAfterErasure(
                SuppressionList.of(JdbcSuppressionStore.of(dataSource), pseudonymizer, clock))
            .recipientNotifications(notifications)
            .build();
    this.consent =
        ConsentLedger.builder(store.model(), audit)
            .store(JdbcConsentStore.of(dataSource))
            .clock(clock)
            .build();
    this.restrictions =
        Restrictions.builder(store.model(), audit, notifications, (subject, restriction) -> {})
            .store(JdbcRestrictionStore.of(dataSource))
            .clock(clock)
            .build();
    this.retention =
        RetentionEnforcer.builder(store.model(), store)
            .clock(clock)
            .legalHolds(JdbcLegalHoldStore.of(dataSource))
            .runLog(JdbcRetentionRunLog.of(dataSource))
            .build();
    // A short lease: what a killed replica had claimed is due again soon.
    this.dispatcher =
        OutboxDispatcher.builder(notifications.outbox(), notifications.transport())
            .clock(clock)
            .batchSize(10)
            .backOff(Duration.ofMillis(50), Duration.ofMillis(500))
            .maxAge(Duration.ofHours(1))
            .lease(Duration.ofSeconds(2))
            .build();
    for (int n = 1; n <= CUSTOMERS; n++) {
      customerByPseudonym.put(audit.pseudonymOf(customer(n)).hex(), n);
    }
  }

  /** The subject of customer {@code n} of the population, named by e-mail as every request names it. */
  static SubjectIdentifier customer(int n) {
    return new SubjectIdentifier("customer", "email", "customer" + n + "@example.com");
  }

  /** Every recipient an Art. 19 notice about a customer goes to. */
  static List<String> recipients() {
    return Shop.model().purposesFor("customer").stream()
        .flatMap(purpose -> purpose.recipients().stream())
        .distinct()
        .toList();
  }

  static HikariDataSource pool(
      String url, String user, String password, boolean autoCommit, int size, String name) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setAutoCommit(autoCommit);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setPoolName(name);
    return new HikariDataSource(config);
  }

  /** The shop's factory on {@code pool}; {@code action} "drop-and-create" builds the tables, "none" uses them. */
  static EntityManagerFactory open(DataSource pool, String action) {
    HibernatePersistenceConfiguration configuration =
        new HibernatePersistenceConfiguration("lethe-replica");
    Shop.ENTITIES.forEach(configuration::managedClass);
    configuration.property("hibernate.connection.datasource", pool);
    configuration.property(PersistenceConfiguration.SCHEMAGEN_DATABASE_ACTION, action);
    configuration.property(
        "jakarta.persistence.validation.factory",
        Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory());
    configuration.property("hibernate.auto_quote_keyword", true);
    return configuration.createEntityManagerFactory();
  }

  /**
   * Runs one operation of the mix, chosen by {@code random}; returns what it did: the operation's
   * name when it completed (and is logged), or why it did not.
   */
  String runOperation(Random random) {
    Operation operation = Operation.pick(random);
    int n = 1 + random.nextInt(CUSTOMERS);
    return switch (operation) {
      case SUBMIT -> {
        RequestType type =
            List.of(RequestType.ACCESS, RequestType.ERASURE, RequestType.RESTRICTION)
                .get(random.nextInt(3));
        yield logged(
            operation,
            () -> new Logged(rights.submit(type, customer(n), Channel.WEB).id(), n, type.name()));
      }
      case VERIFY ->
          onRequest(
              operation,
              random,
              "status = 'SUBMITTED'",
              id -> rights.verify(id, "email-link").id());
      case EXTEND ->
          onRequest(
              operation,
              random,
              "is_open = ? and extended_due_date is null",
              id -> rights.extend(id, Period.ofMonths(1), "complex request").id());
      case ERASE ->
          onRequest(
              operation,
              random,
              "status = 'VERIFIED' and request_type = 'ERASURE'",
              id -> {
                ErasureReceipt receipt = rights.erase(id, ErasureGround.CONSENT_WITHDRAWN);
                return new Logged(id, 0, receipt.noDataHeld() ? "NO_DATA_HELD" : "ERASED");
              });
      case ACCESS ->
          onRequest(
              operation,
              random,
              "status = 'VERIFIED' and request_type = 'ACCESS'",
              id -> {
                SubjectReport report = rights.access(id);
                try {
                  // Written inside the transaction, as a controller streams the report to the
                  // subject.
                  SubjectReportWriter.writeJson(report, OutputStream.nullOutputStream());
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
                return id;
              });
      case CONSENT_GIVE ->
          logged(
              operation,
              () -> {
                consent.give(
                    customer(n),
                    CONSENT_PURPOSE,
                    ConsentEvidence.of("2025-03", ConsentMethod.WEB_FORM_OPT_IN));
                return new Logged(null, n, null);
              });
      case CONSENT_WITHDRAW ->
          consent.state(customer(n), CONSENT_PURPOSE) != ConsentState.GIVEN
              ? "nothing to withdraw"
              : logged(
                  operation,
                  () -> {
                    consent.withdraw(customer(n), CONSENT_PURPOSE, ConsentMethod.EMAIL);
                    return new Logged(null, n, null);
                  });
      case RESTRICT ->
          onRequest(
              operation,
              random,
              "status = 'VERIFIED' and request_type = 'RESTRICTION'",
              id -> {
                RightsRequest request = rights.find(id).orElseThrow();
                restrictions.restrict(request, RestrictionGround.ACCURACY_CONTESTED);
                return rights.fulfil(id).id();
              });
      case LIFT -> {
        List<String> restricted = ids("select subject from lethe_restriction");
        restricted.retainAll(customerByPseudonym.keySet());
        if (restricted.isEmpty()) {
          yield "nothing to lift";
        }
        int customer = customerByPseudonym.get(restricted.get(random.nextInt(restricted.size())));
        yield logged(
            operation,
            () -> {
              Restriction lifted = restrictions.lift(customer(customer));
              return new Logged(lifted.requestId(), customer, null);
            });
      }
      case RETENTION -> runRetention();
    };
  }

  /** Runs retention on the shop's policies (Art. 5(1)(e)) and logs it, in one transaction. */
  String runRetention() {
    return logged(
        Operation.RETENTION,
        () -> {
          retention.run();
          return new Logged(null, 0, null);
        });
  }

  /** What {@code proc_log} records of a completed operation. */
  record Logged(@Nullable RequestId request, int customer, @Nullable String outcome) {}

  private String onRequest(
      Operation operation, Random random, String condition, Function<RequestId, Object> action) {
    List<String> candidates =
        condition.contains("?")
            ? ids("select id from lethe_rights_request where " + condition, true)
            : ids("select id from lethe_rights_request where " + condition);
    if (candidates.isEmpty()) {
      return "no candidate";
    }
    RequestId id = RequestId.parse(candidates.get(random.nextInt(candidates.size())));
    return logged(
        operation,
        () -> {
          Object result = action.apply(id);
          return result instanceof Logged logged ? logged : new Logged(id, 0, null);
        });
  }

  /** Runs {@code work} and logs it in one transaction: the log row commits exactly when the operation does. */
  private String logged(Operation operation, Supplier<Logged> work) {
    return transactions.inTransaction(
        () -> {
          Logged done = work.get();
          Connection connection = transactions.currentConnection().orElseThrow();
          try (PreparedStatement log =
              connection.prepareStatement(
                  "insert into proc_log (replica, seq, operation,"
                      + " request_id, customer, outcome) values (?, ?, ?, ?, ?, ?)")) {
            log.setString(1, name);
            log.setInt(2, sequence.incrementAndGet());
            log.setString(3, operation.name());
            log.setString(4, done.request() == null ? null : done.request().toString());
            log.setInt(5, done.customer());
            log.setString(6, done.outcome());
            log.executeUpdate();
          } catch (SQLException e) {
            throw new IllegalStateException("Could not log the operation", e);
          }
          return operation.name();
        });
  }

  private List<String> ids(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      List<String> ids = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list candidates", e);
    }
  }

  /** The tables this test owns: the operations' log, the receiver's deliveries and effects, its switch. */
  static void createTestTables(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "create table proc_log (replica varchar(20) not null, seq integer not null,"
              + " operation varchar(20) not null, request_id varchar(36), customer integer not null, outcome varchar(20),"
              + " primary key (replica, seq))");
      statement.execute(
          "create table proc_delivery (effect_key varchar(200) not null, replica varchar(20) not null)");
      statement.execute("create table proc_effect (effect_key varchar(200) not null primary key)");
      statement.execute(
          "create table proc_receiver (id integer not null primary key, down boolean not null)");
      statement.execute("insert into proc_receiver (id, down) values (1, true)");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    }
  }

  Optional<Integer> customerOf(String pseudonymHex) {
    return Optional.ofNullable(customerByPseudonym.get(pseudonymHex));
  }

  @Override
  public void close() {
    emf.close();
    entityPool.close();
    receiverPool.close();
    dataSource.close();
  }
}
