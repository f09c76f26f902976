package dev.lethe.law;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LawfulBasisTest {

  @Test
  @DisplayName("Art. 20(1): portability only under consent or contract")
  void portability() {
    assertThat(
            Arrays.stream(LawfulBasis.Kind.values())
                .filter(kind -> kind.rights().contains(Right.PORTABILITY)))
        .containsExactlyInAnyOrder(LawfulBasis.Kind.CONSENT, LawfulBasis.Kind.CONTRACT);
  }

  @Test
  @DisplayName("Art. 21(1): objection only under public task or legitimate interests")
  void objection() {
    assertThat(
            Arrays.stream(LawfulBasis.Kind.values())
                .filter(kind -> kind.rights().contains(Right.OBJECTION)))
        .containsExactlyInAnyOrder(
            LawfulBasis.Kind.PUBLIC_TASK, LawfulBasis.Kind.LEGITIMATE_INTERESTS);
  }

  @Test
  @DisplayName("Art. 7(3): withdrawal only under consent; access and complaint under every basis")
  void withdrawalAndUniversalRights() {
    assertThat(LawfulBasis.consent().rights()).contains(Right.WITHDRAW_CONSENT);
    assertThat(LawfulBasis.contract().rights()).doesNotContain(Right.WITHDRAW_CONSENT);
    assertThat(Arrays.stream(LawfulBasis.Kind.values()))
        .allSatisfy(
            kind ->
                assertThat(kind.rights())
                    .contains(Right.ACCESS, Right.LODGE_COMPLAINT, Right.RECTIFICATION));
  }

  @Test
  @DisplayName(
      "Art. 6(3) and 6(1)(f): bases that rest on a law or an interest refuse to be declared without it")
  void detailsRequired() {
    assertThatThrownBy(() -> LawfulBasis.legalObligation(" ")).hasMessageContaining("law");
    assertThatThrownBy(() -> LawfulBasis.publicTask("")).hasMessageContaining("law");
    assertThatThrownBy(() -> LawfulBasis.legitimateInterests("marketing", ""))
        .hasMessageContaining("assessmentRef");
    assertThat(LawfulBasis.legitimateInterests("B2B marketing", "LIA-2021-03").kind())
        .isEqualTo(LawfulBasis.Kind.LEGITIMATE_INTERESTS);
  }

  @Test
  @DisplayName("Every constant of the vocabulary names its article")
  void articles() {
    assertThat(Arrays.stream(LawfulBasis.Kind.values()).map(LawfulBasis.Kind::article))
        .allMatch(a -> a.startsWith("Art. 6(1)("));
    assertThat(Arrays.stream(ErasureGround.values()).map(ErasureGround::article))
        .allMatch(a -> a.startsWith("Art. 17(1)("));
    assertThat(Arrays.stream(ErasureExemption.values()).map(ErasureExemption::article))
        .allMatch(a -> a.startsWith("Art. 17(3)("));
    assertThat(Arrays.stream(RestrictionGround.values()).map(RestrictionGround::article))
        .allMatch(a -> a.startsWith("Art. 18(1)("));
    assertThat(Arrays.stream(Article9Condition.values()).map(Article9Condition::article))
        .allMatch(a -> a.startsWith("Art. 9(2)("))
        .hasSize(10);
    assertThat(Arrays.stream(Right.values()).map(Right::article))
        .allMatch(a -> a.startsWith("Art. "));
    assertThat(Arrays.stream(DataOrigin.values()).filter(DataOrigin::isPortable))
        .containsExactly(DataOrigin.PROVIDED, DataOrigin.OBSERVED);
  }
}
