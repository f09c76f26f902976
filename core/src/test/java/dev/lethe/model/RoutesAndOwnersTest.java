package dev.lethe.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.erasure.ErasurePlan;
import dev.lethe.law.ErasureGround;
import dev.lethe.subject.SubjectKey;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Routes per association path and owners of fields in rows that reach several subjects (issue 13 items 3, 4, 15). */
class RoutesAndOwnersTest {

  @DataSubject("patient")
  static class Patient {
    @SubjectIdentity("id")
    Long id;
  }

  @DataSubject("physician")
  static class Physician {
    @SubjectIdentity("id")
    Long id;
  }

  static class Treatment {
    Patient patient;
    Physician physician;
    Physician consultant;

    @PersonalData(category = "health.diagnosis", of = "patient")
    String diagnosis;

    @PersonalData(category = "employment.remark", of = "physician")
    String remark;

    @PersonalData(
        category = "employment.remark",
        erasure = ErasureStrategy.DELETE_ROW,
        of = "consultant")
    String consultantRemark;
  }

  static class Unowned {
    Patient patient;
    Physician physician;

    @PersonalData(category = "communication.content")
    String notes;

    @PersonalData(category = "communication.content", of = "physician.id.x")
    String wrong;
  }

  @DataSubject("member")
  static class Member {
    @SubjectIdentity("id")
    Long id;

    @SubjectIdentity("email")
    @PersonalData(category = "contact.email")
    String email;
  }

  static class PremiumMember extends Member {
    @PersonalData(category = "financial.card")
    String card;
  }

  @Test
  @DisplayName(
      "Art. 30: every association to a subject is a route, two to one subject type included")
  void everyAssociationIsARoute() {
    EntityDescriptor treatment =
        PersonalDataModel.scan(Patient.class, Physician.class, Treatment.class)
            .entity(Treatment.class)
            .orElseThrow();

    assertThat(treatment.routes())
        .extracting(SubjectRoute::name)
        .containsExactly("patient", "physician", "consultant");
    assertThat(treatment.routesTo("physician"))
        .extracting(SubjectRoute::dottedPath)
        .containsExactly("physician.id", "consultant.id");
    assertThat(treatment.field("diagnosis").orElseThrow().owner())
        .isEqualTo(Optional.of("patient"));
  }

  @Test
  @DisplayName(
      "Art. 17: a physician's erasure plan has a step per route, each with only that route's fields")
  void planErasesOwnFieldsPerRoute() {
    PersonalDataModel model =
        PersonalDataModel.scan(Patient.class, Physician.class, Treatment.class);

    ErasurePlan plan =
        ErasurePlan.of(
            model, new SubjectKey("physician", 1L), ErasureGround.CONSENT_WITHDRAWN, List.of());

    assertThat(plan.steps())
        .filteredOn(step -> step.entity().type() == Treatment.class)
        .extracting(
            step -> step.route().name(),
            ErasurePlan.Step::deleteRows,
            step -> step.erased().stream().map(FieldDescriptor::name).toList())
        .containsExactlyInAnyOrder(
            Tuple.tuple("physician", false, List.of("remark")),
            Tuple.tuple("consultant", true, List.of()));
    assertThat(
            ErasurePlan.of(
                    model,
                    new SubjectKey("patient", 1L),
                    ErasureGround.CONSENT_WITHDRAWN,
                    List.of())
                .steps())
        .filteredOn(step -> step.entity().type() == Treatment.class)
        .singleElement()
        .satisfies(
            step ->
                assertThat(step.erased())
                    .extracting(FieldDescriptor::name)
                    .containsExactly("diagnosis"));
  }

  @Test
  @DisplayName(
      "Art. 15, 17: a field of a row reaching several subjects must name its owner; unknown owners are refused")
  void ownersAreRequired() {
    List<ModelProblem> problems =
        PersonalDataModel.builder().add(Patient.class, Physician.class, Unowned.class).validate();

    assertThat(problems)
        .extracting(ModelProblem::kind, ModelProblem::location)
        .containsExactly(
            Tuple.tuple(ModelProblem.Kind.OWNER_REQUIRED, Unowned.class.getName() + ".notes"),
            Tuple.tuple(ModelProblem.Kind.UNKNOWN_OWNER, Unowned.class.getName() + ".wrong"));
    assertThat(problems.get(0).problem())
        .contains("'patient' (patient)", "'physician' (physician)");
  }

  @Test
  @DisplayName(
      "Art. 4(1): a subclass of a root is a root of the same subject type and inherits its identities")
  void subclassOfRootIsRoot() {
    PersonalDataModel model = PersonalDataModel.scan(Member.class, PremiumMember.class);

    EntityDescriptor premium = model.entity(PremiumMember.class).orElseThrow();
    assertThat(premium.subjectRootOf()).contains("member");
    assertThat(premium.routes()).containsExactly(new SubjectRoute("member", List.of("id"), "id"));
    assertThat(premium.fields()).extracting(FieldDescriptor::name).containsExactly("email", "card");
  }
}
