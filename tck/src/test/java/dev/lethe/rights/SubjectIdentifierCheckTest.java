package dev.lethe.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.model.PersonalDataModel;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestType;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.subject.InvalidSubjectIdentifierException;
import dev.lethe.subject.InvalidSubjectIdentifierException.Problem;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.tck.shop.Shop;
import dev.lethe.testing.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SubjectIdentifierCheckTest {

  private final RightsFixture fixture = new RightsFixture(MutableClock.at("2026-01-31T09:00:00Z"));
  private final PersonalDataModel model = Shop.model();
  private final DataSubjectRights rights =
      fixture
          .rights()
          .personalData(
              model,
              PersonalDataStore.inMemory(model, Pseudonymizer.withRandomKey())
                  .add(Shop.population(1, 1).toArray()))
          .build();

  @Test
  @DisplayName(
      "Art. 12(2): an unknown subject type is refused at submission, naming the known ones, and nothing is stored")
  void unknownSubjectType() {
    RightsFixture.State before = fixture.state();

    assertThatThrownBy(
            () ->
                rights.submit(
                    RequestType.ERASURE,
                    new SubjectIdentifier("custommer", "email", "ada@example.com"),
                    Channel.WEB))
        .isInstanceOfSatisfying(
            InvalidSubjectIdentifierException.class,
            refused -> {
              assertThat(refused.problem()).isEqualTo(Problem.UNKNOWN_SUBJECT_TYPE);
              assertThat(refused.getMessage())
                  .contains("'custommer'", "customer")
                  .doesNotContain("ada@example.com");
            });
    assertThat(fixture.state()).isEqualTo(before);
  }

  @Test
  @DisplayName(
      "Art. 12(2): an identity the subject type does not have is refused at submission, naming its identities")
  void unknownIdentity() {
    RightsFixture.State before = fixture.state();

    assertThatThrownBy(
            () ->
                rights.submit(
                    RequestType.ACCESS,
                    new SubjectIdentifier("customer", "fax", "+44 1"),
                    Channel.WEB))
        .isInstanceOfSatisfying(
            InvalidSubjectIdentifierException.class,
            refused -> {
              assertThat(refused.problem()).isEqualTo(Problem.UNKNOWN_IDENTITY);
              assertThat(refused.getMessage())
                  .contains("'fax'", "id, email")
                  .doesNotContain("+44 1");
            });
    assertThat(fixture.state()).isEqualTo(before);
  }

  @Test
  @DisplayName(
      "Art. 12(2): a key of the wrong type is refused at submission, naming the type, never the value")
  void keyOfTheWrongType() {
    RightsFixture.State before = fixture.state();

    assertThatThrownBy(
            () ->
                rights.submit(
                    RequestType.ERASURE,
                    new SubjectIdentifier("customer", "id", "abc"),
                    Channel.WEB))
        .isInstanceOfSatisfying(
            InvalidSubjectIdentifierException.class,
            refused -> {
              assertThat(refused.problem()).isEqualTo(Problem.MALFORMED_VALUE);
              assertThat(refused.getMessage())
                  .contains("Long", "Customer.id")
                  .doesNotContain("abc");
            });
    assertThat(fixture.state()).isEqualTo(before);
  }

  @Test
  @DisplayName(
      "A name sent in the subject-type field that is not a name, such as an e-mail address, is not echoed")
  void valueInTheWrongFieldIsNotEchoed() {
    assertThatThrownBy(
            () ->
                rights.submit(
                    RequestType.ACCESS,
                    new SubjectIdentifier("ada@example.com", "email", "x"),
                    Channel.WEB))
        .isInstanceOf(InvalidSubjectIdentifierException.class)
        .message()
        .doesNotContain("ada@example.com");
  }

  @Test
  @DisplayName(
      "Art. 12(2): an e-mail identity whose value is no e-mail address is refused at submission, never echoed")
  void emailThatIsNoEmail() {
    RightsFixture.State before = fixture.state();

    for (String malformed :
        new String[] {"Ada Lovelace", "+44 20 7946 0000", "ada@", "@example.com", "a@b@c"}) {
      assertThatThrownBy(
              () ->
                  rights.submit(
                      RequestType.ERASURE,
                      new SubjectIdentifier("customer", "email", malformed),
                      Channel.WEB))
          .isInstanceOfSatisfying(
              InvalidSubjectIdentifierException.class,
              refused -> {
                assertThat(refused.problem()).isEqualTo(Problem.MALFORMED_VALUE);
                assertThat(refused.getMessage())
                    .contains("e-mail address", "Customer.email")
                    .doesNotContain(malformed);
              });
    }
    assertThat(fixture.state()).isEqualTo(before);
  }

  @Test
  void knownIdentitiesOfTheRightTypeAreAccepted() {
    rights.submit(RequestType.ACCESS, new SubjectIdentifier("customer", "id", "42"), Channel.WEB);
    rights.submit(
        RequestType.ACCESS,
        new SubjectIdentifier("customer", "email", " Ada@Example.com "),
        Channel.WEB);

    assertThat(fixture.state().requests()).hasSize(2);
  }

  @Test
  @DisplayName(
      "Without personal data configured, requests are only tracked and any subject type is taken")
  void withoutAModelAnythingIsTracked() {
    DataSubjectRights tracking =
        new RightsFixture(MutableClock.at("2026-01-31T09:00:00Z")).rights().build();

    assertThat(
            tracking.submit(
                RequestType.ACCESS, new SubjectIdentifier("visitor", "cookie", "abc"), Channel.WEB))
        .isNotNull();
  }
}
