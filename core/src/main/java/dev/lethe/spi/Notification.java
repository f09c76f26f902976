package dev.lethe.spi;

import static java.util.Objects.requireNonNull;

import dev.lethe.rights.RequestId;
import dev.lethe.rights.RequestType;
import dev.lethe.rights.SubjectIdentifier;

/**
 * What a recipient of personal data is told when the controller rectified, erased or restricted a
 * subject's data (Art. 19), or lifted a restriction it was told of. It names the subject, because
 * the recipient must find the data it holds; {@link #toString()} still redacts the identity's value.
 *
 * @param requestId the rights request that led to the change; for a lifted restriction, the request
 *     that obtained it
 * @param change what was done: {@link RequestType#RECTIFICATION}, {@link RequestType#ERASURE} or
 *     {@link RequestType#RESTRICTION}
 * @param subject the subject whose data changed
 * @param restrictionLifted whether a restriction was lifted rather than placed (Art. 18(3)): the
 *     recipient may process the data again; only with {@link RequestType#RESTRICTION}
 */
public record Notification(RequestId requestId, RequestType change, SubjectIdentifier subject, boolean restrictionLifted) {

  public Notification {
    requireNonNull(requestId, "requestId");
    requireNonNull(change, "change");
    requireNonNull(subject, "subject");
    if (!change.isPassedToRecipients()) {
      throw new IllegalArgumentException("Art. 19 passes on rectification, erasure and restriction, not " + change);
    }
    if (restrictionLifted && change != RequestType.RESTRICTION) {
      throw new IllegalArgumentException("Only a restriction is lifted (Art. 18(3)), not a " + change);
    }
  }

  /** A rectification, erasure or restriction carried out for {@code requestId} (Art. 19). */
  public Notification(RequestId requestId, RequestType change, SubjectIdentifier subject) {
    this(requestId, change, subject, false);
  }
}
