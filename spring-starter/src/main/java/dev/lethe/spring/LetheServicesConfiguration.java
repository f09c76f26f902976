package dev.lethe.spring;

import dev.lethe.audit.AuditTrail;
import dev.lethe.consent.ConsentLedger;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.Purpose;
import dev.lethe.model.SubjectType;
import dev.lethe.objection.Objections;
import dev.lethe.participants.Participant;
import dev.lethe.restriction.Restrictions;
import dev.lethe.rights.Acknowledgements;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.RecipientNotifications;
import dev.lethe.spi.MessageReceiver;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxTransport;
import dev.lethe.spi.ReceiptStore;
import dev.lethe.spring.LetheProperties.ServicesProperties;
import dev.lethe.webhook.WebhookTransport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
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
  @ConditionalOnProperty("lethe.services.coordinator")
  Participant letheParticipant(
      LetheProperties properties,
      DataSubjectRights rights,
      AuditTrail audit,
      Outbox outbox,
      Restrictions restrictions,
      Objections objections,
      ConsentLedger consent,
      ReceiptStore receipts,
      Clock clock) {
    ServicesProperties services = properties.services();
    Participant.Builder participant =
        Participant.builder(requireName(services), services.coordinator(), rights, audit, outbox)
            .restrictions(restrictions)
            .objections(objections)
            .consent(consent)
            .receipts(receipts)
            .erasureGround(services.erasureGround())
            .restrictionGround(services.restrictionGround())
            .sectionChunkBytes((int) services.sectionChunkSize().toBytes())
            .clock(clock);
    services.subjectTypes().forEach(participant::subjectType);
    services.purposes().forEach(participant::purpose);
    services.attributes().forEach(participant::attribute);
    return participant.build();
  }

  /**
   * Every message that comes to this service: notices to carry out, receipts to record. The broker's
   * inbox takes it by its name: the acknowledgements and the participant are receivers too.
   */
  @Bean
  @ConditionalOnMissingBean(name = RECEIVER)
  MessageReceiver letheMessageReceiver(
      Acknowledgements acknowledgements, ObjectProvider<Participant> participant) {
    return message -> {
      if (message.type().equals(Acknowledgements.RECEIPT_TYPE)
          || message.type().equals(Acknowledgements.ACCESS_SECTION_TYPE)) {
        acknowledgements.receive(message);
      } else if ((message.type().equals(RecipientNotifications.MESSAGE_TYPE)
              || message.type().equals(Acknowledgements.ACCESS_REQUEST_TYPE))
          && participant.getIfAvailable() != null) {
        participant.getObject().receive(message);
      } else {
        throw new IllegalArgumentException(
            "This service receives no "
                + message.type()
                + " messages: set"
                + " lethe.services.coordinator to carry out a coordinator's notices");
      }
    };
  }

  /**
   * Checks the services' and webhooks' settings once, listing every problem: participants and webhook
   * recipients must be recipients the processing declares, a name is required with participants or a
   * coordinator, one broker transport must carry their messages, and each webhook needs its URL and a
   * secret of at least 16 bytes.
   */
  static Map<String, OutboxTransport> routes(
      LetheProperties properties,
      PersonalDataModel model,
      ObjectProvider<ServicesTransport> transport) {
    ServicesProperties services = properties.services();
    List<String> problems = new ArrayList<>();
    Set<String> declared = declaredRecipients(model);
    Map<String, OutboxTransport> routes = new LinkedHashMap<>();
    if (services.connected()) {
      routes.putAll(brokerRoutes(services, declared, transport.orderedStream().toList(), problems));
    }
    mappingProblems(services, model, problems);
    if (!services.webhooks().isEmpty()) {
      WebhookTransport.Builder webhooks = WebhookTransport.builder();
      services
          .webhooks()
          .forEach(
              (recipient, webhook) ->
                  addWebhook(
                      webhooks, recipient, webhook, declared, services.participants(), problems));
      if (problems.isEmpty()) {
        WebhookTransport transportOfWebhooks = webhooks.build();
        services
            .webhooks()
            .keySet()
            .forEach(recipient -> routes.put(recipient, transportOfWebhooks));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Lethe cannot pass changes on to other services and processors (Art. 17(2),"
              + " 19):\n  - "
              + String.join("\n  - ", problems));
    }
    return routes;
  }

  private static Map<String, OutboxTransport> brokerRoutes(
      ServicesProperties services,
      Set<String> declared,
      List<ServicesTransport> brokers,
      List<String> problems) {
    if (services.name() == null || services.name().isBlank()) {
      problems.add(
          "lethe.services.name is not set: set it to this service's name, as the other services declare it");
    }
    services.participants().stream()
        .filter(participant -> !declared.contains(participant))
        .forEach(
            participant ->
                problems.add(
                    "lethe.services.participants names '"
                        + participant
                        + "', which no @Processing declares among"
                        + " its recipients: declare it there (recipients = \""
                        + participant
                        + "\"), or remove it"));
    long chunk = services.sectionChunkSize().toBytes();
    if (chunk < 4 || chunk > Participant.Builder.MAX_SECTION_CHUNK_BYTES) {
      problems.add(
          "lethe.services.section-chunk-size is "
              + chunk
              + " bytes: give from 4B to 4MB (256KB by default,"
              + " which Kafka's default message limit of 1 MB holds escaped)");
    }
    if (brokers.isEmpty()) {
      problems.add(
          "lethe.services is set, but no broker carries the messages: add lethe-kafka and set"
              + " lethe.services.kafka.bootstrap-servers, or add lethe-amqp and set lethe.services.amqp.host");
      return Map.of();
    }
    if (brokers.size() > 1) {
      problems.add(
          "both lethe.services.kafka.bootstrap-servers and lethe.services.amqp.host are set: the services"
              + " of one deployment talk through one broker, so set only one");
      return Map.of();
    }
    OutboxTransport broker = brokers.get(0).transport();
    Map<String, OutboxTransport> routes = new LinkedHashMap<>();
    services.participants().forEach(participant -> routes.put(participant, broker));
    if (services.coordinator() != null) {
      routes.put(services.coordinator(), broker);
    }
    if (services.name() != null && !services.name().isBlank()) {
      // This service's own topic: the participants' report sections are cleared from it once
      // assembled.
      routes.put(services.name(), broker);
    }
    return routes;
  }

  /** A participant's names for the coordinator's subject types, purposes and attributes must be its own model's. */
  private static void mappingProblems(
      ServicesProperties services, PersonalDataModel model, List<String> problems) {
    boolean mapped =
        !services.subjectTypes().isEmpty()
            || !services.purposes().isEmpty()
            || !services.attributes().isEmpty();
    if (mapped && services.coordinator() == null) {
      problems.add(
          "lethe.services.subject-types, purposes and attributes map a coordinator's names onto this"
              + " service's, but lethe.services.coordinator is not set: set it, or remove the mappings");
    }
    services
        .subjectTypes()
        .forEach(
            (theirs, ours) -> {
              if (model.subjectType(ours).isEmpty()) {
                problems.add(
                    "lethe.services.subject-types."
                        + theirs
                        + " names '"
                        + ours
                        + "', which is no @DataSubject of"
                        + " this service: name one of "
                        + model.subjectTypes().stream().map(SubjectType::name).toList());
              }
            });
    services
        .purposes()
        .forEach(
            (theirs, ours) -> {
              if (model.purpose(ours).isEmpty()) {
                problems.add(
                    "lethe.services.purposes."
                        + theirs
                        + " names '"
                        + ours
                        + "', which no @Processing of this"
                        + " service declares: name one of "
                        + model.purposes().stream().map(Purpose::name).toList());
              }
            });
    services
        .attributes()
        .forEach(
            (theirs, ours) -> {
              boolean held =
                  model.entities().stream().anyMatch(entity -> entity.field(ours).isPresent());
              if (!held) {
                problems.add(
                    "lethe.services.attributes."
                        + theirs
                        + " names '"
                        + ours
                        + "', which is no @PersonalData"
                        + " attribute of this service's entities: name the attribute that keeps the same data");
              }
            });
  }

  private static void addWebhook(
      WebhookTransport.Builder webhooks,
      String recipient,
      LetheProperties.WebhookProperties webhook,
      Set<String> declared,
      List<String> participants,
      List<String> problems) {
    String where = "lethe.services.webhooks." + recipient;
    if (!declared.contains(recipient)) {
      problems.add(
          where
              + ": no @Processing declares '"
              + recipient
              + "' among its recipients: declare it there,"
              + " or remove the webhook");
    }
    if (participants.contains(recipient)) {
      problems.add(
          where
              + ": '"
              + recipient
              + "' is also a participant, reached through the broker: keep one");
    }
    byte[] secret = null;
    try {
      secret = webhook.secret() == null ? null : Base64.getDecoder().decode(webhook.secret());
    } catch (IllegalArgumentException e) {
      problems.add(where + ".secret is not Base64: give the shared secret Base64-encoded");
      return;
    }
    if (webhook.url() == null) {
      problems.add(where + ".url is not set: give the recipient's endpoint");
    } else if (secret == null || secret.length < 16) {
      problems.add(
          where
              + ".secret is missing or shorter than 16 bytes: give a random secret of at least 16"
              + " bytes, Base64-encoded, shared with the recipient");
    } else {
      try {
        webhooks.endpoint(recipient, webhook.url(), secret);
      } catch (IllegalArgumentException e) {
        problems.add(where + ".url is not an http or https URL");
      }
    }
  }

  /** The recipients the processing declares that neither a broker nor a webhook reaches: the notifier's. */
  static Set<String> notifiedRecipients(PersonalDataModel model, ServicesProperties services) {
    Set<String> recipients = declaredRecipients(model);
    recipients.removeAll(services.participants());
    recipients.removeAll(services.webhooks().keySet());
    if (services.coordinator() != null) {
      recipients.remove(services.coordinator());
    }
    return recipients;
  }

  private static Set<String> declaredRecipients(PersonalDataModel model) {
    Set<String> declared = new LinkedHashSet<>();
    model
        .subjectTypes()
        .forEach(
            type ->
                model
                    .purposesFor(type.name())
                    .forEach(purpose -> declared.addAll(purpose.recipients())));
    return declared;
  }

  static String requireName(ServicesProperties services) {
    if (services.name() == null || services.name().isBlank()) {
      throw new IllegalStateException(
          "lethe.services.name is not set: set it to this service's name, as the other"
              + " services declare it among their recipients");
    }
    return services.name();
  }

  /** The broker transport that carries the messages between services, as lethe-kafka's or lethe-amqp's configuration provides it. */
  record ServicesTransport(OutboxTransport transport) {}
}
