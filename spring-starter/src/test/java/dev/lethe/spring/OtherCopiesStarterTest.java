package dev.lethe.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.erasure.OtherCopy;
import dev.lethe.jpa.OtherCopiesException;
import dev.lethe.records.RecordOfProcessing;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spring.actuate.LetheEndpoint;
import dev.lethe.spring.shop.ShopPackage;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * Issue 16, the inventory of copies through the starter: a copy the store finds at start-up is in
 * the Art. 30 record and the {@code lethe} actuator endpoint, and {@code lethe.copies.refuse=true}
 * stops the application unless the copy is accepted (Art. 17(1), 17(2), 30(1)).
 */
class OtherCopiesStarterTest {

  /** A table no entity maps, with the customer's personal columns email and name: a forgotten export. */
  private static final String EXPORT_TABLE = "customer_export";

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PropertyPlaceholderAutoConfiguration.class,
                  DataSourceAutoConfiguration.class,
                  DataSourceTransactionManagerAutoConfiguration.class,
                  HibernateJpaAutoConfiguration.class,
                  LetheAutoConfiguration.class,
                  LetheOperationsAutoConfiguration.class))
          .withUserConfiguration(ShopPackage.class)
          .withPropertyValues(
              "spring.datasource.url=jdbc:h2:mem:copies-${random.uuid};DB_CLOSE_DELAY=-1;INIT=create table"
                  + " if not exists "
                  + EXPORT_TABLE
                  + " (id bigint, email varchar(100), name varchar(100))",
              "spring.jpa.hibernate.ddl-auto=create-drop",
              "management.endpoints.web.exposure.include=lethe")
          .withPropertyValues(LetheAutoConfigurationTest.KEY)
          .withPropertyValues(LetheAutoConfigurationTest.RECIPIENTS);

  @Test
  @DisplayName(
      "Art. 17(2), 30(1): a copy found at start-up is in the store, the Art. 30 record (Markdown and JSON) and the actuator endpoint")
  void copiesAreInTheRecordAndTheEndpoint() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(PersonalDataStore.class).otherCopies())
              .singleElement()
              .satisfies(copy -> assertThat(copy.kind()).isEqualTo(OtherCopy.Kind.UNMAPPED_TABLE));

          RecordOfProcessing record = context.getBean(RecordOfProcessing.class);
          StringWriter markdown = new StringWriter();
          record.writeMarkdown(markdown);
          StringWriter json = new StringWriter();
          record.writeJson(json);
          assertThat(markdown.toString())
              .contains("Other copies")
              .contains("customer\\_export")
              .contains("UNMAPPED\\_TABLE");
          assertThat(json.toString()).contains("\"otherCopies\"").contains(EXPORT_TABLE);

          LetheEndpoint.Summary summary = context.getBean(LetheEndpoint.class).summary();
          assertThat(summary.otherCopies())
              .extracting(OtherCopy::where)
              .singleElement()
              .asString()
              .contains(EXPORT_TABLE);
        });
  }

  @Test
  @DisplayName(
      "Art. 17(1): lethe.copies.refuse=true stops the application at a copy nobody accepted, and starts it once accepted")
  void refuseStopsTheApplicationUntilAccepted() {
    runner
        .withPropertyValues("lethe.copies.refuse=true")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(OtherCopiesException.class)
                  .hasMessageContaining(EXPORT_TABLE);
            });
    runner
        .withPropertyValues(
            "lethe.copies.refuse=true",
            "lethe.copies.accepted[0]=table "
                + EXPORT_TABLE
                + " (columns email, name, as in customer)")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(LetheEndpoint.class).summary().otherCopies()).hasSize(1);
            });
  }
}
