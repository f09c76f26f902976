package dev.lethe.spring.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.lethe.jdbc.testing.TestDatabase;
import dev.lethe.law.ErasureGround;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.RecipientNotifications;
import dev.lethe.spring.services.crm.Contact;
import dev.lethe.spring.services.crm.CrmApplication;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.webhook.WebhookSignature;
import dev.lethe.webhook.WebhookTransport;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Processors told by signed webhooks (Art. 19, 28): configured per recipient, checked at start-up. */
class WebhooksIT {

  private static final byte[] SECRET =
      "a shared secret of 32 bytes long".getBytes(StandardCharsets.UTF_8);

  private final TestDatabase database = TestDatabase.create();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger(1);
  private HttpServer server;
  private ConfigurableApplicationContext crm;

  @AfterEach
  void stop() throws Exception {
    if (crm != null) {
      crm.close();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  @DisplayName(
      "Art. 19: an erasure is POSTed to each recipient's webhook, signed; a failure is retried until a 2xx")
  void noticesAreSignedAndRetried() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String key =
              exchange.getRequestHeaders().getFirst(WebhookTransport.IDEMPOTENCY_KEY_HEADER);
          boolean signed =
              WebhookSignature.verify(
                  SECRET,
                  exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                  key,
                  body,
                  Instant.now(),
                  Duration.ofMinutes(5));
          boolean fail =
              exchange.getRequestURI().getPath().equals("/events")
                  && failuresLeft.getAndDecrement() > 0;
          if (signed && !fail) {
            received.add(
                exchange.getRequestURI().getPath()
                    + " "
                    + exchange.getRequestHeaders().getFirst(WebhookTransport.TYPE_HEADER)
                    + " "
                    + body.contains("ada@example.org"));
          }
          exchange.sendResponseHeaders(!signed ? 401 : fail ? 503 : 204, -1);
          exchange.close();
        });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    crm =
        start(
            Map.of(
                "lethe.services.webhooks.billing.url",
                base + "/billing",
                "lethe.services.webhooks.billing.secret",
                Base64.getEncoder().encodeToString(SECRET),
                "lethe.services.webhooks.events.url",
                base + "/events",
                "lethe.services.webhooks.events.secret",
                Base64.getEncoder().encodeToString(SECRET)));
    Services.persist(crm, new Contact(1L, "ada@example.org", "Ada Lovelace"));
    DataSubjectRights rights = crm.getBean(DataSubjectRights.class);
    RightsRequest request =
        rights.submit(
            RequestType.ERASURE,
            new SubjectIdentifier("customer", "email", "ada@example.org"),
            Channel.WEB);
    rights.verify(request.id(), "email-link");

    rights.erase(request.id(), ErasureGround.CONSENT_WITHDRAWN);

    Services.await("both webhooks answer 2xx", () -> received.size() == 2);
    assertThat(received)
        .containsExactlyInAnyOrder(
            "/billing " + RecipientNotifications.MESSAGE_TYPE + " true",
            "/events " + RecipientNotifications.MESSAGE_TYPE + " true");
    assertThat(failuresLeft.get()).as("the events webhook failed once first").isNegative();
  }

  @Test
  @DisplayName(
      "Art. 19: services and webhooks set wrongly refuse to start, with one exception listing every problem and its fix")
  void wrongSettingsAreRefusedAtStartUp() {
    assertThatThrownBy(
            () ->
                start(
                    Map.of(
                        "lethe.services.participants", "billing,nobody",
                        "lethe.services.webhooks.events.url", "http://127.0.0.1:9/events",
                        "lethe.services.webhooks.events.secret",
                            Base64.getEncoder().encodeToString(new byte[8]),
                        "lethe.services.webhooks.billing.url", "http://127.0.0.1:9/billing",
                        "lethe.services.subject-types.client", "patient",
                        "lethe.services.purposes.marketing", "mailings",
                        "lethe.services.attributes.phone", "mobile",
                        "lethe.services.section-chunk-size", "8MB")))
        .rootCause()
        .hasMessageContaining("lethe.services.name is not set")
        .hasMessageContaining("'nobody', which no @Processing declares")
        .hasMessageContaining("no broker carries the messages")
        .hasMessageContaining(
            "lethe.services.webhooks.events.secret is missing or shorter than 16 bytes")
        .hasMessageContaining("lethe.services.webhooks.billing: 'billing' is also a participant")
        .hasMessageContaining(
            "map a coordinator's names onto this service's, but lethe.services.coordinator is not set")
        .hasMessageContaining(
            "lethe.services.subject-types.client names 'patient', which is no @DataSubject")
        .hasMessageContaining(
            "lethe.services.purposes.marketing names 'mailings', which no @Processing")
        .hasMessageContaining(
            "lethe.services.attributes.phone names 'mobile', which is no @PersonalData attribute")
        .hasMessageContaining("lethe.services.section-chunk-size is 8388608 bytes");
  }

  private ConfigurableApplicationContext start(Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>(extra);
    properties.put("spring.datasource.url", database.jdbcUrl());
    properties.put("spring.datasource.username", database.user());
    properties.put("spring.datasource.password", "");
    properties.put("spring.jpa.hibernate.ddl-auto", "create");
    properties.put("lethe.pseudonym-key", Base64.getEncoder().encodeToString(new byte[32]));
    properties.put("lethe.outbox.interval", "PT0.2S");
    properties.put("lethe.outbox.initial-back-off", "PT0.2S");
    properties.put("lethe.outbox.max-back-off", "PT1S");
    properties.put("lethe.controller.recipients[0].name", "billing");
    properties.put("lethe.controller.recipients[0].description", "Invoicing");
    properties.put("lethe.controller.recipients[0].country", "NL");
    properties.put("lethe.controller.recipients[1].name", "events");
    properties.put("lethe.controller.recipients[1].description", "Events");
    properties.put("lethe.controller.recipients[1].country", "NL");
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(CrmApplication.class)
            .web(WebApplicationType.NONE)
            .properties(properties)
            .run();
    return context;
  }
}
