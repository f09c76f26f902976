package dev.lethe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark once, briefly, on H2 and at the smallest sizes, so that none can rot:
 * each must complete (its own checks throw if an erasure left personal data or touched another
 * subject's), and erasure's statement counts must stay set-based. Not a measurement.
 */
class BenchmarkSmokeIT {

  static {
    // JMH's lock keeps two measuring runs apart; these smoke runs measure nothing, and a build
    // beside another one (a second worktree, CI on a shared machine) must not fail on it.
    System.setProperty("jmh.ignoreLock", "true");
  }

  @Test
  void erasureRunsAllThreeWaysAndLetheStatementsDoNotGrowWithRows() throws RunnerException {
    run(ErasureBenchmark.class, "rows", "10", "1000");

    Map<String, Long> extras = Extras.recorded();
    long letheSmall = extras.get(Extras.key("erasure.lethe", "h2/10", "statements"));
    long letheLarge = extras.get(Extras.key("erasure.lethe", "h2/1000", "statements"));
    assertThat(letheLarge)
        .as("Art. 17 erasure is set-based: statements grow with entity types, not rows")
        .isEqualTo(letheSmall);
    assertThat(extras.get(Extras.key("erasure.handWrittenJpql", "h2/1000", "statements")))
        .isEqualTo(10);
    assertThat(extras.get(Extras.key("erasure.loadThenRemove", "h2/1000", "statements")))
        .as("loading and removing costs a statement per row")
        .isGreaterThan(999);
    assertThat(extras.get(Extras.key("erasure.inTurn", "h2/1000", "pair.lethe"))).isPositive();
    assertThat(extras.get(Extras.key("erasure.inTurn", "h2/1000", "pair.baseline"))).isPositive();
  }

  @Test
  void exportWritesAsMuchAsTheRawBaseline() throws RunnerException {
    run(ExportBenchmark.class, "rows", "1000");

    Map<String, Long> extras = Extras.recorded();
    assertThat(extras.get(Extras.key("export.lethe", "h2/1000", "jsonBytes"))).isPositive();
    assertThat(extras.get(Extras.key("export.rawJdbcJackson", "h2/1000", "jsonBytes")))
        .isPositive();
    assertThat(extras.get(Extras.key("export.inTurn", "h2/1000", "pair.lethe"))).isPositive();
    assertThat(extras.get(Extras.key("export.inTurn", "h2/1000", "pair.baseline"))).isPositive();
  }

  @Test
  void retentionSweepsEveryExpiredRowBothWays() throws RunnerException {
    run(RetentionSweepBenchmark.class, "rows", "3000");

    Map<String, Long> extras = Extras.recorded();
    assertThat(extras.get(Extras.key("retention.lethe", "h2/3000", "statements")))
        .as("Art. 5(1)(e) retention in batches: statements grow with batches, not rows")
        .isLessThan(20);
    assertThat(extras.get(Extras.key("retention.inTurn", "h2/3000", "pair.lethe"))).isPositive();
    assertThat(extras.get(Extras.key("retention.inTurn", "h2/3000", "pair.baseline"))).isPositive();
  }

  @Test
  void listenerOverheadRunsWithAndWithoutLethe() throws RunnerException {
    run(ListenerOverheadBenchmark.class, "listeners", "none", "lethe", "lethe-restricting");

    Map<String, Long> extras = Extras.recorded();
    long withoutLethe = extras.get(Extras.key("listeners.update", "h2/none", "statements"));
    assertThat(extras.get(Extras.key("listeners.update", "h2/lethe", "statements")))
        .as("Art. 18(2) checks cost no query while no restriction stands")
        .isEqualTo(withoutLethe);
    assertThat(extras.get(Extras.key("listeners.update", "h2/lethe-restricting", "statements")))
        .as(
            "Art. 18(2) while another subject is restricted, checks answer from the store's snapshot and the row's"
                + " loaded state: no statement of their own")
        .isEqualTo(withoutLethe);
  }

  @Test
  void listenersRunInTurnWithAndWithoutLethe() throws RunnerException {
    run(RestrictedWritesBenchmark.class, "operation", "update", "delete", "insert", "load");

    Map<String, Long> extras = Extras.recorded();
    assertThat(extras.get(Extras.key("restricted.lethe", "h2/update", "statements")))
        .as("Art. 18(2) while another subject is restricted, an update is checked without a query")
        .isEqualTo(extras.get(Extras.key("restricted.baseline", "h2/update", "statements")));
    assertThat(extras.get(Extras.key("restricted.lethe", "h2/delete", "statements")))
        .as("a delete's subject's identities are read at most once per subject and snapshot")
        .isLessThanOrEqualTo(
            extras.get(Extras.key("restricted.baseline", "h2/delete", "statements")) + 1);
    assertThat(extras.get(Extras.key("restricted.inTurn", "h2/update", "pair.lethe"))).isPositive();
    assertThat(extras.get(Extras.key("restricted.inTurn", "h2/delete", "pair.baseline")))
        .isPositive();
    for (String operation : List.of("insert", "update", "load")) {
      assertThat(extras.get(Extras.key("listeners.lethe", "h2/" + operation, "statements")))
          .as("Art. 18(2) checks cost a %s no query while no restriction stands", operation)
          .isEqualTo(extras.get(Extras.key("listeners.baseline", "h2/" + operation, "statements")));
      assertThat(extras.get(Extras.key("listeners.inTurn", "h2/" + operation, "pair.lethe")))
          .isPositive();
    }
  }

  @Test
  void encryptionOverheadRunsInClearAndEncrypted() throws RunnerException {
    run(EncryptionOverheadBenchmark.class, "encryption", "none", "tink");

    Map<String, Long> extras = Extras.recorded();
    assertThat(extras.get(Extras.key("encryption.load", "h2/tink", "statements")))
        .as("Art. 32(1)(a) decryption of cached keys costs no query")
        .isEqualTo(extras.get(Extras.key("encryption.load", "h2/none", "statements")));
    assertThat(extras.get(Extras.key("encryption.insertNewSubjects", "h2/tink", "statements")))
        .as("each new subject's key is made and stored once")
        .isGreaterThan(
            extras.get(Extras.key("encryption.insertNewSubjects", "h2/none", "statements")));
  }

  @Test
  void auditAppendsWithOneTwoAndFourWriters() throws RunnerException {
    run(AuditAppendBenchmark.class, "db", "h2");
  }

  @Test
  void outboxDispatchDrainsEveryNoticeOnceWithOneTwoAndFourDispatchers() throws RunnerException {
    // Each invocation checks that every notice was delivered once and marked delivered; the
    // statements recorded show both sides claim in batches.
    Collection<RunResult> results =
        new Runner(
                options(OutboxDispatchBenchmark.class)
                    .param("dispatchers", "1", "2", "4")
                    .param("notices", "300")
                    .build())
            .run();
    assertThat(results).hasSize(9);

    Map<String, Long> extras = Extras.recorded();
    assertThat(extras.get(Extras.key("outbox.lethe", "h2/1", "statements")))
        .as("Art. 19 dispatch claims in batches: a claim per batch, a mark per notice")
        .isLessThan(3 * 300);
    assertThat(extras.get(Extras.key("outbox.rawJdbc", "h2/1", "statements"))).isPositive();
    assertThat(extras.get(Extras.key("outbox.inTurn", "h2/4", "pair.lethe"))).isPositive();
    assertThat(extras.get(Extras.key("outbox.inTurn", "h2/4", "pair.baseline"))).isPositive();
    assertThat(extras)
        .as("the dispatchers work on threads of their own: the benchmark thread's CPU says nothing")
        .doesNotContainKey(Extras.key("outbox.inTurn", "h2/4", "cpu.lethe"));
  }

  @Test
  void modelBuildScansGeneratedClasses() throws RunnerException {
    run(ModelBuildBenchmark.class, "classes", "50");
  }

  @Test
  void requestLookupFindsTheSubjectsRequestByIdentityAndById() throws RunnerException {
    RequestLookupBenchmark lookup = new RequestLookupBenchmark();
    lookup.rows = 100;
    lookup.store();
    try {
      assertThat(lookup.bySubject()).hasSize(1);
      assertThat(lookup.byId()).isPresent();
    } finally {
      lookup.close();
    }
    run(RequestLookupBenchmark.class, "rows", "100");
  }

  @Test
  void logMaskingMasksALine() throws RunnerException {
    run(LogMaskingBenchmark.class, "remembered", "0", "200");
  }

  @Test
  void fanOutOverKafkaReachesEveryParticipantAndMeasuresBothBaselinesAlsoInTurn()
      throws RunnerException {
    // Each fan-out invocation waits for all three receipts and checks every participant erased the
    // subject.
    Collection<RunResult> results = new Runner(options(FanOutBenchmark.class).build()).run();
    assertThat(results).hasSize(4);
    Map<String, Long> extras = Extras.recorded();
    assertThat(extras.get(Extras.key("fanout.inTurn", "h2/3", "pair.lethe"))).isPositive();
    assertThat(extras.get(Extras.key("fanout.inTurn", "h2/3", "pair.baseline"))).isPositive();
  }

  @Test
  void fanOutToTheSlowestParticipantAloneIsTimedInTurn() throws RunnerException {
    Collection<RunResult> results =
        new Runner(
                options(FanOutBenchmark.class.getName() + "\\.inTurn")
                    .param("participants", "1")
                    .build())
            .run();
    assertThat(results).hasSize(1);
    Map<String, Long> extras = Extras.recorded();
    assertThat(extras.get(Extras.key("fanout.inTurn", "h2/1", "pair.lethe"))).isPositive();
    assertThat(extras.get(Extras.key("fanout.inTurn", "h2/1", "pair.baseline"))).isPositive();
  }

  @Test
  void kafkaDispatchDeliversEveryNoticeInFlightAndOneAtATime() throws RunnerException {
    // Each invocation checks that every notice of its outbox was delivered.
    assertThat(new Runner(options(KafkaDispatchBenchmark.class).build()).run()).hasSize(2);
  }

  @Test
  void amqpDispatchDeliversEveryNoticeInFlightAndOneAtATime() throws RunnerException {
    assertThat(new Runner(options(AmqpDispatchBenchmark.class).build()).run()).hasSize(2);
  }

  private static void run(Class<?> benchmark, String param, String... values)
      throws RunnerException {
    Collection<RunResult> results =
        new Runner(options(benchmark).param(param, values).build()).run();
    assertThat(results).isNotEmpty();
  }

  private static ChainedOptionsBuilder options(Class<?> benchmark) {
    return options(benchmark.getName() + "\\.");
  }

  private static ChainedOptionsBuilder options(String include) {
    return new OptionsBuilder()
        .include(include)
        .param("db", "h2")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(200))
        .shouldFailOnError(true);
  }
}
