package dev.lethe.bench;

import dev.lethe.kafka.KafkaOutboxTransport;
import dev.lethe.kafka.KafkaTopics;
import dev.lethe.spi.OutboxTransport;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** {@link BrokerDispatch} over Kafka: one embedded KRaft broker, the destination's topic made first. */
public class KafkaDispatchBenchmark extends BrokerDispatch {

  private @Nullable EmbeddedKafkaKraftBroker broker;
  private @Nullable KafkaOutboxTransport transport;

  /** Starts the broker, creates the destination's topic and the transport. */
  @Setup(Level.Trial)
  public void open() {
    EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1);
    started.afterPropertiesSet();
    broker = started;
    KafkaTopics.builder(started.getBrokersAsString()).build().ensure(List.of(DESTINATION));
    transport = KafkaOutboxTransport.builder(started.getBrokersAsString()).build();
  }

  /** Closes the transport and stops the broker. */
  @TearDown(Level.Trial)
  public void close() {
    if (transport != null) {
      transport.close();
    }
    if (broker != null) {
      broker.destroy();
    }
  }

  @Override
  OutboxTransport transport() {
    return ErasureBenchmark.open(transport);
  }
}
