package dev.lethe.spring;

import dev.lethe.audit.AuditTrail;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.participants.Participant;
import dev.lethe.restriction.Restrictions;
import dev.lethe.rights.Acknowledgements;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.RecipientNotifications;
import dev.lethe.spi.AcknowledgementStore;
import dev.lethe.spi.MessageReceiver;
import dev.lethe.spi.OutboxTransport;
import dev.lethe.spi.ReceiptStore;
import dev.lethe.spring.LetheProperties.ServicesProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Changes that travel between services (Art. 17(2), 19): the coordinator's {@link Acknowledgements}
 * of its participants, this service's {@link Participant} when {@code lethe.services.coordinator} is
 * set, the {@link MessageReceiver} a broker's inbox hands every incoming message to, and the routes by
 * which the outbox reaches the other services through the broker transport (lethe-kafka or lethe-amqp).
 */
@Configuration(proxyBeanMethods = false)
class LetheServicesConfiguration {

  /** The name of the bean every incoming message goes to. */
  static final String RECEIVER = "letheMessageReceiver";

  @Bean
  @ConditionalOnMissingBean
  Acknowledgements letheAcknowledgements(LetheProperties properties, AuditTrail audit,
      dev.lethe.spi.Outbox outbox, AcknowledgementStore store, Clock clock) {
    return Acknowledgements.builder(properties.services().participants(), audit, outbox).store(store).clock(clock)
        .build();
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty("lethe.services.coordinator")
  Participant letheParticipant(LetheProperties properties, DataSubjectRights rights, AuditTrail audit,
      dev.lethe.spi.Outbox outbox, Restrictions restrictions, ReceiptStore receipts, Clock clock) {
    ServicesProperties services = properties.services();
    return Participant.builder(requireName(services), services.coordinator(), rights, audit, outbox)
        .restrictions(restrictions)
        .receipts(receipts)
        .erasureGround(services.erasureGround())
        .restrictionGround(services.restrictionGround())
        .clock(clock)
        .build();
  }

  /**
   * Every message that comes to this service: notices to carry out, receipts to record. The broker's
   * inbox takes it by its name: the acknowledgements and the participant are receivers too.
   */
  @Bean
  @ConditionalOnMissingBean(name = RECEIVER)
  MessageReceiver letheMessageReceiver(Acknowledgements acknowledgements, ObjectProvider<Participant> participant) {
    return message -> {
      if (message.type().equals(Acknowledgements.RECEIPT_TYPE)) {
        acknowledgements.receive(message);
      } else if (message.type().equals(RecipientNotifications.MESSAGE_TYPE) && participant.getIfAvailable() != null) {
        participant.getObject().receive(message);
      } else {
        throw new IllegalArgumentException("This service receives no " + message.type() + " messages: set"
            + " lethe.services.coordinator to carry out a coordinator's notices");
      }
    };
  }

  /**
   * Checks the services' settings once, listing every problem: the participants must be recipients the
   * processing declares, a name is required, and a broker transport must carry the messages.
   */
  static ServicesRoutes routes(LetheProperties properties, PersonalDataModel model,
      ObjectProvider<ServicesTransport> transport) {
    ServicesProperties services = properties.services();
    if (!services.connected()) {
      return new ServicesRoutes(Map.of());
    }
    List<String> problems = new ArrayList<>();
    if (services.name() == null || services.name().isBlank()) {
      problems.add("lethe.services.name is not set: set it to this service's name, as the other services declare it");
    }
    Set<String> declared = new LinkedHashSet<>();
    model.subjectTypes().forEach(type -> model.purposesFor(type.name())
        .forEach(purpose -> declared.addAll(purpose.recipients())));
    services.participants().stream().filter(participant -> !declared.contains(participant)).forEach(participant ->
        problems.add("lethe.services.participants names '" + participant + "', which no @Processing declares among"
            + " its recipients: declare it there (recipients = \"" + participant + "\"), or remove it"));
    List<ServicesTransport> brokers = transport.orderedStream().toList();
    if (brokers.isEmpty()) {
      problems.add("lethe.services is set, but no broker carries the messages: add lethe-kafka and set"
          + " lethe.services.kafka.bootstrap-servers, or add lethe-amqp and set lethe.services.amqp.host");
    } else if (brokers.size() > 1) {
      problems.add("both lethe.services.kafka.bootstrap-servers and lethe.services.amqp.host are set: the services"
          + " of one deployment talk through one broker, so set only one");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Lethe cannot pass changes on to other services (Art. 17(2), 19):\n  - "
          + String.join("\n  - ", problems));
    }
    OutboxTransport broker = brokers.get(0).transport();
    Map<String, OutboxTransport> routes = new LinkedHashMap<>();
    services.participants().forEach(participant -> routes.put(participant, broker));
    if (services.coordinator() != null) {
      routes.put(services.coordinator(), broker);
    }
    return new ServicesRoutes(routes);
  }

  static String requireName(ServicesProperties services) {
    if (services.name() == null || services.name().isBlank()) {
      throw new IllegalStateException("lethe.services.name is not set: set it to this service's name, as the other"
          + " services declare it among their recipients");
    }
    return services.name();
  }

  /** The broker transport that carries the messages between services, as lethe-kafka's or lethe-amqp's configuration provides it. */
  record ServicesTransport(OutboxTransport transport) {
  }

  /** The transports by destination: participants and the coordinator through the broker. */
  record ServicesRoutes(Map<String, OutboxTransport> byDestination) {
  }
}
