package dev.lethe.bench;

import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.OutboxTransport;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The outbox's dispatch of {@value #MESSAGES} messages through a broker's transport (Art. 17(2),
 * 19), in batches of 100: {@link #inFlight}, as the dispatcher delivers, starts every message of a
 * claimed batch before it waits for the first acknowledgement; {@link #oneAtATime}, the same
 * dispatcher through a transport that only {@linkplain OutboxTransport#deliver delivers}, waits for
 * each acknowledgement before it sends the next message, as the dispatcher did before. The outbox is
 * in memory, filled untimed before each invocation, so that the delivery is what is timed. A subclass
 * opens the broker's transport for the trial.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, batchSize = 1)
@Measurement(iterations = 20, batchSize = 1)
// As FanOutBenchmark: logback without a configuration would log the brokers' lines at DEBUG.
@Fork(value = 1, jvmArgsAppend = "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider")
@State(Scope.Benchmark)
public abstract class BrokerDispatch {

  static final int MESSAGES = 200;

  /** The destination every message goes to. */
  static final String DESTINATION = "bench-sink";

  private Outbox outbox = Outbox.inMemory();
  private long written;

  /** The broker's transport, open for the trial. */
  abstract OutboxTransport transport();

  /** A fresh outbox holding {@value #MESSAGES} due messages, untimed. */
  @Setup(Level.Invocation)
  public void fill() {
    outbox = Outbox.inMemory();
    Instant now = Instant.now();
    for (int i = 0; i < MESSAGES; i++) {
      written++;
      outbox.enqueue(
          new OutboxMessage(
              "notice:" + written, DESTINATION, "lethe.bench-notice", "{\"n\":" + written + "}"),
          now.plusNanos(i));
    }
  }

  /** Every message of a batch in flight at once, as the dispatcher delivers. */
  @Benchmark
  public int inFlight() {
    return dispatchAll(transport());
  }

  /** Each message acknowledged before the next is sent: the transport's own delivery only. */
  @Benchmark
  public int oneAtATime() {
    OutboxTransport broker = transport();
    OutboxTransport deliverOnly = broker::deliver;
    return dispatchAll(deliverOnly);
  }

  private int dispatchAll(OutboxTransport through) {
    int delivered = OutboxDispatcher.builder(outbox, through).build().dispatch().delivered();
    if (delivered != MESSAGES) {
      throw new IllegalStateException(delivered + " of " + MESSAGES + " messages delivered");
    }
    return delivered;
  }
}
