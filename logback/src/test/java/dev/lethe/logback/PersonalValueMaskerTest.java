package dev.lethe.logback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.testing.MutableClock;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PersonalValueMaskerTest {

  @DataSubject("customer")
  @Processing(purpose = "orders", basis = LawfulBasis.Kind.CONTRACT)
  static class Customer {
    @SubjectIdentity("id")
    Long id;

    @SubjectIdentity("email")
    @PersonalData(category = "contact.email")
    String email;

    @SubjectIdentity("loyaltyCard")
    @PersonalData(category = "identity.identifier")
    String cardNumber;

    @PersonalData(category = "identity.name")
    String fullName;

    @PersonalData(category = "contact.postal-address")
    String postalAddress;

    String status;
  }

  private static final PersonalDataModel MODEL = PersonalDataModel.scan(Customer.class);

  private final RecentPersonalValues recent = RecentPersonalValues.standard();
  private final PersonalValueMasker masker = PersonalValueMasker.of(MODEL, recent);

  @Test
  @DisplayName(
      "Art. 5(1)(f), 32: the model's attribute names, identity names included, are the ones masked; the technical id is not")
  void attributeNamesFromTheModel() {
    assertThat(masker.attributeNames())
        .contains("email", "cardNumber", "loyaltyCard", "fullName", "postalAddress")
        .doesNotContain("id", "status");
  }

  @Test
  @DisplayName(
      "Art. 5(1)(f), 32: a record's, Lombok's and an IDE's toString lose the personal values and keep the rest")
  void toStringsOfEntities() {
    assertThat(
            masker.mask(
                "Customer[id=7, fullName=Dan Dixon, postalAddress=3 Example Road, Sunderland, status=OPEN]"))
        .isEqualTo("Customer[id=7, fullName=***, postalAddress=***, status=OPEN]");
    assertThat(
            masker.mask("Loaded Customer(id=7, cardNumber=LC-991-204, fullName=Dan Dixon) in 3 ms"))
        .isEqualTo("Loaded Customer(id=7, cardNumber=***, fullName=***) in 3 ms");
    assertThat(masker.mask("Customer{id=7, fullName='Dan Dixon', status='OPEN'}"))
        .isEqualTo("Customer{id=7, fullName='***', status='OPEN'}");
  }

  @Test
  @DisplayName("Art. 5(1)(f), 32: JSON and 'name: value' messages lose the personal values")
  void jsonAndColonPairs() {
    assertThat(masker.mask("{\"id\":7,\"fullName\":\"Dan Dixon\",\"status\":\"OPEN\"}"))
        .isEqualTo("{\"id\":7,\"fullName\":\"***\",\"status\":\"OPEN\"}");
    assertThat(masker.mask("lookup by loyaltyCard: LC-991-204"))
        .isEqualTo("lookup by loyaltyCard: ***");
  }

  @Test
  @DisplayName(
      "Art. 5(1)(f), 32: an e-mail address is masked wherever it appears, with or without a model")
  void emailAddresses() {
    assertThat(masker.mask("Request submitted by Dan.Dixon+news@example.co.uk today"))
        .isEqualTo("Request submitted by *** today");
    assertThat(
            PersonalValueMasker.withoutModel(recent).mask("to dan@example.com, fullName=Dan Dixon"))
        .isEqualTo("to ***, fullName=Dan Dixon");
  }

  @Test
  @DisplayName(
      "Art. 5(1)(f), 32: a remembered value is masked in free text, the longest first so no part is left")
  void rememberedValues() {
    recent.remember("Dan Dixon");
    recent.remember("Dixon");
    recent.remember("Dan");

    recent.remember("+44 191 496 0103");

    assertThat(masker.mask("Welcome back, Dan Dixon. Mr Dixon has 3 orders"))
        .isEqualTo("Welcome back, ***. Mr *** has 3 orders");
    assertThat(masker.mask("call +44 191 496 0103 or (+44 191 496 0103)"))
        .isEqualTo("call *** or (***)");
    assertThat(recent.size())
        .as("values of fewer than four characters would mask ordinary words")
        .isEqualTo(3);
  }

  @Test
  @DisplayName(
      "Art. 5(1)(c), 5(1)(e): the registry is bounded and forgets a value a while after it was last seen")
  void registryBoundedAndShortLived() {
    MutableClock clock = MutableClock.at("2026-11-30T10:00:00Z");
    RecentPersonalValues shortLived = RecentPersonalValues.of(2, Duration.ofMinutes(10), clock);
    shortLived.remember("Dan Dixon");
    assertThat(shortLived.mask("Dan Dixon", "***")).isEqualTo("***");

    clock.advance(Duration.ofMinutes(11));
    assertThat(shortLived.mask("Dan Dixon", "***")).isEqualTo("Dan Dixon");

    shortLived.remember("Erin Evans");
    shortLived.remember("Frank Foster");
    shortLived.remember("Grace Green");
    assertThat(shortLived.size()).isLessThanOrEqualTo(2);
    assertThat(shortLived.mask("Erin Evans, Frank Foster, Grace Green", "***"))
        .as("the oldest one is forgotten")
        .isEqualTo("Erin Evans, ***, ***");
  }

  @Property
  @Label("Art. 5(1)(f), 32: whatever the name and address, an entity's toString keeps none of them")
  void noValueSurvivesAToString(
      @ForAll @AlphaChars @Chars({' ', '-', '\''}) @StringLength(min = 1, max = 30) String name,
      @ForAll @AlphaChars @Chars({' ', ',', '.', '/'}) @StringLength(min = 1, max = 40)
          String address) {
    // A value as an entity holds it: no leading blank, which the pattern would take for layout.
    String fullName = "N" + name;
    String postalAddress = "1" + address;
    String masked =
        masker.mask(
            "Customer[id=7, fullName="
                + fullName
                + ", postalAddress="
                + postalAddress
                + ", status=OPEN]");

    assertThat(masked).isEqualTo("Customer[id=7, fullName=***, postalAddress=***, status=OPEN]");
  }
}
