package example.servicesdemo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Runs the demo: an embedded Kafka broker and the three services of {@link DemoServices} in this JVM,
 * the consultancy app on port 8080. With the {@code rabbitmq} profile
 * ({@code -Dspring-boot.run.profiles=rabbitmq}) they talk through the RabbitMQ broker on
 * 127.0.0.1:5672 instead, and no Kafka starts. Ask for an erasure in the privacy centre, fulfil it on
 * the admin page, and watch both events services acknowledge it (Art. 17(2), 19).
 */
public final class ServicesDemo {

  private static final Logger LOG = LoggerFactory.getLogger(ServicesDemo.class);

  private ServicesDemo() {}

  /** Starts the broker and the services, and runs until the JVM is stopped. */
  public static void main(String[] args) throws InterruptedException {
    boolean rabbitmq =
        Arrays.stream(args)
            .anyMatch(
                arg ->
                    arg.startsWith("--spring.profiles.active=")
                        && Arrays.asList(arg.substring(arg.indexOf('=') + 1).split(","))
                            .contains("rabbitmq"));
    EmbeddedKafkaKraftBroker kafka = null;
    DemoServices services;
    if (rabbitmq) {
      services = DemoServices.start(Map.of(), List.of("rabbitmq"), 8080);
    } else {
      kafka = new EmbeddedKafkaKraftBroker(1, 1);
      kafka.afterPropertiesSet();
      services =
          DemoServices.start(
              Map.of("lethe.services.kafka.bootstrap-servers", kafka.getBrokersAsString()),
              List.of(),
              8080);
    }
    LOG.info(
        "The consultancy app passes its erasures on to ticketing and video-meetings over {}",
        rabbitmq ? "RabbitMQ" : "an embedded Kafka broker");
    CountDownLatch stopped = new CountDownLatch(1);
    EmbeddedKafkaKraftBroker broker = kafka;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  services.close();
                  if (broker != null) {
                    broker.destroy();
                  }
                  stopped.countDown();
                }));
    stopped.await();
  }
}
