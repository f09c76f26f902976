package dev.lethe.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.law.Right;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.records.seed.Employee;
import dev.lethe.records.seed.Seed;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PrivacyNoticeTest {

  private static final String SNAPSHOT = "/dev/lethe/records/seed-privacy-notice.md";

  private final PersonalDataModel model = Seed.model();
  private final PrivacyNotice notice =
      PrivacyNotice.of(model, Seed.controller())
          .withResponseTime(Right.RESTRICTION, Period.ofDays(28));

  /** Everything the seed's privacy statement tells its readers, as the generated notice must word it. */
  private static List<String> whatTheSeedStatementStates() {
    List<String> statements =
        new ArrayList<>(
            List.of(
                // who we are and how to reach us
                "Mesma Limited",
                "27/28 Frederick Street, Sunderland, Tyne and Wear, SR1 1LZ",
                "support@mesma.co.uk",
                "0845 6588370",
                // the types of personal data
                "Full name",
                "E-mail address",
                "Postal address",
                "Job title",
                "Company name",
                "IP address",
                "Telephone number",
                "We hold no special categories of personal data",
                // the people
                "enquirer",
                "licensed-user",
                "newsletter-subscriber",
                "event-attendee",
                "job-applicant",
                "employee",
                "website-visitor",
                // the lawful bases and the legitimate interests
                "Consent (Art. 6(1)(a))",
                "Performance of a contract (Art. 6(1)(b))",
                "Legitimate interests (Art. 6(1)(f))",
                "Promoting our products",
                "Product upgrades and updates to new or existing customers",
                // retention
                "12 months after recruitment closed on, then anonymised",
                "held for 12 months after the recruitment exercise has been completed",
                "12 months after employment ended on, then deleted",
                "kept for 12 months after employment ends",
                // rights, their deadlines, consent withdrawal and complaints
                "Within one month of receiving your request",
                "Within 28 days of receiving your request",
                "Withdrawing consent (Art. 7(3))",
                "unsubscribe link",
                "We may ask you to confirm your identity first",
                "Information Commissioner's Office",
                "https://ico.org.uk",
                "We take no decisions about you based solely on automated processing"));
    for (Recipient recipient : Seed.controller().recipients()) {
      statements.add(recipient.name());
      statements.add(recipient.description());
    }
    for (Right right : Right.values()) {
      statements.add(right.title());
      statements.add(right.article());
    }
    return statements;
  }

  @Test
  @DisplayName(
      "Art. 13 and 14: the Markdown notice states every kind of data, basis, interest, retention rule, recipient and right of the seed's statement")
  void markdownStatesTheSeed() throws IOException {
    String markdown = markdown(notice);
    for (String statement : whatTheSeedStatementStates()) {
      assertThat(markdown).contains(statement.replace("_", "\\_"));
    }
  }

  @Test
  @DisplayName(
      "Art. 13 and 14: the HTML notice states every kind of data, basis, interest, retention rule, recipient and right of the seed's statement")
  void htmlStatesTheSeed() throws IOException {
    String html = html(notice);
    for (String statement : whatTheSeedStatementStates()) {
      assertThat(html).contains(htmlText(statement));
    }
  }

  @Test
  @DisplayName(
      "Art. 12(3): the restriction right promises the seed's 28 days, the others one month extendable by two")
  void responseTimes() throws IOException {
    String markdown = markdown(notice);
    assertThat(markdown)
        .contains("| Right to restriction of processing | Art. 18 | All our processing |")
        .containsOnlyOnce("Within 28 days of receiving your request")
        .contains(
            "| Right of access | Art. 15 | All our processing | e-mail support@mesma.co.uk or call 0845 6588370 |"
                + " Within one month of receiving your request; where requests are complex or numerous, by up to two"
                + " further months");
    assertThatThrownBy(() -> notice.withResponseTime(Right.LODGE_COMPLAINT, Period.ofDays(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LODGE_COMPLAINT");
    assertThatThrownBy(() -> notice.withResponseTime(Right.ACCESS, Period.ofMonths(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most one month");
  }

  @Test
  @DisplayName(
      "Art. 20 and 21: portability and objection apply only to the purposes whose basis grants them")
  void rightsFollowTheBasis() throws IOException {
    String markdown = markdown(notice);
    assertThat(markdown)
        .contains(
            "| Right to object | Art. 21 | B2B marketing, Product updates, Website analytics |")
        .contains(
            "| Right to data portability | Art. 20 | Providing the Mesma software, Invoicing, Newsletter,"
                + " Events and webinars, Recruitment, Employment |");
  }

  @Test
  @DisplayName("Art. 7(3): without a consent purpose the notice has no withdrawal section")
  void noConsentNoWithdrawal() throws IOException {
    String markdown =
        markdown(PrivacyNotice.of(PersonalDataModel.scan(Employee.class), Seed.controller()));
    assertThat(markdown)
        .doesNotContain("Withdrawing consent")
        .doesNotContain("Our legitimate interests")
        .contains("| Right to withdraw consent | Art. 7(3) | None of our current processing |");
  }

  @Test
  @DisplayName(
      "Art. 13(2)(a): retention is stated only where declared; the rest is returned as gaps")
  void retentionGaps() throws IOException {
    assertThat(notice.gaps())
        .filteredOn(gap -> gap.contains("retention"))
        .extracting(gap -> gap.substring(0, gap.indexOf(' ')))
        .containsExactly(
            "Enquirer",
            "LicensedUser",
            "SoftwareSignIn",
            "Subscriber",
            "EventAttendee",
            "WebsiteVisitor");
    assertThat(markdown(notice))
        .contains("| Data | Kept for | Why |")
        .contains("| Applicant | 12 months after recruitment closed on, then anonymised |")
        .doesNotContain("| Enquirer |");
  }

  @Test
  @DisplayName(
      "Art. 13(1)(e): a purpose's recipient that the controller does not describe fails the notice")
  void undescribedRecipient() {
    Controller withoutZoom =
        Seed.controller()
            .withTransfers()
            .withRecipients(
                Seed.controller().recipients().stream()
                    .filter(recipient -> !recipient.name().equals("Zoom"))
                    .toArray(Recipient[]::new));
    assertThatThrownBy(() -> PrivacyNotice.of(model, withoutZoom))
        .isInstanceOfSatisfying(
            UnknownRecipientException.class,
            e -> assertThat(e.recipients()).containsExactly("Zoom"));
  }

  @Test
  @DisplayName("Art. 12(1): the HTML notice escapes every value and is a self-contained page")
  void htmlEscaping() throws IOException {
    Controller hostile =
        Controller.of(
                "<script>alert('x')</script> & Sons \"Ltd\"",
                "1 <b>High</b> Street",
                Contact.of("x@example.com"),
                SupervisoryAuthority.of("ICO", "https://ico.org.uk/?a=1&b=2"))
            .withRecipients(Seed.controller().recipients().toArray(Recipient[]::new));
    String html = html(PrivacyNotice.of(model, hostile));

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains(
            "<title>Privacy notice: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Sons &quot;Ltd&quot;</title>")
        .contains("1 &lt;b&gt;High&lt;/b&gt; Street")
        .contains("https://ico.org.uk/?a=1&amp;b=2")
        .doesNotContain("<script", "<b>", "<link", "src=", "href=", "@import", "url(");
    assertThat(markdown(PrivacyNotice.of(model, hostile)))
        .startsWith("# Privacy notice: \\<script\\>alert('x')\\</script\\> & Sons \"Ltd\"\n")
        .doesNotContain("<b>");
  }

  @Test
  @DisplayName("Art. 13 and 14: the seed's Markdown notice matches the reviewed snapshot exactly")
  void snapshot() throws IOException {
    String actual = markdown(notice);
    String expected;
    try (InputStream in = getClass().getResourceAsStream(SNAPSHOT)) {
      expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!actual.equals(expected)) {
      // Written beside the build output so that a reviewed change can be copied over the snapshot.
      Files.writeString(
          Path.of("target", "seed-privacy-notice.actual.md"), actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(expected);
  }

  private static String markdown(PrivacyNotice notice) throws IOException {
    StringWriter out = new StringWriter();
    notice.writeMarkdown(out);
    return out.toString();
  }

  private static String html(PrivacyNotice notice) throws IOException {
    StringWriter out = new StringWriter();
    notice.writeHtml(out);
    return out.toString();
  }

  private static String htmlText(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
