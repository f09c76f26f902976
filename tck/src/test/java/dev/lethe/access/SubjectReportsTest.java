package dev.lethe.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.internal.rights.SubjectReports;
import dev.lethe.law.DataOrigin;
import dev.lethe.law.Right;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import dev.lethe.tck.shop.Shop;
import dev.lethe.testing.ForwardingPersonalDataStore;
import dev.lethe.testing.WrittenReports;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SubjectReportsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

  private final PersonalDataModel model = Shop.model();
  private final PersonalDataStore store =
      PersonalDataStore.inMemory(model, Pseudonymizer.withRandomKey())
          .add(Shop.population(3, 2).toArray());
  private final SubjectReports reports = new SubjectReports(model, store, CLOCK);

  @Test
  @DisplayName(
      "Art. 15(1)(a)–(h): the report carries purposes, categories, recipients, retention, rights, complaint, sources, automated decisions")
  void article15Information() {
    Article15Information information = reports.access(customer(2)).information();

    assertThat(information.purposes())
        .extracting(
            Article15Information.PurposeInfo::purpose, Article15Information.PurposeInfo::basis)
        .containsExactlyInAnyOrder(
            Tuple.tuple("orders", "Performance of a contract"),
            Tuple.tuple("newsletter", "Consent"));
    assertThat(information.categories())
        .contains(
            "E-mail address",
            "Full name",
            "Telephone number",
            "Postal address",
            "Payment and invoice data",
            "Content of messages",
            "IP address");
    assertThat(information.recipients())
        .containsExactlyInAnyOrder("payment-provider", "email-host");
    assertThat(information.retention())
        .extracting(
            Article15Information.RetentionInfo::entity, retention -> retention.policy().reason())
        .containsExactlyInAnyOrder(
            Tuple.tuple("PurchaseOrder", "Orders are kept six years for tax law"),
            Tuple.tuple("LoginEvent", "Security logs are kept 90 days"));
    assertThat(information.rights())
        .contains(
            Right.RECTIFICATION,
            Right.ERASURE,
            Right.RESTRICTION,
            Right.PORTABILITY,
            Right.WITHDRAW_CONSENT,
            Right.LODGE_COMPLAINT)
        .doesNotContain(Right.OBJECTION);
    assertThat(information.complaint()).contains("supervisory authority");
    assertThat(information.sources())
        .containsExactlyInAnyOrder(
            new Article15Information.SourceInfo(
                "Content of messages", DataOrigin.DERIVED, Optional.empty()),
            new Article15Information.SourceInfo(
                "IP address", DataOrigin.OBSERVED, Optional.empty()));
    assertThat(information.automatedDecisions()).isEmpty();
  }

  @Test
  @DisplayName("Art. 15(1): a subject with no data gets a report saying so, not an error")
  void unknownSubject() throws IOException {
    SubjectReport report =
        reports.access(new SubjectIdentifier("customer", "email", "nobody@example.com"));

    assertThat(report.processesPersonalData()).isFalse();
    JsonNode json = json(report);
    assertThat(json.get("processesPersonalData").asBoolean()).isFalse();
    assertThat(json.get("data").get("Customer")).isEmpty();
    assertThat(reports.access(customer(1)).processesPersonalData()).isTrue();
  }

  @Test
  @DisplayName(
      "Art. 20(1): portability covers consent or contract data the subject provided or generated, not derived data")
  void portability() {
    SubjectReport report = reports.portability(customer(2));

    assertThat(report.sections())
        .extracting(SubjectReport.Section::name)
        .containsExactly("Customer", "PurchaseOrder", "LoginEvent");
    assertThat(report.scope().article()).isEqualTo("Art. 20");
    assertThat(reports.access(customer(2)).sections())
        .extracting(SubjectReport.Section::name)
        .containsExactlyInAnyOrder("Customer", "PurchaseOrder", "OrderNote", "LoginEvent");
  }

  @Test
  @DisplayName("Art. 15(3): the JSON holds the subject's rows per entity type")
  void json() throws IOException {
    JsonNode json = json(reports.access(customer(2)));

    assertThat(json.get("subjectType").asString()).isEqualTo("customer");
    assertThat(json.get("generatedAt").asString()).isEqualTo("2026-11-24T10:00:00Z");
    assertThat(json.get("data").get("Customer").get(0).get("email").asString())
        .isEqualTo("customer2@example.com");
    assertThat(json.get("data").get("PurchaseOrder")).hasSize(2);
    assertThat(json.get("data").get("PurchaseOrder").get(0).get("total").isNumber()).isTrue();
    assertThat(json.get("information").get("purposes")).hasSize(2);
  }

  @Test
  @DisplayName(
      "Art. 15(3), 20(1): the ZIP holds the JSON, one CSV per entity type and a manifest with row counts")
  void zip() throws IOException {
    Map<String, String> entries = WrittenReports.zipEntries(reports.access(customer(2)));

    assertThat(entries)
        .containsOnlyKeys(
            "report.json",
            "Customer.csv",
            "PurchaseOrder.csv",
            "OrderNote.csv",
            "LoginEvent.csv",
            "manifest.json");
    assertThat(entries.get("Customer.csv"))
        .isEqualTo("email,name,phone\ncustomer2@example.com,\"Name 2\",\"+44 7700 900002\"\n");
    JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
    assertThat(manifest.get("files").findValuesAsString("name"))
        .contains("report.json", "OrderNote.csv");
    assertThat(manifest.get("files").get(3).get("rows").asLong()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "Art. 15(3), 20(1): the JSON and ZIP writers read the whole report, whether data is processed"
          + " and every section, inside one readingTogether of the store")
  void writersReadTheReportTogether() throws IOException {
    WatchedStore watched = new WatchedStore(store);
    SubjectReports watchedReports = new SubjectReports(model, watched, CLOCK);

    json(watchedReports.access(customer(2)));
    assertThat(watched.readings).isEqualTo(1);
    assertThat(watched.streamsInside).as("the root's row, then four sections").isEqualTo(5);
    WrittenReports.zipEntries(watchedReports.access(customer(2)));
    assertThat(watched.readings).isEqualTo(2);
    assertThat(watched.streamsInside).as("the JSON's five, then four CSV files").isEqualTo(14);
    assertThat(watched.streamsOutside).isZero();
  }

  @Test
  @DisplayName(
      "Art. 15(3), 20(1): an output that fails while a report is written comes out as the IOException it"
          + " threw, from the JSON and the ZIP writer alike")
  void aFailedOutputIsAnIoException() {
    IOException refused = new IOException("the client went away");
    OutputStream failing =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw refused;
          }
        };

    assertThatThrownBy(() -> SubjectReportWriter.writeJson(reports.access(customer(2)), failing))
        .isSameAs(refused);
    assertThatThrownBy(() -> SubjectReportWriter.writeZip(reports.access(customer(2)), failing))
        .isSameAs(refused);
  }

  @Test
  @DisplayName("A report for a subject type the model does not know is refused, naming the type")
  void unknownSubjectType() {
    assertThatThrownBy(() -> reports.access(new SubjectIdentifier("patient", "id", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'patient'");
  }

  /** A store that counts its readings together and the streams opened inside and outside them. */
  private static final class WatchedStore extends ForwardingPersonalDataStore {
    private int readings;
    private boolean inside;
    private int streamsInside;
    private int streamsOutside;

    WatchedStore(PersonalDataStore store) {
      super(store);
    }

    @Override
    public <T, E extends Exception> T readingTogether(ReadWork<T, E> work) throws E {
      readings++;
      inside = true;
      try {
        return super.readingTogether(work);
      } finally {
        inside = false;
      }
    }

    @Override
    public Stream<SubjectRecord> records(SubjectKey subject, EntityDescriptor entity) {
      counted();
      return super.records(subject, entity);
    }

    @Override
    public Stream<Map<String, @Nullable Object>> values(
        SubjectKey subject, EntityDescriptor entity) {
      counted();
      return super.values(subject, entity);
    }

    private void counted() {
      if (inside) {
        streamsInside++;
      } else {
        streamsOutside++;
      }
    }
  }

  static SubjectIdentifier customer(int number) {
    return new SubjectIdentifier("customer", "email", "customer" + number + "@example.com");
  }

  static JsonNode json(SubjectReport report) throws IOException {
    return JSON.readTree(WrittenReports.json(report));
  }
}
