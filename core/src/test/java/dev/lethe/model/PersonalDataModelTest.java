package dev.lethe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.RetentionAction;
import dev.lethe.law.Article9Condition;
import dev.lethe.law.DataCategory;
import dev.lethe.law.DataOrigin;
import dev.lethe.law.ErasureExemption;
import dev.lethe.law.LawfulBasis;
import dev.lethe.law.SensitiveCategory;
import dev.lethe.model.fixtures.clinic.Address;
import dev.lethe.model.fixtures.clinic.Owner;
import dev.lethe.model.fixtures.clinic.Pet;
import dev.lethe.model.fixtures.clinic.ReminderLog;
import dev.lethe.model.fixtures.clinic.Vet;
import dev.lethe.model.fixtures.clinic.Visit;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PersonalDataModelTest {

  private final PersonalDataModel model =
      PersonalDataModel.scanPackages("dev.lethe.model.fixtures.clinic");

  @Test
  @DisplayName(
      "Art. 4(1): subject types have one root each, with the id and the declared identities")
  void subjectTypes() {
    assertThat(model.subjectTypes())
        .extracting(SubjectType::name)
        .containsExactlyInAnyOrder("owner", "employee");
    SubjectType owner = model.subjectType("owner").orElseThrow();
    assertThat(owner.root()).isEqualTo(Owner.class);
    assertThat(owner.identities()).isEqualTo(Map.of("id", "id", "email", "email"));
    assertThat(model.subjectType("patient")).isEmpty();
  }

  @Test
  @DisplayName(
      "Entities reach their subjects through associations several hops deep and through identity columns")
  void routes() {
    assertThat(entity(Visit.class).routes())
        .containsExactly(
            new SubjectRoute("employee", List.of("vet", "id"), "id"),
            new SubjectRoute("owner", List.of("pet", "owner", "id"), "id"));
    assertThat(entity(Pet.class).routes())
        .containsExactly(new SubjectRoute("owner", List.of("owner", "id"), "id"));
    assertThat(entity(ReminderLog.class).routes())
        .containsExactly(new SubjectRoute("owner", List.of("ownerEmail"), "email"));
    assertThat(entity(Owner.class).routes())
        .as("a root reaches only itself: another subject's root behind it is not its data")
        .containsExactly(new SubjectRoute("owner", List.of("id"), "id"));
    assertThat(model.entitiesOf("owner"))
        .extracting(EntityDescriptor::type)
        .containsExactlyInAnyOrder(Owner.class, Pet.class, Visit.class, ReminderLog.class);
  }

  @Test
  @DisplayName(
      "Art. 30(1)(c): every personal-data attribute has its category, origin and erasure rule, inherited ones included")
  void personalDataAttributes() {
    EntityDescriptor owner = entity(Owner.class);
    assertThat(owner.fields())
        .extracting(FieldDescriptor::name)
        .containsExactly(
            "name",
            "email",
            "phone",
            "home.street",
            "billing.street",
            "billing.city",
            "otherPhones");
    assertThat(owner.field("email").orElseThrow().erasure().strategy())
        .isEqualTo(ErasureStrategy.HASH);
    assertThat(owner.field("phone").orElseThrow().erasure())
        .isEqualTo(new ErasureRule(ErasureStrategy.MASK, Optional.empty(), 0, 3, Optional.empty()));
    assertThat(entity(Vet.class).field("name").orElseThrow().category())
        .isEqualTo(DataCategory.NAME);
    assertThat(entity(Pet.class).holdsPersonalData()).isFalse();
  }

  @Test
  @DisplayName(
      "Embedded values contribute their attributes by path; collections are described by their element type")
  void embeddedValuesAndCollections() {
    EntityDescriptor owner = entity(Owner.class);
    FieldDescriptor billingCity = owner.field("billing.city").orElseThrow();
    assertThat(billingCity.path()).containsExactly("billing", "city");
    assertThat(billingCity.category())
        .as("covered by the embedding attribute's annotation")
        .isEqualTo(DataCategory.POSTAL_ADDRESS);
    assertThat(owner.field("home.street").orElseThrow().erasure().strategy())
        .isEqualTo(ErasureStrategy.REPLACE);
    FieldDescriptor otherPhones = owner.field("otherPhones").orElseThrow();
    assertThat(otherPhones.collection()).isTrue();
    assertThat(otherPhones.type()).isEqualTo(String.class);
    assertThat(model.entity(Address.class)).as("an embeddable is not an entity").isEmpty();
  }

  @Test
  @DisplayName(
      "A class-level @PersonalData covers its basic attributes, not transient state; a link is the identity it holds")
  void classLevelPersonalData() {
    EntityDescriptor log = entity(ReminderLog.class);
    assertThat(log.fields())
        .extracting(FieldDescriptor::name)
        .containsExactly("sentAt", "channel", "ownerEmail");
    assertThat(log.fields())
        .filteredOn(field -> !field.name().equals("ownerEmail"))
        .allSatisfy(
            field -> {
              assertThat(field.category()).isEqualTo(DataCategory.USAGE);
              assertThat(field.origin()).isEqualTo(DataOrigin.OBSERVED);
            });
    assertThat(log.field("ownerEmail").orElseThrow().category()).isEqualTo(DataCategory.EMAIL);
  }

  @Test
  @DisplayName(
      "Art. 9 and Art. 17(3): special categories carry their condition, kept fields their exemption")
  void specialCategoriesAndExemptions() {
    EntityDescriptor visit = entity(Visit.class);
    FieldDescriptor allergy = visit.field("ownerAllergy").orElseThrow();
    assertThat(allergy.category()).isEqualTo(DataCategory.HEALTH);
    assertThat(allergy.sensitivity())
        .contains(
            new Sensitivity(
                SensitiveCategory.HEALTH,
                Optional.of(Article9Condition.HEALTH_OR_SOCIAL_CARE),
                Optional.empty()));
    assertThat(visit.field("invoicedAmount").orElseThrow().erasure().exemption())
        .contains(ErasureExemption.LEGAL_CLAIMS);
    assertThat(visit.field("notes").orElseThrow().origin()).isEqualTo(DataOrigin.DERIVED);
  }

  @Test
  @DisplayName("Art. 5(1)(e): retention policies carry period, clock, action and reason")
  void retention() {
    RetentionPolicy visit = entity(Visit.class).retention().orElseThrow();
    assertThat(visit.period()).isEqualTo(Period.ofYears(6));
    assertThat(visit.clockAttribute()).isEqualTo("visitedAt");
    assertThat(visit.action()).isEqualTo(RetentionAction.ANONYMISE);
    assertThat(entity(Owner.class).retention()).isEmpty();
  }

  @Test
  @DisplayName(
      "Art. 6(1): one basis per purpose, recipients merged across the entities that declare it")
  void purposes() {
    Purpose treatment = model.purpose("treatment").orElseThrow();
    assertThat(treatment.basis()).isEqualTo(LawfulBasis.contract());
    assertThat(treatment.recipients()).containsExactlyInAnyOrder("lab", "insurer");
    assertThat(model.purpose("employment").orElseThrow().basis())
        .isEqualTo(LawfulBasis.legalObligation("Employment Rights Act 1996"));
    assertThat(model.purposes())
        .extracting(Purpose::name)
        .containsExactlyInAnyOrder("treatment", "reminders", "employment");
  }

  @Test
  @DisplayName("Integrations contribute identifiers and associations before validation")
  void contributions() {
    PersonalDataModel contributed =
        PersonalDataModel.builder()
            .add(Owner.class, Vet.class, ReminderLog.class)
            .association(Visit.class, "pet", Pet.class)
            .association(Pet.class, "owner", Owner.class)
            .build();
    assertThat(
            contributed
                .entity(Visit.class)
                .orElseThrow()
                .routeTo("owner")
                .orElseThrow()
                .dottedPath())
        .isEqualTo("pet.owner.id");

    assertThat(
            PersonalDataModel.builder()
                .add(Owner.class, Vet.class)
                .association(Pet.class, "keeper", Owner.class)
                .validate())
        .extracting(ModelProblem::kind)
        .containsExactly(ModelProblem.Kind.UNKNOWN_ATTRIBUTE);
  }

  @Test
  @DisplayName("The model is immutable")
  void immutable() {
    assertThatThrownBy(() -> model.entities().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> model.subjectType("owner").orElseThrow().identities().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private EntityDescriptor entity(Class<?> type) {
    return model.entity(type).orElseThrow();
  }
}
