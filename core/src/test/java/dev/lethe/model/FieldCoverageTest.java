package dev.lethe.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.PersonalDataOverride;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.annotation.SubjectLink;
import dev.lethe.erasure.ErasurePlan;
import dev.lethe.law.DataCategory;
import dev.lethe.law.ErasureExemption;
import dev.lethe.law.ErasureGround;
import dev.lethe.subject.SubjectKey;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which attributes a model covers: inherited ones, overrides, link columns, and rows that keep an attribute. */
class FieldCoverageTest {

  private final PersonalDataModel model =
      PersonalDataModel.scan(
          Party.class,
          Customer.class,
          Supplier.class,
          Order.class,
          Ticket.class,
          Invoice.class,
          Letter.class);

  @Test
  @DisplayName(
      "Art. 4(1): a class-level @PersonalData covers the attributes inherited from a superclass without one")
  void classLevelCoversInheritedAttributes() {
    assertThat(entity(Customer.class).fields())
        .extracting(FieldDescriptor::name)
        .containsExactlyInAnyOrder("displayName", "telephone", "email");
    assertThat(entity(Customer.class).field("telephone").orElseThrow().category())
        .isEqualTo(DataCategory.NAME);
    assertThat(entity(Customer.class).field("email").orElseThrow().category())
        .isEqualTo(DataCategory.EMAIL);
  }

  @Test
  @DisplayName(
      "Art. 4(1): @PersonalDataOverride declares one inherited attribute for one subclass, not its siblings")
  void overrideDeclaresAnInheritedAttributeForOneSubclass() {
    FieldDescriptor telephone = entity(Supplier.class).field("telephone").orElseThrow();
    assertThat(entity(Supplier.class).fields())
        .extracting(FieldDescriptor::name)
        .containsExactly("telephone");
    assertThat(telephone.category()).isEqualTo(DataCategory.PHONE);
    assertThat(telephone.erasure().strategy()).isEqualTo(ErasureStrategy.MASK);
    assertThat(telephone.erasure().maskKeepLast()).isEqualTo(2);
    assertThat(entity(Customer.class).field("telephone").orElseThrow().category())
        .as("the sibling keeps its own coverage")
        .isEqualTo(DataCategory.NAME);
  }

  @Test
  @DisplayName(
      "Art. 4(1): a @SubjectLink column is personal data with the category of the identity it holds")
  void linkColumnIsPersonalData() {
    FieldDescriptor email = entity(Order.class).field("customerEmail").orElseThrow();
    assertThat(email.category()).isEqualTo(DataCategory.EMAIL);
    assertThat(email.erasure().strategy()).isEqualTo(ErasureStrategy.NULLIFY);

    FieldDescriptor id = entity(Ticket.class).field("customerId").orElseThrow();
    assertThat(id.category()).isEqualTo(DataCategory.IDENTIFIER);
    assertThat(id.erasure().strategy())
        .as("a primitive cannot be nulled")
        .isEqualTo(ErasureStrategy.REPLACE);
    assertThat(entity(Ticket.class).fields())
        .extracting(FieldDescriptor::name)
        .containsExactly("customerId");

    assertThat(entity(Letter.class).field("customerId").orElseThrow().erasure().strategy())
        .as("the class's DELETE_ROW decides for the link too")
        .isEqualTo(ErasureStrategy.DELETE_ROW);
  }

  @Test
  @DisplayName(
      "Art. 17(1) and 17(3): DELETE_ROW beside a KEEP attribute erases the row's other attributes in place")
  void deleteRowBesideKeepErasesInPlace() {
    EntityDescriptor invoice = entity(Invoice.class);
    assertThat(invoice.field("billingName").orElseThrow().erasure().strategy())
        .isEqualTo(ErasureStrategy.NULLIFY);
    assertThat(invoice.field("customerId").orElseThrow().erasure().strategy())
        .isEqualTo(ErasureStrategy.NULLIFY);
    assertThat(invoice.field("pages").orElseThrow().erasure().strategy())
        .isEqualTo(ErasureStrategy.REPLACE);

    ErasurePlan plan =
        ErasurePlan.of(
            model, new SubjectKey("customer", 1L), ErasureGround.CONSENT_WITHDRAWN, List.of());
    ErasurePlan.Step step =
        plan.steps().stream()
            .filter(candidate -> candidate.entity().type() == Invoice.class)
            .findFirst()
            .orElseThrow();
    assertThat(step.deleteRows()).isFalse();
    assertThat(step.erased())
        .extracting(FieldDescriptor::name)
        .containsExactlyInAnyOrder("billingName", "pages", "customerId");
    assertThat(step.kept()).extracting(FieldDescriptor::name).containsExactly("amount");
    assertThat(
            plan.steps().stream()
                .filter(candidate -> candidate.entity().type() == Letter.class)
                .findFirst()
                .orElseThrow()
                .deleteRows())
        .as("without KEEP the row goes")
        .isTrue();
  }

  @Test
  @DisplayName(
      "Art. 17: a link that is the row's identifier cannot be overwritten, so its row is deleted")
  void identifierLinkDeletesItsRow() {
    PersonalDataModel withSettings = PersonalDataModel.scan(Customer.class, Settings.class);

    assertThat(
            withSettings
                .entity(Settings.class)
                .orElseThrow()
                .field("customerId")
                .orElseThrow()
                .erasure()
                .strategy())
        .isEqualTo(ErasureStrategy.DELETE_ROW);
    assertThat(
            ErasurePlan.of(
                    withSettings,
                    new SubjectKey("customer", 1L),
                    ErasureGround.CONSENT_WITHDRAWN,
                    List.of())
                .steps())
        .filteredOn(step -> step.entity().type() == Settings.class)
        .singleElement()
        .satisfies(step -> assertThat(step.deleteRows()).isTrue());
  }

  @Test
  @DisplayName(
      "Art. 17(3): an identifier erased by DELETE_ROW in a row that keeps an attribute is refused with a fix")
  void keptRowWithDeletedIdentifierIsRefused() {
    assertThat(PersonalDataModel.builder().add(Customer.class, KeptSettings.class).validate())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.kind()).isEqualTo(ModelProblem.Kind.KEPT_ROW_IDENTIFIER);
              assertThat(problem.location())
                  .isEqualTo(KeptSettings.class.getName() + ".customerId");
              assertThat(problem.fix()).contains("KEEP");
            });
  }

  @Test
  @DisplayName(
      "An override naming no inherited attribute, the class's own attribute or an association is refused")
  void invalidOverridesAreRefused() {
    List<ModelProblem> problems =
        PersonalDataModel.builder()
            .add(
                Customer.class, UnknownOverride.class, OwnOverride.class, AssociationOverride.class)
            .validate();

    assertThat(problems)
        .extracting(ModelProblem::kind)
        .containsOnly(ModelProblem.Kind.INVALID_OVERRIDE);
    assertThat(problems)
        .extracting(ModelProblem::location)
        .containsExactlyInAnyOrder(
            AssociationOverride.class.getName(),
            OwnOverride.class.getName() + ".note",
            UnknownOverride.class.getName());
    assertThat(problems).allSatisfy(problem -> assertThat(problem.fix()).isNotBlank());
  }

  // --- fixtures ------------------------------------------------------------------------------

  /** A shared superclass, as a @MappedSuperclass would be: no Lethe annotation of its own. */
  abstract static class Party {
    String displayName;
    String telephone;
  }

  @DataSubject("customer")
  @PersonalData(category = "identity.name")
  static class Customer extends Party {
    @SubjectIdentity("id")
    Long id;

    @SubjectIdentity("email")
    @PersonalData(category = "contact.email")
    String email;
  }

  @DataSubject("supplier")
  @PersonalDataOverride(
      attribute = "telephone",
      data =
          @PersonalData(
              category = "contact.phone",
              erasure = ErasureStrategy.MASK,
              maskKeepLast = 2))
  static class Supplier extends Party {
    @SubjectIdentity("id")
    Long id;
  }

  static class Order {
    @SubjectLink(subject = "customer", identity = "email")
    String customerEmail;

    @PersonalData(category = "contact.postal-address")
    String deliveryAddress;
  }

  static class Ticket {
    @SubjectLink(subject = "customer")
    long customerId;

    String text;
  }

  @PersonalData(category = "financial.payment", erasure = ErasureStrategy.DELETE_ROW)
  static class Invoice {
    @SubjectLink(subject = "customer")
    Long customerId;

    String billingName;

    int pages;

    @PersonalData(
        category = "financial.payment",
        erasure = ErasureStrategy.KEEP,
        exemption = ErasureExemption.LEGAL_OBLIGATION_OR_PUBLIC_TASK)
    BigDecimal amount;
  }

  @PersonalData(category = "communication.content", erasure = ErasureStrategy.DELETE_ROW)
  static class Letter {
    @SubjectLink(subject = "customer")
    Long customerId;

    String body;
  }

  static class Settings {
    @Id
    @SubjectLink(subject = "customer")
    Long customerId;

    @PersonalData(category = "preferences")
    String nickname;
  }

  static class KeptSettings {
    @Id
    @SubjectLink(subject = "customer")
    Long customerId;

    @PersonalData(
        category = "preferences.marketing",
        erasure = ErasureStrategy.KEEP,
        exemption = ErasureExemption.LEGAL_CLAIMS)
    String optOut;
  }

  @PersonalDataOverride(attribute = "fax", data = @PersonalData(category = "contact.phone"))
  static class UnknownOverride extends Party {
    @SubjectLink(subject = "customer")
    Long customerId;
  }

  @PersonalDataOverride(
      attribute = "note",
      data = @PersonalData(category = "communication.content"))
  static class OwnOverride {
    @SubjectLink(subject = "customer")
    Long customerId;

    String note;
  }

  abstract static class WithCustomer {
    Customer customer;
  }

  @PersonalDataOverride(attribute = "customer", data = @PersonalData(category = "identity"))
  static class AssociationOverride extends WithCustomer {}

  private EntityDescriptor entity(Class<?> type) {
    return model.entity(type).orElseThrow();
  }
}
