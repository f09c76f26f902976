package dev.lethe.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.request.RequestType;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestTypeTest {

  @Test
  @DisplayName("Chapter III: each request type names the article granting its right")
  void eachTypeNamesItsArticle() {
    assertThat(RequestType.ACCESS.article()).isEqualTo("Art. 15");
    assertThat(RequestType.PORTABILITY.article()).isEqualTo("Art. 20");
    assertThat(RequestType.RECTIFICATION.article()).isEqualTo("Art. 16");
    assertThat(RequestType.ERASURE.article()).isEqualTo("Art. 17");
    assertThat(RequestType.RESTRICTION.article()).isEqualTo("Art. 18");
    assertThat(RequestType.OBJECTION.article()).isEqualTo("Art. 21");
    assertThat(RequestType.CONSENT_WITHDRAWAL.article()).isEqualTo("Art. 7(3)");
  }

  @Test
  @DisplayName(
      "Art. 19: rectification, erasure and restriction are passed on to recipients, nothing else")
  void onlyRectificationErasureAndRestrictionArePassedOn() {
    assertThat(Arrays.stream(RequestType.values()).filter(RequestType::isPassedToRecipients))
        .containsExactly(RequestType.RECTIFICATION, RequestType.ERASURE, RequestType.RESTRICTION);
  }
}
