package dev.lethe.audit;

import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.subject.SubjectPseudonym;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash that chains audit events: HMAC-SHA256, under a key kept apart from the audit's
 * storage, over a canonical encoding of an event's components, its previous hash included. Without
 * the key, nobody who can edit the stored events can re-chain a rewritten suffix (Art. 5(2), 32).
 *
 * <p>The encoding is unambiguous, so no two different events share it: every text is
 * length-prefixed UTF-8, every optional part starts with a presence flag, every map with its size
 * and is written in name order, and a version tag leads so that the encoding can evolve.
 */
public final class AuditHash {

  /** The shortest chain key accepted: 256 bits, the strength of HMAC-SHA256. */
  public static final int MINIMUM_KEY_BYTES = 32;

  private static final String ENCODING_VERSION = "lethe-audit-v2";
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  private AuditHash(byte[] key) {
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  /**
   * Hashes under {@code key}, which is copied.
   *
   * @throws IllegalArgumentException if the key is shorter than {@value #MINIMUM_KEY_BYTES} bytes
   */
  public static AuditHash keyed(byte[] key) {
    if (key.length < MINIMUM_KEY_BYTES) {
      throw new IllegalArgumentException(
          "The audit chain key must be at least "
              + MINIMUM_KEY_BYTES
              + " bytes (256 bits) for HMAC-SHA256, but has "
              + key.length);
    }
    return new AuditHash(Arrays.copyOf(key, key.length));
  }

  /** The hash {@code event} should carry: computed from its components, ignoring the hash it carries. */
  public String of(AuditEvent event) {
    return of(
        event.sequence(),
        event.occurredAt(),
        event.type(),
        event.requestId(),
        event.requestType(),
        event.subject(),
        event.counts(),
        event.attributes(),
        event.previousHash());
  }

  /** The hash of an event with these components. */
  public String of(
      long sequence,
      Instant occurredAt,
      AuditEventType type,
      Optional<RequestId> requestId,
      Optional<RequestType> requestType,
      Optional<SubjectPseudonym> subject,
      Map<String, Long> counts,
      Map<String, String> attributes,
      String previousHash) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeText(out, ENCODING_VERSION);
      out.writeLong(sequence);
      out.writeLong(occurredAt.getEpochSecond());
      out.writeInt(occurredAt.getNano());
      writeText(out, type.name());
      writeOptionalText(out, requestId.map(RequestId::toString));
      writeOptionalText(out, requestType.map(RequestType::name));
      writeOptionalText(out, subject.map(SubjectPseudonym::hex));
      out.writeInt(counts.size());
      for (Map.Entry<String, Long> count : new TreeMap<>(counts).entrySet()) {
        writeText(out, count.getKey());
        out.writeLong(count.getValue());
      }
      out.writeInt(attributes.size());
      for (Map.Entry<String, String> attribute : new TreeMap<>(attributes).entrySet()) {
        writeText(out, attribute.getKey());
        writeText(out, attribute.getValue());
      }
      writeText(out, previousHash);
    } catch (IOException e) {
      throw new UncheckedIOException("Writing to memory cannot fail", e);
    }
    return HexFormat.of().formatHex(mac().doFinal(bytes.toByteArray()));
  }

  private static void writeOptionalText(DataOutputStream out, Optional<String> text)
      throws IOException {
    out.writeBoolean(text.isPresent());
    if (text.isPresent()) {
      writeText(out, text.get());
    }
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  // A Mac is not thread-safe, and making one per event is cheap next to storing the event.
  private Mac mac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java platform provides " + ALGORITHM, e);
    }
  }

  @Override
  public String toString() {
    return "AuditHash[" + ALGORITHM + ", key=<secret>]";
  }
}
