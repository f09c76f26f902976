package dev.lethe.jpa.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.HashMultiset;
import com.google.common.collect.Multiset;
import com.google.common.collect.Multisets;
import com.zaxxer.hikari.HikariDataSource;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditVerification;
import dev.lethe.jdbc.JdbcOutbox;
import dev.lethe.jdbc.LetheSchema;
import dev.lethe.jdbc.testing.TestDatabase;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.rights.RecipientNotifications;
import dev.lethe.spi.Notification;
import dev.lethe.spi.OutboxCounts;
import dev.lethe.tck.shop.Shop;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.h2.tools.Server;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's proof: three replicas, each its own JVM process, share one database (H2 over TCP, or
 * PostgreSQL or MariaDB with {@code -Dlethe.db=..}) and run a random concurrent mix of submit,
 * verify, extend, erase, access, consent given and withdrawn, restriction placed and lifted, and
 * retention runs. One of them is killed with SIGKILL mid-run and replaced. The Art. 19 receiver is
 * down until after the kill, and one replica reaches it through a flaky network. Afterwards one final
 * dispatch and retention pass runs, and every invariant is checked.
 *
 * <p>{@code -Dlethe.replica.operations=N} sets the operations in all (default 450);
 * {@code -Dlethe.seed=S} replays a run (the seed is printed, and named in every failure).
 */
class ReplicaProcessesIT {

  private static final int REPLICAS = 3;
  private static final Path LOGS = Path.of("target", "replica-processes");
  private static final Set<String> DISPATCHER_EVENTS =
      Set.of(
          AuditEventType.RECIPIENT_NOTIFIED.name(),
          AuditEventType.NOTIFICATION_FAILED.name(),
          AuditEventType.NOTIFICATION_DEAD.name());

  @Test
  @DisplayName(
      "Art. 5(2), 17, 18, 19: three replica processes, one killed with SIGKILL mid-run, leave one consistent truth")
  void replicaProcessesKilledMidRunLeaveOneTruth() throws Exception {
    long seed = Long.getLong("lethe.seed", new SecureRandom().nextLong());
    int operations = Integer.getInteger("lethe.replica.operations", 450);
    System.out.println(
        "ReplicaProcessesIT: seed "
            + seed
            + " (replay with -Dlethe.seed="
            + seed
            + "), "
            + operations
            + " operations");
    try (SharedDatabase database = SharedDatabase.create()) {
      try {
        run(database, new Random(seed), seed, operations);
      } catch (AssertionError e) {
        throw new AssertionError(
            "With -Dlethe.seed=" + seed + " on " + database + ": " + e.getMessage(), e);
      }
    }
  }

  private void run(SharedDatabase database, Random random, long seed, int operations)
      throws Exception {
    long started = System.nanoTime();
    prepare(database);
    Path logs = LOGS.resolve(database.kind().name().toLowerCase(Locale.ROOT) + "-" + seed);
    Files.createDirectories(logs);
    int perReplica = Math.max(30, operations / REPLICAS);
    Map<String, Process> processes = new LinkedHashMap<>();
    for (int r = 0; r < REPLICAS; r++) {
      String name = "r" + r;
      processes.put(
          name, start(database, logs, name, random.nextLong(), perReplica, r == 0 ? 5 : 0));
    }

    // Kill one replica mid-run, once it completed a part of its work and notices wait in the
    // outbox.
    String victim = "r" + random.nextInt(REPLICAS);
    int killAfter = perReplica / 5 + random.nextInt(Math.max(1, perReplica * 3 / 10));
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < waitUntil
        && processes.get(victim).isAlive()
        && (count(database, "select count(*) from proc_log where replica = '" + victim + "'")
                < killAfter
            || count(database, "select count(*) from lethe_outbox where status <> 'DELIVERED'")
                == 0)) {
      Thread.sleep(20);
    }
    assertThat(processes.get(victim).isAlive())
        .as(
            "replica %s is still running when it is to be killed; its log:%n%s",
            victim, tail(logs, victim))
        .isTrue();
    long pendingAtKill =
        count(database, "select count(*) from lethe_outbox where status <> 'DELIVERED'");
    processes.get(victim).destroyForcibly().waitFor();
    long doneByVictim =
        count(database, "select count(*) from proc_log where replica = '" + victim + "'");
    processes.put(
        "r" + REPLICAS,
        start(
            database,
            logs,
            "r" + REPLICAS,
            random.nextLong(),
            (int) Math.max(10, perReplica - doneByVictim),
            0));
    Thread.sleep(1000);
    update(database, "update proc_receiver set down = false where id = 1");

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
    for (Map.Entry<String, Process> replica : processes.entrySet()) {
      Process process = replica.getValue();
      if (!process.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        processes.values().forEach(Process::destroyForcibly);
        throw new AssertionError(
            "Replica "
                + replica.getKey()
                + " did not finish in time; its log:\n"
                + tail(logs, replica.getKey()));
      }
      if (!replica.getKey().equals(victim)) {
        assertThat(process.exitValue())
            .as(
                "replica %s failed unexpectedly; its log:%n%s",
                replica.getKey(), tail(logs, replica.getKey()))
            .isZero();
      }
    }
    long replicasDone = System.nanoTime();

    try (Replica last =
        new Replica("final", database.url(), database.user(), database.password(), 0)) {
      // One final pass, as the next scheduled run of any replica: notices the dead replica had
      // claimed come due again when their lease ends.
      long dispatchDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      OutboxCounts counts;
      while ((counts = JdbcOutbox.of(last.dataSource).counts()).pending() > 0
          && System.nanoTime() < dispatchDeadline) {
        last.dispatcher.dispatch();
        Thread.sleep(200);
      }
      last.runRetention();
      System.out.printf(
          "ReplicaProcessesIT on %s: replicas ran %.1f s, final pass %.1f s, %d notices pending at the"
              + " kill of %s after %d operations%n",
          database.kind(),
          (replicasDone - started) / 1e9,
          (System.nanoTime() - replicasDone) / 1e9,
          pendingAtKill,
          victim,
          doneByVictim);
      for (String name : processes.keySet()) {
        System.out.println("  " + name + ": " + summary(logs, name));
      }
      assertThat(counts)
          .as("Art. 19: no notice is left pending or dead after the final pass")
          .isEqualTo(new OutboxCounts(0, 0));
      new Invariants(database, last).check();
    }
  }

  /** The population, Lethe's tables and the test's own tables, before any replica starts. */
  private static void prepare(SharedDatabase database) throws SQLException {
    try (HikariDataSource pool =
        Replica.pool(database.url(), database.user(), database.password(), false, 2, "setup")) {
      EntityManagerFactory emf = Replica.open(pool, "drop-and-create");
      try {
        emf.runInTransaction(em -> Shop.population(Replica.CUSTOMERS, 2).forEach(em::persist));
      } finally {
        emf.close();
      }
    }
    try (HikariDataSource pool =
        Replica.pool(database.url(), database.user(), database.password(), true, 2, "migrate")) {
      LetheSchema.migrate(pool);
      Replica.createTestTables(pool);
    }
  }

  private static Process start(
      SharedDatabase database, Path logs, String name, long seed, int operations, int flakyEvery)
      throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            java.toString(),
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            ReplicaProcess.class.getName(),
            name,
            database.url(),
            database.user(),
            database.password(),
            Long.toString(seed),
            Integer.toString(operations),
            Integer.toString(flakyEvery));
    builder.redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile());
    return builder.start();
  }

  private static String tail(Path logs, String name) {
    try {
      List<String> lines = Files.readAllLines(logs.resolve(name + ".log"), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static String summary(Path logs, String name) {
    try {
      return Files.readAllLines(logs.resolve(name + ".log"), StandardCharsets.UTF_8).stream()
          .filter(line -> line.startsWith("REPLICA " + name + " DONE"))
          .findFirst()
          .orElse("killed");
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static long count(SharedDatabase database, String sql) throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement query = connection.prepareStatement(sql);
        ResultSet rows = query.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void update(SharedDatabase database, String sql) throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.executeUpdate();
    }
  }

  /** The checks of issue 14's proof, on the database as the replicas left it. */
  private static final class Invariants {

    private final SharedDatabase database;
    private final Replica replica;
    private final List<Map<String, @Nullable String>> log;
    private final List<Map<String, @Nullable String>> events;
    private final Map<String, Integer> customerOfRequest = new HashMap<>();

    Invariants(SharedDatabase database, Replica replica) throws SQLException {
      this.database = database;
      this.replica = replica;
      this.log =
          rows("select replica, seq, operation, request_id, customer, outcome from proc_log");
      this.events =
          rows(
              "select sequence_number, event_type, request_id, subject, attributes from lethe_audit_event"
                  + " order by sequence_number");
      for (Map<String, @Nullable String> entry : log) {
        if ("SUBMIT".equals(entry.get("operation"))) {
          customerOfRequest.put(entry.get("request_id"), Integer.parseInt(entry.get("customer")));
        }
      }
    }

    void check() throws SQLException {
      theChainVerifiesAndHoldsOneEventPerCompletedOperation();
      eachRequestsEffectHappenedOnce();
      restrictionsAndConsentFollowTheirEvents();
      everyNoticeReachedTheReceiverOnceInEffect();
      nothingOfAnErasedSubjectRemainsButPseudonyms();
    }

    /** Art. 5(2): one intact chain, and exactly the events of the operations that committed. */
    private void theChainVerifiesAndHoldsOneEventPerCompletedOperation() throws SQLException {
      AuditVerification verification = replica.audit.verify();
      assertThat(verification)
          .as("Art. 5(2): the audit chain verifies from the genesis to its head")
          .isEqualTo(AuditVerification.intact(events.size()));

      Multiset<String> expected = HashMultiset.create();
      long retentionRuns = 0;
      for (Map<String, @Nullable String> entry : log) {
        String request = entry.get("request_id");
        String subject = pseudonymOfCustomer(entry.get("customer"));
        switch (entry.get("operation")) {
          case "SUBMIT" -> expected.add(key(AuditEventType.REQUEST_SUBMITTED, request));
          case "VERIFY" -> expected.add(key(AuditEventType.IDENTITY_VERIFIED, request));
          case "EXTEND" -> expected.add(key(AuditEventType.REQUEST_EXTENDED, request));
          case "ERASE" -> {
            expected.add(key(AuditEventType.REQUEST_FULFILLED, request));
            if ("ERASED".equals(entry.get("outcome"))) {
              expected.add(key(AuditEventType.SUBJECT_ERASED, request));
            }
          }
          case "ACCESS" -> {
            expected.add(key(AuditEventType.REQUEST_FULFILLED, request));
            expected.add(key(AuditEventType.DATA_EXPORTED, request));
          }
          case "CONSENT_GIVE" -> expected.add(key(AuditEventType.CONSENT_GIVEN, subject));
          case "CONSENT_WITHDRAW" -> expected.add(key(AuditEventType.CONSENT_WITHDRAWN, subject));
          case "RESTRICT" -> {
            expected.add(key(AuditEventType.RESTRICTION_PLACED, request));
            expected.add(key(AuditEventType.REQUEST_FULFILLED, request));
          }
          case "LIFT" -> expected.add(key(AuditEventType.RESTRICTION_LIFTED, request));
          case "RETENTION" -> retentionRuns++;
          default -> throw new AssertionError("Unknown operation in the log: " + entry);
        }
      }
      Multiset<String> actual = HashMultiset.create();
      for (Map<String, @Nullable String> event : events) {
        String type = event.get("event_type");
        if (!DISPATCHER_EVENTS.contains(type)) {
          boolean bySubject = type.startsWith("CONSENT_");
          actual.add(type + " " + (bySubject ? event.get("subject") : event.get("request_id")));
        }
      }
      assertThat(Multisets.difference(expected, actual))
          .as("Art. 5(2): completed operations whose audit event is" + " missing")
          .isEmpty();
      assertThat(Multisets.difference(actual, expected))
          .as(
              "Art. 5(2): audit events of no completed operation (an"
                  + " operation audited twice, or one that rolled back)")
          .isEmpty();
      assertThat(countOf("select count(*) from lethe_retention_run"))
          .as("Art. 5(2): one recorded retention run per" + " completed run")
          .isEqualTo(retentionRuns);
    }

    /** Art. 12, 15, 17: every request moved as its events say, each step once; an erasure ran once per subject. */
    private void eachRequestsEffectHappenedOnce() throws SQLException {
      Map<String, Multiset<String>> eventsOfRequest = new HashMap<>();
      for (Map<String, @Nullable String> event : events) {
        if (event.get("request_id") != null
            && !DISPATCHER_EVENTS.contains(event.get("event_type"))) {
          eventsOfRequest
              .computeIfAbsent(event.get("request_id"), id -> HashMultiset.create())
              .add(event.get("event_type"));
        }
      }
      List<Map<String, @Nullable String>> requests =
          rows("select id, request_type, status, extended_due_date" + " from lethe_rights_request");
      Set<String> requestIds = new HashSet<>();
      for (Map<String, @Nullable String> request : requests) {
        String id = request.get("id");
        requestIds.add(id);
        Multiset<String> its = eventsOfRequest.getOrDefault(id, HashMultiset.create());
        String status = request.get("status");
        String what =
            "request "
                + id
                + " ("
                + request.get("request_type")
                + ", "
                + status
                + ", events "
                + its
                + ")";
        assertThat(its.count("REQUEST_SUBMITTED"))
            .as("no orphan: %s was submitted once, audited", what)
            .isEqualTo(1);
        assertThat(its.count("IDENTITY_VERIFIED"))
            .as("Art. 12(6): %s was verified as its state says, once", what)
            .isEqualTo(status.equals("SUBMITTED") ? 0 : 1);
        assertThat(its.count("REQUEST_FULFILLED"))
            .as("Art. 12(3): %s was fulfilled as its state says, once", what)
            .isEqualTo(status.equals("FULFILLED") ? 1 : 0);
        assertThat(its.count("REQUEST_EXTENDED"))
            .as("Art. 12(3): %s was extended as its state says, once", what)
            .isEqualTo(request.get("extended_due_date") == null ? 0 : 1);
        assertThat(its.count("SUBJECT_ERASED"))
            .as("Art. 17: %s erased at most once", what)
            .isLessThanOrEqualTo(1);
        assertThat(status)
            .as("no half-done request: %s", what)
            .isIn("SUBMITTED", "VERIFIED", "FULFILLED");
      }
      assertThat(eventsOfRequest.keySet())
          .as("no audit event names a request that does not exist")
          .isSubsetOf(requestIds);

      // The erasure of each customer ran once, and the data says so.
      Map<Integer, Integer> erasures = new HashMap<>();
      for (Map<String, @Nullable String> event : events) {
        if (AuditEventType.SUBJECT_ERASED.name().equals(event.get("event_type"))) {
          erasures.merge(customerOfRequest.get(event.get("request_id")), 1, Integer::sum);
        }
      }
      for (int n = 1; n <= Replica.CUSTOMERS; n++) {
        int erased = erasures.getOrDefault(n, 0);
        assertThat(erased)
            .as("Art. 17: customer %d was erased at most once", n)
            .isLessThanOrEqualTo(1);
        List<Map<String, @Nullable String>> customer =
            rows("select email, name from Customer where id = " + n);
        assertThat(customer).hasSize(1);
        boolean dataErased =
            !("customer" + n + "@example.com").equals(customer.get(0).get("email"));
        assertThat(dataErased)
            .as(
                "Art. 17: customer %d's row is erased exactly when an erasure of them is audited",
                n)
            .isEqualTo(erased == 1);
        if (dataErased) {
          assertThat(customer.get(0).get("name"))
              .as("Art. 17: customer %d's name is erased", n)
              .isNotEqualTo("Name " + n);
          assertThat(
                  countOf(
                      "select count(*) from OrderNote o join PurchaseOrder p on o.order_id = p.id"
                          + " where p.customer_id = "
                          + n))
              .as("Art. 17: customer %d's order notes are deleted", n)
              .isZero();
        }
      }
    }

    /** Art. 18, 7: the standing restrictions and consent histories are what the audited operations left. */
    private void restrictionsAndConsentFollowTheirEvents() throws SQLException {
      Map<String, Integer> standing = new HashMap<>();
      for (Map<String, @Nullable String> event : events) {
        String type = event.get("event_type");
        int change =
            AuditEventType.RESTRICTION_PLACED.name().equals(type)
                ? 1
                : AuditEventType.RESTRICTION_LIFTED.name().equals(type) ? -1 : 0;
        if (change != 0) {
          int now = standing.merge(event.get("subject"), change, Integer::sum);
          assertThat(now)
              .as(
                  "Art. 18: restrictions of one subject alternate placed, lifted (event %s)",
                  event.get("sequence_number"))
              .isBetween(0, 1);
        }
      }
      Set<String> restricted = new HashSet<>(column("select subject from lethe_restriction"));
      standing.forEach(
          (subject, now) ->
              assertThat(restricted.contains(subject))
                  .as(
                      "Art. 18: subject %s's restriction stands exactly when placed and not lifted",
                      subject)
                  .isEqualTo(now == 1));
      assertThat(standing.entrySet().stream().filter(e -> e.getValue() == 1).map(Map.Entry::getKey))
          .as("Art. 18: every standing restriction was audited")
          .containsExactlyInAnyOrderElementsOf(restricted);

      Map<String, Integer> consentEvents = new HashMap<>();
      Map<String, String> last = new HashMap<>();
      for (Map<String, @Nullable String> event : events) {
        String type = event.get("event_type");
        if (type.startsWith("CONSENT_")) {
          String subject = event.get("subject");
          if (type.equals(AuditEventType.CONSENT_WITHDRAWN.name())) {
            assertThat(last.get(subject))
                .as(
                    "Art. 7(3): consent is withdrawn only where given (event %s)",
                    event.get("sequence_number"))
                .isEqualTo(AuditEventType.CONSENT_GIVEN.name());
          }
          last.put(subject, type);
          consentEvents.merge(subject, 1, Integer::sum);
        }
      }
      Map<String, Integer> consentRecords = new HashMap<>();
      for (String subject : column("select subject from lethe_consent_record")) {
        consentRecords.merge(subject, 1, Integer::sum);
      }
      assertThat(consentRecords)
          .as("Art. 7(1): one consent record per audited consent event")
          .isEqualTo(consentEvents);
    }

    /** Art. 19: every notice of a committed operation reached the receiver, once in effect. */
    private void everyNoticeReachedTheReceiverOnceInEffect() throws SQLException {
      Set<String> expected = new HashSet<>();
      for (Map<String, @Nullable String> entry : log) {
        String operation = entry.get("operation");
        RequestId request =
            entry.get("request_id") == null ? null : RequestId.parse(entry.get("request_id"));
        Notification notification =
            switch (operation) {
              case "ERASE" ->
                  "ERASED".equals(entry.get("outcome"))
                      ? new Notification(request, RequestType.ERASURE, Replica.customer(1))
                      : null;
              case "RESTRICT" ->
                  new Notification(request, RequestType.RESTRICTION, Replica.customer(1));
              case "LIFT" -> Notification.restrictionLifted(request, Replica.customer(1));
              default -> null;
            };
        if (notification != null) {
          // The key names the request, the change and the recipient, never the subject.
          Replica.recipients()
              .forEach(
                  recipient ->
                      expected.add(RecipientNotifications.idempotencyKey(notification, recipient)));
        }
      }
      assertThat(new HashSet<>(column("select idempotency_key from lethe_outbox")))
          .as(
              "Art. 19: the outbox holds a notice for every recipient of every committed change, and no other")
          .isEqualTo(expected);
      assertThat(
              column(
                  "select id from lethe_outbox where status <> 'DELIVERED' or payload is not null"))
          .as("Art. 19, 5(1)(e): every notice is delivered and keeps no identity")
          .isEmpty();
      List<String> effects = column("select effect_key from proc_effect");
      assertThat(new HashSet<>(effects))
          .as("Art. 19: every notice reached the idempotent receiver in effect")
          .isEqualTo(expected);
      assertThat(effects).as("Art. 19: once in effect").doesNotHaveDuplicates();
      assertThat(new HashSet<>(column("select effect_key from proc_delivery")))
          .as("deliveries are of known notices")
          .isEqualTo(expected);
      List<String> notified = new ArrayList<>();
      for (Map<String, @Nullable String> event : events) {
        if (AuditEventType.RECIPIENT_NOTIFIED.name().equals(event.get("event_type"))) {
          notified.add(
              expected.stream()
                  .filter(key -> event.get("attributes").contains(key))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new AssertionError("RECIPIENT_NOTIFIED of an unknown notice: " + event)));
        }
      }
      // The audit of a delivery commits with its mark: a claim lost after a lease, or a kill before
      // the commit, leaves no record, and the delivery that is marked is audited once.
      assertThat(notified)
          .as("Art. 5(2), 19: every delivery is audited exactly once")
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(expected);
      System.out.printf(
          "  notices: %d, deliveries %d, failed attempts audited %d%n",
          expected.size(),
          countOf("select count(*) from proc_delivery"),
          events.stream()
              .filter(
                  event ->
                      AuditEventType.NOTIFICATION_FAILED.name().equals(event.get("event_type")))
              .count());
    }

    /**
     * Art. 17, 5(1)(c): an erased customer's e-mail, name and phone are nowhere in Lethe's tables.
     * Only a request submitted after the erasure, in the audit's order, may name them again: the
     * person asked anew.
     */
    private void nothingOfAnErasedSubjectRemainsButPseudonyms() throws SQLException {
      Map<Integer, Long> erasedAt = new HashMap<>();
      Map<String, Long> submittedAt = new HashMap<>();
      for (Map<String, @Nullable String> event : events) {
        long sequence = Long.parseLong(event.get("sequence_number"));
        if (AuditEventType.SUBJECT_ERASED.name().equals(event.get("event_type"))) {
          erasedAt.put(customerOfRequest.get(event.get("request_id")), sequence);
        } else if (AuditEventType.REQUEST_SUBMITTED.name().equals(event.get("event_type"))) {
          submittedAt.put(event.get("request_id"), sequence);
        }
      }
      Map<String, List<Map<String, @Nullable String>>> tables = new LinkedHashMap<>();
      for (String table : letheTables()) {
        String quote = database.kind() == TestDatabase.Kind.MARIADB ? "`" : "\"";
        tables.put(table, rows("select * from " + quote + table + quote));
      }
      for (Map.Entry<Integer, Long> erased : erasedAt.entrySet()) {
        int n = erased.getKey();
        List<Pattern> values =
            List.of(
                Pattern.compile(
                    Pattern.quote("customer" + n + "@example.com"), Pattern.CASE_INSENSITIVE),
                Pattern.compile(Pattern.quote("Name " + n) + "(?!\\d)"),
                Pattern.compile(Pattern.quote("+44 7700 900" + String.format("%03d", n))));
        tables.forEach(
            (table, rows) -> {
              for (Map<String, @Nullable String> row : rows) {
                if (table.equalsIgnoreCase("lethe_rights_request")
                    && submittedAt.getOrDefault(row.get("id"), Long.MAX_VALUE)
                        > erased.getValue()) {
                  continue;
                }
                for (Map.Entry<String, @Nullable String> column : row.entrySet()) {
                  String value = column.getValue();
                  if (value != null) {
                    assertThat(values.stream().noneMatch(pattern -> pattern.matcher(value).find()))
                        .as(
                            "Art. 17: %s.%s still names erased customer %d: %s",
                            table, column.getKey(), n, row)
                        .isTrue();
                  }
                }
              }
            });
      }
      System.out.printf(
          "  %d customers erased, %d requests, %d audit events%n",
          erasedAt.size(), submittedAt.size(), events.size());
    }

    private List<String> letheTables() throws SQLException {
      List<String> tables = new ArrayList<>();
      try (Connection connection = database.connect()) {
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet rows =
            metaData.getTables(
                connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
          while (rows.next()) {
            String name = rows.getString("TABLE_NAME");
            if (name.toLowerCase(Locale.ROOT).startsWith("lethe_")) {
              tables.add(name);
            }
          }
        }
      }
      assertThat(tables).as("Lethe's tables are found").hasSizeGreaterThanOrEqualTo(8);
      return tables;
    }

    private String pseudonymOfCustomer(@Nullable String customer) {
      return customer == null || customer.equals("0")
          ? "none"
          : replica.audit.pseudonymOf(Replica.customer(Integer.parseInt(customer))).hex();
    }

    private static String key(AuditEventType type, @Nullable String requestOrSubject) {
      return type.name() + " " + requestOrSubject;
    }

    private long countOf(String sql) throws SQLException {
      return count(database, sql);
    }

    private List<String> column(String sql) throws SQLException {
      return rows(sql).stream().map(row -> row.values().iterator().next()).toList();
    }

    private List<Map<String, @Nullable String>> rows(String sql) throws SQLException {
      try (Connection connection = database.connect();
          PreparedStatement query = connection.prepareStatement(sql);
          ResultSet rows = query.executeQuery()) {
        int columns = rows.getMetaData().getColumnCount();
        List<Map<String, @Nullable String>> result = new ArrayList<>();
        while (rows.next()) {
          Map<String, @Nullable String> row = new LinkedHashMap<>();
          for (int c = 1; c <= columns; c++) {
            Object value = rows.getObject(c);
            row.put(
                rows.getMetaData().getColumnLabel(c).toLowerCase(Locale.ROOT),
                value == null ? null : value.toString());
          }
          result.add(row);
        }
        return result;
      }
    }
  }

  /**
   * The database the processes share: an H2 TCP server this test starts (an in-memory database the
   * processes reach by URL), or a fresh schema on the PostgreSQL or MariaDB server the run selects.
   */
  private static final class SharedDatabase implements AutoCloseable {

    private final TestDatabase.Kind kind;
    private final String url;
    private final String user;
    private final @Nullable Server h2;
    private final @Nullable TestDatabase server;

    private SharedDatabase(
        TestDatabase.Kind kind,
        String url,
        String user,
        @Nullable Server h2,
        @Nullable TestDatabase server) {
      this.kind = kind;
      this.url = url;
      this.user = user;
      this.h2 = h2;
      this.server = server;
    }

    static SharedDatabase create() throws SQLException {
      if (TestDatabase.selected() == TestDatabase.Kind.H2) {
        Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        String name =
            "lethe_procs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        // A lock waits up to 10 s, as a server database's does by default, not H2's 1 s.
        return new SharedDatabase(
            TestDatabase.Kind.H2,
            "jdbc:h2:tcp://localhost:"
                + h2.getPort()
                + "/mem:"
                + name
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            "sa",
            h2,
            null);
      }
      TestDatabase server = TestDatabase.create();
      return new SharedDatabase(server.kind(), server.jdbcUrl(), server.user(), null, server);
    }

    TestDatabase.Kind kind() {
      return kind;
    }

    String url() {
      return url;
    }

    String user() {
      return user;
    }

    String password() {
      return "";
    }

    Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, password());
    }

    @Override
    public void close() throws SQLException {
      if (h2 != null) {
        h2.stop();
      }
      if (server != null) {
        server.close();
      }
    }

    @Override
    public String toString() {
      return kind + " " + url;
    }
  }
}
