package dev.lethe.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;

/**
 * The local RabbitMQ the *IT tests run against (127.0.0.1:5672, guest), with names unique to each
 * test and the queues and exchanges a test made deleted after it.
 */
final class LocalRabbit implements AutoCloseable {

  /** Every unique name given out: each may name a queue, an exchange or a service. */
  private final List<String> names = new ArrayList<>();

  /**
   * Skips the calling tests when no RabbitMQ answers on 127.0.0.1:5672, as the database tests do
   * without their server, except under {@code CI=true}, where they run and fail naming the broker.
   */
  @SuppressWarnings("try") // opening the connection is the probe
  static void requireRunning() {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      return;
    }
    try (Connection ignored = factory().newConnection("lethe-it-probe")) {
      // Reachable.
    } catch (Exception e) {
      Assumptions.abort(
          "RabbitMQ is not reachable on 127.0.0.1:5672 for the integration tests ("
              + e.getClass().getSimpleName()
              + "); skipped outside CI");
    }
  }

  static ConnectionFactory factory() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(System.getProperty("lethe.rabbitmq.host", "127.0.0.1"));
    factory.setPort(Integer.getInteger("lethe.rabbitmq.port", 5672));
    factory.setUsername("guest");
    factory.setPassword("guest");
    // Quick recovery, so that a test of an outage does not wait the default 5 seconds.
    factory.setNetworkRecoveryInterval(200);
    return factory;
  }

  /**
   * A name no other test uses, such as {@code lethe-it-crm-1f0c…}; after the test it is deleted as a
   * queue and an exchange, and so is the queue an inbox names after an exchange and a service
   * ({@code <exchange>.<service>}) when both are such names.
   */
  String unique(String prefix) {
    String name = "lethe-it-" + prefix + "-" + UUID.randomUUID();
    names.add(name);
    return name;
  }

  /** How many messages {@code queue} holds ready for a consumer. */
  static long readyMessages(String queue) {
    try (Connection connection = factory().newConnection("lethe-it-inspect");
        Channel channel = connection.createChannel()) {
      return channel.queueDeclarePassive(queue).getMessageCount();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until {@code condition} holds, up to {@code timeout}, polling. */
  static void awaitUntil(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Condition not met within " + timeout);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public void close() throws IOException, TimeoutException {
    try (Connection connection = factory().newConnection("lethe-it-cleanup")) {
      List<String> queues = new ArrayList<>(names);
      for (String exchange : names) {
        names.forEach(service -> queues.add(exchange + "." + service));
      }
      for (String queue : queues) {
        Channel channel = connection.createChannel();
        channel.queueDelete(queue);
        channel.close();
      }
      for (String exchange : names) {
        Channel channel = connection.createChannel();
        channel.exchangeDelete(exchange);
        channel.close();
      }
    }
  }
}
