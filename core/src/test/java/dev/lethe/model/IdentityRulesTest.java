package dev.lethe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IdentityRulesTest {

  @DataSubject("member")
  @Processing(purpose = "membership", basis = LawfulBasis.Kind.CONTRACT)
  static class Member {
    @SubjectIdentity("id")
    long number;

    @SubjectIdentity("email")
    @PersonalData(category = "contact.email")
    String email;

    @SubjectIdentity("login")
    @PersonalData(category = "contact.email")
    String login;

    @SubjectIdentity("handle")
    @PersonalData(category = "identity.identifier")
    String handle;

    @SubjectIdentity(value = "username", match = SubjectIdentity.Match.IGNORE_CASE_AND_SPACE)
    @PersonalData(category = "identity.identifier")
    String username;

    @SubjectIdentity(value = "mail", match = SubjectIdentity.Match.EXACT)
    @PersonalData(category = "contact.email")
    String mail;
  }

  @DataSubject("badge")
  @Processing(purpose = "access", basis = LawfulBasis.Kind.CONTRACT)
  static class Badge {
    @SubjectIdentity("id")
    Long id;

    @SubjectIdentity(value = "code", match = SubjectIdentity.Match.IGNORE_CASE_AND_SPACE)
    @PersonalData(category = "identity.identifier")
    Integer code;
  }

  @Test
  @DisplayName(
      "Art. 12(2): e-mail identities ignore case and spaces by default, others match exactly, as declared otherwise")
  void defaultsAndDeclaredMatches() {
    SubjectType member = PersonalDataModel.scan(Member.class).subjectType("member").orElseThrow();

    assertThat(member.identityRule("id").orElseThrow())
        .isEqualTo(new SubjectType.IdentityRule(Long.class, IdentityMatch.EXACT));
    assertThat(member.identityRule("email").orElseThrow().match())
        .isEqualTo(IdentityMatch.IGNORE_CASE_AND_SPACE);
    assertThat(member.identityRule("login").orElseThrow().match())
        .as("by category")
        .isEqualTo(IdentityMatch.IGNORE_CASE_AND_SPACE);
    assertThat(member.identityRule("handle").orElseThrow())
        .isEqualTo(new SubjectType.IdentityRule(String.class, IdentityMatch.EXACT));
    assertThat(member.identityRule("username").orElseThrow().match())
        .isEqualTo(IdentityMatch.IGNORE_CASE_AND_SPACE);
    assertThat(member.identityRule("mail").orElseThrow().match()).isEqualTo(IdentityMatch.EXACT);
  }

  @Test
  @DisplayName(
      "Ignoring case on an identity that holds no text is refused at start-up with its location and fix")
  void ignoringCaseOnNumbersIsRefused() {
    assertThatThrownBy(() -> PersonalDataModel.scan(Badge.class))
        .isInstanceOf(ModelValidationException.class)
        .hasMessageContaining("IdentityRulesTest$Badge.code")
        .hasMessageContaining("holds Integer, not text")
        .hasMessageContaining("Remove match = IGNORE_CASE_AND_SPACE");
  }

  @Test
  void normalizingTrimsAndLowerCasesOnlyWhenAsked() {
    assertThat(IdentityMatch.IGNORE_CASE_AND_SPACE.matches(" Ada@Example.COM\t", "ada@example.com"))
        .isTrue();
    assertThat(IdentityMatch.IGNORE_CASE_AND_SPACE.matches("ada@example.com", "ada@example.co"))
        .isFalse();
    assertThat(IdentityMatch.EXACT.matches("AdaL", "adal")).isFalse();
    assertThat(IdentityMatch.EXACT.matches("AdaL", "AdaL")).isTrue();
  }
}
