package dev.lethe.spi;

import static java.util.Objects.requireNonNull;

import dev.lethe.law.ErasureGround;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.subject.SubjectIdentifier;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a recipient of personal data is told when the controller rectified, erased or restricted a
 * subject's data (Art. 19), or lifted a restriction it was told of; and, so that a recipient
 * processing for a purpose stops doing so, when the subject objected to that purpose (Art. 21) or
 * withdrew its consent to it (Art. 7(3)). It names the subject, because the recipient must find the
 * data it holds, and a rectification carries the corrected values, because the recipient must
 * correct its copy; {@link #toString()} shows neither.
 *
 * <p>Build one with the factory of its change: {@link #rectification}, {@link #erasure}, {@link
 * #restriction}, {@link #restrictionLifted}, {@link #objection} or {@link #consentWithdrawal}.
 *
 * @param requestId the rights request that led to the change; for a lifted restriction, the request
 *     that obtained it; for an objection or a withdrawal made outside a rights request, an id of its own
 * @param change what was done: {@link RequestType#RECTIFICATION}, {@link RequestType#ERASURE}, {@link
 *     RequestType#RESTRICTION}, {@link RequestType#OBJECTION} or {@link RequestType#CONSENT_WITHDRAWAL}
 * @param subject the subject whose data changed
 * @param restrictionLifted whether a restriction was lifted rather than placed (Art. 18(3)): the
 *     recipient may process the data again; only with {@link RequestType#RESTRICTION}
 * @param erasureGround the ground the controller erased on (Art. 17(1)), if the notice states it; only
 *     with {@link RequestType#ERASURE}
 * @param corrections the attributes corrected, by name, with their new values as text (ISO-8601 for
 *     dates and times, the constant's name for an enum; {@code null} for a value cleared); only with
 *     {@link RequestType#RECTIFICATION}, and empty where the controller tells of the rectification
 *     without its values
 * @param purpose the purpose objected to or no longer consented to; exactly with {@link
 *     RequestType#OBJECTION} and {@link RequestType#CONSENT_WITHDRAWAL}
 */
public record Notification(
    RequestId requestId,
    RequestType change,
    SubjectIdentifier subject,
    boolean restrictionLifted,
    Optional<ErasureGround> erasureGround,
    Map<String, @Nullable String> corrections,
    Optional<String> purpose) {

  private static final Set<RequestType> PASSED_ON =
      EnumSet.of(
          RequestType.RECTIFICATION,
          RequestType.ERASURE,
          RequestType.RESTRICTION,
          RequestType.OBJECTION,
          RequestType.CONSENT_WITHDRAWAL);

  public Notification {
    requireNonNull(requestId, "requestId");
    requireNonNull(change, "change");
    requireNonNull(subject, "subject");
    requireNonNull(erasureGround, "erasureGround");
    requireNonNull(corrections, "corrections");
    requireNonNull(purpose, "purpose");
    if (!PASSED_ON.contains(change)) {
      throw new IllegalArgumentException(
          "Recipients are told of rectification, erasure and restriction (Art. 19),"
              + " objection (Art. 21) and consent withdrawal (Art. 7(3)), not "
              + change);
    }
    if (restrictionLifted && change != RequestType.RESTRICTION) {
      throw new IllegalArgumentException(
          "Only a restriction is lifted (Art. 18(3)), not a " + change);
    }
    if (erasureGround.isPresent() && change != RequestType.ERASURE) {
      throw new IllegalArgumentException(
          "Only an erasure states an erasure ground, not a " + change);
    }
    if (!corrections.isEmpty() && change != RequestType.RECTIFICATION) {
      throw new IllegalArgumentException(
          "Only a rectification carries corrections, not a " + change);
    }
    boolean aboutPurpose =
        change == RequestType.OBJECTION || change == RequestType.CONSENT_WITHDRAWAL;
    if (purpose.isPresent() != aboutPurpose) {
      throw new IllegalArgumentException(
          "An objection or a consent withdrawal, and only they, name a purpose");
    }
    corrections = Collections.unmodifiableMap(new LinkedHashMap<>(corrections));
  }

  /**
   * A rectification, erasure or restriction carried out for {@code requestId} (Art. 19), stating
   * nothing more: neither the values corrected nor the erasure's ground.
   *
   * @throws IllegalArgumentException for an objection or a withdrawal, which name their purpose
   */
  public Notification(RequestId requestId, RequestType change, SubjectIdentifier subject) {
    this(requestId, change, subject, false, Optional.empty(), Map.of(), Optional.empty());
  }

  /** The attributes of {@code subject} corrected for {@code requestId}, with their new values as text (Art. 16, 19). */
  public static Notification rectification(
      RequestId requestId, SubjectIdentifier subject, Map<String, @Nullable String> corrections) {
    return new Notification(
        requestId,
        RequestType.RECTIFICATION,
        subject,
        false,
        Optional.empty(),
        corrections,
        Optional.empty());
  }

  /** {@code subject}'s data erased for {@code requestId} on {@code ground} (Art. 17(1), 17(2), 19). */
  public static Notification erasure(
      RequestId requestId, SubjectIdentifier subject, ErasureGround ground) {
    return new Notification(
        requestId,
        RequestType.ERASURE,
        subject,
        false,
        Optional.of(ground),
        Map.of(),
        Optional.empty());
  }

  /** {@code subject}'s data restricted for {@code requestId} (Art. 18, 19). */
  public static Notification restriction(RequestId requestId, SubjectIdentifier subject) {
    return new Notification(requestId, RequestType.RESTRICTION, subject);
  }

  /** The restriction obtained by {@code requestId} lifted (Art. 18(3), 19): the data may be processed again. */
  public static Notification restrictionLifted(RequestId requestId, SubjectIdentifier subject) {
    return new Notification(
        requestId,
        RequestType.RESTRICTION,
        subject,
        true,
        Optional.empty(),
        Map.of(),
        Optional.empty());
  }

  /** {@code subject} objected to processing for {@code purpose} (Art. 21): the recipient stops it too. */
  public static Notification objection(
      RequestId requestId, SubjectIdentifier subject, String purpose) {
    return new Notification(
        requestId,
        RequestType.OBJECTION,
        subject,
        false,
        Optional.empty(),
        Map.of(),
        Optional.of(purpose));
  }

  /** {@code subject} withdrew its consent to {@code purpose} (Art. 7(3)): the recipient stops processing for it too. */
  public static Notification consentWithdrawal(
      RequestId requestId, SubjectIdentifier subject, String purpose) {
    return new Notification(
        requestId,
        RequestType.CONSENT_WITHDRAWAL,
        subject,
        false,
        Optional.empty(),
        Map.of(),
        Optional.of(purpose));
  }

  /** Names the request, the change and the corrected attributes; never the subject's identity or a value. */
  @Override
  public String toString() {
    return "Notification[requestId="
        + requestId
        + ", change="
        + change
        + ", subject="
        + subject
        + (restrictionLifted ? ", restrictionLifted" : "")
        + erasureGround.map(ground -> ", erasureGround=" + ground).orElse("")
        + (corrections.isEmpty() ? "" : ", corrected=" + corrections.keySet())
        + purpose.map(name -> ", purpose=" + name).orElse("")
        + "]";
  }
}
