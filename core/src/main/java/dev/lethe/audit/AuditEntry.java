package dev.lethe.audit;

import static java.util.Objects.requireNonNull;

import dev.lethe.internal.util.AuditValues;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.subject.SubjectIdentifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What happened, as a caller hands it to {@link AuditTrail#record(AuditEntry)}; the trail adds the
 * sequence, the time and the hash chain, and replaces the subject by its pseudonym (Art. 5(2),
 * Art. 4(5)). Build one with {@link #of} or {@link #forRequest} and the {@code withX} copies.
 *
 * <p>Counts and attributes must never hold personal data: use ids, dates, enum names and numbers,
 * not free text written by or about the subject.
 *
 * @param type what happened
 * @param requestId the rights request it belongs to, if any
 * @param requestType that request's type, if any
 * @param subject the subject concerned, if any; the audit keeps only its pseudonym
 * @param counts named numbers, such as rows erased per entity
 * @param attributes named facts that are not personal data, such as a new due date
 */
public record AuditEntry(
    AuditEventType type,
    Optional<RequestId> requestId,
    Optional<RequestType> requestType,
    Optional<SubjectIdentifier> subject,
    Map<String, Long> counts,
    Map<String, String> attributes) {

  public AuditEntry {
    requireNonNull(type, "type");
    requireNonNull(requestId, "requestId");
    requireNonNull(requestType, "requestType");
    requireNonNull(subject, "subject");
    counts = AuditValues.counts(counts);
    attributes = AuditValues.attributes(attributes);
  }

  /** An entry of {@code type} about no request and no subject. */
  public static AuditEntry of(AuditEventType type) {
    return new AuditEntry(
        type, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Map.of());
  }

  /** An entry of {@code type} about {@code request}: its id, type and subject. */
  public static AuditEntry forRequest(AuditEventType type, RightsRequest request) {
    requireNonNull(request, "request");
    return of(type).withRequest(request.id(), request.type()).withSubject(request.subject());
  }

  /** A copy about the rights request {@code id} of {@code type}. */
  public AuditEntry withRequest(RequestId id, RequestType type) {
    return new AuditEntry(
        this.type,
        Optional.of(requireNonNull(id, "id")),
        Optional.of(requireNonNull(type, "type")),
        subject,
        counts,
        attributes);
  }

  /** A copy about {@code subject}. */
  public AuditEntry withSubject(SubjectIdentifier subject) {
    return new AuditEntry(
        type,
        requestId,
        requestType,
        Optional.of(requireNonNull(subject, "subject")),
        counts,
        attributes);
  }

  /** A copy with the count {@code name} set to {@code count}. */
  public AuditEntry withCount(String name, long count) {
    Map<String, Long> changed = new HashMap<>(counts);
    changed.put(requireNonNull(name, "name"), count);
    return new AuditEntry(type, requestId, requestType, subject, changed, attributes);
  }

  /** A copy with the attribute {@code name} set to {@code value}, which must not be personal data. */
  public AuditEntry withAttribute(String name, String value) {
    Map<String, String> changed = new HashMap<>(attributes);
    changed.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
    return new AuditEntry(type, requestId, requestType, subject, counts, changed);
  }
}
