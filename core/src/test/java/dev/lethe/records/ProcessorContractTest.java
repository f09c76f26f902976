package dev.lethe.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.readme.Shop;
import dev.lethe.records.seed.Seed;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProcessorContractTest {

  @Test
  @DisplayName(
      "Art. 28(3): a processor without its contract recorded is a gap of the record of processing")
  void art28_processorWithoutContractIsAGap() {
    RecordOfProcessing record = RecordOfProcessing.of(Seed.model(), Seed.controller());
    assertThat(record.gaps())
        .contains(
            "Processor 'HubSpot' has no contract recorded (Art. 28(3)): record its data"
                + " processing agreement with Recipient.withContract(reference, date), or in the Spring Boot starter with its"
                + " contract-reference and contract-date.");
    assertThat(RecordOfProcessing.of(Shop.model(), Shop.controller()).gaps())
        .noneMatch(gap -> gap.contains("Art. 28"));
  }

  @Test
  @DisplayName(
      "Art. 28(3): the contract's reference and date appear in the record's Markdown and JSON")
  void art28_contractInRecord() throws IOException {
    RecordOfProcessing record = RecordOfProcessing.of(Shop.model(), Shop.controller());
    StringWriter markdown = new StringWriter();
    record.writeMarkdown(markdown);
    assertThat(markdown.toString()).contains("contract DPA-2024-03 ScoreCo of 2024-03-01");
    StringWriter json = new StringWriter();
    record.writeJson(json);
    assertThat(json.toString())
        .contains("\"contract\" : \"DPA-2024-03 ScoreCo\"")
        .contains("\"contractConcludedOn\" : \"2024-03-01\"");
  }

  @Test
  @DisplayName("Art. 28(3): only processors need a contract, and a blank reference is refused")
  void art28_onlyProcessorsNeedOne() {
    assertThat(
            new Recipient("Police", Recipient.Role.PUBLIC_AUTHORITY, "Fraud reports", "GB")
                .lacksProcessorContract())
        .isFalse();
    assertThatThrownBy(
            () ->
                Recipient.processor("X", "Hosting", "GB")
                    .withContract(" ", LocalDate.of(2024, 1, 1)))
        .hasMessageContaining("reference");
  }
}
