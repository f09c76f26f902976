package dev.lethe.spi;

import static java.util.Objects.requireNonNull;

import dev.lethe.rights.RequestId;
import dev.lethe.rights.RequestType;
import dev.lethe.rights.SubjectIdentifier;

/**
 * What a recipient of personal data is told when the controller rectified, erased or restricted a
 * subject's data (Art. 19). It names the subject, because the recipient must find the data it
 * holds; {@link #toString()} still redacts the identity's value.
 *
 * @param requestId the rights request that led to the change
 * @param change what was done: {@link RequestType#RECTIFICATION}, {@link RequestType#ERASURE} or
 *     {@link RequestType#RESTRICTION}
 * @param subject the subject whose data changed
 */
public record Notification(RequestId requestId, RequestType change, SubjectIdentifier subject) {

  public Notification {
    requireNonNull(requestId, "requestId");
    requireNonNull(change, "change");
    requireNonNull(subject, "subject");
    if (!change.isPassedToRecipients()) {
      throw new IllegalArgumentException("Art. 19 passes on rectification, erasure and restriction, not " + change);
    }
  }
}
