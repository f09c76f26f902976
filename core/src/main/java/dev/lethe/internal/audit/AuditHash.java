package dev.lethe.internal.audit;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.SubjectPseudonym;
import dev.lethe.rights.RequestId;
import dev.lethe.rights.RequestType;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The hash that chains audit events: SHA-256 over a canonical encoding of an event's components,
 * its previous hash included.
 *
 * <p>The encoding is unambiguous, so no two different events share it: every text is
 * length-prefixed UTF-8, every optional part starts with a presence flag, every map with its size
 * and is written in name order, and a version tag leads so that the encoding can evolve.
 */
public final class AuditHash {

  private static final String ENCODING_VERSION = "lethe-audit-v1";

  private AuditHash() {}

  /** The hash {@code event} should carry: computed from its components, ignoring the hash it carries. */
  public static String of(AuditEvent event) {
    return of(event.sequence(), event.occurredAt(), event.type(), event.requestId(), event.requestType(),
        event.subject(), event.counts(), event.attributes(), event.previousHash());
  }

  /** The hash of an event with these components. */
  public static String of(
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
    return HexFormat.of().formatHex(sha256().digest(bytes.toByteArray()));
  }

  private static void writeOptionalText(DataOutputStream out, Optional<String> text) throws IOException {
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

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform provides SHA-256", e);
    }
  }
}
