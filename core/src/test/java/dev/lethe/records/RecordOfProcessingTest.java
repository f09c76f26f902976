package dev.lethe.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.annotation.RetentionAction;
import dev.lethe.erasure.OtherCopy;
import dev.lethe.law.DataCategory;
import dev.lethe.law.LawfulBasis;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.records.seed.Seed;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Period;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RecordOfProcessingTest {

  private final PersonalDataModel model = Seed.model();
  private final RecordOfProcessing record = RecordOfProcessing.of(model, Seed.controller());

  @Test
  @DisplayName("Art. 30(1)(b): one activity per purpose, in the model's order")
  void oneActivityPerPurpose() {
    assertThat(record.activities())
        .extracting(ProcessingActivity::purpose)
        .containsExactly(
            "B2B marketing",
            "Providing the Mesma software",
            "Product updates",
            "Invoicing",
            "Newsletter",
            "Events and webinars",
            "Recruitment",
            "Employment",
            "Website analytics");
  }

  @Test
  @DisplayName(
      "Art. 30(1)(c): subjects and data of every entity declaring the purpose, across associations")
  void subjectsAndDataPerPurpose() {
    ProcessingActivity software = activity("Providing the Mesma software");
    assertThat(software.entities()).containsExactly("LicensedUser", "SoftwareSignIn");
    assertThat(software.subjectTypes()).containsExactly("licensed-user");
    assertThat(software.dataCategories())
        .containsExactly(
            DataCategory.NAME,
            DataCategory.EMAIL,
            DataCategory.PHONE,
            DataCategory.JOB_TITLE,
            DataCategory.COMPANY,
            DataCategory.IP_ADDRESS);
    assertThat(activity("Newsletter").basis()).isEqualTo(LawfulBasis.consent());
    assertThat(activity("B2B marketing").basis())
        .isEqualTo(
            LawfulBasis.legitimateInterests("Promoting our products", "LIA-2021-01 B2B marketing"));
  }

  @Test
  @DisplayName(
      "Art. 30(1)(d)-(g): recipients with role and country, their transfers, time limits and security measures")
  void recipientsTransfersTimeLimits() {
    ProcessingActivity events = activity("Events and webinars");
    assertThat(events.recipients())
        .extracting(Recipient::name, Recipient::country)
        .containsExactly(Tuple.tuple("Eventbrite", "US"), Tuple.tuple("Zoom", "US"));
    assertThat(events.transfers())
        .extracting(Transfer::recipient)
        .containsExactly("Eventbrite", "Zoom");
    assertThat(activity("Providing the Mesma software").transfers())
        .extracting(Transfer::recipient)
        .containsExactly("Crisp");
    assertThat(activity("Recruitment").erasureTimeLimits())
        .containsExactly(
            new RetentionRule(
                "Applicant",
                Period.ofMonths(12),
                "recruitmentClosedOn",
                RetentionAction.ANONYMISE,
                "Unsuccessful candidates' data is held for 12 months after the recruitment exercise has been completed,"
                    + " then deleted; only de-personalised statistics are kept"));
    assertThat(activity("Newsletter").erasureTimeLimits()).isEmpty();
    assertThat(record.activities())
        .allSatisfy(
            activity -> {
              assertThat(activity.securityMeasures())
                  .isEqualTo(Seed.controller().securityMeasures());
              assertThat(activity.solelyAutomatedDecisions()).isFalse();
            });
  }

  @Test
  @DisplayName(
      "Art. 30(1)(f): entities with personal data and no retention period are reported as gaps")
  void gaps() {
    assertThat(record.gaps())
        .filteredOn(gap -> !gap.startsWith("Processor '"))
        .hasSize(6)
        .allSatisfy(gap -> assertThat(gap).contains("declares no retention period"));
    // The seed's statement names its processors but not their contracts (Art. 28(3)).
    assertThat(record.gaps()).filteredOn(gap -> gap.startsWith("Processor '")).hasSize(9);
    assertThat(record.gaps())
        .anySatisfy(
            gap ->
                assertThat(gap).startsWith("SoftwareSignIn holds personal data of licensed-user"));
  }

  @Test
  @DisplayName(
      "Art. 30(3): the JSON record parses back with every activity, basis, recipient and time limit")
  void json() throws IOException {
    StringWriter out = new StringWriter();
    record.writeJson(out);
    JsonNode json = JsonMapper.builder().build().readTree(out.toString());

    assertThat(json.get("controller").get("name").asString()).isEqualTo("Mesma Limited");
    assertThat(json.get("controller").get("contact").get("phone").asString())
        .isEqualTo("0845 6588370");
    assertThat(json.get("controller").get("dataProtectionOfficer").isNull()).isTrue();
    assertThat(json.get("controller").get("supervisoryAuthority").get("website").asString())
        .isEqualTo("https://ico.org.uk");
    JsonNode activities = json.get("activities");
    assertThat(activities.size()).isEqualTo(record.activities().size());
    JsonNode marketing = activities.get(0);
    assertThat(marketing.get("purpose").asString()).isEqualTo("B2B marketing");
    assertThat(marketing.get("basis").get("kind").asString()).isEqualTo("LEGITIMATE_INTERESTS");
    assertThat(marketing.get("basis").get("interest").asString())
        .isEqualTo("Promoting our products");
    assertThat(marketing.get("subjectTypes").get(0).asString()).isEqualTo("enquirer");
    assertThat(marketing.get("dataCategories").get(1).get("label").asString())
        .isEqualTo("E-mail address");
    assertThat(marketing.get("recipients").get(0).get("role").asString()).isEqualTo("PROCESSOR");
    assertThat(marketing.get("transfers").get(0).get("safeguard").asString())
        .isEqualTo("ADEQUACY_DECISION");
    JsonNode recruitment = activities.get(6);
    assertThat(recruitment.get("erasureTimeLimits").get(0).get("period").asString())
        .isEqualTo("P12M");
    assertThat(recruitment.get("erasureTimeLimits").get(0).get("action").asString())
        .isEqualTo("ANONYMISE");
    assertThat(recruitment.get("solelyAutomatedDecisions").asBoolean()).isFalse();
    assertThat(json.get("gaps").size()).isEqualTo(record.gaps().size());
  }

  @Test
  @DisplayName("Art. 30(3): JSON escapes quotes, backslashes and line breaks in any value")
  void jsonEscaping() throws IOException {
    String name = "Quote \" back\\slash\nnew line \u2028 <tag> \u0001";
    StringWriter out = new StringWriter();
    RecordOfProcessing.of(
            model, Seed.controller().withTransfers().withRecipients(recipientsOfSeedRenamed(name)))
        .writeJson(out);
    JsonNode json = JsonMapper.builder().build().readTree(out.toString());
    assertThat(json.get("activities").get(0).get("recipients").get(0).get("description").asString())
        .isEqualTo(name);
  }

  @Test
  @DisplayName(
      "Art. 30(3): the CSV record has a header and one RFC 4180 row per activity that parses back")
  void csv() throws IOException {
    Controller awkward =
        Seed.controller()
            .withRightsContact("unused")
            .withDataProtectionOfficer(
                Contact.of("dpo@mesma.co.uk")
                    .withName("Jo \"DPO\" Smith, Esq.\r\nData Protection"));
    StringWriter out = new StringWriter();
    RecordOfProcessing.of(model, awkward).writeCsv(out);

    List<List<String>> rows = RfcCsv.parse(out.toString());
    assertThat(rows).hasSize(1 + record.activities().size());
    assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(13));
    assertThat(rows.get(0))
        .startsWith("Purpose", "Purpose label", "Lawful basis", "Categories of data subjects");
    assertThat(rows.subList(1, rows.size()))
        .extracting(row -> row.get(0))
        .containsExactlyElementsOf(
            record.activities().stream().map(ProcessingActivity::purpose).toList());
    List<String> marketing = rows.get(1);
    assertThat(marketing.get(1)).isEqualTo("B2B marketing");
    assertThat(marketing.get(2))
        .isEqualTo(
            "Legitimate interests (Art. 6(1)(f)); interest: Promoting our products;"
                + " balancing test: LIA-2021-01 B2B marketing");
    assertThat(marketing.get(4))
        .isEqualTo(
            "Full name; E-mail address; Telephone number; Postal address; Job title;"
                + " Company name");
    assertThat(marketing.get(5))
        .isEqualTo(
            "HubSpot: Customer relationship management (processor, DE);"
                + " Microsoft 365: E-mail hosting (processor, GB)");
    assertThat(marketing.get(10))
        .isEqualTo("Mesma Limited, 27/28 Frederick Street, Sunderland, Tyne and Wear, SR1 1LZ");
    assertThat(marketing.get(12))
        .isEqualTo("Jo \"DPO\" Smith, Esq.\r\nData Protection, dpo@mesma.co.uk");
    assertThat(rows.get(7).get(7))
        .isEqualTo(
            "Applicant: 12 months after recruitmentClosedOn, then anonymised. Reason:"
                + " Unsuccessful candidates' data is held for 12 months after the recruitment exercise has been completed,"
                + " then deleted; only de-personalised statistics are kept");
  }

  @Test
  @DisplayName(
      "Art. 30(1), 12(1): the Markdown record names the controller and every activity, by its label, with each point of Art. 30(1)")
  void markdown() throws IOException {
    StringWriter out = new StringWriter();
    record.writeMarkdown(out);
    String markdown = out.toString();
    assertThat(markdown)
        .startsWith("# Record of processing activities: Mesma Limited\n")
        .contains(
            "## Controller (Art. 30(1)(a))",
            "- Data protection officer: none designated",
            "- Supervisory authority: Information Commissioner's Office (https://ico.org.uk)");
    for (ProcessingActivity activity : record.activities()) {
      assertThat(markdown)
          .contains(
              "## Processing activity: " + model.purpose(activity.purpose()).orElseThrow().label());
    }
    for (String point : List.of("(b)", "(c)", "(d)", "(e)", "(f)", "(g)")) {
      assertThat(markdown).contains("(Art. 30(1)" + point + "): ");
    }
    assertThat(markdown)
        .contains(
            "- Time limits for erasure (Art. 30(1)(f)): Employee: 12 months after"
                + " employment ended on, then deleted.");
  }

  @Test
  @DisplayName(
      "Art. 17(2), 30(1): the copies a store cannot erase are a table in the Markdown record and an array in the JSON; none by default")
  void otherCopies() throws IOException {
    OtherCopy trigger =
        new OtherCopy(
            OtherCopy.Kind.TRIGGER,
            "trigger customer_copy on table customer",
            "It may copy the rows.",
            "Erase its target too.");
    RecordOfProcessing withCopies = record.withOtherCopies(List.of(trigger));

    StringWriter markdown = new StringWriter();
    withCopies.writeMarkdown(markdown);
    StringWriter json = new StringWriter();
    withCopies.writeJson(json);
    StringWriter plain = new StringWriter();
    record.writeMarkdown(plain);

    assertThat(record.otherCopies()).isEmpty();
    assertThat(withCopies.otherCopies()).containsExactly(trigger);
    assertThat(markdown.toString())
        .contains("## Other copies, out of erasure's reach (Art. 17(1), 17(2))")
        .contains(
            "| TRIGGER | trigger customer\\_copy on table customer | It may copy the rows. | Erase its target too. |");
    assertThat(plain.toString()).doesNotContain("Other copies");
    JsonNode copies = JsonMapper.builder().build().readTree(json.toString()).get("otherCopies");
    assertThat(copies.size()).isEqualTo(1);
    assertThat(copies.get(0).get("kind").asString()).isEqualTo("TRIGGER");
    assertThat(copies.get(0).get("where").asString())
        .isEqualTo("trigger customer_copy on table customer");
    assertThat(copies.get(0).get("fix").asString()).isEqualTo("Erase its target too.");
  }

  @Test
  @DisplayName(
      "Art. 30(1)(d): a purpose's recipient that the controller does not describe fails, naming every missing one")
  void undescribedRecipients() {
    Controller withoutSome =
        Seed.controller()
            .withTransfers()
            .withRecipients(
                Seed.controller().recipients().stream()
                    .filter(recipient -> !List.of("HubSpot", "Zoom").contains(recipient.name()))
                    .toArray(Recipient[]::new));

    assertThatThrownBy(() -> RecordOfProcessing.of(model, withoutSome))
        .isInstanceOfSatisfying(
            UnknownRecipientException.class,
            e -> assertThat(e.recipients()).containsExactly("HubSpot", "Zoom"))
        .hasMessageContaining("does not describe 2 recipients")
        .hasMessageContaining("'HubSpot', named by purpose 'B2B marketing', purpose 'Newsletter'")
        .hasMessageContaining("'Zoom', named by purpose 'Events and webinars'");
  }

  @Test
  @DisplayName(
      "Art. 30(1)(e): a transfer to a recipient that the controller does not describe fails")
  void transferToUndescribedRecipient() {
    assertThatThrownBy(
            () ->
                Seed.controller()
                    .withTransfers(
                        new Transfer(
                            "Mailchimp",
                            "US",
                            Transfer.Safeguard.STANDARD_CONTRACTUAL_CLAUSES,
                            "DPA")))
        .isInstanceOfSatisfying(
            UnknownRecipientException.class,
            e -> assertThat(e.recipients()).containsExactly("Mailchimp"))
        .hasMessageContaining("'Mailchimp', named by a transfer to US");
  }

  @Test
  @DisplayName("A failing writer surfaces as the IOException the writers declare, in every format")
  void writerFailures() {
    Writer broken =
        new Writer() {
          @Override
          public void write(char[] buffer, int offset, int length) throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void flush() throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void close() {}
        };
    assertThatThrownBy(() -> record.writeJson(broken))
        .isInstanceOf(IOException.class)
        .hasMessage("disk full");
    assertThatThrownBy(() -> record.writeCsv(broken))
        .isInstanceOf(IOException.class)
        .hasMessage("disk full");
    assertThatThrownBy(() -> record.writeMarkdown(broken))
        .isInstanceOf(IOException.class)
        .hasMessage("disk full");
  }

  private ProcessingActivity activity(String purpose) {
    return record.activities().stream()
        .filter(activity -> activity.purpose().equals(purpose))
        .findFirst()
        .orElseThrow();
  }

  private static Recipient[] recipientsOfSeedRenamed(String description) {
    return Seed.controller().recipients().stream()
        .map(
            recipient ->
                new Recipient(recipient.name(), recipient.role(), description, recipient.country()))
        .toArray(Recipient[]::new);
  }
}
