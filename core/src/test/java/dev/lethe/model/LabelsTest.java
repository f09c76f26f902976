package dev.lethe.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NotBlank;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LabelsTest {

  @DataSubject("member")
  @Processing(purpose = "b2b-marketing", basis = LawfulBasis.Kind.CONSENT)
  @Processing(
      purpose = "newsletter",
      basis = LawfulBasis.Kind.CONSENT,
      label = "Newsletter by e-mail")
  static class Member {
    @SubjectIdentity("id")
    Long id;

    @PersonalData(category = "identity.name")
    String fullName;

    @SubjectIdentity("email")
    @PersonalData(category = "contact.email", label = "E-mail address")
    String email;
  }

  @DataSubject("visitor")
  @PersonalData(category = "online.ip", label = "Everything")
  static class LabelledClass {
    @SubjectIdentity("id")
    Long id;

    String address;
  }

  @DataSubject("reader")
  @Processing(purpose = "newsletter", basis = LawfulBasis.Kind.CONSENT, label = "Our newsletter")
  static class OtherLabel {
    @SubjectIdentity("id")
    Long id;

    @PersonalData(category = "identity.name")
    String name;
  }

  @Test
  @DisplayName(
      "Art. 12(1): attributes and purposes read in words, declared or derived from their names")
  void art12_labelsInWords() {
    PersonalDataModel model = PersonalDataModel.scan(Member.class);
    EntityDescriptor member = model.entities().get(0);

    assertThat(member.field("fullName").orElseThrow().label()).isEqualTo("Full name");
    assertThat(member.field("email").orElseThrow().label()).isEqualTo("E-mail address");
    assertThat(model.purpose("b2b-marketing").orElseThrow().label()).isEqualTo("B2b marketing");
    assertThat(model.purpose("newsletter").orElseThrow().label()).isEqualTo("Newsletter by e-mail");
  }

  @Test
  @DisplayName(
      "A label on a class-level @PersonalData, or two labels for one purpose, is refused at start-up")
  void misplacedLabels() {
    assertThat(PersonalDataModel.builder().add(LabelledClass.class).validate())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.kind()).isEqualTo(ModelProblem.Kind.MISPLACED_LABEL);
              assertThat(problem.location()).endsWith("LabelledClass");
            });
    assertThat(PersonalDataModel.builder().add(Member.class, OtherLabel.class).validate())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.kind()).isEqualTo(ModelProblem.Kind.MISPLACED_LABEL);
              assertThat(problem.problem()).contains("Our newsletter", "Newsletter by e-mail");
            });
  }

  @Test
  @DisplayName("Names in camel case, dotted paths, dashes and acronyms become sentence-case words")
  void derivedLabels() {
    assertThat(Labels.fromName("fullName")).isEqualTo("Full name");
    assertThat(Labels.fromName("address.street")).isEqualTo("Address street");
    assertThat(Labels.fromName("b2b-marketing")).isEqualTo("B2b marketing");
    assertThat(Labels.fromName("IPAddress")).isEqualTo("IP address");
    assertThat(Labels.fromName("B2B marketing")).isEqualTo("B2B marketing");
    assertThat(Labels.fromName("top10Items")).isEqualTo("Top10 items");
    assertThat(Labels.fromName("recruitmentClosedOn")).isEqualTo("Recruitment closed on");
    assertThat(Labels.fromName("job_title")).isEqualTo("Job title");
  }

  @Property
  @Label("A derived label is never blank, starts with a capital and keeps every letter of the name")
  void derivedLabelKeepsTheLetters(@ForAll @AlphaChars @NotBlank String name) {
    String label = Labels.fromName(name);
    assertThat(label).isNotBlank();
    assertThat(Character.isUpperCase(label.charAt(0)) || !Character.isLetter(label.charAt(0)))
        .isTrue();
    assertThat(label.replace(" ", "").toLowerCase()).isEqualTo(name.toLowerCase());
  }
}
