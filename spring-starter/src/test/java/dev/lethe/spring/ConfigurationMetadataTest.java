package dev.lethe.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConfigurationMetadataTest {

  @Test
  @DisplayName(
      "Every lethe.* property has generated metadata with its description, for IDE completion")
  void metadataIsGenerated() throws Exception {
    JsonNode metadata;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("the configuration processor ran").isNotNull();
      metadata = JsonMapper.builder().build().readTree(in);
    }
    assertThat(
            metadata
                .get("properties")
                .valueStream()
                .map(property -> property.get("name").asString()))
        .contains(
            "lethe.pseudonym-key",
            "lethe.deadlines",
            "lethe.retention.cron",
            "lethe.retention.batch-size",
            "lethe.web.enabled",
            "lethe.schema.migrate",
            "lethe.controller.recipients",
            "lethe.audit.chain-key",
            "lethe.audit.checkpoint-interval",
            "lethe.outbox.dead-identity-retention",
            "lethe.outbox.delivered-retention",
            "lethe.requests.identity-retention");
    assertThat(metadata.get("properties").valueStream())
        .allSatisfy(
            property ->
                assertThat(property.path("description").asString())
                    .as(property.toString())
                    .isNotBlank());
  }
}
