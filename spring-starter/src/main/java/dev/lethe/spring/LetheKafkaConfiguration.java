package dev.lethe.spring;

import dev.lethe.kafka.KafkaInbox;
import dev.lethe.kafka.KafkaOutboxTransport;
import dev.lethe.kafka.KafkaTopics;
import dev.lethe.spi.MessageReceiver;
import dev.lethe.spring.LetheProperties.ServicesProperties;
import dev.lethe.spring.LetheServicesConfiguration.ServicesTransport;
import java.util.LinkedHashSet;
import java.util.Set;
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

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  KafkaOutboxTransport letheKafkaTransport(LetheProperties properties) {
    return KafkaOutboxTransport.builder(properties.services().kafka().bootstrapServers()).build();
  }

  @Bean
  ServicesTransport letheServicesTransport(KafkaOutboxTransport transport) {
    return new ServicesTransport(transport);
  }

  @Bean
  BrokerInbox letheKafkaInbox(LetheProperties properties,
      @Qualifier(LetheServicesConfiguration.RECEIVER) MessageReceiver receiver) {
    ServicesProperties services = properties.services();
    String bootstrapServers = services.kafka().bootstrapServers();
    String name = LetheServicesConfiguration.requireName(services);
    return new BrokerInbox(() -> {
      if (services.kafka().createTopics()) {
        Set<String> names = new LinkedHashSet<>(services.participants());
        names.add(name);
        if (services.coordinator() != null) {
          names.add(services.coordinator());
        }
        KafkaTopics.builder(bootstrapServers).build().ensure(names);
      }
      return KafkaInbox.builder(bootstrapServers, name, receiver).start();
    });
  }
}
