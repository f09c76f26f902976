package dev.lethe.webhook;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Lethe-Signature} header of a webhook (Art. 28(3)(c), 32: a processor acts only on the
 * controller's authentic instructions): {@code t=<epoch seconds>,v1=<lowercase hex HMAC-SHA256>} over
 * {@code "<t>.<idempotencyKey>.<body>"} with the destination's shared secret. A receiver calls {@link
 * #verify} with the header, the {@code Lethe-Idempotency-Key} header and the raw body before acting.
 */
public final class WebhookSignature {

  /** The name of the signature header. */
  public static final String HEADER = "Lethe-Signature";

  private static final String ALGORITHM = "HmacSHA256";
  private static final HexFormat HEX = HexFormat.of();

  private WebhookSignature() {}

  /**
   * The header value signing {@code body} delivered under {@code idempotencyKey} at {@code timestamp}.
   *
   * @param secret the destination's shared secret, not empty
   */
  public static String sign(byte[] secret, Instant timestamp, String idempotencyKey, String body) {
    requireNonNull(timestamp, "timestamp");
    long seconds = timestamp.getEpochSecond();
    return "t=" + seconds + ",v1=" + HEX.formatHex(mac(secret, seconds, idempotencyKey, body));
  }

  /**
   * Whether {@code header} is a well-formed signature of {@code body} under {@code idempotencyKey} with
   * {@code secret}, made no more than {@code tolerance} before or after {@code now}: a stale timestamp
   * is refused, so that a captured request cannot be replayed later. The comparison takes constant
   * time, so that it does not reveal how much of a forged signature was right.
   */
  public static boolean verify(
      byte[] secret,
      String header,
      String idempotencyKey,
      String body,
      Instant now,
      Duration tolerance) {
    requireNonNull(header, "header");
    requireNonNull(now, "now");
    requireNonNull(tolerance, "tolerance");
    Long seconds = null;
    byte[] signature = null;
    for (String part : header.split(",", -1)) {
      int equals = part.indexOf('=');
      if (equals < 0) {
        return false;
      }
      String name = part.substring(0, equals).trim();
      String value = part.substring(equals + 1).trim();
      try {
        if (name.equals("t") && seconds == null) {
          seconds = Long.parseLong(value);
        } else if (name.equals("v1") && signature == null) {
          signature = HEX.parseHex(value);
        } else {
          return false;
        }
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    if (seconds == null || signature == null) {
      return false;
    }
    Duration age;
    try {
      age = Duration.between(Instant.ofEpochSecond(seconds), now).abs();
    } catch (DateTimeException | ArithmeticException e) {
      return false;
    }
    if (age.compareTo(tolerance) > 0) {
      return false;
    }
    return MessageDigest.isEqual(signature, mac(secret, seconds, idempotencyKey, body));
  }

  private static byte[] mac(byte[] secret, long seconds, String idempotencyKey, String body) {
    requireNonNull(secret, "secret");
    requireNonNull(idempotencyKey, "idempotencyKey");
    requireNonNull(body, "body");
    if (secret.length == 0) {
      throw new IllegalArgumentException("A webhook secret must not be empty");
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      return mac.doFinal(
          (seconds + "." + idempotencyKey + "." + body).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // Every Java platform must support HmacSHA256, and any non-empty key suits it.
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
