package dev.lethe.spring;

import com.rabbitmq.client.ConnectionFactory;
import dev.lethe.amqp.AmqpInbox;
import dev.lethe.amqp.AmqpOutboxTransport;
import dev.lethe.spi.MessageReceiver;
import dev.lethe.spring.LetheProperties.AmqpProperties;
import dev.lethe.spring.LetheServicesConfiguration.ServicesTransport;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Changes travel to and from other services over RabbitMQ (Art. 17(2), 19) when lethe-amqp is on the
 * class path and {@code lethe.services.amqp.host} is set: the outbox publishes through {@link
 * AmqpOutboxTransport}, and this service's queue feeds its {@link MessageReceiver}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.lethe.amqp.AmqpOutboxTransport")
@ConditionalOnProperty("lethe.services.amqp.host")
class LetheAmqpConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  AmqpOutboxTransport letheAmqpTransport(LetheProperties properties) {
    AmqpProperties amqp = properties.services().amqp();
    return AmqpOutboxTransport.builder(connectionFactory(amqp)).exchange(amqp.exchange()).build();
  }

  @Bean
  ServicesTransport letheServicesTransport(AmqpOutboxTransport transport) {
    return new ServicesTransport(transport);
  }

  @Bean
  StartedWithContext letheAmqpInbox(
      LetheProperties properties,
      @Qualifier(LetheServicesConfiguration.RECEIVER) MessageReceiver receiver) {
    AmqpProperties amqp = properties.services().amqp();
    String name = LetheServicesConfiguration.requireName(properties.services());
    return new StartedWithContext(
        () ->
            AmqpInbox.builder(connectionFactory(amqp), name, receiver)
                .exchange(amqp.exchange())
                .start());
  }

  private static ConnectionFactory connectionFactory(AmqpProperties amqp) {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(amqp.host());
    factory.setPort(amqp.port());
    factory.setUsername(amqp.username());
    factory.setPassword(amqp.password());
    factory.setVirtualHost(amqp.virtualHost());
    return factory;
  }
}
