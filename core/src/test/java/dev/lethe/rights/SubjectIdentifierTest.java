package dev.lethe.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.subject.SubjectIdentifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SubjectIdentifierTest {

  @Test
  @DisplayName("Art. 32: toString names the subject type and identity but redacts the value")
  void toStringRedactsTheValue() {
    SubjectIdentifier subject = new SubjectIdentifier("customer", "email", "ada@example.com");

    assertThat(subject).hasToString("customer/email=<redacted>");
    assertThat(subject.value()).isEqualTo("ada@example.com");
  }

  @Test
  void aMissingPartIsNamed() {
    assertThatThrownBy(() -> new SubjectIdentifier("customer", "email", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value");
    assertThatThrownBy(() -> new SubjectIdentifier(null, "email", "ada@example.com"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("subjectType");
  }

  @Test
  void aBlankPartIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> new SubjectIdentifier("customer", " ", "ada@example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("identity must not be blank");
    assertThatThrownBy(() -> new SubjectIdentifier("customer", "email", "\t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value must not be blank");
  }

  @Test
  void identifiersAreEqualWhenAllThreePartsAre() {
    assertThat(new SubjectIdentifier("customer", "email", "a@example.com"))
        .isEqualTo(new SubjectIdentifier("customer", "email", "a@example.com"))
        .isNotEqualTo(new SubjectIdentifier("customer", "email", "b@example.com"))
        .isNotEqualTo(new SubjectIdentifier("employee", "email", "a@example.com"));
  }
}
