package dev.lethe.audit;

import static java.util.Objects.requireNonNull;

import dev.lethe.internal.util.AuditValues;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.subject.SubjectPseudonym;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One link of the audit trail (Art. 5(2)): what happened, when, to which request and which
 * (pseudonymous) subject, chained to the event before it.
 *
 * <p>{@code hash} is the HMAC-SHA256, in lowercase hex and under the trail's chain key, of a
 * canonical encoding of every other component, {@code previousHash} included; {@code previousHash} is the hash of the event with the
 * sequence before, or {@link #GENESIS_HASH} for the first. A change to any event therefore shows,
 * and {@link AuditTrail#verify()} finds it. An event holds no personal data.
 *
 * @param sequence the event's position in the trail, from 1 without gaps
 * @param occurredAt when it was recorded
 * @param type what happened
 * @param requestId the rights request it belongs to, if any
 * @param requestType that request's type, if any
 * @param subject the pseudonym of the subject concerned, if any
 * @param counts named numbers, sorted by name
 * @param attributes named facts, sorted by name
 * @param previousHash the hash of the event before
 * @param hash this event's hash
 */
public record AuditEvent(
    long sequence,
    Instant occurredAt,
    AuditEventType type,
    Optional<RequestId> requestId,
    Optional<RequestType> requestType,
    Optional<SubjectPseudonym> subject,
    Map<String, Long> counts,
    Map<String, String> attributes,
    String previousHash,
    String hash) {

  /** The previous hash of the first event: 64 zeros. */
  public static final String GENESIS_HASH = "0".repeat(64);

  public AuditEvent {
    if (sequence < 1) {
      throw new IllegalArgumentException("An audit event's sequence starts at 1, not " + sequence);
    }
    requireNonNull(occurredAt, "occurredAt");
    requireNonNull(type, "type");
    requireNonNull(requestId, "requestId");
    requireNonNull(requestType, "requestType");
    requireNonNull(subject, "subject");
    counts = AuditValues.counts(counts);
    attributes = AuditValues.attributes(attributes);
    AuditValues.requireSha256Hex(previousHash, "previousHash");
    AuditValues.requireSha256Hex(hash, "hash");
  }
}
