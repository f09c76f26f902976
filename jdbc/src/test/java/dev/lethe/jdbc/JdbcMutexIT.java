package dev.lethe.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.jdbc.internal.Jdbc;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two replicas' transactions holding one key take turns; other keys do not wait; no key is written. */
class JdbcMutexIT {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  private DataSource dataSource;

  @BeforeEach
  void database() {
    dataSource = DATABASE.emptied();
  }

  @Test
  @DisplayName(
      "Art. 12(2), 5(2): a second transaction holding the same key waits until the first has committed")
  void sameKeyTakesTurns() throws Exception {
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch firstHolds = new CountDownLatch(1);
    ExecutorService replicas = Executors.newFixedThreadPool(2);
    try {
      Future<?> first =
          replicas.submit(
              () ->
                  inTransaction(
                      () ->
                          JdbcMutex.of(dataSource)
                              .holding(
                                  "intake:ada",
                                  () -> {
                                    order.add("first starts");
                                    firstHolds.countDown();
                                    sleep(400);
                                    order.add("first ends");
                                    return null;
                                  })));
      assertThat(firstHolds.await(10, TimeUnit.SECONDS)).isTrue();
      Future<?> second =
          replicas.submit(
              () ->
                  inTransaction(
                      () ->
                          JdbcMutex.of(dataSource)
                              .holding("intake:ada", () -> order.add("second starts"))));
      first.get(20, TimeUnit.SECONDS);
      second.get(20, TimeUnit.SECONDS);
    } finally {
      replicas.shutdownNow();
    }
    assertThat(order).containsExactly("first starts", "first ends", "second starts");
    assertThat(slots()).as("the slots, unchanged: no key is written").isEqualTo(allSlots());
  }

  @Test
  @DisplayName("Art. 5(2): another key does not wait; a failed work leaves no row behind")
  void otherKeysDoNotWait() throws Exception {
    assertThat(JdbcMutex.slot("intake:ada")).isNotEqualTo(JdbcMutex.slot("intake:bob"));
    CountDownLatch firstHolds = new CountDownLatch(1);
    CountDownLatch otherDone = new CountDownLatch(1);
    ExecutorService replicas = Executors.newFixedThreadPool(2);
    try {
      Future<?> first =
          replicas.submit(
              () ->
                  inTransaction(
                      () ->
                          JdbcMutex.of(dataSource)
                              .holding(
                                  "intake:ada",
                                  () -> {
                                    firstHolds.countDown();
                                    try {
                                      return otherDone.await(10, TimeUnit.SECONDS);
                                    } catch (InterruptedException e) {
                                      throw new IllegalStateException(e);
                                    }
                                  })));
      assertThat(firstHolds.await(10, TimeUnit.SECONDS)).isTrue();
      inTransaction(
          () ->
              JdbcMutex.of(dataSource)
                  .holding(
                      "intake:bob",
                      () -> {
                        otherDone.countDown();
                        return null;
                      }));
      assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo(true);
    } finally {
      replicas.shutdownNow();
    }
    assertThatThrownBy(
            () ->
                inTransaction(
                    () ->
                        JdbcMutex.of(dataSource)
                            .holding(
                                "intake:ada",
                                () -> {
                                  throw new IllegalStateException("the work failed");
                                })))
        .hasMessage("the work failed");
    assertThat(slots()).isEqualTo(allSlots());
    assertThatThrownBy(() -> JdbcMutex.of(dataSource).holding(" ", () -> null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Object inTransaction(Supplier<?> work) {
    return JdbcTransactions.of(dataSource).inTransaction(work::get);
  }

  private List<Integer> slots() {
    return new Jdbc(dataSource)
        .query(
            "read the mutex slots",
            "select slot from lethe_mutex_slot order by slot",
            result -> result.getInt(1));
  }

  private static List<Integer> allSlots() {
    return IntStream.range(0, JdbcMutex.SLOTS).boxed().toList();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
