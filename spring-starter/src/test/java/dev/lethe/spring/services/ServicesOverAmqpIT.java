package dev.lethe.spring.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/** The services' changes over the local RabbitMQ (127.0.0.1:5672), on an exchange of this run's own. */
class ServicesOverAmqpIT extends ServicesTravel {

  private final String exchange = "lethe-it-" + UUID.randomUUID();

  /** Skipped without a local RabbitMQ, as the database tests are without their server, except under CI=true. */
  @BeforeAll
  @SuppressWarnings("try") // opening the connection is the probe
  static void requireRabbitMq() {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      return;
    }
    try (Connection ignored = factory().newConnection()) {
      // Reachable.
    } catch (Exception e) {
      Assumptions.abort(
          "RabbitMQ is not reachable on 127.0.0.1:5672 ("
              + e.getClass().getSimpleName()
              + "); skipped outside CI");
    }
  }

  @Override
  Map<String, Object> brokerProperties() {
    return Map.of(
        "lethe.services.amqp.host", "127.0.0.1", "lethe.services.amqp.exchange", exchange);
  }

  @Override
  void assertNothingPersonalLeftInBroker(List<String> noticeKeys) throws Exception {
    // Acknowledged messages are gone from RabbitMQ: the services' queues are empty.
    try (Connection connection = factory().newConnection();
        Channel channel = connection.createChannel()) {
      for (String service : List.of("crm", "billing", "events")) {
        assertThat(channel.queueDeclarePassive(exchange + "." + service).getMessageCount())
            .as(service)
            .isZero();
      }
    }
  }

  @AfterEach
  void deleteExchangeAndQueues() throws Exception {
    try (Connection connection = factory().newConnection();
        Channel channel = connection.createChannel()) {
      for (String service : List.of("crm", "billing", "events")) {
        channel.queueDelete(exchange + "." + service);
      }
      channel.exchangeDelete(exchange);
    }
  }

  private static ConnectionFactory factory() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    return factory;
  }
}
