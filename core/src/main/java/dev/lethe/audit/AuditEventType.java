package dev.lethe.audit;

/** What an audit event records. Together the events show that the controller complies (Art. 5(2)). */
public enum AuditEventType {
  /** A rights request was received (Art. 12(3): the deadline starts). */
  REQUEST_SUBMITTED,
  /** The subject's identity was confirmed (Art. 12(6)). */
  IDENTITY_VERIFIED,
  /** The deadline was extended once, with a reason (Art. 12(3)). */
  REQUEST_EXTENDED,
  /** The request was refused as manifestly unfounded or excessive (Art. 12(4), 12(5)). */
  REQUEST_REJECTED,
  /** The action requested was taken. */
  REQUEST_FULFILLED,
  /** The subject was told of the action taken (Art. 12(3)). */
  REQUEST_COMPLETED,
  /** The request was withdrawn or closed without action. */
  REQUEST_CANCELLED,
  /** A subject's personal data was erased (Art. 17). */
  SUBJECT_ERASED,
  /** A subject's personal data was corrected (Art. 16). */
  DATA_RECTIFIED,
  /** A copy of a subject's personal data was produced (Art. 15, Art. 20). */
  DATA_EXPORTED,
  /** A recipient was told of a rectification, erasure or restriction (Art. 19). */
  RECIPIENT_NOTIFIED,
  /** Telling a recipient failed after every attempt; it stays pending for a retry (Art. 19). */
  NOTIFICATION_FAILED
}
