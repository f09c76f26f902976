package dev.lethe.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.records.seed.Seed;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ControllerTest {

  @Test
  @DisplayName("withX copies leave the original unchanged")
  void copies() {
    Controller seed = Seed.controller();
    Controller withDpo =
        seed.withDataProtectionOfficer(
            Contact.of("dpo@mesma.co.uk").withName("Data Protection Officer"));
    assertThat(seed.dataProtectionOfficer()).isEmpty();
    assertThat(withDpo.dataProtectionOfficer())
        .hasValueSatisfying(dpo -> assertThat(dpo.name()).hasValue("Data Protection Officer"));
    assertThat(withDpo.recipients()).isEqualTo(seed.recipients());
    assertThat(seed.recipient("HubSpot"))
        .hasValueSatisfying(
            hubSpot -> assertThat(hubSpot.role()).isEqualTo(Recipient.Role.PROCESSOR));
    assertThat(seed.recipient("Mailchimp")).isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 13(1)(e): recipient names are unique and countries are ISO 3166-1 alpha-2 codes")
  void recipientsAreChecked() {
    Recipient zoom = Recipient.processor("Zoom", "Online meetings", "US");
    assertThatThrownBy(() -> Seed.controller().withTransfers().withRecipients(zoom, zoom))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("described more than once: Zoom");
    assertThatThrownBy(() -> Recipient.processor("Zoom", "Online meetings", "USA"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'USA'");
  }

  @Test
  @DisplayName("Art. 77: the supervisory authority's website is an absolute http or https address")
  void authorityWebsite() {
    assertThat(SupervisoryAuthority.of("ICO", "https://ico.org.uk").website()).hasScheme("https");
    assertThatThrownBy(() -> SupervisoryAuthority.of("ICO", "javascript:alert(1)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute http or https");
    assertThatThrownBy(() -> SupervisoryAuthority.of("ICO", "ico.org.uk"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SupervisoryAuthority.of("ICO", "https://ico.org.uk/<x>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid address");
  }

  @Test
  @DisplayName("Blank or missing values are refused at the door, naming the value")
  void requiredValues() {
    assertThatThrownBy(() -> Contact.of(" ")).hasMessageContaining("email");
    assertThatThrownBy(() -> Seed.controller().withRightsContact(""))
        .hasMessageContaining("rightsContact");
    assertThatThrownBy(() -> Controller.of("Mesma", "Sunderland", Contact.of("a@b.c"), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("supervisoryAuthority");
  }
}
