package dev.lethe.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private static final byte[] SECRET =
      "a secret of sixteen bytes or more".getBytes(StandardCharsets.UTF_8);
  private static final Instant SIGNED_AT = Instant.parse("2026-03-01T10:00:00Z");
  private static final Duration TOLERANCE = Duration.ofMinutes(5);
  private static final String KEY = "erasure:42:crm";
  private static final String BODY = "{\"subject\":\"ada@example.org\"}";

  private final String header = WebhookSignature.sign(SECRET, SIGNED_AT, KEY, BODY);

  @Test
  void theHeaderHoldsTheTimestampAndALowercaseHexHmac() {
    assertThat(header).matches("t=" + SIGNED_AT.getEpochSecond() + ",v1=[0-9a-f]{64}");
  }

  @Test
  @DisplayName("Art. 28(3)(c), 32: an untouched request within the window verifies")
  void anUntouchedRequestVerifies() {
    assertThat(
            WebhookSignature.verify(
                SECRET, header, KEY, BODY, SIGNED_AT.plusSeconds(30), TOLERANCE))
        .isTrue();
  }

  @Test
  @DisplayName("Art. 28(3)(c), 32: a tampered body, key or secret fails verification")
  void tamperingFailsVerification() {
    Instant now = SIGNED_AT.plusSeconds(1);
    assertThat(
            WebhookSignature.verify(
                SECRET, header, KEY, BODY.replace("ada", "eve"), now, TOLERANCE))
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, header, "erasure:43:crm", BODY, now, TOLERANCE))
        .isFalse();
    byte[] otherSecret = "another secret of sixteen bytes".getBytes(StandardCharsets.UTF_8);
    assertThat(WebhookSignature.verify(otherSecret, header, KEY, BODY, now, TOLERANCE)).isFalse();
    String otherTimestamp =
        header.replace("t=" + SIGNED_AT.getEpochSecond(), "t=" + (SIGNED_AT.getEpochSecond() + 1));
    assertThat(WebhookSignature.verify(SECRET, otherTimestamp, KEY, BODY, now, TOLERANCE))
        .isFalse();
  }

  @Test
  @DisplayName(
      "Art. 32: an old or future timestamp outside the window fails verification, so that a request cannot be replayed")
  void aStaleTimestampFailsVerification() {
    assertThat(
            WebhookSignature.verify(
                SECRET, header, KEY, BODY, SIGNED_AT.plus(TOLERANCE), TOLERANCE))
        .isTrue();
    assertThat(
            WebhookSignature.verify(
                SECRET, header, KEY, BODY, SIGNED_AT.plus(TOLERANCE).plusSeconds(1), TOLERANCE))
        .isFalse();
    assertThat(
            WebhookSignature.verify(
                SECRET, header, KEY, BODY, SIGNED_AT.minus(TOLERANCE).minusSeconds(1), TOLERANCE))
        .isFalse();
  }

  @Test
  void malformedHeadersFailVerification() {
    String mac = header.substring(header.indexOf("v1=") + 3);
    long t = SIGNED_AT.getEpochSecond();
    for (String malformed :
        new String[] {
          "",
          "garbage",
          "t=" + t,
          "v1=" + mac,
          "t=x,v1=" + mac,
          "t=" + t + ",v1=zz",
          "t=" + t + ",v1=" + mac.substring(1),
          "t=" + t + ",v1=" + mac + ",v1=" + mac,
          "t=" + t + ",v0=" + mac,
          "t=" + Long.MAX_VALUE + ",v1=" + mac
        }) {
      assertThat(WebhookSignature.verify(SECRET, malformed, KEY, BODY, SIGNED_AT, TOLERANCE))
          .as(malformed)
          .isFalse();
    }
  }
}
