package dev.lethe.spring;

import dev.lethe.kafka.KafkaInbox;
import dev.lethe.kafka.KafkaOutboxTransport;
import dev.lethe.kafka.KafkaTopics;
import dev.lethe.spi.MessageReceiver;
import dev.lethe.spring.LetheProperties.KafkaProperties;
import dev.lethe.spring.LetheProperties.ServicesProperties;
import dev.lethe.spring.LetheServicesConfiguration.ServicesTransport;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Changes travel to and from other services over Kafka (Art. 17(2), 19) when lethe-kafka is on the
 * class path and {@code lethe.services.kafka.bootstrap-servers} is set: the outbox produces through
 * {@link KafkaOutboxTransport} to each service's compacted topic, and this service's topic feeds its
 * {@link MessageReceiver}. The topics of this service, its participants and its coordinator are
 * created at start-up when missing, unless {@code lethe.services.kafka.create-topics=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.lethe.kafka.KafkaOutboxTransport")
@ConditionalOnProperty("lethe.services.kafka.bootstrap-servers")
class LetheKafkaConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(LetheKafkaConfiguration.class);

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  KafkaOutboxTransport letheKafkaTransport(LetheProperties properties) {
    KafkaProperties kafka = properties.services().kafka();
    KafkaOutboxTransport.Builder transport =
        KafkaOutboxTransport.builder(kafka.bootstrapServers())
            .segmentLifetime(topics(kafka).segmentLifetime());
    kafka.properties().forEach(transport::property);
    return transport.build();
  }

  /**
   * Closes the segments that hold cleared notices once their lifetime has passed, so that compaction
   * removes them even from a topic nothing else is written to (Art. 5(1)(e)): every minute.
   */
  @Bean
  StartedWithContext letheKafkaSegmentRoller(KafkaOutboxTransport transport) {
    return new StartedWithContext(
        () -> {
          ScheduledExecutorService roller =
              Executors.newSingleThreadScheduledExecutor(
                  task -> {
                    Thread thread = new Thread(task, "lethe-kafka-roll");
                    thread.setDaemon(true);
                    return thread;
                  });
          roller.scheduleWithFixedDelay(
              () -> {
                try {
                  transport.rollSegments();
                } catch (RuntimeException e) {
                  // The partitions stay due: the next pass rolls them.
                  LOG.warn(
                      "Rolling Kafka segments failed ({}); the next pass retries",
                      e.getClass().getSimpleName());
                }
              },
              1,
              1,
              TimeUnit.MINUTES);
          return roller::shutdownNow;
        });
  }

  @Bean
  ServicesTransport letheServicesTransport(KafkaOutboxTransport transport) {
    return new ServicesTransport(transport);
  }

  @Bean
  StartedWithContext letheKafkaInbox(
      LetheProperties properties,
      @Qualifier(LetheServicesConfiguration.RECEIVER) MessageReceiver receiver) {
    ServicesProperties services = properties.services();
    String bootstrapServers = services.kafka().bootstrapServers();
    String name = LetheServicesConfiguration.requireName(services);
    return new StartedWithContext(
        () -> {
          if (services.kafka().createTopics()) {
            Set<String> names = new LinkedHashSet<>(services.participants());
            names.add(name);
            if (services.coordinator() != null) {
              names.add(services.coordinator());
            }
            topics(services.kafka()).ensure(names);
          }
          KafkaInbox.Builder inbox = KafkaInbox.builder(bootstrapServers, name, receiver);
          services.kafka().properties().forEach(inbox::property);
          services.kafka().consumer().forEach(inbox::property);
          return inbox.start();
        });
  }

  private static KafkaTopics topics(KafkaProperties kafka) {
    KafkaTopics.Builder topics = KafkaTopics.builder(kafka.bootstrapServers());
    kafka.properties().forEach(topics::property);
    return topics.build();
  }
}
